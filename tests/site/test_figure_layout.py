"""Every drawn figure is readable on a phone (360 px) and a laptop (1280 px), and every
explorable's slider is heard as the reader sees it.

Layout: for each figure, at its default setting and at both ends of its slider, the bounding
boxes of plotly's SVG text (tick labels, axis titles, legend entries, annotations, value labels)
must not overlap one another, must lie inside the figure's box (outside it, text is cut off),
must be at least 10 px high; every category keeps its label, and labels beside the plot may take
at most about 40% of its width (CHECK). Every page is checked at 360 and 1280 px on the visit the
accessibility test makes (test_accessibility._page_checks); here, figures drawn at one width and
then seen at another.

Sliders: what the accessibility tree (CDP Accessibility.getFullAXTree, what a screen reader is
given) reports as each slider's value must be the value printed beside it ("33%", or 33), not the
step number (6 of 0-8), and the status that announces a change must carry the slider's name
(slider_problems, checked on every page at 1280 px on the accessibility test's visit).
"""
from __future__ import annotations

import re
import time

import pytest

from conftest import guarded_context, toc_pages

PAGES = [p for p in toc_pages() if p.startswith("chapters/") or p == "models.html"]
MIN_FONT_PX = 10
LABEL_SHARE = 0.42  # "about 40%" of the figure's width for labels beside the plot
SLACK = 1.5  # px: antialiasing and rounding

#: Draws every figure, then checks each at its default and at both ends of its slider.
CHECK = """async ([minFont, labelShare, slack]) => {
  const frame = () => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  const found = [];
  const plots = Array.from(document.querySelectorAll('.belonging-plot'));
  for (const div of plots) {
    div.scrollIntoView();
    for (let i = 0; i < 200 && !['rendered', 'failed'].includes(div.getAttribute('data-state')); i++) {
      await new Promise(r => setTimeout(r, 50));
    }
    if (div.getAttribute('data-state') !== 'rendered') { found.push(div.id + ': not drawn'); }
  }
  const name = t => (t.textContent || '').trim().slice(0, 40);
  function check(div, setting) {
    const box = div.getBoundingClientRect();
    const texts = Array.from(div.querySelectorAll('svg.main-svg text')).filter(t =>
      (t.textContent || '').trim() && !t.closest('.hoverlayer') && t.getBoundingClientRect().width > 0
      && getComputedStyle(t).visibility !== 'hidden' && getComputedStyle(t).opacity !== '0');
    const rects = texts.map(t => t.getBoundingClientRect());
    const where = div.id + ' at ' + setting + ': ';
    texts.forEach((t, i) => {
      const r = rects[i], size = parseFloat(getComputedStyle(t).fontSize);
      if (size < minFont) { found.push(where + `"${name(t)}" is ${size}px`); }
      if (r.left < box.left - slack || r.right > box.right + slack || r.top < box.top - slack
          || r.bottom > box.bottom + slack) { found.push(where + `"${name(t)}" is cut off (outside the figure)`); }
      for (let j = 0; j < i; j++) {
        const o = rects[j];
        const w = Math.min(r.right, o.right) - Math.max(r.left, o.left);
        const h = Math.min(r.bottom, o.bottom) - Math.max(r.top, o.top);
        if (w > slack && h > slack) { found.push(where + `"${name(t)}" overlaps "${name(texts[j])}"`); }
      }
    });
    const full = div._fullLayout || {};
    for (const key of ['xaxis', 'yaxis']) {  // plotly drops category labels that do not fit
      const axis = full[key];
      if (!axis || axis.type !== 'category') { continue; }
      const wanted = (axis._categories || []).length;
      const drawn = div.querySelectorAll('.' + key.charAt(0) + 'tick text').length;
      if (drawn < wanted) { found.push(where + `${wanted - drawn} of ${wanted} categories unlabelled`); }
    }
    const labels = texts.filter(t => t.closest('.ytick, .y2tick'));
    const widest = Math.max(0, ...labels.map(t => t.getBoundingClientRect().width));
    if (widest > labelShare * box.width) {
      found.push(where + `labels take ${Math.round(100 * widest / box.width)}% of the width`);
    }
  }
  for (const div of plots) {
    if (div.getAttribute('data-state') !== 'rendered') { continue; }
    check(div, 'its default');
    const slider = document.getElementById(div.id + '-range');
    if (!slider) { continue; }
    const start = slider.value;
    for (const [end, value] of [['the lowest setting', slider.min], ['the highest setting', slider.max]]) {
      slider.value = value;
      slider.dispatchEvent(new Event('input', {bubbles: true}));
      await frame();
      check(div, end);
    }
    slider.value = start;
    slider.dispatchEvent(new Event('input', {bubbles: true}));
  }
  return [plots.length, found];
}"""


def _pages_with_figures(site) -> list[str]:
    return [p for p in PAGES if (site / p).is_file() and 'class="belonging-plot"' in (site / p).read_text("utf-8")]


