"""The printable picture of each figure (book/_ext/belonging_figures.py): found on a page, exported
once per figure content as SVG, the same file every time, and linked from the page."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "book" / "_ext"))
import belonging_figures  # noqa: E402

from belonging.figures import ostracism  # noqa: E402


@pytest.fixture
def figure() -> dict:
    page = '<div class="output text_html">' + ostracism.explorable().to_html() + "</div>"
    found = belonging_figures.figures_in(page)
    assert len(found) == 1
    return found[0]


def test_a_figure_on_a_page_is_found_with_its_alternative_text(figure):
    explorable = ostracism.explorable()
    assert figure["title"] == explorable.title
    assert figure["summary"] == explorable.summary
    assert json.loads(figure["data"]) == json.loads(explorable.to_json())


def test_the_page_links_the_picture_hidden_on_screen():
    body = belonging_figures.with_pictures(ostracism.explorable().to_html(), "../")
    key = belonging_figures.figures_in(body)[0]["key"]
    assert f'<img class="belonging-print-figure" hidden src="../_static/figures/{key}.svg"' in body
    assert belonging_figures.with_pictures(body, "../") == body, "a second pass added a second picture"


def test_pictures_are_exported_once_per_figure_content(figure, tmp_path):
    """A rebuild with no change to a figure exports nothing; a changed figure gets a new picture,
    and the same figure always gives the same file."""
    assert belonging_figures.export_svgs([figure], tmp_path) == 1
    assert belonging_figures.export_svgs([figure], tmp_path) == 0
    changed = json.loads(figure["data"])
    changed["layout"]["height"] += 40
    data = json.dumps(changed)
    other = {**figure, "data": data, "key": belonging_figures.picture_key(data)}
    assert other["key"] != figure["key"]
    assert belonging_figures.export_svgs([figure, other], tmp_path) == 1
    again = tmp_path / "again"
    assert belonging_figures.export_svgs([figure], again) == 1
    svg = (tmp_path / f"{figure['key']}.svg").read_text("utf-8")
    assert (again / f"{figure['key']}.svg").read_text("utf-8") == svg, "the export is not reproducible"
    assert svg.startswith("<svg") and "Belonging" in svg and "slider-container" not in svg
