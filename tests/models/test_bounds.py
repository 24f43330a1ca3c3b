"""Every documented bound of every public model function, enforced exactly on both sides.

One table, read from the ranges the models document (docstrings, ``book/models.md``): for each
bounded parameter the bound itself is accepted, and the nearest value just past it (the next
float, or the next whole number) is rejected with a ``ValueError`` that names the parameter and
its allowed range. A bound loosened to 2.0 where 1.0 is documented, a parameter checked under
another name, or a check dropped, fails here.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Callable

import numpy as np
import pytest

from belonging import convoy, friendship, homeostat, loneliness_loop, mortality, network, ostracism
from belonging import alone_lonely, needs, risk_regulation, support, survival, weak_ties

# A small network for functions that take one (cheap, and fixed).
SMALL_NET = network.social_network(50, seed=1)
ROW = mortality.rows("2010")[0]
SURVEY = support.simulate(100, seed=1)
CONVOY = convoy.expected_convoy()


@dataclass(frozen=True)
class Bound:
    function: str                 # for the test id
    name: str                     # the parameter, as the error must name it
    lo: float
    hi: float
    call: Callable[[Any], Any]    # calls the function with the parameter set to the value
    whole: bool = False           # a whole-number parameter: "just past" is one more or one less


def B(function, name, lo, hi, call, whole=False):
    return Bound(function, name, lo, hi, call, whole)


BOUNDS = [
    # --- homeostat -----------------------------------------------------------------------------
    B("homeostat.Partner", "contacts_per_week", 0, homeostat.MAX_CONTACTS_PER_WEEK,
      lambda v: homeostat.Partner(v, 0.5)),
    B("homeostat.Partner", "bond_stability", 0, 1, lambda v: homeostat.Partner(1, v)),
    B("homeostat.Partner", "quality", 0, 1, lambda v: homeostat.Partner(1, 0.5, quality=v)),
    B("homeostat.Partner", "starts_day", 0, homeostat.MAX_DAYS,
      lambda v: homeostat.Partner(1, 0.5, starts_day=v, ends_day=homeostat.MAX_DAYS), whole=True),
    B("homeostat.Partner", "ends_day", 0, homeostat.MAX_DAYS,
      lambda v: homeostat.Partner(1, 0.5, ends_day=v), whole=True),
    B("homeostat.simulate", "days", 1, homeostat.MAX_DAYS,
      lambda v: homeostat.simulate([homeostat.Partner(1, 0.5)], days=v), whole=True),
    B("homeostat.simulate", "decay", 0.001, 0.5, lambda v: homeostat.simulate([], days=1, decay=v)),
    B("homeostat.simulate", "start", 0, 1, lambda v: homeostat.simulate([], days=1, start=v)),
    B("homeostat.simulate", "set_point", 0, 1, lambda v: homeostat.simulate([], days=1, set_point=v)),
    B("homeostat.simulate_one", "contacts_per_week", 0, 28, lambda v: homeostat.simulate_one(v, 0.5, days=1)),
    B("homeostat.simulate_one", "bond_stability", 0, 1, lambda v: homeostat.simulate_one(1, v, days=1)),
    B("homeostat.simulate_one", "quality", 0, 1, lambda v: homeostat.simulate_one(1, 0.5, quality=v, days=1)),
    B("homeostat.simulate_one", "days", 1, 730, lambda v: homeostat.simulate_one(1, 0.5, days=v), whole=True),
    B("homeostat.simulate_one", "decay", 0.001, 0.5, lambda v: homeostat.simulate_one(1, 0.5, days=1, decay=v)),
    B("homeostat.simulate_one", "start", 0, 1, lambda v: homeostat.simulate_one(1, 0.5, days=1, start=v)),
    B("homeostat.steady_state", "contacts_per_week", 0, 28, lambda v: homeostat.steady_state(v, 0.5)),
    B("homeostat.steady_state", "bond_stability", 0, 1, lambda v: homeostat.steady_state(1, v)),
    B("homeostat.steady_state", "quality", 0, 1, lambda v: homeostat.steady_state(1, 0.5, quality=v)),
    B("homeostat.steady_state", "decay", 0.001, 0.5, lambda v: homeostat.steady_state(1, 0.5, decay=v)),
    # --- friendship ----------------------------------------------------------------------------
    B("friendship.weighted_hours", "leisure_hours", 0, friendship.MAX_HOURS,
      lambda v: friendship.weighted_hours(v)),
    B("friendship.weighted_hours", "school_hours", 0, 10_000, lambda v: friendship.weighted_hours(1, v)),
    B("friendship.stage_probabilities", "hours", 0, 10_000, lambda v: friendship.stage_probabilities(v)),
    B("friendship.friendship_stage", "hours", 0, 10_000, lambda v: friendship.friendship_stage(v)),
    B("friendship.weeks_to_stage", "leisure_hours_per_week", 0, friendship.MAX_HOURS_PER_WEEK,
      lambda v: friendship.weeks_to_stage("friend", v)),
    B("friendship.weeks_to_stage", "school_hours_per_week", 0, 60,
      lambda v: friendship.weeks_to_stage("friend", 1, v)),
    B("friendship.stage_curves", "leisure_hours_per_week", 0, 60, lambda v: friendship.stage_curves(v, weeks=1)),
    B("friendship.stage_curves", "school_hours_per_week", 0, 60,
      lambda v: friendship.stage_curves(1, v, weeks=1)),
    B("friendship.stage_curves", "weeks", 1, friendship.MAX_WEEKS,
      lambda v: friendship.stage_curves(1, weeks=v), whole=True),
    B("friendship.simulate", "acquaintances", 1, friendship.MAX_ACQUAINTANCES,
      lambda v: friendship.simulate(acquaintances=v, weeks=1), whole=True),
    B("friendship.simulate", "weeks", 1, 260, lambda v: friendship.simulate(acquaintances=1, weeks=v), whole=True),
    B("friendship.simulate", "leisure_hours_per_week", 0, 60,
      lambda v: friendship.simulate(weeks=1, leisure_hours_per_week=v)),
    B("friendship.simulate", "school_hours_per_week", 0, 60,
      lambda v: friendship.simulate(weeks=1, school_hours_per_week=v)),
    B("friendship.simulate", "variation", 0, 1, lambda v: friendship.simulate(weeks=1, variation=v)),
    # --- survival ------------------------------------------------------------------------------
    *[B(f"survival.{f.__name__}", name, lo, hi, (lambda f, name, extra: lambda v: f(
        **{"cv": 1.0, "days": 1, "foragers": 20, **extra, name: v}))(f, name, extra), whole=whole)
      for f in (survival.simulate, survival.compare, survival.survival_probability)
      for name, lo, hi, whole, extra in (
          ("cv", 0, survival.MAX_CV, False, {}),
          ("group_size", 1, survival.MAX_GROUP_SIZE, True, {}),
          ("foragers", 1, survival.MAX_FORAGERS, True, {}),
          ("days", 1, survival.MAX_DAYS, True, {}),
          ("start_store", 0.5, survival.MAX_STORE, False, {"max_store": 30.0}),
          ("max_store", 4, 30, False, {"start_store": 4.0}),
      )],
    # --- ostracism -----------------------------------------------------------------------------
    B("ostracism.play", "share", 0, ostracism.MAX_SHARE, lambda v: ostracism.play(v, throws=2)),
    B("ostracism.play", "throws", 1, ostracism.MAX_THROWS, lambda v: ostracism.play(throws=v), whole=True),
    B("ostracism.play", "early_throws", 0, 10, lambda v: ostracism.play(throws=2, early_throws=v), whole=True),
    B("ostracism.expected_need_level", "share_received", 0, 1, lambda v: ostracism.expected_need_level(v)),
    B("ostracism.expected_need_level", "drop", 0, 3, lambda v: ostracism.expected_need_level(0.1, drop=v)),
    B("ostracism.simulate_people", "share", 0, 0.5, lambda v: ostracism.simulate_people(v, n=2, throws=2)),
    B("ostracism.simulate_people", "n", 2, ostracism.MAX_PEOPLE,
      lambda v: ostracism.simulate_people(n=v, throws=2), whole=True),
    B("ostracism.simulate_people", "throws", 1, 200, lambda v: ostracism.simulate_people(n=2, throws=v), whole=True),
    B("ostracism.simulate_people", "early_throws", 0, 10,
      lambda v: ostracism.simulate_people(n=2, throws=2, early_throws=v), whole=True),
    B("ostracism.simulate_people", "noise_sd", 0, 2, lambda v: ostracism.simulate_people(n=2, throws=2, noise_sd=v)),
    B("ostracism.simulate_people", "drop", 0, 3, lambda v: ostracism.simulate_people(n=2, throws=2, drop=v)),
    B("ostracism.simulate_condition", "n", 2, 5000,
      lambda v: ostracism.simulate_condition("exclusion", n=v, throws=2), whole=True),
    B("ostracism.simulate_condition", "throws", 1, 200,
      lambda v: ostracism.simulate_condition("exclusion", n=2, throws=v), whole=True),
    B("ostracism.simulate_condition", "noise_sd", 0, 2,
      lambda v: ostracism.simulate_condition("inclusion", n=2, throws=2, noise_sd=v)),
    B("ostracism.compare_conditions", "n", 2, 5000, lambda v: ostracism.compare_conditions(n=v, throws=2), whole=True),
    B("ostracism.compare_conditions", "throws", 1, 200,
      lambda v: ostracism.compare_conditions(n=2, throws=v), whole=True),
    B("ostracism.compare_conditions", "noise_sd", 0, 2,
      lambda v: ostracism.compare_conditions(n=2, throws=2, noise_sd=v)),
    # the exclusion group is seeded with seed + 1, so the largest seed is one less than usual
    B("ostracism.compare_conditions", "seed", 0, 2**32 - 2,
      lambda v: ostracism.compare_conditions(n=2, throws=2, seed=v), whole=True),
    B("ostracism.time_course", "share_received", 0, 1, lambda v: ostracism.time_course(v, minutes=1)),
    B("ostracism.time_course", "minutes", 1, ostracism.MAX_MINUTES,
      lambda v: ostracism.time_course(0.1, minutes=v), whole=True),
    B("ostracism.time_course", "recovery_minutes", 0.5, 120,
      lambda v: ostracism.time_course(0.1, minutes=1, recovery_minutes=v)),
    B("ostracism.time_course", "drop", 0, 3, lambda v: ostracism.time_course(0.1, minutes=1, drop=v)),
    # --- network -------------------------------------------------------------------------------
    B("network.social_network", "people", 50, network.MAX_PEOPLE, lambda v: network.social_network(v), whole=True),
    B("network.social_network", "neighbours", 4, 12, lambda v: network.social_network(50, v), whole=True),
    B("network.social_network", "rewiring", 0, 0.5, lambda v: network.social_network(50, 4, v)),
    B("network.hop_distances", "max_hops", 1, 50, lambda v: network.hop_distances(SMALL_NET, v), whole=True),
    B("network.loneliness_scores", "contagion", 0, network.MAX_CONTAGION,
      lambda v: network.loneliness_scores(SMALL_NET, v)),
    B("network.clustering_by_distance", "contagion", 0, 0.95,
      lambda v: network.clustering_by_distance(v, people=50, max_distance=1)),
    B("network.clustering_by_distance", "people", 50, 1500,
      lambda v: network.clustering_by_distance(0.0, people=v, max_distance=1), whole=True),
    B("network.clustering_by_distance", "neighbours", 4, 12,
      lambda v: network.clustering_by_distance(0.0, people=50, neighbours=v, max_distance=1), whole=True),
    B("network.clustering_by_distance", "rewiring", 0, 0.5,
      lambda v: network.clustering_by_distance(0.0, people=50, rewiring=v, max_distance=1)),
    B("network.clustering_by_distance", "lonely_share", 0.05, 0.5,
      lambda v: network.clustering_by_distance(0.0, people=50, lonely_share=v, max_distance=1)),
    B("network.clustering_by_distance", "max_distance", 1, network.MAX_DISTANCE,
      lambda v: network.clustering_by_distance(0.0, people=50, max_distance=v), whole=True),
    B("network.clustering_by_distance", "networks", 1, network.MAX_NETWORKS,
      lambda v: network.clustering_by_distance(0.0, people=50, max_distance=1, networks=v), whole=True),
    B("network.ego_layers", "spread", 0, 1.5, lambda v: network.ego_layers(0, spread=v)),
    # --- risk regulation -----------------------------------------------------------------------
    B("risk_regulation.classify", "regard", 0, 1, lambda v: risk_regulation.classify(v, 0.5)),
    B("risk_regulation.classify", "dependence", 0, 1, lambda v: risk_regulation.classify(0.5, v)),
    B("risk_regulation.threshold", "regard", 0, 1, lambda v: risk_regulation.threshold(v)),
    B("risk_regulation.threshold", "charitable_interpretation", 0, risk_regulation.MAX_CHARITY,
      lambda v: risk_regulation.threshold(0.5, v)),
    *[B("risk_regulation.simulate", name, 0, hi, (lambda name: lambda v: risk_regulation.simulate(
        **{"episodes": 1, name: v}))(name))
      for name, hi in (("initial_regard", 1), ("partner_warmth", 1), ("reassurance", 1),
                       ("charitable_interpretation", 0.5), ("initial_dependence", 1))],
    B("risk_regulation.simulate", "episodes", 1, risk_regulation.MAX_EPISODES,
      lambda v: risk_regulation.simulate(episodes=v), whole=True),
    # --- loneliness loop -----------------------------------------------------------------------
    B("loneliness_loop.simulate", "threat_bias", 0, 1, lambda v: loneliness_loop.simulate(v, weeks=1)),
    B("loneliness_loop.simulate", "weeks", 1, loneliness_loop.MAX_WEEKS,
      lambda v: loneliness_loop.simulate(weeks=v), whole=True),
    B("loneliness_loop.simulate", "friendliness", 0, 1, lambda v: loneliness_loop.simulate(weeks=1, friendliness=v)),
    B("loneliness_loop.simulate", "contacts_per_week", 0, loneliness_loop.MAX_CONTACTS_PER_WEEK,
      lambda v: loneliness_loop.simulate(weeks=1, contacts_per_week=v)),
    B("loneliness_loop.simulate", "start_loneliness", 0, 1,
      lambda v: loneliness_loop.simulate(weeks=1, start_loneliness=v)),
    B("loneliness_loop.compare", "seeds", 1, 200, lambda v: loneliness_loop.compare(seeds=v, weeks=1), whole=True),
    B("loneliness_loop.compare", "threat_bias", 0, 1, lambda v: loneliness_loop.compare(v, seeds=1, weeks=1)),
    # --- convoy --------------------------------------------------------------------------------
    *[B("convoy.LifeEvents", name, convoy.MIN_AGE, convoy.MAX_AGE,
        (lambda name: lambda v: convoy.LifeEvents(**{name: v}))(name))
      for name in ("parenthood", "job_entry", "retirement", "widowhood")],
    B("convoy.Convoy.at", "age", 15, 90, lambda v: CONVOY.at(v), whole=True),
    B("convoy.time_left", "life_horizon", 30, 120, lambda v: convoy.time_left(convoy.AGES, v)),
    B("convoy.expected_convoy", "selectivity", 0, 1, lambda v: convoy.expected_convoy(selectivity=v)),
    B("convoy.expected_convoy", "life_horizon", 30, 120, lambda v: convoy.expected_convoy(life_horizon=v)),
    B("convoy.simulate_people", "n", 1, convoy.MAX_PEOPLE, lambda v: convoy.simulate_people(v), whole=True),
    B("convoy.simulate_people", "variation", 0, 1, lambda v: convoy.simulate_people(1, variation=v)),
    B("convoy.simulate_people", "selectivity", 0, 1, lambda v: convoy.simulate_people(1, selectivity=v)),
    B("convoy.simulate_people", "life_horizon", 30, 120, lambda v: convoy.simulate_people(1, life_horizon=v)),
    B("convoy.simulate_person", "variation", 0, 1, lambda v: convoy.simulate_person(variation=v)),
    # --- social support ------------------------------------------------------------------------
    *[B("support.expected_distress", name, 0, 1, (lambda name: lambda v: support.expected_distress(
        **{"stress": 0.5, "integration": 0.5, "support": 0.5, name: v}))(name))
      for name in ("stress", "integration", "support")],
    B("support.expected_distress", "b0", -10, 10, lambda v: support.expected_distress(0.5, 0.5, 0.5, b0=v)),
    *[B(f"support.{f.__name__}", name, 0, support.MAX_COEF,
        (lambda f, name: lambda v: f(**{name: v}, **({"stress": 0.5, "integration": 0.5, "support": 0.5}
                                                     if f is support.expected_distress else {"n": 10})))(f, name))
      for f in (support.expected_distress, support.simulate) for name in ("b1", "b2", "b3")],
    B("support.simulate", "n", 10, support.MAX_PEOPLE, lambda v: support.simulate(v), whole=True),
    B("support.simulate", "b0", -10, 10, lambda v: support.simulate(10, b0=v)),
    B("support.simulate", "noise_sd", 0, 5, lambda v: support.simulate(10, noise_sd=v)),
    B("support.simulate", "correlation", -0.9, 0.9, lambda v: support.simulate(10, correlation=v)),
    B("support.distress_by_stress", "bands", 2, 10, lambda v: support.distress_by_stress(SURVEY, bands=v), whole=True),
    # --- weak ties -----------------------------------------------------------------------------
    B("weak_ties.two_clusters", "bridges", 0, weak_ties.MAX_BRIDGES, lambda v: weak_ties.two_clusters(v), whole=True),
    B("weak_ties.two_clusters", "cluster_size", 5, weak_ties.MAX_CLUSTER_SIZE,
      lambda v: weak_ties.two_clusters(cluster_size=v), whole=True),
    B("weak_ties.two_clusters", "within_density", 0, 1, lambda v: weak_ties.two_clusters(within_density=v)),
    B("weak_ties.simulate", "bridges", 0, 10, lambda v: weak_ties.simulate(v, cluster_size=5, steps=1, runs=1), whole=True),
    B("weak_ties.simulate", "cluster_size", 5, 200,
      lambda v: weak_ties.simulate(cluster_size=v, within_density=0, steps=1, runs=1), whole=True),
    *[B("weak_ties.simulate", name, 0, 1, (lambda name: lambda v: weak_ties.simulate(
        **{"cluster_size": 5, "steps": 1, "runs": 1, name: v}))(name))
      for name in ("within_density", "strong_transmission", "weak_transmission")],
    B("weak_ties.simulate", "steps", 1, weak_ties.MAX_STEPS, lambda v: weak_ties.simulate(cluster_size=5, steps=v, runs=1), whole=True),
    B("weak_ties.simulate", "runs", 1, weak_ties.MAX_RUNS, lambda v: weak_ties.simulate(cluster_size=5, steps=1, runs=v), whole=True),
    # --- mortality -----------------------------------------------------------------------------
    B("mortality.odds_to_probability", "odds", 0, mortality.MAX_ODDS, lambda v: mortality.odds_to_probability(v)),
    B("mortality.probability_to_odds", "probability", 0, 0.999999, lambda v: mortality.probability_to_odds(v)),
    B("mortality.probability_after_odds_ratio", "baseline_probability", 0, 1,
      lambda v: mortality.probability_after_odds_ratio(v, 1.5)),
    B("mortality.probability_after_odds_ratio", "odds_ratio", mortality.MIN_OR, mortality.MAX_OR,
      lambda v: mortality.probability_after_odds_ratio(0.5, v)),
    B("mortality.implied_survival", "baseline_survival", 0, 1, lambda v: mortality.implied_survival(ROW, v)),
    B("mortality.misread_survival", "odds_ratio", 1, 2, lambda v: mortality.misread_survival(v, 0.7)),
    B("mortality.misread_survival", "baseline_survival", 0, 1, lambda v: mortality.misread_survival(1.5, v)),
    # --- needs (chapter 3) ----------------------------------------------------------------------
    *[B(f"needs.{f.__name__}", name, 0, 1, (lambda f, name: lambda v: f(**{name: v}))(f, name))
      for f in (needs.contributions, needs.well_being)
      for name in ("basic", "belonging", "esteem", "autonomy", "prepotency")],
    *[B("needs.gate", name, 0, 1, (lambda name: lambda v: needs.gate("autonomy", **{
        "basic": 0.5, "belonging": 0.5, "esteem": 0.5, "autonomy": 0.5, name: v}))(name))
      for name in ("basic", "belonging", "esteem", "autonomy")],
    *[B("needs.belonging_gain", name, 0, 1, (lambda name: lambda v: needs.belonging_gain(
        **{"basic": 0.5, name: v}))(name)) for name in ("basic", "prepotency", "low", "esteem", "autonomy")],
    B("needs.belonging_gain", "high", 0, 1, lambda v: needs.belonging_gain(0.5, low=0.0, high=v)),
    B("needs.curves", "basic", 0, 1, lambda v: needs.curves(v, points=2)),
    B("needs.curves", "esteem", 0, 1, lambda v: needs.curves(0.5, esteem=v, points=2)),
    B("needs.curves", "autonomy", 0, 1, lambda v: needs.curves(0.5, autonomy=v, points=2)),
    B("needs.curves", "points", 2, 201, lambda v: needs.curves(0.5, points=v), whole=True),
    # --- alone versus lonely (chapter 5) ---------------------------------------------------------
    B("alone_lonely.simulate", "n", 20, 5000, lambda v: alone_lonely.simulate(v), whole=True),
    *[B("alone_lonely.simulate", name, lo, hi, (lambda name: lambda v: alone_lonely.simulate(
        20, **{name: v}))(name)) for name, lo, hi in (
        ("contact_mean", 0.25, 12), ("desire_mean", 0, 1), ("desire_spread", 0, 0.5),
        ("quality_mean", 0, 1), ("quality_spread", 0, 0.5))],
    B("alone_lonely.correlation_at", "desire_spread", 0, 0.5,
      lambda v: alone_lonely.correlation_at("desire_spread", v, n=20)),
    B("alone_lonely.sweep", "contact_mean", 0.25, 12, lambda v: alone_lonely.sweep("contact_mean", [v], n=20)),
]


def _past(bound: Bound, value: float, direction: int) -> float:
    if bound.whole:
        return value + direction
    return math.nextafter(value, direction * math.inf)


def _range_text(bound: Bound) -> str:
    if bound.whole:
        return f"a whole number between {bound.lo} and {bound.hi}"
    return f"a number between {bound.lo:g} and {bound.hi:g}"


@pytest.mark.parametrize("bound", BOUNDS, ids=lambda b: f"{b.function}:{b.name}")
def test_each_bound_is_accepted_and_just_past_it_is_rejected(bound):
    for edge in (bound.lo, bound.hi):
        bound.call(edge)  # the documented bound itself is allowed
    for edge, direction in ((bound.lo, -1), (bound.hi, 1)):
        value = _past(bound, edge, direction)
        with pytest.raises(ValueError) as error:
            bound.call(value)
        message = str(error.value)
        assert message.startswith(f"{bound.name} must be {_range_text(bound)}; got "), message


def test_the_table_covers_every_public_model_function():
    """A new public function, or a renamed one, must join the table (or the list of
    functions that take no bounded number)."""
    unbounded = {
        "homeostat": {"default_run"}, "friendship": {"default_run"},
        "survival": {"default_run"}, "ostracism": {"condition_settings", "cohens_d", "default_run"},
        "network": {"default_run"}, "risk_regulation": {"default_run"},
        "loneliness_loop": {"default_run"},
        "convoy": {"average", "peak_age", "default_run"},
        "support": {"fit", "default_run"}, "weak_ties": {"mean_paths", "default_run"},
        "mortality": {"rows", "table_rows", "ci_excludes_one", "default_run"},
        "needs": {"default_run"},
        "alone_lonely": {"connection_from", "correlation", "mismatch", "default_run"},
    }
    covered = {b.function for b in BOUNDS}
    for module_name, skip in unbounded.items():
        module = __import__(f"belonging.{module_name}", fromlist=["_"])
        # mutmut's copies add x_<name>__mutmut_* helpers beside each function: not public API.
        public = {name for name, value in vars(module).items()
                  if callable(value) and not name.startswith("_") and not isinstance(value, type)
                  and "__mutmut_" not in name
                  and getattr(value, "__module__", "") == module.__name__}
        missing = {name for name in public - skip if f"{module_name}.{name}" not in covered}
        assert not missing, f"{module_name}: no bounds in the table for {sorted(missing)}"


# --- Bounds that depend on another argument ---------------------------------------------------

def test_partner_cannot_end_before_it_starts():
    assert homeostat.Partner(1, 0.5, starts_day=10, ends_day=10).active(10) is False
    with pytest.raises(ValueError) as error:
        homeostat.Partner(1, 0.5, starts_day=10, ends_day=9)
    assert str(error.value) == "ends_day must be between starts_day (10) and 730; got 9"


def test_at_most_fifty_partners():
    homeostat.simulate([homeostat.Partner(1, 0.5)] * 50, days=1)
    with pytest.raises(ValueError) as error:
        homeostat.simulate([homeostat.Partner(1, 0.5)] * 51, days=1)
    assert str(error.value) == "partners must hold between 0 and 50 relationships; got 51"


def test_store_cannot_hold_less_than_it_starts_with():
    survival.simulate(1.0, start_store=6.0, max_store=6.0, days=1, foragers=5)
    with pytest.raises(ValueError) as error:
        survival.simulate(1.0, start_store=6.0, max_store=5.5, days=1, foragers=5)
    assert str(error.value) == "max_store must be a number between 6 and 30; got 5.5"


def test_hop_distances_allow_as_many_hops_as_people():
    net5 = np.ones((5, 5), dtype=bool) & ~np.eye(5, dtype=bool)
    network.hop_distances(net5, 5)
    with pytest.raises(ValueError, match=r"^max_hops must be a whole number between 1 and 5; got 6$"):
        network.hop_distances(net5, 6)


@pytest.mark.parametrize("size", [2, 10 * ostracism.MAX_PEOPLE])
def test_cohens_d_accepts_from_two_to_fifty_thousand_scores(size):
    scores = np.arange(size, dtype=float)
    assert math.isfinite(ostracism.cohens_d(scores, scores[::-1] + 1))


@pytest.mark.parametrize("which", ["a", "b"])
@pytest.mark.parametrize("bad", [np.ones(1), np.arange(10 * ostracism.MAX_PEOPLE + 1.0),
                                 np.ones((3, 2)), np.array([1.0, np.nan, 2.0]), np.array([1.0, np.inf])])
def test_cohens_d_rejects_bad_scores_naming_the_group(which, bad):
    good = np.arange(5.0)
    a, b = (bad, good) if which == "a" else (good, bad)
    with pytest.raises(ValueError) as error:
        ostracism.cohens_d(a, b)
    assert str(error.value) == f"{which} must be a list of finite scores with between 2 and 50000 entries"


# --- Choices and objects ----------------------------------------------------------------------

CHOICES = [
    ("stage", friendship.STAGES, lambda v: friendship.weeks_to_stage(v, 5)),
    ("condition", ostracism.CONDITIONS, ostracism.condition_settings),
    ("condition", ostracism.CONDITIONS, lambda v: ostracism.simulate_condition(v, n=2, throws=2)),
    ("intervention", loneliness_loop.INTERVENTIONS, lambda v: loneliness_loop.simulate(0.5, v, weeks=1)),
    ("by", support.GROUPINGS, lambda v: support.distress_by_stress(SURVEY, by=v)),
    ("sizes", tuple(network.LAYER_SIZES), lambda v: network.ego_layers(0, sizes=v)),
    ("study", tuple(mortality.STUDIES), mortality.rows),
    ("category", mortality.CATEGORIES, mortality.table_rows),
    ("need", needs.NEEDS, lambda v: needs.gate(v, basic=0.5, belonging=0.5, esteem=0.5, autonomy=0.5)),
    ("parameter", alone_lonely.PARAMETERS, lambda v: alone_lonely.correlation_at(v, 0.5, n=20)),
]


@pytest.mark.parametrize("name, options, call", CHOICES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CHOICES)])
def test_every_option_is_accepted_and_others_are_refused_with_the_list(name, options, call):
    for option in options:
        call(option)
    listed = ", ".join(repr(o) for o in options)
    for wrong in (options[0].upper() + "!", "", 3):
        with pytest.raises(ValueError) as error:
            call(wrong)
        assert str(error.value) == f"{name} must be one of {listed}; got {wrong!r}"


OBJECTS = [
    (lambda: homeostat.simulate(["a friend"]), "partners must be Partner objects; got str"),
    (lambda: support.fit({"stress": []}), "survey must be a Survey from simulate(); got dict"),
    (lambda: support.distress_by_stress(None), "survey must be a Survey from simulate(); got NoneType"),
    (lambda: convoy.expected_convoy(events={"widowhood": 70}),
     "events must be a LifeEvents object or None; got dict"),
    (lambda: convoy.simulate_people(1, events=[70]), "events must be a LifeEvents object or None; got list"),
    (lambda: convoy.average(()), "people must be a non-empty tuple of Convoy objects"),
    (lambda: convoy.average((CONVOY, "x")), "people must be a non-empty tuple of Convoy objects"),
    (lambda: convoy.peak_age([1, 2]), "convoy must be a Convoy object; got list"),
    (lambda: mortality.ci_excludes_one("overall"),
     "row must be one of the OddsRatioRow objects from rows(); got str"),
    (lambda: mortality.implied_survival(1.5, 0.7),
     "row must be one of the OddsRatioRow objects from rows(); got float"),
    (lambda: alone_lonely.correlation("people"), "population must be a Population from simulate(); got str"),
    (lambda: alone_lonely.mismatch(None), "population must be a Population from simulate(); got NoneType"),
    (lambda: needs.belonging_gain(0.5, low=0.6, high=0.5), "high must be between low (0.6) and 1; got 0.5"),
    (lambda: alone_lonely.sweep("desire_spread", []), "values must hold between 1 and 50 settings; got 0"),
    (lambda: alone_lonely.sweep("desire_spread", [0.1] * 51), "values must hold between 1 and 50 settings; got 51"),
    (lambda: alone_lonely.correlation_at("desire_spread", 0.1, desire_spread=0.2),
     "settings must not repeat parameter 'desire_spread'"),
]


@pytest.mark.parametrize("call, message", OBJECTS, ids=[m.split(" ")[0] + str(i) for i, (_, m) in enumerate(OBJECTS)])
def test_wrong_kind_of_object_is_named_in_plain_words(call, message):
    with pytest.raises(ValueError) as error:
        call()
    assert str(error.value) == message