@pytest.mark.parametrize("first, then", [(1280, 360), (360, 1280)], ids=["laptop-then-phone", "phone-then-laptop"])
def test_figures_fit_again_when_the_width_changes(browser, built_site, site_url, first, then):
    """Drawn at one width, then seen at another (a phone turned, a window narrowed): the same
    checks hold at the new width. Fitted only once for a laptop, chapter 4's forest plot at 360 px
    had its y-axis title cut off and its labels over 40% of the width."""
    pages = [p for p in _pages_with_figures(built_site) if p.startswith("chapters/04")] or _pages_with_figures(built_site)[:1]
    assert pages, "no page with a figure was built"
    problems: list[str] = []
    context, page = guarded_context(browser, site_url, problems, viewport={"width": first, "height": 800})
    found = {}
    try:
        for path in pages:
            page.goto(f"{site_url}/{path}")
            page.evaluate(CHECK, [0, 1, 1e9])  # draws every figure at the first width
            page.set_viewport_size({"width": then, "height": 800})
            # A resize has no "done" event: check until every figure fits, for at most 10 s.
            deadline = time.monotonic() + 10
            while True:
                count, wrong = page.evaluate(CHECK, [MIN_FONT_PX, LABEL_SHARE, SLACK])
                if not wrong or time.monotonic() > deadline:
                    break
            assert count
            if wrong:
                found[path] = wrong
    finally:
        context.close()
    assert not found, "\n".join(f"{p}:\n  " + "\n  ".join(w) for p, w in found.items())
    assert not problems, problems


def _sliders_heard(tree: dict[str, dict]) -> list[dict]:
    """The sliders and live statuses of an accessibility tree (CDP Accessibility.getFullAXTree,
    by node id): role, name, value and value text, as a screen reader is given them."""
    out = []
    for node in tree.values():
        role = (node.get("role") or {}).get("value")
        if role in ("slider", "status"):
            props = {p["name"]: (p.get("value") or {}).get("value") for p in node.get("properties", [])}
            out.append({"role": role, "name": (node.get("name") or {}).get("value") or "",
                        "value": (node.get("value") or {}).get("value"), "valuetext": props.get("valuetext")})
    return out


def heard_as_shown(node: dict, shown: str) -> bool:
    """The tree's value text is the text shown ("33%"); where this Chromium leaves the value text
    out of the tree (it does for ARIA sliders, though it passes aria-valuetext to screen readers),
    the value itself must be the number shown (33), never a step number (6 of 0-8)."""
    if node["valuetext"]:
        return node["valuetext"] == shown
    number = re.match(r"-?\d+(\.\d+)?", shown)
    return (number is not None and node["value"] is not None
            and abs(float(node["value"]) - float(number.group(0))) <= 1e-4 * max(1.0, abs(float(number.group(0)))))


SLIDER_TEXTS = """() => Array.from(document.querySelectorAll('.belonging-range')).map(w => ({
  shown: w.innerText.replace(/\\s+/g, ' ').trim(),
  name: (document.getElementById(w.querySelector('[id$="-range"]').id + '-name') || w.querySelector('label')).textContent
}))"""


def slider_problems(tree: dict[str, dict], seen: list[dict]) -> list[str]:
    """Each slider on the page (`seen`: SLIDER_TEXTS) must be in the accessibility tree under
    its name, heard with the value it shows, and announced with its name when it changes.
    Made on test_accessibility's visit of every page at 1280 px, with figures drawn."""
    heard = _sliders_heard(tree)
    slider_nodes = [n for n in heard if n["role"] == "slider"]
    status_names = [n["name"] for n in heard if n["role"] == "status"]
    wrong = []
    if len(slider_nodes) != len(seen):
        wrong.append(f"{len(seen)} sliders on the page, {len(slider_nodes)} in the tree")
    by_name = {n["name"].strip().rstrip(":").strip(): n for n in slider_nodes}
    for shown in seen:
        name = shown["name"].strip().rstrip(":").strip()
        value = shown["shown"][len(name):].lstrip(": ").strip()
        node = by_name.get(name)
        if node is None:
            wrong.append(f"no slider named {name!r} in the accessibility tree")
        elif not heard_as_shown(node, value):
            wrong.append(f"{name!r} is heard as {node['value']!r} (value text {node['valuetext']!r}), shown as {value!r}")
        if not any(name in n for n in status_names):
            wrong.append(f"the value of {name!r} is announced without its name")
    return wrong


def _node(role: str, name: str, value=None, valuetext=None) -> dict:
    props = [{"name": "valuetext", "value": {"value": valuetext}}] if valuetext is not None else []
    return {"role": {"value": role}, "name": {"value": name}, "value": {"value": value}, "properties": props}


def test_slider_problems_names_each_way_a_slider_is_misheard():
    """The check the accessibility test makes on every page, on trees made by hand: a slider
    heard as its step number, one missing from the tree, one announced without its name."""
    seen = [{"name": "Close friends:", "shown": "Close friends: 33%"}]
    good = {"1": _node("slider", "Close friends", 33), "2": _node("status", "Close friends: 33%")}
    assert slider_problems(good, seen) == []
    assert slider_problems({"1": _node("slider", "Close friends", 33, "33%"), "2": good["2"]}, seen) == []
    step = {"1": _node("slider", "Close friends", 6), "2": good["2"]}
    assert slider_problems(step, seen) == ["'Close friends' is heard as 6 (value text None), shown as '33%'"]
    assert "1 sliders on the page, 0 in the tree" in slider_problems({"2": good["2"]}, seen)
    assert slider_problems({"1": good["1"], "2": _node("status", "33%")}, seen) == [
        "the value of 'Close friends' is announced without its name"]
