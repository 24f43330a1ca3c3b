"""The built site: every page present, self-hosted, and each library only where it is used."""
import re

from conftest import toc_pages

OUTSIDE = re.compile(r'<(?:script|img|iframe|source|video|audio|link)\b[^>]*(?:src|href)="(https?://[^"]+)"')


def pages(site):
    return [p for p in site.rglob("*.html") if not {"_static", "_sources"} & set(p.parts)]


def test_every_page_in_the_table_of_contents_is_built(built_site):
    missing = [page for page in toc_pages() if not (built_site / page).is_file()]
    assert not missing
    assert len([p for p in toc_pages() if p.startswith("chapters/")]) == 12  # the chapter map in DESIGN.md


def test_no_page_loads_assets_from_another_host(built_site):
    offenders = {}
    for page in pages(built_site):
        found = [u for u in OUTSIDE.findall(page.read_text("utf-8")) if not u.startswith("http://127.0.0.1")]
        if found:
            offenders[str(page.relative_to(built_site))] = found
    assert not offenders


def test_plotly_is_served_by_the_site_and_only_where_needed(built_site):
    vendored = list((built_site / "_static" / "vendor").glob("plotly-*.min.js"))
    assert vendored and vendored[0].stat().st_size > 1_000_000
    for page in pages(built_site):
        text = page.read_text("utf-8")
        has_figure = 'class="belonging-plot"' in text
        assert has_figure == ("belonging-explorable.js" in text), page.name


def test_no_widget_or_thebe_code_reaches_the_site(built_site):
    for page in pages(built_site):
        text = page.read_text("utf-8")
        assert "application/vnd.jupyter.widget-view+json" not in text, page.name
        assert "require.min.js" not in text and "require.js" not in text, page.name
        assert "THEBE_JS_URL" not in text, page.name


DESCRIPTION = re.compile(r'<meta name="description" content="([^"]{40,160})"')


def test_every_page_has_a_meta_description_of_its_own(built_site):
    found = {page: DESCRIPTION.findall(page.read_text("utf-8")) for page in pages(built_site)
             if page.name != "index.html"}  # index.html is Jupyter Book's one-line redirect to intro.html
    assert all(len(d) == 1 for d in found.values()), [str(p) for p, d in found.items() if len(d) != 1]
    chapters = [d[0] for p, d in found.items() if p.parent.name == "chapters"]
    assert chapters and len(set(chapters)) == len(chapters)  # each chapter describes itself
