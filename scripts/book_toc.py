"""The pages of book/_toc.yml in reading order: the one reading of the table of contents that
`make pdf`, `make epub`, `make bench-site` and the site tests share (scripts/ is not a package:
each puts this folder on sys.path and imports it)."""
from __future__ import annotations

from pathlib import Path

import yaml

BOOK = Path(__file__).resolve().parents[1] / "book"


def pages(book: Path = BOOK) -> list[tuple[str, str | None]]:
    """Every page `book`/_toc.yml lists, in reading order, as (built path, caption of its part);
    the root page belongs to no part (None)."""
    toc = yaml.safe_load((book / "_toc.yml").read_text("utf-8"))
    found = [(f"{toc['root']}.html", None)]

    def walk(entries, caption):
        for entry in entries or []:
            found.append((f"{entry['file']}.html", caption))
            walk(entry.get("sections"), caption)

    for part in toc["parts"]:
        walk(part["chapters"], part.get("caption"))
    return found
