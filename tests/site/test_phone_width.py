"""Every page fits a 360 px phone: nothing widens the page past the screen (issue 18).

The reader trial found an instructor page 759 px wide at 360 px (inline file paths that would not
break), the models page 544 px (a long call in running text) and two chapters a little wider than
the screen (a long word in the title). A page wider than the screen pans sideways or is shrunk.
One browser page visits every page of the table of contents, in both themes' common layout.
"""
from __future__ import annotations

from conftest import HTML, PREBUILT, guarded_context, toc_pages

NARROWEST = {"width": 360, "height": 780}
#: The widest element's name, so a failure says where to look.
WIDEST = """() => {
  const limit = document.documentElement.clientWidth;
  let worst = null;
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || getComputedStyle(el).position === 'fixed') continue;
    let clipped = false;
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      const o = getComputedStyle(p).overflowX;
      if (o === 'auto' || o === 'scroll' || o === 'hidden' || o === 'clip') { clipped = true; break; }
    }
    if (!clipped && r.right > limit + 1 && (!worst || r.right > worst.right)) {
      worst = {right: Math.round(r.right), what: el.tagName.toLowerCase() + '.' + el.className + ' "' + el.textContent.trim().slice(0, 50) + '"'};
    }
  }
  return {page: document.scrollingElement.scrollWidth, screen: limit, worst};
}"""


def test_every_page_fits_a_360_px_phone(browser, site_url):
    pages = [p for p in toc_pages() if not PREBUILT or (HTML / p).is_file()]
    problems: list[str] = []
    context, page = guarded_context(browser, site_url, problems, viewport=NARROWEST)
    wide = []
    try:
        for path in pages:
            page.goto(f"{site_url}/{path}")
            page.wait_for_load_state("load")
            found = page.evaluate(WIDEST)
            if found["page"] > found["screen"]:
                wide.append(f"{path}: {found['page']} px wide on a {found['screen']} px screen; widest {found['worst']}")
    finally:
        context.close()
    assert not wide, "\n".join(wide)
    assert not problems, problems
