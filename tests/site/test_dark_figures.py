"""Drawn figures follow the dark theme (issue 18).

The trial found each plot a white panel inside its dark card: the figures' colours
(palette.py) are made for white paper. With the page in the dark theme, every drawn plot must
have a dark paper and plot background, its text (ticks, axis titles, legend, notes) at least
4.5:1 on it and its lines (traces, reference lines and other shapes) and bars at least 3:1 (WCAG
1.4.3 and 1.4.11). Colours are read from what plotly drew (computed SVG styles), not from the
figure's data (CHECK). Pages switched to the dark theme after their figures were drawn in the
light one are checked on test_accessibility's visit of every page, at every width; here, pages
loaded dark from the start, and the theme's own button as the switch.
"""
from __future__ import annotations

import re

import pytest

from belonging.figures import palette
from conftest import DESKTOP, HTML, PHONE, ROOT, guarded_context

SCRIPT = ROOT / "src" / "belonging" / "figures" / "static" / "belonging-explorable.js"

#: The models page draws a figure of every model; chapter 4 has the most figures of any chapter.
PAGES = ["models.html", "chapters/04-when-the-need-goes-unmet.html"]

#: Every figure drawn for the dark theme (belonging-explorable.js marks each drawing).
THEME_DRAWN = """() => [...document.querySelectorAll('.belonging-plot')].every(p =>
  p.getAttribute('data-state') !== 'rendered' || p.getAttribute('data-theme-drawn') === 'dark')"""

#: Draws every figure on the page (scrolling to each), then returns what fails, figure by figure.
CHECK = """async () => {
  const plots = Array.from(document.querySelectorAll('.belonging-plot'));
  for (const div of plots) {
    div.scrollIntoView();
    for (let i = 0; i < 200 && div.getAttribute('data-state') !== 'rendered'; i++) await new Promise(r => setTimeout(r, 50));
  }
  const ctx = document.createElement('canvas').getContext('2d');
  const rgb = c => { ctx.fillStyle = '#010203'; ctx.fillStyle = c; const s = ctx.fillStyle;
    if (s.startsWith('#')) return [1, 3, 5].map(i => parseInt(s.slice(i, i + 2), 16));
    return s.match(/[\\d.]+/g).slice(0, 3).map(Number); };
  const alpha = c => { ctx.fillStyle = c; const m = ctx.fillStyle.match(/rgba\\(.*,\\s*([\\d.]+)\\)/); return m ? Number(m[1]) : 1; };
  const lum = c => { const [r, g, b] = rgb(c).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const found = [];
  for (const div of plots) {
    if (div.getAttribute('data-state') !== 'rendered') { found.push(div.id + ': not drawn'); continue; }
    const full = div._fullLayout, paper = full.paper_bgcolor;
    for (const [name, bg] of [['paper', paper], ['plot', full.plot_bgcolor]]) {
      if (lum(bg) > 0.05) found.push(`${div.id}: ${name} background ${bg} is not dark`);
    }
    const texts = Array.from(div.querySelectorAll('svg.main-svg text')).filter(t => (t.textContent || '').trim()
      && !t.closest('.hoverlayer') && t.getBoundingClientRect().width > 0);
    for (const t of texts) {
      const fill = getComputedStyle(t).fill, r = ratio(fill, paper);
      if (r < 4.5) found.push(`${div.id}: text "${t.textContent.trim().slice(0, 30)}" ${fill} is ${r.toFixed(1)}:1`);
    }
    const lines = Array.from(div.querySelectorAll('.scatterlayer path.js-line, .shapelayer path, .errorbar path'));
    for (const l of lines) {
      const style = getComputedStyle(l), stroke = style.stroke;
      if (!stroke || stroke === 'none' || alpha(stroke) === 0 || Number(style.strokeOpacity) === 0
          || parseFloat(style.strokeWidth) === 0) continue;
      const r = ratio(stroke, paper);
      if (r < 3) found.push(`${div.id}: line ${stroke} is ${r.toFixed(1)}:1 on ${paper}`);
    }
    // Bars are graphical objects too (WCAG 1.4.11): each drawn bar's fill against the panel. A
    // hatched bar (a plotly pattern, chapter 10) is filled with url(#pattern): its colour is
    // the pattern's background, under the hatching.
    const solid = f => { const m = f.match(/^url\\("?#([^")]+)"?\\)$/);
      const rect = m && document.getElementById(m[1]) && document.getElementById(m[1]).querySelector('rect');
      return m ? (rect ? rect.getAttribute('fill') : 'none') : f; };
    for (const bar of div.querySelectorAll('.barlayer .point path')) {
      const style = getComputedStyle(bar), fill = solid(style.fill);
      if (!fill || fill === 'none' || alpha(fill) === 0 || Number(style.fillOpacity) === 0
          || bar.getBoundingClientRect().width === 0) continue;
      const r = ratio(fill, paper);
      if (r < 3) found.push(`${div.id}: bar ${fill} is ${r.toFixed(1)}:1 on ${paper}`);
    }
  }
  return [plots.length, found];
}"""


