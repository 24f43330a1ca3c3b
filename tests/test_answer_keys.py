"""Instructor answer keys stay in step with the quiz banks and the models they describe."""
import json
import re
from pathlib import Path

import pytest

from belonging import homeostat

ROOT = Path(__file__).resolve().parents[1]
BANKS = sorted((ROOT / "book" / "quizzes").glob("*.json"))


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("’", "'")).strip().rstrip(".").lower()


def quiz_key_items(notes: str) -> list[str]:
    section = notes.split("## Answer key: quiz", 1)[1].split("\n## ", 1)[0]
    return [m.group(1) for m in re.finditer(r"^\d+\.\s+(.*)$", section, flags=re.M)]


def snippets(item: str) -> list[str]:
    """The answer texts a key item quotes: **bold** or "quoted", minus labels like **Select:**."""
    found = re.findall(r"\*\*(.+?)\*\*", item) + re.findall(r'"([^"]+)"', item)
    return [_flat(s) for s in found if not s.rstrip().endswith(":") and len(_flat(s)) >= 8]


@pytest.mark.parametrize("path", BANKS, ids=lambda p: p.stem)
def test_quiz_answer_key_identifies_every_correct_answer(path):
    """Each correct option must be named in its key item by text that no wrong option has,
    so an edited quiz bank cannot silently leave the instructors' key pointing elsewhere."""
    bank = json.loads(path.read_text("utf-8"))
    notes = (ROOT / "book" / "instructors" / f"{path.stem}.md").read_text("utf-8")
    items = quiz_key_items(notes)
    assert len(items) == len(bank["questions"]), "one key item per quiz question"
    for number, (question, item) in enumerate(zip(bank["questions"], items), start=1):
        wrong = [_flat(a["answer"]) for a in question["answers"] if not a["correct"]]
        for answer in (_flat(a["answer"]) for a in question["answers"] if a["correct"]):
            named = [s for s in snippets(item) if s in answer and not any(s in w for w in wrong)]
            assert named, f"key item {number} does not identify the correct answer: {answer}"


def _fewest_contacts(stability: float) -> float:
    rates = [r / 2 for r in range(0, 57)]
    return next(r for r in rates if homeostat.steady_state(r, stability) >= 0.6)


def test_chapter_one_exercise_key_matches_the_model():
    notes = (ROOT / "book" / "instructors" / "01-what-belonging-is.md").read_text("utf-8")
    key = notes.split("## Answer key: chapter exercise", 1)[1].split("\n## ", 1)[0]
    for stability in (0.9, 0.5, 0.0):
        assert f"**{_fewest_contacts(stability):g}**" in key, f"bond stability {stability}"
