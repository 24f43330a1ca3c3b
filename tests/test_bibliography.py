"""The bibliography lets a reader find every source (issue 20): an article has a DOI, or a volume
and pages; a book has a publisher; a chapter in a book has the book, its pages and publisher."""
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BIB = ROOT / "book" / "references.bib"
ENTRY = re.compile(r"^@(?P<kind>\w+)\{\s*(?P<key>[^,\s]+)\s*,(?P<body>.*?)^\}", re.M | re.S)
#: What each kind of entry needs: any one of the alternatives, where each is a set of fields.
NEEDS = {
    "article": [{"doi"}, {"volume", "pages"}],
    "book": [{"publisher"}],
    "incollection": [{"booktitle", "publisher", "pages"}, {"booktitle", "doi"}],
    "inproceedings": [{"booktitle", "doi"}, {"booktitle", "pages"}],
    "misc": [{"url"}, {"doi"}, {"howpublished"}, {"publisher"}],
}


def entries(text: str) -> list[tuple[str, str, set[str]]]:
    """(kind, key, names of the fields that have a value) for each entry."""
    found = []
    for match in ENTRY.finditer(text):
        fields = {name.lower() for name, value in re.findall(r"^\s*(\w+)\s*=\s*[{\"]?(.*?)[}\"]?,?\s*$",
                                                              match["body"], re.M) if value.strip()}
        found.append((match["kind"].lower(), match["key"], fields))
    return found


def missing(kind: str, fields: set[str]) -> str:
    options = NEEDS.get(kind)
    if options is None:
        return f"an entry of kind @{kind}, which this test does not know: add it to NEEDS"
    if any(need <= fields for need in options):
        return ""
    return " or ".join("+".join(sorted(need)) for need in options)


def test_entries_reads_kinds_keys_and_filled_fields():
    text = "@article{a2020x,\n  title = {T},\n  doi = {},\n  volume = {3},\n  pages = {1--2},\n}\n"
    assert entries(text) == [("article", "a2020x", {"title", "volume", "pages"})]
    assert missing("article", {"title", "volume"}) == "doi or pages+volume"
    assert missing("book", {"title", "publisher"}) == ""


def test_bib_file_is_read_whole():
    text = BIB.read_text("utf-8")
    assert len(entries(text)) == len(re.findall(r"^@\w+\{", text, re.M)) > 100


@pytest.mark.parametrize("kind, key, fields", entries(BIB.read_text("utf-8")), ids=lambda v: v if isinstance(v, str) else "")
def test_every_reference_can_be_found(kind, key, fields):
    need = missing(kind, fields)
    assert not need, f"{key} (@{kind}) needs {need}"
