""""How sure are we?" boxes: every chapter labels the evidence behind its key findings (issue 20).

The labels, the rule that each box cites a reference the book has, and the directive that
refuses anything else. The site test tests/site/test_evidence_boxes.py checks the built pages.
"""
from __future__ import annotations

import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "book" / "_ext"))
from belonging_evidence import LABELS  # noqa: E402

CHAPTERS = sorted((ROOT / "book" / "chapters").glob("[0-9][0-9]-*.md"))
BOX = re.compile(r"^(`{3,}|:{3,})\{evidence\}[ \t]*(?P<label>[^\n]*)\n(?P<body>.*?)^\1[ \t]*$", re.M | re.S)
CITE = re.compile(r"\{cite(?::[tp])?\}`([^`]+)`")
MIN_PER_CHAPTER = 2


def bib_keys() -> set[str]:
    text = (ROOT / "book" / "references.bib").read_text("utf-8")
    return set(re.findall(r"^@\w+\{\s*([^,\s]+)\s*,", text, re.M))


def boxes(text: str) -> list[dict]:
    """Each evidence box of a chapter's Markdown: its label, finding and cited keys."""
    found = []
    for match in BOX.finditer(text):
        body = match["body"]
        finding = re.search(r"^:finding:[ \t]*(.+)$", body, re.M)
        keys = [key.strip() for group in CITE.findall(body) for key in group.split(",")]
        found.append({"label": match["label"].strip(), "finding": finding[1].strip() if finding else "",
                      "keys": keys})
    return found


def test_boxes_reads_label_finding_and_every_cited_key():
    text = textwrap.dedent("""\
        Some prose.

        ```{evidence} mixed
        :finding: A finding.
        One study {cite:p}`a2020x, b2021y`; another {cite:t}`c2022z`.
        ```
        """)
    assert boxes(text) == [{"label": "mixed", "finding": "A finding.", "keys": ["a2020x", "b2021y", "c2022z"]}]


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem[:2])
def test_chapter_labels_the_evidence_behind_its_key_findings(path):
    found = boxes(path.read_text("utf-8"))
    assert len(found) >= MIN_PER_CHAPTER, (
        f"{path.name}: {len(found)} 'How sure are we?' boxes; each chapter needs at least {MIN_PER_CHAPTER}")
    known = bib_keys()
    for box in found:
        assert box["label"] in LABELS, f"{path.name}: unknown label {box['label']!r}; use one of {list(LABELS)}"
        assert box["finding"], f"{path.name}: a box without a :finding:"
        assert box["keys"], f"{path.name}: the box on {box['finding']!r} cites nothing"
        missing = [key for key in box["keys"] if key not in known]
        assert not missing, f"{path.name}: {missing} not in book/references.bib"


def test_glossary_explains_every_label():
    glossary = (ROOT / "book" / "glossary.md").read_text("utf-8")
    entry = re.search(r"^Replication\n(.*?)(?=^\S|\Z)", glossary, re.M | re.S)
    assert entry, "book/glossary.md has no 'Replication' entry"
    for words in LABELS.values():
        assert words.lower() in entry[1].lower(), f"the Replication entry does not explain {words!r}"


def _build(tmp_path: Path, box: str) -> subprocess.CompletedProcess:
    """A two-page Sphinx project with the course's directive, built with warnings as errors."""
    (tmp_path / "conf.py").write_text(textwrap.dedent(f"""\
        import sys
        sys.path.insert(0, {str(ROOT / 'book' / '_ext')!r})
        extensions = ["myst_parser", "belonging_evidence"]
        """), "utf-8")
    (tmp_path / "index.md").write_text("# Title\n\nText.\n\n" + box, "utf-8")
    return subprocess.run([sys.executable, "-m", "sphinx", "-W", "-q", "-b", "html", str(tmp_path),
                           str(tmp_path / "_build")], capture_output=True, text=True, timeout=120)


def test_directive_shows_the_label_in_words_and_the_finding(tmp_path):
    result = _build(tmp_path, "```{evidence} not-replicated\n:finding: People choke.\nWhy it is so.\n```\n")
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "_build" / "index.html").read_text("utf-8")
    assert "How sure are we? · Did not replicate" in page
    assert "<strong>People choke.</strong>" in page
    assert "belonging-evidence-not-replicated" in page


@pytest.mark.parametrize("box, says", [
    ("```{evidence} probably\n:finding: F.\nWhy.\n```\n", "label must be one of"),
    ("```{evidence} mixed\nWhy.\n```\n", ":finding:"),
    ("```{evidence} mixed\n:finding: F.\n```\n", "why the label fits"),
])
def test_directive_refuses_a_box_a_reader_could_not_trust(tmp_path, box, says):
    result = _build(tmp_path, box)
    assert result.returncode != 0
    assert says in result.stderr
