"""Every default argument is the one the course documents.

The defaults set what a learner sees first: each explorable's opening view, every "Try it" line
in ``book/models.md`` (whose parameter tables list the defaults) and each ``default_run``. A
call that leaves an argument out must behave exactly like a call that spells out the documented
value; the figures the prose quotes from those defaults are pinned in ``test_quoted_figures.py``.
"""
from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from belonging import alone_lonely, convoy, friendship, homeostat, loneliness_loop, mortality, needs, network
from belonging import ostracism, risk_regulation, support, survival, weak_ties

SMALL_NET = network.social_network(60, seed=2)
SURVEY = support.simulate(200, seed=3)

# (id, call with the defaults, the same call with every documented default spelled out)
DEFAULTS = [
    # homeostat (models.md: quality 0.8, decay 0.05; docstrings: 120 days from 0.3, set point 0.6)
    ("homeostat.Partner", lambda: homeostat.Partner(2, 0.5),
     lambda: homeostat.Partner(2, 0.5, quality=0.8, starts_day=0, ends_day=730)),
    ("homeostat.simulate", lambda: homeostat.simulate([homeostat.Partner(2, 0.5)]),
     lambda: homeostat.simulate([homeostat.Partner(2, 0.5)], days=120, decay=0.05, start=0.3,
                                set_point=0.6, seed=0)),
    ("homeostat.simulate_one", lambda: homeostat.simulate_one(2, 0.5),
     lambda: homeostat.simulate_one(2, 0.5, quality=0.8, days=120, decay=0.05, start=0.3, seed=0)),
    ("homeostat.steady_state", lambda: homeostat.steady_state(2, 0.5),
     lambda: homeostat.steady_state(2, 0.5, quality=0.8, decay=0.05)),
    ("homeostat.default_run", homeostat.default_run,
     lambda: homeostat.simulate_one(3, 0.9)),  # "a close friend seen three times a week"
    # friendship (models.md: 5 leisure hours, 0 school hours, variation 0.5)
    ("friendship.weighted_hours", lambda: friendship.weighted_hours(7),
     lambda: friendship.weighted_hours(7, 0)),
    ("friendship.weeks_to_stage", lambda: friendship.weeks_to_stage("friend", 3),
     lambda: friendship.weeks_to_stage("friend", 3, 0)),
    ("friendship.stage_curves", lambda: friendship.stage_curves(3),
     lambda: friendship.stage_curves(3, 0, weeks=80)),
    ("friendship.simulate", friendship.simulate,
     lambda: friendship.simulate(acquaintances=6, weeks=80, leisure_hours_per_week=5,
                                 school_hours_per_week=0, variation=0.5, seed=0)),
    ("friendship.default_run", friendship.default_run, friendship.simulate),
    # survival (models.md: groups of 5, store 4 of at most 8; docstring: 600 foragers, 120 days)
    ("survival.simulate", lambda: survival.simulate(1.0),
     lambda: survival.simulate(1.0, 1, foragers=600, days=120, start_store=4, max_store=8, seed=0)),
    ("survival.survival_probability", lambda: survival.survival_probability(1.0),
     lambda: survival.survival_probability(1.0, 1, foragers=600, days=120, seed=0)),
    ("survival.compare", lambda: survival.compare(1.0),
     lambda: survival.compare(1.0, 5, foragers=600, days=120, start_store=4, max_store=8, seed=0)),
    ("survival.default_run", survival.default_run, lambda: survival.compare(1.0, 5)),
    # ostracism (models.md: n 200, noise 1, recovery 10 minutes; 30 throws, a fair third)
    ("ostracism.play", ostracism.play,
     lambda: ostracism.play(1 / 3, throws=30, early_throws=0, seed=0)),
    # early throws only matter when the share is not a fair third; at none they are all you get
    ("ostracism.play.early_throws", lambda: ostracism.play(0.0),
     lambda: ostracism.play(0.0, throws=30, early_throws=0, seed=0)),
    ("ostracism.expected_need_level", lambda: ostracism.expected_need_level(0.1),
     lambda: ostracism.expected_need_level(0.1, drop=1.75)),
    ("ostracism.simulate_people", ostracism.simulate_people,
     lambda: ostracism.simulate_people(1 / 3, n=200, throws=30, early_throws=0, noise_sd=1.0,
                                       drop=1.75, seed=0)),
    ("ostracism.simulate_people.early_throws", lambda: ostracism.simulate_people(0.0),
     lambda: ostracism.simulate_people(0.0, n=200, throws=30, early_throws=0, noise_sd=1.0, drop=1.75, seed=0)),
    ("ostracism.simulate_condition", lambda: ostracism.simulate_condition("exclusion"),
     lambda: ostracism.simulate_condition("exclusion", n=200, throws=30, noise_sd=1.0, seed=0)),
    ("ostracism.compare_conditions", ostracism.compare_conditions,
     lambda: ostracism.compare_conditions(n=2000, throws=30, noise_sd=1.0, seed=0)),
    ("ostracism.time_course", lambda: ostracism.time_course(0.1),
     lambda: ostracism.time_course(0.1, minutes=60, recovery_minutes=10, drop=1.75)),
    ("ostracism.default_run", ostracism.default_run,
     lambda: ostracism.compare_conditions(n=500, seed=0)),  # models.md: "500 people per condition"
    # network (models.md: contagion 0.8, 4 neighbours, rewiring 0.1; 400 people, loneliest 20%)
    ("network.social_network", network.social_network,
     lambda: network.social_network(400, 4, 0.1, seed=0)),
    ("network.loneliness_scores", lambda: network.loneliness_scores(SMALL_NET, 0.5),
     lambda: network.loneliness_scores(SMALL_NET, 0.5, seed=0)),
    ("network.clustering_by_distance", network.clustering_by_distance,
     lambda: network.clustering_by_distance(0.8, people=400, neighbours=4, rewiring=0.1, lonely_share=0.2,
                                            max_distance=6, networks=1, seed=0)),
    ("network.ego_layers", lambda: network.ego_layers(5),
     lambda: network.ego_layers(5, spread=0.5, sizes="typical")),
    ("network.default_run", network.default_run, network.clustering_by_distance),
    # risk regulation (models.md: regard 0.5, warmth 0.6, no reassurance or charity, 80 episodes)
    ("risk_regulation.threshold", lambda: risk_regulation.threshold(0.3),
     lambda: risk_regulation.threshold(0.3, 0.0)),
    ("risk_regulation.simulate", risk_regulation.simulate,
     lambda: risk_regulation.simulate(0.5, partner_warmth=0.6, reassurance=0.0, charitable_interpretation=0.0,
                                      initial_dependence=0.5, episodes=80, seed=0)),
    ("risk_regulation.default_run", risk_regulation.default_run, risk_regulation.simulate),
    # loneliness loop (models.md: bias 0.7, no intervention, friendliness 0.7, 5 contacts a week)
    ("loneliness_loop.simulate", loneliness_loop.simulate,
     lambda: loneliness_loop.simulate(0.7, "none", weeks=52, friendliness=0.7, contacts_per_week=5.0,
                                      start_loneliness=0.6, seed=0)),
    ("loneliness_loop.compare", lambda: loneliness_loop.compare(seeds=3),
     lambda: loneliness_loop.compare(0.7, seeds=3, weeks=52, friendliness=0.7, contacts_per_week=5.0,
                                     start_loneliness=0.6)),
    ("loneliness_loop.compare.seeds", lambda: loneliness_loop.compare(weeks=2),
     lambda: loneliness_loop.compare(weeks=2, seeds=20)),
    ("loneliness_loop.default_run", loneliness_loop.default_run, loneliness_loop.simulate),
    # convoy (models.md: variation 0.25, selectivity 0.5, horizon 90, no events; 200 people)
    ("convoy.LifeEvents", convoy.LifeEvents,
     lambda: convoy.LifeEvents(parenthood=None, job_entry=None, retirement=None, widowhood=None)),
    ("convoy.expected_convoy", convoy.expected_convoy,
     lambda: convoy.expected_convoy(selectivity=0.5, life_horizon=90, events=convoy.LifeEvents())),
    ("convoy.simulate_people", lambda: convoy.simulate_people(),
     lambda: convoy.simulate_people(200, variation=0.25, selectivity=0.5, life_horizon=90, events=None, seed=0)),
    ("convoy.simulate_person", convoy.simulate_person,
     lambda: convoy.simulate_person(variation=0.25, selectivity=0.5, life_horizon=90, events=None, seed=0)),
    ("convoy.default_run", convoy.default_run, lambda: convoy.average(convoy.simulate_people(200, seed=0))),
    # social support (models.md: b1 4, b2 2, b3 3, correlation 0; docstrings: b0 4, 2,000 people)
    ("support.expected_distress", lambda: support.expected_distress(0.6, 0.3, 0.8),
     lambda: support.expected_distress(0.6, 0.3, 0.8, b0=4.0, b1=4.0, b2=2.0, b3=3.0)),
    ("support.simulate", support.simulate,
     lambda: support.simulate(2000, b0=4.0, b1=4.0, b2=2.0, b3=3.0, noise_sd=1.0, correlation=0.0, seed=0)),
    ("support.distress_by_stress", lambda: support.distress_by_stress(SURVEY),
     lambda: support.distress_by_stress(SURVEY, by="support", bands=5)),
    ("support.default_run", support.default_run, support.simulate),
    # weak ties (models.md: 1 bridge, density 0.3, transmission 0.3 and 0.1; 30 steps)
    ("weak_ties.two_clusters", weak_ties.two_clusters,
     lambda: weak_ties.two_clusters(1, cluster_size=30, within_density=0.3, seed=0)),
    ("weak_ties.simulate", weak_ties.simulate,
     lambda: weak_ties.simulate(1, cluster_size=30, within_density=0.3, strong_transmission=0.3,
                                weak_transmission=0.1, steps=30, runs=20, seed=0)),
    ("weak_ties.default_run", weak_ties.default_run, weak_ties.simulate),
    # mortality: everything, unless a study is named
    ("mortality.rows", mortality.rows, lambda: mortality.rows(None)),
    ("mortality.default_run", mortality.default_run, mortality.rows),
    # needs (models.md: every need half met; 21 points from 0 to 1)
    ("needs.curves", needs.curves,
     lambda: needs.curves(needs.DEFAULT_FULFILMENT, esteem=needs.DEFAULT_FULFILMENT,
                          autonomy=needs.DEFAULT_FULFILMENT, points=21)),
    # alone versus lonely (models.md: 400 people, contact 4 h, desire 0.7 +- 0.3, quality 0.6 +- 0.3)
    ("alone_lonely.simulate", alone_lonely.simulate,
     lambda: alone_lonely.simulate(400, contact_mean=4.0, desire_mean=0.7, desire_spread=0.3,
                                   quality_mean=0.6, quality_spread=0.3, seed=0)),
    ("alone_lonely.default_run", alone_lonely.default_run, lambda: alone_lonely.simulate(400, seed=0)),
    ("alone_lonely.correlation_at", lambda: alone_lonely.correlation_at("desire_spread", 0.1, n=50),
     lambda: alone_lonely.correlation_at("desire_spread", 0.1, n=50, seed=0)),
    ("alone_lonely.sweep", lambda: alone_lonely.sweep("quality_mean", [0.2, 0.8], n=50),
     lambda: alone_lonely.sweep("quality_mean", [0.2, 0.8], n=50, seed=0)),
]


def _same(a, b) -> bool:
    """Equal in every field and every array element (a repr shortens long arrays with "...")."""
    if dataclasses.is_dataclass(a) and not isinstance(a, type):
        return type(a) is type(b) and all(
            _same(getattr(a, f.name), getattr(b, f.name)) for f in dataclasses.fields(a))
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        a, b = np.asarray(a), np.asarray(b)
        return a.dtype == b.dtype and np.array_equal(a, b, equal_nan=a.dtype.kind == "f")
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, (tuple, list)):
        return type(a) is type(b) and len(a) == len(b) and all(map(_same, a, b))
    return repr(a) == repr(b)


@pytest.mark.parametrize("defaults, spelled_out", [d[1:] for d in DEFAULTS], ids=[d[0] for d in DEFAULTS])
def test_leaving_an_argument_out_means_its_documented_default(defaults, spelled_out):
    assert _same(defaults(), spelled_out())
