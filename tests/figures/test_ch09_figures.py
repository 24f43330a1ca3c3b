"""The figure chapter 9 adds: the divergence explorable (two people, one environment, different
threat bias). Each test checks the figure against the model run independently, so a figure that
drew or described the wrong thing would fail."""
import re

import numpy as np
import pytest

from belonging import loneliness_loop as ll
from belonging.figures import loneliness_loop as loop_figures


def _year(bias: float) -> np.ndarray:
    return ll.simulate(bias, weeks=loop_figures.WEEKS, seed=loop_figures.STORY_SEED).loneliness


def test_divergence_explorable_holds_person_a_still_and_moves_person_b():
    ex = loop_figures.divergence_explorable()
    steps = loop_figures.BIAS_STEPS
    traces = ex.figure.data
    assert len(traces) == 2 * len(steps)
    a = _year(loop_figures.LOW_BIAS)
    for i, bias in enumerate(steps):
        person_a, person_b = traces[2 * i], traces[2 * i + 1]
        assert list(person_a.y) == pytest.approx(a, abs=1e-4)
        assert list(person_b.y) == pytest.approx(_year(bias), abs=1e-4)
        assert f"{bias:.1f}" in person_b.name
        assert person_b.visible == (bias == loop_figures.HIGH_BIAS)
    slider = ex.figure.layout.sliders[0]
    assert [s.label for s in slider.steps] == [f"{b:.1f}" for b in steps]
    assert ex.json_bytes() < 100_000


def test_the_two_people_diverge_at_the_story_setting():
    a, b = _year(loop_figures.LOW_BIAS), _year(loop_figures.HIGH_BIAS)
    assert a[0] == b[0]                         # the same start
    assert a[-1] < 0.3 and b[-1] > 0.8          # opposite ends of the year
    assert b.max() > b[0]                       # B grows lonelier, not merely slower to recover


def test_recovery_slows_as_bias_grows_until_it_stops():
    weeks = [loop_figures.first_week_below(_year(b)) for b in loop_figures.BIAS_STEPS]
    recovered = [w for w in weeks if w is not None]
    assert recovered == sorted(recovered) and recovered[0] < recovered[-1]
    assert weeks[:len(recovered)] == recovered and all(w is None for w in weeks[len(recovered):])


def test_divergence_text_quotes_the_runs_it_draws():
    summary = loop_figures.divergence_explorable().summary
    a = _year(loop_figures.LOW_BIAS)
    threshold = next(b for b in loop_figures.BIAS_STEPS if _year(b)[-1] > 0.5)
    below = round(threshold - 0.1, 1)
    assert f"by week {loop_figures.first_week_below(a)} and ends the year at {a[-1]:.2f}" in summary
    assert f"to {below:.1f}, B recovers too" in summary
    assert f"below {loop_figures.SETTLED} by week {loop_figures.first_week_below(_year(below))} at {below:.1f}" in summary
    assert f"From {threshold:.1f} up, B grows lonelier" in summary
    stuck_ends = [_year(b)[-1] for b in loop_figures.BIAS_STEPS if b >= threshold]
    assert f"between {min(stuck_ends):.2f} and {max(stuck_ends):.2f}" in summary
    assert "illustrative" in summary


def test_first_week_below():
    assert loop_figures.first_week_below([0.6, 0.5, 0.29, 0.1]) == 2
    assert loop_figures.first_week_below([0.2, 0.5]) == 0
    assert loop_figures.first_week_below([0.6, 0.9], level=0.3) is None


def test_divergence_text_refuses_a_sweep_without_one_threshold(monkeypatch):
    monkeypatch.setattr(loop_figures, "BIAS_STEPS", [0.0, 0.1, 0.2])   # everyone recovers: no threshold
    with pytest.raises(RuntimeError, match="threshold"):
        loop_figures.divergence_explorable()


def test_every_number_in_the_divergence_text_is_a_plain_reading():
    """No leftover hand-written figures: each decimal in the text is one the runs produce."""
    summary = loop_figures.divergence_explorable().summary
    runs = {b: _year(b) for b in loop_figures.BIAS_STEPS}
    produced = {f"{b:.1f}" for b in loop_figures.BIAS_STEPS} | {f"{loop_figures.SETTLED}"}
    produced |= {f"{r[-1]:.2f}" for r in runs.values()} | {f"{runs[0.0][0]:.1f}"}
    for number in re.findall(r"\d+\.\d+", summary):
        assert number in produced, number
