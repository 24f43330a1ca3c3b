"""Chapter 10's figures (belonging.figures.interventions): saying in words what the
loneliness-loop model actually draws.

The registry counts these figures as the loneliness-loop model's, so tests/test_every_model.py
(accessible, live) and benchmarks/test_budgets.py (size and speed) check them with every other
figure; what is here is particular to chapter 10.
"""
from belonging import loneliness_loop as ll
from belonging.figures import interventions as iv
from belonging.figures.panel import LivePanel


def _two(x: float) -> str:
    return f"{x:.2f}"


def test_the_setting_slider_starts_at_the_chapter_setting_and_shows_five_kinds_of_help():
    ex = iv.explorable()
    slider = ex.figure.layout.sliders[0]
    assert [s.label for s in slider.steps] == [f"{f:.1f}" for f in iv.FRIENDLINESS_STEPS]
    assert slider.steps[slider.active].label == "0.7"
    visible = [t.name for t in ex.figure.data if t.visible]
    assert len(visible) == len(ll.INTERVENTIONS) == 5


def test_the_bars_summary_quotes_the_model():
    """Each number the bar chart's text alternative gives is the model's, to two decimals."""
    found = iv.during_and_after()
    summary = iv.during_and_after_figure().summary
    for name in ll.INTERVENTIONS:
        during, end = found[name]
        assert _two(during) in summary, name
        assert _two(end) in summary, name
    # Only the cognitive programme lasts; every other kind of help ends where no help does.
    assert found["social_cognition"][1] < 0.5
    for name in ("more_contact", "social_skills", "social_support"):
        assert abs(found[name][1] - found["none"][1]) < 0.01, name
    # More contact is no better than no help while it runs (Masi et al. 2011's warning).
    assert found["more_contact"][0] >= found["none"][0]


def _year_end(friendliness):
    return {name: float(curve[-1]) for name, curve in iv.curves(friendliness).items()}


def test_the_setting_summary_matches_the_model():
    """Walton et al. (2023) in the model: the cognitive programme's gain lasts only in a friendly
    enough setting. The numbers in the text alternative are the model's."""
    summary = iv.explorable().summary
    lasting = [f for f in iv.FRIENDLINESS_STEPS if _year_end(f)["social_cognition"] < 0.5]
    assert lasting and min(lasting) == 0.7
    for f in (0.4, 0.5, 0.6):  # cool settings: nothing is left at the end of the year
        end = _year_end(f)
        assert abs(end["social_cognition"] - end["none"]) < 0.01
        assert round(end["none"], 2) in (0.94, 0.95)  # "near 0.94"
    at = {f: iv.curves(f)["social_cognition"][iv.PROGRAMME_END] for f in (0.5, 0.6)}
    assert f"about {_two(at[0.5])} by its last week at 0.5" in summary
    assert f"down to about {_two(at[0.6])} by its last week" in summary
    end = _year_end(0.7)
    assert f"about {_two(end['social_cognition'])} at the end of the year against {_two(end['none'])}" in summary
    recovered = {f: sum(ll.simulate(iv.THREAT_BIAS, "none", friendliness=f, seed=s).loneliness[-1] < 0.5
                        for s in range(iv.PEOPLE)) for f in (0.8, 0.9, 1.0)}
    assert f"At 0.8, {recovered[0.8]} of the 20 people recover without any help" in summary
    assert recovered[0.9] == recovered[1.0] == iv.PEOPLE and "at 0.9 and 1.0 all 20 recover" in summary


def test_the_panel_recomputes_when_a_control_moves():
    panel = iv.panel()
    assert isinstance(panel, LivePanel)
    control = panel.controls["friendliness"]
    before = panel.figure.to_json()
    control.value = control.max
    assert panel.figure.to_json() != before