#: Loaded dark from the start, on a phone and a laptop; and drawn light, then switched by the
#: theme's own button (the switch by the reader's system preference is test_accessibility's).
SETTINGS = [pytest.param(PHONE, False, id="dark-from-the-start-phone"),
            pytest.param(DESKTOP, False, id="dark-from-the-start-desktop"),
            pytest.param(DESKTOP, True, id="switched-by-the-button-desktop")]


@pytest.mark.parametrize("viewport, switched", SETTINGS)
def test_drawn_plots_are_dark_panels_with_readable_text_and_lines(browser, site_url, viewport, switched):
    pages = [p for p in PAGES if not HTML.is_dir() or (HTML / p).is_file()]
    if not pages:
        pytest.skip("no page with figures is in this build")
    problems: list[str] = []
    context, page = guarded_context(browser, site_url, problems, viewport=viewport,
                                    color_scheme="light" if switched else "dark")
    found, figures = [], 0
    try:
        for path in pages:
            page.goto(f"{site_url}/{path}")
            page.wait_for_load_state("networkidle")
            if switched:  # drawn light first, then the reader presses the theme's button until it is dark
                page.evaluate(CHECK)
                for _ in range(3):
                    if page.evaluate("document.documentElement.dataset.theme") == "dark":
                        break
                    page.click(".theme-switch-button")
            page.wait_for_function("() => document.documentElement.dataset.theme === 'dark'")
            page.wait_for_function(THEME_DRAWN)
            count, wrong = page.evaluate(CHECK)
            figures += count
            found += [f"{path} {w}" for w in wrong]
    finally:
        context.close()
    assert figures, "no figure was drawn"
    assert not found, "\n".join(found[:40])
    assert not problems, problems


def _script_map() -> dict[str, str]:
    """The script's DARK map, its names (DARK_PANEL) read as their values."""
    source = SCRIPT.read_text("utf-8")
    names = dict(re.findall(r'var (DARK_\w+) = "([^"]+)";', source))
    block = re.search(r"var DARK = \{(.*?)\};", source, re.S).group(1)
    return {k: names.get(v, v.strip('"')) for k, v in re.findall(r'"([^"]+)":\s*("[^"]+"|DARK_\w+)', block)}


def test_the_script_swaps_the_colours_palette_py_names_and_each_twin_keeps_contrast():
    """The script's map is palette.DARK; on the dark panel, text twins keep 4.5:1, line twins and
    every data colour 3:1, and the panel and grid twins stay dark."""
    assert _script_map() == {k.lower(): v for k, v in palette.DARK.items()}
    assert palette.contrast(palette.DARK["#000000"], palette.DARK_PANEL) >= 4.5
    assert palette.contrast(palette.DARK[palette.REFERENCE], palette.DARK_PANEL) >= 4.5
    assert all(palette.contrast(c, palette.DARK_PANEL) >= 3 for c in palette.DATA_COLOURS if c not in palette.DARK)
    assert palette.contrast(palette.DARK[palette.SHADE], palette.DARK_PANEL) < 2  # shading stays in the background
