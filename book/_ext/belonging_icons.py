"""The theme's icons without Font Awesome's script or font.

pydata-sphinx-theme loads Font Awesome's SVG-and-JavaScript bundle (``fontawesome.js``: 1.5 MB,
about 540 KB compressed, over a second of a phone's main thread, measured with Lighthouse) on
every page, and its stylesheet points at the 156 KB solid webfont, for about twenty icons.

This extension keeps the theme's markup (``<i class="fa-solid fa-sun">`` and the CSS
``::before``/``::after`` icons of admonitions, breadcrumbs and download links) and draws each
icon with a CSS mask holding that icon's SVG path, copied at build time from the theme's own
``fontawesome.js`` (Font Awesome Free, icons CC BY 4.0). ``_static/belonging-icons.css`` holds
only the icons listed in ``ICONS`` plus those the theme's CSS uses; the build fails (a warning
under ``-W``) if a page uses an ``fa-`` icon that is not there. ``fontawesome.js`` is dropped
from every page and, with the webfonts, from the built site, so a page that still asked for
either would show a failed request in the browser tests.
"""
from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import pydata_sphinx_theme
import sphinx_book_theme
from sphinx.util import logging

logger = logging.getLogger(__name__)

THEME_STATIC = Path(pydata_sphinx_theme.__file__).parent / "theme" / "pydata_sphinx_theme" / "static"
FONTAWESOME_JS = THEME_STATIC / "scripts" / "fontawesome.js"
THEME_CSS = (
    THEME_STATIC / "styles" / "pydata-sphinx-theme.css",
    Path(sphinx_book_theme.__file__).parent / "theme" / "sphinx_book_theme" / "static" / "styles" / "sphinx-book-theme.css",
)
ICON_CSS = "belonging-icons.css"

#: The icons the theme's templates and scripts put on our pages: search, the sidebar and
#: contents toggles, the theme switch (sun, moon, half circle), full screen, the download menu,
#: back to top, previous and next, section toggles, and the close button of the theme's banners.
ICONS = (
    "magnifying-glass", "bars", "list", "outdent", "sun", "moon", "circle-half-stroke", "expand",
    "download", "file", "file-pdf", "arrow-up", "angle-left", "angle-right", "chevron-down", "xmark",
)

#: Classes that style an icon rather than name one.
MODIFIERS = re.compile(r"fa-(solid|regular|brands|classic|sharp|lg|xs|sm|xl|2xs|2xl|\d+x|fw|spin|pulse|"
                       r"beat|fade|bounce|flip|shake|border|pull-left|pull-right|inverse|stack.*|rotate-.*|ul|li)$")


@dataclass(frozen=True)
class Icon:
    width: int
    height: int
    unicode: str
    path: str


_ENTRY = re.compile(r'(?:"([^"]+)"|([\w$]+)):\[(\d+),(\d+),\[([^\]]*)\],"([0-9a-f]+)",("[^"]*"|\[[^\]]*\])\]')


def fontawesome_icons(script: str) -> dict[str, dict[str, Icon]]:
    """Every icon in a Font Awesome bundle, by pack ("fas" solid, "far" regular, "fab" brands)
    and by name and alias. Each pack is a literal ``var p={name:[width,height,[aliases],
    "unicode","path"],...}`` handed to ``d("fas",p)``."""
    packs: dict[str, dict[str, Icon]] = {}
    for call in re.finditer(r'\b\w+\("(fa[srb])",([\w$]+)\)', script):
        prefix, variable = call.groups()
        start = script.rfind(f"var {variable}={{", 0, call.start())
        if start < 0 or prefix in packs:
            continue
        icons: dict[str, Icon] = {}
        for entry in _ENTRY.finditer(script, start, call.start()):
            quoted, bare, width, height, aliases, unicode, path = entry.groups()
            if not path.startswith('"'):
                continue  # a duotone icon (two paths): not in the free packs
            icon = Icon(int(width), int(height), unicode, path[1:-1])
            for name in [quoted or bare, *re.findall(r'"([\w-]+)"', aliases)]:
                icons.setdefault(name, icon)
        packs[prefix] = icons
    if not packs.get("fas"):
        raise RuntimeError(f"belonging_icons: no solid icons found in {FONTAWESOME_JS}; has the theme changed?")
    return packs


