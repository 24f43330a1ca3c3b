"""No exercise-notebook key in the sources of the site (issue 19): the instructor notes are
public pages, so they point to the solution notebook instead of printing its answers.
The built pages and the search index are checked by tests/site/test_keys_not_on_site.py."""
from pathlib import Path

import pytest

from keyleaks import ROOT, leaks, multiple_choice_keys

SOURCES = sorted(p for p in (ROOT / "book").rglob("*.md") if "_build" not in p.parts)
NOTES = sorted((ROOT / "book" / "instructors").glob("[0-9][0-9]-*.md"))
KEYS = multiple_choice_keys()


def test_the_keys_are_found_where_they_are_written():
    """The search sees the keys as they were printed before (one line of the old chapter 7
    notes), so an empty result below means no key, not a blind search."""
    assert sum(len(k) for k in KEYS.values()) >= 12
    old = ("## Answer key: exercise notebook\n\n- **q4**: **(b)** every run has the same partner; "
           "only the chance order of the first few episodes differs.\n")
    letter = KEYS["07-balancing-self-protection-and-connection"]["q4"]
    assert len(leaks(old.replace("(b)", f"({letter})"), KEYS)) == 3


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT / "book")))
def test_no_page_source_prints_a_notebook_key(path):
    assert leaks(path.read_text("utf-8"), KEYS) == []


@pytest.mark.parametrize("path", NOTES, ids=lambda p: p.stem)
def test_every_chapters_notes_point_to_its_solution_notebook(path):
    text = path.read_text("utf-8")
    assert "## Exercise notebook: where the answers are" in text
    section = text.split("## Exercise notebook: where the answers are", 1)[1].split("\n## ", 1)[0]
    assert f"dist/assignments/{path.stem}/solution/{path.stem}.ipynb" in section
    assert "make assignments" in section
