"""The publishing workflow puts the PDF, the e-book and the offline zip where the site links them."""
from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
LINKED = ["downloads/the-need-to-belong.pdf", "downloads/the-need-to-belong.epub",
          "downloads/the-need-to-belong-offline.zip"]


def _build_commands() -> str:
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text("utf-8"))
    steps = workflow["jobs"]["build"]["steps"]
    upload = next(i for i, s in enumerate(steps) if "upload-pages-artifact" in s.get("uses", ""))
    assert steps[upload]["with"]["path"] == "book/_build/html"
    return "\n".join(s.get("run", "") for s in steps[:upload])


def test_the_workflow_makes_all_three_and_publishes_them_beside_the_site():
    commands = _build_commands()
    for target in ("pdf", "epub", "offline"):
        assert re.search(rf"\bmake\b[^\n]*\b{target}\b", commands), target
    for name in (Path(link).name for link in LINKED):
        assert re.search(rf"cp [^\n]*dist/{re.escape(name)}[^\n]* book/_build/html/downloads/", commands), name


def test_the_welcome_page_and_the_instructor_guide_link_all_three():
    for page, prefix in (("intro.md", ""), ("instructors/index.md", "../")):
        text = (ROOT / "book" / page).read_text("utf-8")
        for target in LINKED:
            assert f'href="{prefix}{target}"' in text, f"{page} does not link {target}"