def mask_url(icon: Icon) -> str:
    svg = f"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 {icon.width} {icon.height}'><path d='{icon.path}'/></svg>"
    return 'url("data:image/svg+xml,' + quote(svg, safe=" /:=',.-") + '")'


def _mask(image: str) -> str:
    return f"-webkit-mask-image:{image};mask-image:{image}"


#: How an icon is drawn: its box filled with the text colour, cut out by the icon's shape.
#: The page's own font, because Chromium fetches a box's font for its line metrics even when
#: the box has no text; printed too, although browsers leave backgrounds out of print by default.
_DRAW = ("font-family:inherit;display:inline-block;background-color:currentColor;"
         "-webkit-print-color-adjust:exact;print-color-adjust:exact;"
         "-webkit-mask-repeat:no-repeat;mask-repeat:no-repeat;-webkit-mask-position:center;mask-position:center;"
         "-webkit-mask-size:contain;mask-size:contain;-webkit-mask-origin:content-box;mask-origin:content-box;"
         "-webkit-mask-clip:content-box;mask-clip:content-box")


def _css_rules(css: str):
    """(selector, declarations) of every innermost rule, including those inside @media."""
    for match in re.finditer(r"([^{}]+)\{([^{}]*)\}", re.sub(r"/\*.*?\*/", "", css, flags=re.S)):
        yield " ".join(match.group(1).split()), match.group(2)


_FA_FONT = re.compile(r"(?:^|;)\s*font(?:-family)?\s*:[^;]*(?:--fa-font|Font Awesome)", re.I)
_CONTENT = re.compile(r"(?:^|;)\s*content\s*:\s*([^;]+)")
_CHARACTER = re.compile(r'^"(?:\\([0-9a-fA-F]{4})|([\ue000-\uf8ff]))"$')


def _character(value: str, variables: dict[str, str], depth: int = 0) -> str | None:
    """The Font Awesome character (hex code) a CSS value stands for: ``"\\f0f3"``, the character
    itself, or ``var(--name)`` of either, at any depth; None for anything else."""
    value = value.strip()
    reference = re.fullmatch(r"var\((--[\w-]+)\)", value)
    if reference and depth < 10:
        return _character(variables.get(reference.group(1), ""), variables, depth + 1)
    character = _CHARACTER.match(value)
    if not character:
        return None
    return (character.group(1) or f"{ord(character.group(2)):x}").lower()


def pseudo_icon_rules(css: str, by_unicode: dict[str, Icon]) -> list[str]:
    """Overrides for the theme's CSS icons: each rule that sets a Font Awesome font or a Font
    Awesome character as ``content`` gets the same selector with the character replaced by a mask."""
    variables = dict(re.findall(r"(--[\w-]+)\s*:\s*([^;{}]+)", css))
    rules = []
    for selector, declarations in _css_rules(css):
        if selector.startswith("@") or selector.replace(" ", "") in {"html", ":root", ":host", ":host,:root"} or all(
                part.strip().startswith((".fa", ".fa-")) for part in selector.split(",")):
            continue  # variable definitions, and Font Awesome's own classes (handled by ICONS)
        content = _CONTENT.search(declarations)
        code = _character(content.group(1), variables) if content else None
        icon = by_unicode.get(code) if code else None
        fa_font = _FA_FONT.search(declarations)
        if not icon and not fa_font:
            continue
        parts = ['content:""'] if (icon or content) else []
        if fa_font:
            parts.append(_DRAW)
            if not re.search(r"(?:^|;)\s*width\s*:", declarations):
                parts.append("width:1em;height:1em;vertical-align:-.125em")
        if icon:
            parts.append(_mask(mask_url(icon)))
        rules.append(f"{selector}{{{';'.join(parts)}}}")
    return rules


