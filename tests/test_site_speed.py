"""The site's speed extensions, without building the book: icons drawn from the theme's own Font
Awesome paths, the head filters, and the rebuild that re-executes chapters when a model changes."""
from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "book" / "_ext"))
import belonging_icons  # noqa: E402
import belonging_speed  # noqa: E402


@pytest.fixture(scope="module")
def packs():
    return belonging_icons.fontawesome_icons(belonging_icons.FONTAWESOME_JS.read_text("utf-8"))


def test_icons_are_read_from_the_themes_bundle(packs):
    sun = packs["fas"]["sun"]
    assert (sun.width, sun.height, sun.unicode) == (512, 512, "f185")
    assert sun.path.startswith("M") and len(sun.path) > 100
    assert packs["fas"]["info-circle"] == packs["fas"]["circle-info"]  # aliases resolve
    assert packs["far"]["sun"].path != sun.path  # the regular pack is a different drawing


def test_every_listed_icon_and_the_theme_css_icons_become_masks(packs):
    css = belonging_icons.icon_css(packs, [path.read_text("utf-8") for path in belonging_icons.THEME_CSS])
    for name in belonging_icons.ICONS:
        assert f".fa-{name}::before{{width:" in css
    # The note admonition's icon is a CSS variable two levels deep, pointing at circle-info.
    note = next(line for line in css.splitlines() if line.startswith(".admonition.note>"))
    assert belonging_icons.mask_url(packs["fas"]["circle-info"]) in note and 'content:""' in note


def test_pseudo_icon_rules_follow_variables_and_skip_other_content(packs):
    by_unicode = {icon.unicode: icon for icon in packs["fas"].values()}
    css = ('html{--a:var(--b);--b:"\\f185"}.x:after{content:var(--a);font:var(--fa-font-solid)}'
           '.y:before{content:"→"}.z:before{content:"\uf186"}')
    rules = belonging_icons.pseudo_icon_rules(css, by_unicode)
    assert rules[0].startswith(".x:after{") and belonging_icons.mask_url(packs["fas"]["sun"]) in rules[0]
    assert "width:1em" in rules[0]
    assert rules[1].startswith(".z:before{") and belonging_icons.mask_url(packs["fas"]["moon"]) in rules[1]
    assert len(rules) == 2  # .y uses an ordinary character and no icon font


def test_unknown_icons_ignores_modifiers():
    page = '<i class="fa-solid fa-sun fa-lg"></i><i class="fas fa-rocket fa-fw"></i>'
    assert belonging_icons.unknown_icons(page, {"sun"}) == {"rocket"}


def test_head_filters():
    head = ('<script defer src="../_static/scripts/fontawesome.js?digest=1"></script>\n'
            '<link href="../_static/styles/theme.css?digest=1" rel="stylesheet" />\n'
            '<script src="../_static/searchtools.js"></script>\n<script src="../searchindex.js"></script>\n'
            '<script src="../_static/doctools.js"></script>')
    lean = belonging_speed.without_search_scripts(belonging_icons.without_fontawesome(head))
    assert "fontawesome" not in lean and "search" not in lean and "doctools.js" in lean
    assert 'href="../_static/basic.css"' in belonging_speed.without_css_import(head)


def test_glyph_rules_leave_the_theme_css_but_nothing_else():
    css = ('.a{color:red}.fa-sun:before{content:"\\f185"}.fa-b:before,.fa-c:before{content:"x"}'
           '.keep,.fa-d:before{content:"y"}@font-face{font-family:Font Awesome\\ 6 Free;src:url(a.woff2)}'
           '@font-face{font-family:Other;src:url(b.woff2)}')
    assert belonging_speed.without_fontawesome_glyphs(css) == (
        '.a{color:red}.keep,.fa-d:before{content:"y"}@font-face{font-family:Other;src:url(b.woff2)}')


HEAD = ('<link href="../_static/basic.css" rel="stylesheet" />\n'
        '<link href="../_static/styles/theme-x.css?digest=1" rel="stylesheet" />\n'
        '<script defer src="../_static/doctools.js"></script>\n'
        '<link rel="stylesheet" type="text/css" href="../_static/course.css?v=2" />\n'
        '<link media="print" rel="stylesheet" type="text/css" href="../_static/print.css?v=3" />\n')


def test_a_pages_screen_stylesheets_become_one_link_in_their_place():
    bundles = {}
    head = belonging_speed.bundled_stylesheets(HEAD, bundles)
    [(name, members)] = bundles.items()
    assert members == ["basic.css", "styles/theme-x.css?digest=1", "course.css?v=2"]
    assert head.count('rel="stylesheet"') == 2 and head.index(name) < head.index("doctools.js")
    assert f'href="../_static/{name}"' in head and 'media="print"' in head and "print.css?v=3" in head
    assert "basic.css" not in head and "course.css" not in head


