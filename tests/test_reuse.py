"""Reuse made safe (issue 22): the licence files are the exact texts, every place that names the
licences names the same two, CITATION.cff is valid CFF 1.2.0, the "Reuse and adapt" page is in
the table of contents and linked, and scripts/subset.py writes a course of some chapters that
builds with warnings as errors."""
from __future__ import annotations

import hashlib
import re
import subprocess
import sys
import tomllib
from datetime import date
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
import subset  # noqa: E402  (scripts/ is not a package)

#: creativecommons.org's own plain-text legal code (creativecommons/creativecommons.org,
#: docroot/legalcode/by_4.0.txt, unchanged since 2019), byte for byte. The SPDX copy in
#: Kitware/vtk-book's LICENSES/ has the same words, only without the final blank line.
CC_BY_SHA256 = "9ba9550ad48438d0836ddab3da480b3b69ffa0aac7b7878b5a0039e7ab429411"
CC_BY_SECTIONS = [
    "Section 1 -- Definitions.",
    "Section 2 -- Scope.",
    "Section 3 -- License Conditions.",
    "Section 4 -- Sui Generis Database Rights.",
    "Section 5 -- Disclaimer of Warranties and Limitation of Liability.",
    "Section 6 -- Term and Termination.",
    "Section 7 -- Other Terms and Conditions.",
    "Section 8 -- Interpretation.",
]
#: The MIT licence as choosealicense.com and SPDX give it, after its copyright line.
MIT_SHA256_AFTER_COPYRIGHT = "21a76c19ae398e37fc00bca26e6850feee362e8188f8507ad44a53475ee62c33"
SPDX = {"CC-BY-4.0", "MIT"}


def config() -> dict:
    return yaml.safe_load((ROOT / "book" / "_config.yml").read_text("utf-8"))


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# --- the licence files ------------------------------------------------------------------------

def test_content_licence_is_the_exact_cc_by_4_legal_code():
    data = (ROOT / "LICENSES" / "CC-BY-4.0.txt").read_bytes()
    text = data.decode("utf-8")
    assert text.startswith("Attribution 4.0 International\n")
    assert "Creative Commons Attribution 4.0 International Public License" in text
    assert [line for line in text.splitlines() if line.startswith("Section ")] == CC_BY_SECTIONS
    assert sha256(data) == CC_BY_SHA256


def test_code_licence_is_the_standard_mit_text_for_the_books_authors():
    lines = (ROOT / "LICENSE").read_text("utf-8").splitlines(True)
    assert lines[0] == "MIT License\n"
    settings = config()
    assert lines[2] == f"Copyright (c) {settings['copyright']} {settings['author']}\n"
    assert sha256("".join(lines[3:]).encode()) == MIT_SHA256_AFTER_COPYRIGHT


def test_the_package_declares_mit_and_ships_its_licence():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    assert project["license"] == "MIT"
    assert project["license-files"] == ["LICENSE"]


def licence_section(readme: str) -> str:
    return readme.split("\n## Licence\n", 1)[1].split("\n## ", 1)[0]


def test_readme_names_both_licences_their_files_and_the_paths_each_covers():
    section = licence_section((ROOT / "README.md").read_text("utf-8"))
    assert "CC BY 4.0" in section and "MIT" in section
    assert "`LICENSE`" in section and "`LICENSES/CC-BY-4.0.txt`" in section
    code = next(line for line in section.split("\n- ") if line.startswith("**Code**"))
    content = next(line for line in section.split("\n- ") if line.startswith("**Content**"))
    for path in ("src/", "scripts/", "tests/", "book/_ext/", "book/_static/"):
        assert f"`{path}" in code, path
    for path in ("book/chapters/", "book/quizzes/", "book/exams/", "exercises/"):
        assert f"`{path}" in content, path


def test_the_site_footer_names_the_licences_the_readme_names():
    footer = config()["html"]["extra_footer"]
    section = licence_section((ROOT / "README.md").read_text("utf-8"))
    named = {"CC BY 4.0", "MIT"}
    assert {n for n in named if n in footer} == named == {n for n in named if n in section}
    assert not re.search(r"CC BY(?!\s4\.0)|CC BY-(SA|NC|ND)", footer + section)
    # Under the licence line, every page's footer links the page that says how to reuse the course.
    template = (ROOT / "book" / "_templates" / "extra-footer.html").read_text("utf-8")
    assert "pathto('reuse')" in template


# --- CITATION.cff -----------------------------------------------------------------------------

def citation() -> dict:
    return yaml.safe_load((ROOT / "CITATION.cff").read_text("utf-8"))


