"""The figures the course quotes, from the models' default settings.

Chapter prose, predict-first reveals and ``book/models.md`` ("What it reproduces", "Try it")
quote numbers that the models produce with their defaults, and each explorable opens on those
defaults. Each test names where the figure is quoted and checks it at the precision the prose
gives it ("about 0.77" is 0.77 to two places), so a changed default, constant or formula that
moves a quoted figure fails here, and the prose must move with it.
"""
import numpy as np
import pytest

from belonging import convoy, friendship, homeostat, loneliness_loop, mortality, network, ostracism
from belonging import risk_regulation, support, survival, weak_ties


def test_homeostat_figures_in_models_page_and_chapter_one():
    """models.md, Belonging homeostat; chapter 1, "Satiation": a close friend (0.9) three times
    a week gives long-run belonging about 0.77; 7 to 14 contacts a week adds only about 0.06;
    fourteen weekly contacts with strangers leave it near 0.56, below the set point of 0.6
    (Baumeister & Leary 1995, satiation and the need for stable bonds)."""
    assert round(homeostat.steady_state(3, 0.9), 2) == 0.77
    assert round(homeostat.steady_state(14, 0.9) - homeostat.steady_state(7, 0.9), 2) == 0.06
    assert round(homeostat.steady_state(14, 0.0), 2) == 0.56


def test_homeostat_explorable_first_views_in_chapter_one():
    """Chapter 1's predict-first reveal: at seven contacts a week the person seeing close
    friends stays around 0.9 and the one seeing strangers around 0.4; about two contacts a
    week in a stable bond lift belonging above the line. (The explorable draws seed 1.)"""
    friends = homeostat.simulate_one(7, 0.9, seed=1).belonging
    strangers = homeostat.simulate_one(7, 0.0, seed=1).belonging
    assert round(friends[-60:].mean(), 1) == 0.9
    assert round(strangers[-60:].mean(), 1) == 0.4
    assert homeostat.simulate_one(2, 0.9, seed=1).belonging[-60:].mean() > 0.6
    assert homeostat.simulate_one(1, 0.9, seed=1).belonging[-60:].mean() < 0.6


def test_friendship_try_it_line():
    """models.md, Friendship hours: at five leisure hours a week a casual friendship takes
    about 10 weeks and a close one about 40; `weeks_to_stage("close friend", 5)` returns 40.0
    (Hall 2019's 50 and 200 hours)."""
    assert friendship.weeks_to_stage("close friend", 5) == 40.0
    assert friendship.weeks_to_stage("casual friend", 5) == 10.0


def test_survival_figure():
    """models.md, Survival in groups: at cv 1 about 60% of loners and all groups of five last
    the season (the risk-pooling argument; Gurven 2004)."""
    run = survival.compare(1.0, 5)
    assert round(run.loners[-1], 1) == 0.6
    assert run.groups[-1] == 1.0


def test_ostracism_figure():
    """models.md, Ostracism: the model gives about d = 1.4 with 500 people per condition
    (Hartgerink et al. 2015: d > |1.4| across 120 Cyberball studies)."""
    assert round(ostracism.default_run().cohens_d, 1) == 1.4


def test_network_figures():
    """models.md, Interdependence network: with the defaults, someone tied directly to a
    lonely person is about 2.8 times as likely as chance to be lonely, 1.7 times at two steps,
    and near chance from three on (Cacioppo, Fowler & Christakis 2009: about three degrees)."""
    ratio = network.default_run().relative_likelihood
    assert round(ratio[0], 1) == 2.8 and round(ratio[1], 1) == 1.7
    assert np.all(np.abs(ratio[2:] - 1) < 0.1)


def test_risk_regulation_figures():
    """models.md, Risk regulation: with the defaults, starting regard 0.8 ends secure and 0.2
    self-protective; reassurance of 0.5 moves the second person to the secure loop
    (Murray, Holmes & Collins 2006)."""
    assert risk_regulation.simulate(0.8).basin == "secure"
    assert risk_regulation.simulate(0.2).basin == "self-protective"
    assert risk_regulation.simulate(0.2, reassurance=0.5).basin == "secure"


def test_loneliness_loop_figures():
    """models.md, Loneliness loop: for a high-bias person (20 runs averaged) the social-cognition
    programme leaves loneliness near 0.38 a year on, while every other ends near 0.92, no better
    than none (only the ordering is Masi et al. 2011's)."""
    curves = loneliness_loop.compare(0.7)
    assert round(curves["social_cognition"][-1], 2) == 0.38
    for name in ("none", "more_contact", "social_skills", "social_support"):
        assert round(curves[name][-1], 2) == 0.92, name


def test_convoy_figures():
    """models.md, Convoy: the average network peaks at 24; the outer circle falls from about
    29 at 30 to 8 at 80; the inner stays near 5 (Wrzus et al. 2013; English & Carstensen 2014)."""
    crowd = convoy.default_run()
    assert convoy.peak_age(crowd) == 24
    (inner30, _, outer30), (inner80, _, outer80) = crowd.at(30), crowd.at(80)
    assert round(outer30) == 29 and round(outer80) == 8
    assert round(inner30) == 5 and round(inner80) == 5


def test_support_figures():
    """models.md, Social support: with the defaults `fit` recovers an integration effect of
    about 1.9 (true 2) and buffering of about 3.0 (true 3) (Cohen & Wills 1985)."""
    est = support.fit(support.default_run())
    assert round(est.integration_effect, 1) == 1.9
    assert round(est.buffering, 1) == 3.0


def test_weak_ties_figures():
    """models.md, Weak ties: with no bridge nobody in the second group ever hears; with one, all
    have heard within 30 steps in the default run; `simulate(bridges=0).share_b[-1]` returns 0.0
    (Granovetter 1973)."""
    assert weak_ties.default_run().share_b[-1] == 1.0
    assert weak_ties.simulate(bridges=0).share_b[-1] == 0.0


def test_mortality_try_it_line():
    """models.md, Mortality: 1.50 at 70% survival gives 77.8% (Holt-Lunstad et al. 2010)."""
    assert round(mortality.probability_after_odds_ratio(0.7, 1.5), 3) == 0.778


def test_alone_lonely_figures_in_chapter_five():
    """Chapter 5, "A model that pulls 'alone' apart from 'lonely'" (its predict-first reveal and
    the text after the explorable): the correlation between hours alone and loneliness is 0.69
    when everyone wants the same, 0.49 at a spread of wants of 0.2, 0.39 at the default 0.3 and
    0.30 at 0.5; 0.98 when quality is identical too; and in the default population 29% of the
    least-alone quarter are lonelier than the median person, 24% of the most-alone quarter less
    lonely (loneliness as a gap between wanted and actual connection: Perlman & Peplau 1981)."""
    from belonging import alone_lonely
    assert [round(r, 2) for r in alone_lonely.sweep("desire_spread", [0.0, 0.2, 0.3, 0.5])] == [0.69, 0.49, 0.39, 0.30]
    assert round(alone_lonely.correlation_at("desire_spread", 0.0, quality_spread=0.0), 2) == 0.98
    shares = alone_lonely.mismatch(alone_lonely.default_run())
    assert round(shares.lonely_in_company, 2) == 0.29 and round(shares.content_alone, 2) == 0.24
