"""The "My progress" page's build-time data: chapters, quiz question keys, predict prompts.

The keys must match the ones the browser computes (book/_static/belonging-progress.js); the
site test tests/site/test_progress.py compares the two on a built page.
"""
import json
import re

import pytest

from belonging.pages.progress import book_folder, chapter_index, fnv1a, progress_page, question_key

ROOT = book_folder().parent


@pytest.mark.parametrize("text, expected", [
    ("", "811c9dc5"),          # FNV-1a's offset basis: nothing hashed
    ("a", "e40c292c"),         # published FNV-1a 32-bit test vectors
    ("foobar", "bf9cf968"),
])
def test_fnv1a_matches_the_published_test_vectors(text, expected):
    assert fnv1a(text) == expected


def test_fnv1a_hashes_utf16_code_units_as_javascript_reads_them():
    # "é" is one UTF-16 unit (0x00e9) and "😀" two (a surrogate pair): hashed unit by unit.
    def by_units(units):
        value = 0x811C9DC5
        for unit in units:
            value = ((value ^ unit) * 0x01000193) & 0xFFFFFFFF
        return f"{value:08x}"
    assert fnv1a("é") == by_units([0xE9])
    assert fnv1a("😀") == by_units([0xD83D, 0xDE00])
    assert fnv1a("é") != fnv1a("e")


def test_question_keys_collapse_whitespace_and_name_the_chapter():
    key = question_key("01-what-belonging-is", "  Which of\n these   is right? ")
    assert key == "01-what-belonging-is:" + fnv1a("Which of these is right?")
    assert re.fullmatch(r"01-what-belonging-is:[0-9a-f]{8}", key)
    with pytest.raises(ValueError, match="chapter"):
        question_key("Chapter 1", "Q?")
    with pytest.raises(ValueError, match="text"):
        fnv1a(None)


def test_the_index_lists_every_chapter_with_its_quiz_and_prompts():
    chapters = chapter_index()
    slugs = sorted(p.stem for p in (ROOT / "book" / "chapters").glob("[0-9][0-9]-*.md"))
    assert [c["slug"] for c in chapters] == slugs
    for chapter in chapters:
        text = (ROOT / "book" / "chapters" / f"{chapter['slug']}.md").read_text("utf-8")
        assert f"# {chapter['title']}\n" in text
        assert chapter["href"] == f"chapters/{chapter['slug']}.html"
        bank = json.loads((ROOT / "book" / "quizzes" / f"{chapter['slug']}.json").read_text("utf-8"))
        assert chapter["questions"] == [question_key(chapter["slug"], q["question"]) for q in bank["questions"]]
        assert len(set(chapter["questions"])) == len(chapter["questions"]), "two questions share a key"
        assert len(chapter["predictions"]) == text.count("predict(\n")
        for key in chapter["predictions"]:
            assert f'"{key}"' in text


def test_every_predict_prompt_names_a_figure_whose_anchor_is_in_the_chapter():
    for chapter in chapter_index():
        text = (ROOT / "book" / "chapters" / f"{chapter['slug']}.md").read_text("utf-8")
        for key in chapter["predictions"]:
            call = text.split(f'"{key}"', 1)[1].split("\n)\n", 1)[0]
            anchor = re.search(r'figure="([a-z0-9-]+)"', call)
            assert anchor and re.search(r'figure_title="[^"]+"', call), f"{key} names no figure"
            # the MyST target sits right after the prompt's cell, before the figure's cell
            after = text.split(f"\n({anchor.group(1)})=\n", 1)
            assert len(after) == 2 and after[1].lstrip().startswith("```{code-cell}"), anchor.group(1)


def test_the_page_carries_its_data_and_script_and_no_network_or_storage_code():
    html = progress_page().data
    data = html.split('id="belonging-my-progress-data">', 1)[1].split("</script>", 1)[0]
    assert json.loads(data.replace("<\\/", "</")) == chapter_index()
    assert 'id="belonging-my-progress"' in html and "BelongingProgress" in html
    for forbidden in ("fetch(", "XMLHttpRequest", "localStorage", "sessionStorage", "document.cookie", "indexedDB"):
        assert forbidden not in html


def test_the_privacy_notes_name_the_one_entry_the_store_uses():
    """README, the welcome page and the progress page tell readers what to look for in their
    browser's storage: it must be the entry belonging-progress.js really writes."""
    script = (ROOT / "book" / "_static" / "belonging-progress.js").read_text("utf-8")
    edition = re.search(r'var EDITION = "(\d{4})";', script).group(1)
    assert 'var KEY = "belonging-progress-" + EDITION;' in script
    for doc in ("README.md", "book/intro.md", "book/progress.md"):
        text = " ".join((ROOT / doc).read_text("utf-8").split())
        assert f"`belonging-progress-{edition}`" in text, doc
        assert "Remember my answers on this device" in text, doc
        assert "never what you wrote" in text, doc
