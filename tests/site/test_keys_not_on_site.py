"""No exercise-notebook key on any built page or in the search index (issue 19).

The instructor notes are public pages, linked from every chapter and indexed for search, so a
key printed there is a key every student can read. Every page and searchindex.js are searched
for the old key section's title and for any notebook question named with its right letter
(the letters read from the notebooks' sources; tests/keyleaks.py). The same search finds the
key in the text the notes used to print (tests/test_keys_not_public.py), so it can fail.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/, for keyleaks
from keyleaks import KEY_TITLE, leaks, multiple_choice_keys, pairs_shown  # noqa: E402

KEYS = multiple_choice_keys()


def test_no_built_page_prints_a_notebook_key(built_site: Path):
    pages = sorted(built_site.rglob("*.html"))
    assert any(p.parent.name == "instructors" for p in pages), f"no instructor pages in {built_site}"
    found = {str(p.relative_to(built_site)): leaks(p.read_text("utf-8", errors="replace"), KEYS) for p in pages}
    assert {page: hits for page, hits in found.items() if hits} == {}


def test_the_search_index_holds_no_notebook_key(built_site: Path):
    index = (built_site / "searchindex.js").read_text("utf-8")
    assert "instructors/" in index  # the notes are indexed, so their words would be found
    assert KEY_TITLE.findall(index) == [] and pairs_shown(index, KEYS) == []


@pytest.mark.parametrize("folder", ["_sources", "_downloads"])
def test_page_sources_and_downloads_hold_no_notebook_key(built_site: Path, folder: str):
    files = [p for p in (built_site / folder).rglob("*") if p.is_file() and p.suffix in {".md", ".txt", ".ipynb"}]
    found = {str(p.relative_to(built_site)): leaks(p.read_text("utf-8", errors="replace"), KEYS) for p in files}
    assert {name: hits for name, hits in found.items() if hits} == {}
