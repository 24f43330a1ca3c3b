"""An incremental build copies the book's static files anew (book/_ext/belonging_site.py).

Sphinx 7.4 leaves a static file alone when the output folder already has one (and copies none
when no page is out of date), so after an edit
to book/_static/belonging-print.css a `make build` kept the old copy in the site.
"""
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "book" / "_ext"))
from belonging_site import refresh_static  # noqa: E402


def test_the_books_static_files_replace_their_old_built_copies(tmp_path):
    source, out = tmp_path / "book", tmp_path / "html"
    (source / "_static" / "sub").mkdir(parents=True)
    (out / "_static").mkdir(parents=True)
    (source / "_static" / "site.css").write_text("new", "utf-8")
    (source / "_static" / "same.css").write_text("same", "utf-8")
    (source / "_static" / "sub" / "page.js").write_text("new", "utf-8")
    (out / "_static" / "site.css").write_text("old", "utf-8")
    (out / "_static" / "same.css").write_text("same", "utf-8")
    (out / "_static" / "theme.css").write_text("the theme's own", "utf-8")
    written = refresh_static(source, out)
    assert sorted(p.name for p in written) == ["page.js", "site.css"]
    assert (out / "_static" / "site.css").read_text("utf-8") == "new"
    assert (out / "_static" / "sub" / "page.js").read_text("utf-8") == "new"
    assert (out / "_static" / "theme.css").read_text("utf-8") == "the theme's own"