def test_citation_cff_has_the_keys_cff_1_2_0_requires():
    cff = citation()
    assert cff["cff-version"] == "1.2.0"
    assert isinstance(cff["message"], str) and cff["message"].strip()
    assert cff["title"] == config()["title"]
    assert cff["authors"] and all(isinstance(a, dict) for a in cff["authors"])
    # CFF: a person has family-names or given-names; an entity has name.
    assert all(a.get("name") or a.get("family-names") or a.get("given-names") for a in cff["authors"])
    assert [a.get("name") for a in cff["authors"]] == [config()["author"]]


def test_citation_cff_licences_are_spdx_ids_content_first():
    licences = citation()["license"]
    assert licences == ["CC-BY-4.0", "MIT"]
    assert set(licences) <= SPDX


def test_citation_cff_names_no_invented_repository():
    cff = citation()
    url = config()["repository"]["url"]
    for key in ("repository-code", "url", "repository"):
        assert cff.get(key, url) == url, f"{key} is not the repository named in book/_config.yml"
    if "date-released" in cff:
        assert isinstance(cff["date-released"], date)


# --- the Reuse and adapt page -----------------------------------------------------------------

def test_reuse_page_is_in_the_reference_part_of_the_toc():
    toc = yaml.safe_load((ROOT / "book" / "_toc.yml").read_text("utf-8"))
    reference = next(p for p in toc["parts"] if p["caption"] == "Reference")
    assert {"file": "reuse"} in reference["chapters"]


def test_reuse_page_is_linked_from_the_welcome_page_and_the_instructor_guide():
    assert "](reuse.md)" in (ROOT / "book" / "intro.md").read_text("utf-8")
    assert "](../reuse.md)" in (ROOT / "book" / "instructors" / "index.md").read_text("utf-8")


def test_reuse_page_gives_a_tasl_attribution_and_the_subset_steps():
    page = (ROOT / "book" / "reuse.md").read_text("utf-8")
    settings = config()
    # <wbr> lets the address break on a phone; it adds nothing to the text a reader copies.
    attribution = page.split("```{admonition} Attribution to copy", 1)[1].split("```", 1)[0]
    attribution = attribution.replace("<wbr>", "")
    for part in (settings["title"], settings["author"], "CC BY 4.0",
                 "https://creativecommons.org/licenses/by/4.0/"):
        assert part in attribution, part
    for step in ("book/_toc.yml", "scripts/subset.py", "make build", "make pdf", "make lms"):
        assert step in page, step


# --- scripts/subset.py ------------------------------------------------------------------------

def test_subset_takes_numbers_or_slugs_and_refuses_unknown_chapters():
    slugs = subset.all_slugs()
    assert subset.chosen_slugs(["4", "01", "01-what-belonging-is"], slugs) == [slugs[0], slugs[3]]
    with pytest.raises(ValueError, match="chapters: no chapter '13'"):
        subset.chosen_slugs(["13"], slugs)


def test_subset_toc_drops_left_out_chapters_their_notes_and_empty_parts():
    toc = yaml.safe_load((ROOT / "book" / "_toc.yml").read_text("utf-8"))
    dropped = set(subset.all_slugs()[1:])
    files = yaml.safe_dump(subset.prune_toc(toc, dropped))
    assert "chapters/01-what-belonging-is" in files and "instructors/01-what-belonging-is" in files
    assert not any(slug in files for slug in dropped)
    assert "Bringing it together" not in files and "Reference" in files


def test_subset_makes_links_to_left_out_pages_plain_text_and_keeps_the_others():
    dropped = {"02-evolutionary-foundations"}
    titles = {"02-evolutionary-foundations": "Evolutionary foundations"}
    text = ("[Evolutionary](chapters/02-evolutionary-foundations.md) [notes](02-evolutionary-foundations.md) "
            "{doc}`../chapters/02-evolutionary-foundations` {doc}`ch 2 <02-evolutionary-foundations>` "
            "[one](chapters/01-what-belonging-is.md) {doc}`welcome page <../intro>`")
    assert subset.unlink(text, dropped, titles) == (
        "Evolutionary notes Evolutionary foundations ch 2 "
        "[one](chapters/01-what-belonging-is.md) {doc}`welcome page <../intro>`")


@pytest.mark.build
def test_a_subset_of_two_chapters_builds_with_warnings_as_errors(tmp_path):
    """About 40 s on the 2-core machine: the pages are built without running their code."""
    out = tmp_path / "course"
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "subset.py"), "01", "04",
                             "--out", str(out), "--build", "--no-execute"],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    html = out / "book" / "_build" / "html"
    assert (html / "chapters" / "04-when-the-need-goes-unmet.html").is_file()
    assert not (html / "chapters" / "02-evolutionary-foundations.html").exists()
    assert not (out / "book" / "quizzes" / "02-evolutionary-foundations.json").exists()
    assert "chapters/02-evolutionary-foundations.html" not in (html / "intro.html").read_text("utf-8")
    assert (html / "reuse.html").is_file()