def test_bundles_are_named_by_their_members_versions_included():
    first = belonging_speed.bundle_name(["a.css?v=1", "b.css"])
    assert first == belonging_speed.bundle_name(["a.css?v=1", "b.css"])
    assert first != belonging_speed.bundle_name(["a.css?v=2", "b.css"])
    assert first != belonging_speed.bundle_name(["b.css", "a.css?v=1"])


def test_a_single_stylesheet_is_left_alone():
    head = '<link href="_static/basic.css" rel="stylesheet" />'
    bundles = {}
    assert belonging_speed.bundled_stylesheets(head, bundles) == head and bundles == {}


def test_bundle_keeps_the_order_and_rebases_urls(tmp_path):
    (tmp_path / "styles").mkdir()
    (tmp_path / "basic.css").write_text('@charset "UTF-8";\n.a{background:url(file.png)}', "utf-8")
    (tmp_path / "styles" / "t.css").write_text(
        '@charset "UTF-8";.b{background:url("img/x.svg")}.c{mask:url(data:image/svg+xml,x)}'
        ".d{background:url(https://example.org/y.png)}", "utf-8")
    text = belonging_speed.bundle_text(tmp_path, ["basic.css", "styles/t.css?digest=1"])
    assert text.count("@charset") == 1 and text.startswith('@charset "UTF-8";')
    assert text.index(".a{") < text.index(".b{")
    assert "url(file.png)" in text and 'url("styles/img/x.svg")' in text
    assert "url(data:image/svg+xml,x)" in text and "url(https://example.org/y.png)" in text


def test_a_bundle_refuses_an_import(tmp_path):
    (tmp_path / "a.css").write_text('@import "b.css";', "utf-8")
    with pytest.raises(RuntimeError, match="a.css @imports"):
        belonging_speed.bundle_text(tmp_path, ["a.css"])


def test_optional_files_follow_their_markers():
    assert belonging_speed.needed("_static/copybutton.js", '<div class="highlight"><pre>')
    assert not belonging_speed.needed("_static/copybutton.js", "<p>prose</p>")
    assert belonging_speed.needed("_static/doctools.js", "")  # files without markers always stay


def _tree(tmp_path: Path) -> tuple[Path, Path]:
    package, quizzes = tmp_path / "belonging", tmp_path / "quizzes"
    (package / "present").mkdir(parents=True)
    quizzes.mkdir()
    (package / "model.py").write_text("RATE = 1\n")
    (package / "present" / "figure.py").write_text("COLOUR = 'blue'\n")
    (quizzes / "01.json").write_text("{}")
    return package, quizzes


def test_fingerprint_changes_with_any_model_or_quiz(tmp_path):
    package, quizzes = _tree(tmp_path)
    first = belonging_speed.inputs_fingerprint(package, quizzes)
    assert belonging_speed.inputs_fingerprint(package, quizzes) == first
    (package / "__pycache__").mkdir()
    (package / "__pycache__" / "model.pyc").write_bytes(b"\0")
    assert belonging_speed.inputs_fingerprint(package, quizzes) == first  # bytecode is not an input
    for path, text in ((package / "present" / "figure.py", "COLOUR = 'red'\n"), (quizzes / "01.json", '{"q": 1}')):
        before = belonging_speed.inputs_fingerprint(package, quizzes)
        path.write_text(text)
        assert belonging_speed.inputs_fingerprint(package, quizzes) != before


def test_a_changed_model_makes_every_executable_page_outdated(tmp_path, monkeypatch):
    package, _ = _tree(tmp_path)
    book = tmp_path / "book"
    (book / "quizzes").mkdir(parents=True)
    (book / "chapter.md").write_text("---\njupytext:\n  text_representation: {}\nkernelspec:\n  name: python3\n---\n# C\n")
    (book / "glossary.md").write_text("# Glossary\n")
    (book / "edited.md").write_text("---\nkernelspec:\n  name: python3\n---\n# E\n")
    monkeypatch.setattr(belonging_speed.belonging, "__file__", str(package / "__init__.py"))
    app = SimpleNamespace(srcdir=str(book))
    env = SimpleNamespace(found_docs={"chapter", "glossary", "edited"}, doc2path=lambda name: book / f"{name}.md")

    def outdated(added=frozenset(), changed=frozenset()):
        return belonging_speed._chapters_of_changed_models(app, env, set(added), set(changed), set())

    assert outdated(added=env.found_docs) == []  # a fresh build reads everything anyway
    assert outdated() == []  # nothing changed
    (package / "model.py").write_text("RATE = 2\n")
    assert outdated(changed={"edited"}) == ["chapter"]  # "edited" is being read already
    assert outdated() == []  # and once rebuilt, nothing more
