"""Two clean builds give the same pages: a rebuild changes nothing a reader or a diff would see.

The site tests' full build (`built_site`) is compared with a second clean build made the way
`scripts/preview.py` makes one: a fresh copy of the book that executes chapter 1 only. Every
page that second build renders in full is compared byte for byte: the welcome page, chapter 1
(figures, sliders, predict prompt, quiz), the models page (executed: a figure of every model),
the glossary, the references, chapter 1's instructor notes, and the glossary definitions the
tooltips fetch. Other chapters are not executed there, so their pages are not compared; they are
made by the same code paths (explorables, components, quizzes) that chapter 1 and the models
page exercise.

Why not a second full build: it costs as much again as the first (minutes on CI's two cores).
The preview executes one chapter and renders the rest, roughly half the cost, and runs after the
full build in the site tests' process so the two never compete for the CPU.
"""
from __future__ import annotations

import difflib
import re
import subprocess
import sys

import pytest

from conftest import ROOT

CHAPTER = "01-what-belonging-is"
COMPARED = ["intro.html", f"chapters/{CHAPTER}.html", "models.html", "glossary.html", "references.html",
            f"instructors/{CHAPTER}.html", "_static/glossary-terms.json"]
#: Nothing on the pages is a build time (html_last_updated_fmt is off, the copyright is a fixed
#: year); this list is where such a stamp would be masked if the theme ever added one.
TIMESTAMPS: list[re.Pattern] = []


def normalise(text: str) -> str:
    for stamp in TIMESTAMPS:
        text = stamp.sub("<timestamp>", text)
    return text


def differences(first: str, second: str, name: str) -> str:
    diff = difflib.unified_diff(normalise(first).splitlines(), normalise(second).splitlines(),
                                f"first/{name}", f"second/{name}", n=0, lineterm="")
    return "\n".join(line[:300] for line in list(diff)[:12])


def test_differences_are_reported():
    """The comparison itself can fail: a changed id is a difference."""
    assert differences('<div id="plot-1">', '<div id="plot-1">', "a.html") == ""
    assert "plot-2" in differences('<div id="plot-1">', '<div id="plot-2">', "a.html")


@pytest.fixture(scope="module")
def second_build(built_site, tmp_path_factory):
    first_chapter = (built_site / "chapters" / f"{CHAPTER}.html").read_text("utf-8")
    if 'class="belonging-plot"' not in first_chapter:
        pytest.skip(f"the site under test did not execute {CHAPTER} (a preview of another chapter)")
    out = tmp_path_factory.mktemp("second-build")
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "preview.py"), CHAPTER, "--out", str(out)],
                            cwd=ROOT, capture_output=True, text=True, timeout=1200)
    assert result.returncode == 0, "second build failed:\n" + (result.stdout + result.stderr)[-4000:]
    return out / "book" / "_build" / "html"


@pytest.mark.parametrize("page", COMPARED)
def test_a_second_clean_build_gives_the_same_page(built_site, second_build, page):
    first = (built_site / page).read_text("utf-8")
    second = (second_build / page).read_text("utf-8")
    diff = differences(first, second, page)
    assert not diff, diff