def icon_css(packs: dict[str, dict[str, Icon]], theme_css: list[str]) -> str:
    solid = packs["fas"]
    missing = [name for name in ICONS if name not in solid]
    if missing:
        raise RuntimeError(f"belonging_icons: not in the theme's Font Awesome: {', '.join(missing)}")
    selectors = ",".join(f".fa-{name}::before" for name in ICONS)
    lines = [
        "/* Generated by book/_ext/belonging_icons.py from the theme's Font Awesome Free (icons CC BY 4.0,",
        "   https://fontawesome.com/license/free): each icon is its SVG path as a mask, not a font glyph. */",
        ".fa,.fas,.far,.fab,.fa-solid,.fa-regular,.fa-brands,.fa-classic{font-family:inherit}",
        f'{selectors}{{content:"";{_DRAW};height:1em;vertical-align:-.125em}}',
    ]
    for name in ICONS:
        icon = solid[name]
        lines.append(f".fa-{name}::before{{width:{icon.width / icon.height:.4g}em;{_mask(mask_url(icon))}}}")
    by_unicode: dict[str, Icon] = {}
    for prefix in ("fab", "far", "fas"):  # solid last, so it wins where packs share a character
        by_unicode.update({icon.unicode: icon for icon in packs.get(prefix, {}).values()})
    for css in theme_css:
        lines += pseudo_icon_rules(css, by_unicode)
    return "\n".join(lines) + "\n"


def _write_icon_css(app) -> None:
    if app.builder.format != "html":
        return
    packs = fontawesome_icons(FONTAWESOME_JS.read_text("utf-8"))
    css = icon_css(packs, [path.read_text("utf-8") for path in THEME_CSS])
    # Written before the pages, so Sphinx can add the file's checksum to their links.
    target = Path(app.outdir) / "_static" / ICON_CSS
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(css, "utf-8")
    app.builder.templates.environment.filters["without_fontawesome"] = without_fontawesome


def without_fontawesome(head: str) -> str:
    """The theme's ``<script defer src=".../fontawesome.js?digest=...">`` removed."""
    return re.sub(r'\s*<script[^>]*src="[^"]*/fontawesome\.js[^"]*"[^>]*>\s*</script>', "", str(head))


_ICON_CLASS = re.compile(r'class="([^"]*\bfa-[^"]*)"')


def unknown_icons(page: str, known: set[str]) -> set[str]:
    """``fa-`` icon names a page's markup uses that have no rule in the icon stylesheet."""
    names = set()
    for classes in _ICON_CLASS.findall(page):
        names |= {c[3:] for c in classes.split() if c.startswith("fa-") and not MODIFIERS.match(c)}
    return names - known


def _check_and_prune(app, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    out = Path(app.outdir)
    css = (out / "_static" / ICON_CSS).read_text("utf-8")
    known = set(re.findall(r"\.fa-([\w-]+)::before\{width", css))
    for page in sorted(out.rglob("*.html")):
        if page.relative_to(out).parts[0] == "_static":
            continue  # the theme's template fragments, not pages
        text = page.read_text("utf-8")
        if "fontawesome.js" in text:
            logger.warning(f"belonging_icons: {page.relative_to(out)} still loads fontawesome.js")
        missing = unknown_icons(text, known)
        if missing:
            logger.warning(f"belonging_icons: {page.relative_to(out)} uses icons with no rule: "
                           f"{', '.join(sorted(missing))}; add them to ICONS in book/_ext/belonging_icons.py")
    for name in ("fontawesome.js", "fontawesome.js.map", "fontawesome.js.LICENSE.txt"):
        (out / "_static" / "scripts" / name).unlink(missing_ok=True)
    shutil.rmtree(out / "_static" / "vendor" / "fontawesome", ignore_errors=True)


def setup(app):
    app.connect("builder-inited", _write_icon_css)
    app.add_css_file(ICON_CSS)
    app.connect("build-finished", _check_and_prune)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
