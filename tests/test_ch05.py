"""Chapter 5: the exercise checks accept model-computed answers and explain the likely mix-ups,
and the figures quoted in the chapter, its solution and the instructor keys are the model's."""
from pathlib import Path

import pytest

from belonging import alone_lonely as m
from belonging.exercises import CORRECT, RECORDED, ch05
from belonging.exercises.generate import hidden_tests
from belonging.exercises._feedback import BLANK

ROOT = Path(__file__).resolve().parents[1]
SLUG = "05-belonging-and-loneliness"


def _default():
    return m.correlation(m.simulate())


def _uniform():
    return m.correlation(m.simulate(desire_spread=0, quality_spread=0))


def test_q1_accepts_the_default_correlation_and_names_the_mix_ups():
    right = _default()
    assert ch05.check_q1(right) == CORRECT
    assert ch05.check_q1(round(right, 2)) == CORRECT
    assert "q2" in ch05.check_q1(_uniform())
    assert "sign" in ch05.check_q1(-right)
    assert "between -1 and 1" in ch05.check_q1(39)
    assert ch05.check_q1(right + 0.05) != CORRECT


def test_q2_accepts_the_uniform_correlation_and_spots_a_half_done_setting():
    right = _uniform()
    assert ch05.check_q2(right) == CORRECT
    assert ch05.check_q2(round(right, 2)) == CORRECT
    assert "default population" in ch05.check_q2(_default())
    only_wants = m.correlation(m.simulate(desire_spread=0))
    assert "quality_spread=0" in ch05.check_q2(only_wants)
    assert ch05.check_q2(right - 0.05) != CORRECT


def test_q3_follows_the_direction_the_model_shows():
    low, high = m.sweep("desire_spread", [0.0, 0.5])
    assert high < low  # the chapter's claim: more varied wants weaken the link
    # The package only checks the form; the hidden test computes the key from the same sweep.
    assert ch05.check_q3(" (B) ") == RECORDED and ch05.check_q3("c") == RECORDED
    assert '"b" if _rs[1] < _rs[0] else "a"' in hidden_tests("05")["q3"]["code"]


def test_q4_accepts_the_share_and_catches_percentages_and_the_other_share():
    shares = m.mismatch(m.simulate())
    assert ch05.check_q4(shares.lonely_in_company) == CORRECT
    assert "percentage" in ch05.check_q4(shares.lonely_in_company * 100)
    assert "content_alone" in ch05.check_q4(shares.content_alone)
    assert "between 0 and 1" in ch05.check_q4(1.5)
    assert ch05.check_q4(shares.lonely_in_company + 0.05) != CORRECT


def test_q5_accepts_only_the_mechanism_reading():
    assert ch05.check_q5("c") == RECORDED and hidden_tests("05")["q5"]["key"] == "c"
    assert "not fitted" in hidden_tests("05")["q5"]["failure_message"]
    assert ch05.check_q5("b") != CORRECT


@pytest.mark.parametrize("check", [ch05.check_q1, ch05.check_q2, ch05.check_q3, ch05.check_q4, ch05.check_q5])
def test_blank_answers_get_the_blank_message(check):
    assert check(...) == BLANK


def _pct(share: float) -> str:
    return f"{round(100 * share)}%"


def test_chapter_quotes_the_model_figures():
    chapter = (ROOT / "book" / "chapters" / f"{SLUG}.md").read_text("utf-8")
    sweep = m.sweep("desire_spread", [0.0, 0.2, 0.3, 0.5])
    for r in sweep:
        assert f"{r:.2f}" in chapter, r
    assert f"{_uniform():.2f}" in chapter
    shares = m.mismatch(m.simulate())
    assert f"{round(100 * shares.lonely_in_company)} per cent" in chapter
    assert f"{round(100 * shares.content_alone)} per cent" in chapter
    solution = chapter.split("````{solution} ch05-ex1", 1)[1]
    assert f"**{_default():.2f}**" in solution and f"**{_uniform():.2f}**" in solution
    assert f"**{_pct(shares.lonely_in_company)}**" in solution
    assert f"**{_pct(shares.content_alone)}**" in solution


def test_instructor_keys_quote_the_model_figures():
    notes = (ROOT / "book" / "instructors" / f"{SLUG}.md").read_text("utf-8")
    exercise = notes.split("## Answer key: chapter exercise", 1)[1].split("\n## ", 1)[0]
    shares = m.mismatch(m.simulate())
    assert f"**{_default():.2f}**" in exercise and f"**{_uniform():.2f}**" in exercise
    assert f"**{_pct(shares.lonely_in_company)}**" in exercise
    assert f"**{_pct(shares.content_alone)}**" in exercise
    notebook = (ROOT / "keys" / f"{SLUG}.md").read_text("utf-8").split("## Answer key: exercise notebook", 1)[1].split("\n## ", 1)[0]
    assert f"**{_default():.2f}**" in notebook and f"**{_uniform():.2f}**" in notebook
    assert f"**{shares.lonely_in_company:.2f}**" in notebook
    # the class plan reads the legend's correlation at every slider step
    steps = ", ".join(f"{r:.2f}" for r in m.sweep("desire_spread", [0, 0.1, 0.2, 0.3, 0.4, 0.5]))
    assert steps in notes


def test_chapter_keeps_the_checklist_items():
    chapter = (ROOT / "book" / "chapters" / f"{SLUG}.md").read_text("utf-8")
    assert f"{{download}}`the chapter 5 exercise notebook <../../exercises/{SLUG}.ipynb>`" in chapter
    assert (ROOT / "exercises" / f"{SLUG}.ipynb").is_file()
    assert "predict(" in chapter and "alone_lonely.explorable()" in chapter
    assert chapter.index("predict(") < chapter.index("alone_lonely.explorable()")
    assert "{admonition} Think!" in chapter and "````{exercise}" in chapter and "````{solution}" in chapter
    assert "## Key takeaways" in chapter and "## Further reading" in chapter
    assert "self-selected" in chapter and "cassidy1992loneliness" in chapter
