"""What an exercise-notebook answer key looks like when it is printed, for the tests that make
sure none is on the site (tests/test_keys_not_public.py, tests/site/test_keys_not_on_site.py).

The multiple-choice keys are read from the notebooks' sources (``qN = "x"  # SOLUTION``), so
the search follows the keys when they change.
"""
from __future__ import annotations

import html
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: The notes' old section titles for the notebook key, and the key's bullet form ("**q4**: ...").
KEY_TITLE = re.compile(r"answer key:?\s*(?:the\s+)?(?:exercise notebook|jupyter exercises)", re.I)
KEY_BULLET = re.compile(r"^\s*[-*]\s+\*\*q\d+\*\*", re.M)


def multiple_choice_keys() -> dict[str, dict[str, str]]:
    """Chapter slug -> {question: letter} from exercises/source (the solution lines)."""
    keys = {}
    for source in sorted((ROOT / "exercises" / "source").glob("*.ipynb")):
        text = "\n".join("".join(c["source"]) for c in json.loads(source.read_text("utf-8"))["cells"])
        found = dict(re.findall(r'^(q\d+)\s*=\s*["\']([a-z])["\']\s*#\s*SOLUTION', text, flags=re.M))
        if found:
            keys[source.stem] = found
    return keys


def plain(text: str) -> str:
    """Markup, entities and emphasis gone, spaces collapsed: what a reader sees."""
    text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    return " ".join(text.replace("*", " ").replace("`", " ").split())


def pairs_shown(text: str, keys: dict[str, dict[str, str]]) -> list[str]:
    """Every "qN ... (x)" in ``text`` that names a notebook question with its right letter
    close after it (within 40 characters: a key line, not prose that mentions both)."""
    flat, found = plain(text), []
    letters = {(q, x) for chapter in keys.values() for q, x in chapter.items()}
    for q, x in sorted(letters):
        pattern = rf"\b{q}\b[^.()]{{0,40}}?(?:\({x}\)|[\"“']{x}[\"”']|\banswer (?:is )?{x}\b)"
        found += [m.group(0) for m in re.finditer(pattern, flat, flags=re.I)]
    return found


def leaks(text: str, keys: dict[str, dict[str, str]]) -> list[str]:
    """Everything in ``text`` that prints a notebook key: the key section's title, its bullets
    (markdown only) and question-letter pairs."""
    found = [m.group(0) for m in KEY_TITLE.finditer(plain(text))]
    found += [m.group(0).strip() for m in KEY_BULLET.finditer(text)]
    return found + pairs_shown(text, keys)
