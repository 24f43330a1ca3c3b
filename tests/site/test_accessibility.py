"""Accessibility and privacy of every page, at three widths and in both colour themes.

Every page the table of contents lists is opened at 360 px (a small phone), 768 px (a tablet,
where the theme's layout changes) and 1280 px (a laptop, with the sidebar), in the light and
the dark theme, and must show:

* at 360 px, nothing wider than the screen; at 360 and 1280 px, every figure's text inside the
  figure, never overlapping, at least 10 px high, at its default and at both ends of its slider;
  at 1280 px, every radio button and checkbox in a named group and every slider heard with the
  value it shows (the accessibility tree); once switched to the dark theme, every figure redrawn
  with a dark panel, its text at 4.5:1 and its lines and bars at 3:1 (test_dark_figures' check);
* every control responding: each slider moved by keyboard changes its figure, each Reveal shows
  the reader's prediction, each quiz question answers (the first by keyboard alone);
* no axe-core violation of WCAG 2.2 A/AA or of axe's best practices, with every figure drawn
  (and its slider added) and every component used (predictions revealed, quiz questions
  answered: their feedback colours and texts), and the theme's back-to-top button shown by
  scrolling back up;
* no request to another host, no failed request, no console error (a Content-Security-Policy
  refusal is a console error: the site is served with the policy `make serve` sends);
* no cookie and nothing in localStorage, sessionStorage or IndexedDB, before or after using
  the page.

The theme is chosen the way a reader's browser chooses it: the context reports a light or dark
colour-scheme preference and the theme's own script applies it (data-theme on <html>), so no
storage is written to pick a theme. One browser context per width is reused for every page:
each page is loaded, drawn and used once in the light theme and judged by axe, then the
preference is switched to dark, as a reader's system switches at dusk, and once every figure
has redrawn itself for the dark theme axe judges the same page again. That is one navigation,
one drawing of the figures and one use of the components per page and width, not two; pages
loaded dark from the start are tried in tests/site/test_dark_figures.py and
test_dark_components.py. Each width is a test of its own (under `make test`, an xdist group of
its own: the three widths run on different workers).
"""
from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from conftest import HTML, PREBUILT, guarded_context, toc_pages
from test_dark_figures import CHECK as DARK_FIGURES
from test_figure_layout import CHECK as LAYOUT, LABEL_SHARE, MIN_FONT_PX, SLACK, SLIDER_TEXTS, slider_problems
from test_quiz_access import _ax_tree, ungrouped_choices
from waiting import until

AXE_SCRIPT = Axe().axe_script

WIDTHS = {"360px": {"width": 360, "height": 780}, "768px": {"width": 768, "height": 1024},
          "1280px": {"width": 1280, "height": 900}}
#: WCAG 2.2 A and AA (axe tags every earlier version's rules too) and Deque's best practices.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"]
AXE = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
#: The theme fades colours between modes; judge the settled colours a reader sees, without
#: waiting for it.
SETTLED = "*, *::before, *::after { transition: none !important; animation: none !important; }"


def _page_paths():
    return [p for p in toc_pages() if not PREBUILT or (HTML / p).is_file()]


class Setting:
    """One browser context at one width that visits page after page."""

    def __init__(self, browser, base: str, width: str):
        self.width = width
        self.problems: list[str] = []
        self.context, self.page = guarded_context(browser, base, self.problems,
                                                  viewport=WIDTHS[width], color_scheme="light")


class Settings(dict):
    """The widths a worker has used, each opened the first time it is asked for and reused
    page after page (a worker may run only one width's tests)."""

    def __init__(self, browser, base: str):
        super().__init__()
        self.browser, self.base = browser, base

    def __missing__(self, width):
        self[width] = Setting(self.browser, self.base, width)
        return self[width]


@pytest.fixture(scope="module")
def settings(browser, site_url):
    opened = Settings(browser, site_url)
    yield opened
    for setting in opened.values():
        setting.context.close()


def _draw_figures(page) -> list[str]:
    """Figures are drawn as they near the viewport; draw every one (its slider is added then)."""
    failed = []
    for plot in page.query_selector_all(".belonging-plot"):
        plot.scroll_into_view_if_needed()
        page.wait_for_function(
            "el => ['rendered', 'failed'].includes(el.getAttribute('data-state'))", arg=plot, timeout=20000)
        if plot.get_attribute("data-state") != "rendered":
            failed.append(f"figure {plot.get_attribute('id')} did not render")
    return failed


#: The theme's "Back to top" button: shown (style.display "block") by the theme's script while a
#: reader scrolls up, lower than the header; sphinx-book-theme's stylesheet keeps it hidden on
#: wide screens, where the sidebar is.
BACK_TO_TOP_SHOWN = """() => { const b = document.getElementById('pst-back-to-top');
  return !b || b.style.display === 'block'; }"""


def _show_back_to_top(page) -> list[str]:
    """Scroll to the end and wheel back up, as a reader does, so axe also judges the back-to-top
    button where it is shown, and the page with the pointer resting wherever it landed."""
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    if page.evaluate("window.scrollY") < 2 * page.evaluate("window.innerHeight"):
        return []  # too short a page to need the button
    # The theme compares each scroll event's position with the last one it saw (kept in
    # window.oldScroll); wheeling before it has seen the jump to the end would merge both moves
    # into one event that starts from the top, and the button would rightly stay hidden.
    page.wait_for_function("() => window.oldScroll === window.scrollY", timeout=5000)
    # A reader wheels over the text: over the wide screens' sidebar the wheel scrolls the sidebar.
    box = page.locator(".bd-article-container").bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, page.viewport_size["height"] / 2)
    page.mouse.wheel(0, -80)
    try:
        page.wait_for_function(BACK_TO_TOP_SHOWN, timeout=5000)
    except PlaywrightTimeout:
        return ["scrolling up did not show the back-to-top button"]
    return []


def _plot_state(page, plot_id: str) -> str:
    """What a figure shows: each trace's visibility and last value."""
    return page.evaluate("id => JSON.stringify(document.getElementById(id).data.map(t => "
                         "[t.visible, t.y && t.y.length ? t.y[t.y.length - 1] : null]))", plot_id)


def _use_components(page) -> list[str]:
    """Use every control as a reader would: move each slider one step with the arrow keys, reveal
    every prediction, answer every quiz question (the first by keyboard alone: focus and Space,
    the others by clicking the first option shown); return the controls that did not respond."""
    found = []
    for slider in page.query_selector_all("[role=slider][id$='-range']"):
        plot_id = slider.get_attribute("id").removesuffix("-range")
        before = _plot_state(page, plot_id)
        slider.focus()
        page.keyboard.press("ArrowLeft" if slider.evaluate("s => Number(s.value) === Number(s.max)") else "ArrowRight")
        if not until(page, lambda: _plot_state(page, plot_id) != before):
            found.append(f"the slider of {plot_id} changed nothing in its figure")
    for box in page.query_selector_all(".belonging-predict"):
        box.query_selector("input[type=radio]").check()
        box.query_selector("button").click()
        result = box.query_selector(".belonging-predict-result")
        if not (result.is_visible() and "You predicted" in result.inner_text()):
            found.append(f"Reveal showed no result in {box.get_attribute('id')}")
    for i, question in enumerate(page.query_selector_all(".belonging-quiz-question")):
        choice, feedback = question.query_selector("input"), question.query_selector(".belonging-quiz-feedback")
        if i == 0:
            choice.focus()
            page.keyboard.press("Space")
        else:
            question.query_selector("label").click()
        check = question.query_selector(".belonging-quiz-check")  # select-all answers on Check
        if check:
            check.click()
        if not until(page, lambda: feedback.inner_text().strip()):
            found.append(f"quiz question {i + 1} gave no feedback")
    remember = page.locator("#belonging-remember")  # in every page's header
    if remember.count() != 1 or remember.is_checked():
        found.append("no 'Remember my answers' switch, or it starts on")
    return found


NOTHING_STORED = ([0, 0, "", []], [])

#: Sphinx's search lists results one by one, then fetches each page to add its summary; settled
#: once the status says it finished and every result without a description has its summary.
SEARCH_SETTLED = """() => {
  const items = [...document.querySelectorAll('#search-results ul.search li')];
  return /finished/.test(document.querySelector('#search-results .search-summary')?.innerText || '')
    && items.length > 0 && items.every(li => li.querySelector('span, p.context'));
}"""


def _stored(setting: Setting):
    return setting.page.evaluate("async () => [localStorage.length, sessionStorage.length, document.cookie, "
                                 "(await indexedDB.databases()).map(d => d.name)]"), setting.context.cookies()


#: The page has followed a change of the reader's colour-scheme preference: the theme set on
#: <html>, and every figure redrawn for it (belonging-explorable.js marks each drawing).
THEME_FOLLOWED = """theme => document.documentElement.dataset.theme === theme
  && [...document.querySelectorAll('.belonging-plot')].every(p => p.getAttribute('data-theme-drawn') === theme)"""


def _open(setting: Setting, site_url: str, path: str) -> list[str]:
    """Load the page in the light theme, draw and use it as a reader would; return what went wrong."""
    page = setting.page
    page.emulate_media(color_scheme="light")  # the last page may have left it dark
    setting.problems.clear()
    # The search page is judged with results shown (searching must not store the words either).
    page.goto(f"{site_url}/{path}" + ("?q=belonging" if path == "search.html" else ""), wait_until="load")
    found = []
    if page.evaluate("document.documentElement.dataset.theme") != "light":
        found.append("the theme ignored the reader's colour-scheme preference")
    if path == "search.html":
        # Wait for the whole list: each result's summary is fetched and added after it is
        # listed, and the growing list above the reader makes the browser shift the scroll
        # position, which the back-to-top check below would take for scrolling down.
        page.wait_for_function(SEARCH_SETTLED, timeout=20000)
    elif path == "review.html":
        page.wait_for_selector("#belonging-review[data-state=ready]")
    found += _draw_figures(page)
    page.add_style_tag(content=SETTLED)
    found += _page_checks(page, setting.width)
    if _stored(setting) != NOTHING_STORED:
        found.append(f"the page stored something on first load: {_stored(setting)}")
    # Used as a reader would: the answered and revealed states are the ones with the most
    # colours and text to judge, and the unused options remain beside them.
    found += _use_components(page)
    if _stored(setting) != NOTHING_STORED:
        found.append(f"using the page stored something unasked: {_stored(setting)}")
    found += _show_back_to_top(page)
    return found


#: The widest element that widens the page past the screen, so a failure says where to look
#: (the reader trial found an instructor page 759 px wide at 360 px: inline file paths that
#: would not break; the models page 544 px; two chapter titles a little wider than the screen).
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
  if (!worst) {  // text that runs out of its box (a long word that does not break)
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const range = document.createRange();
      range.selectNodeContents(n);
      const right = Math.max(0, ...Array.from(range.getClientRects(), r => r.right));
      if (right > limit + 1 && n.parentElement.checkVisibility() && getComputedStyle(n.parentElement).clip === 'auto'
          && (!worst || right > worst.right)) {
        worst = {right: Math.round(right), what: 'text in ' + n.parentElement.tagName.toLowerCase() + '.'
                 + n.parentElement.className + ' "' + n.textContent.trim().slice(0, 50) + '"'};
      }
    }
  }
  return {page: document.scrollingElement.scrollWidth, screen: limit, worst};
}"""


def _page_checks(page, width: str) -> list[str]:
    """The checks of a page's layout, made on this visit rather than on a visit of their own:
    at 360 px nothing widens the page past the screen; at 360 and 1280 px every figure's text
    fits and never overlaps, at its default and at both ends of its slider (test_figure_layout's
    check, which puts each slider back); at 1280 px every radio button and checkbox is in a
    named group in the accessibility tree (test_quiz_access's check), and every slider is in
    that tree under its name, heard with the value it shows (test_figure_layout's check)."""
    found = []
    if width == "360px":
        wide = page.evaluate(WIDEST)
        if wide["page"] > wide["screen"]:
            found.append(f"{wide['page']} px wide on a {wide['screen']} px screen; widest {wide['worst']}")
    if width in ("360px", "1280px") and page.query_selector(".belonging-plot"):
        found += page.evaluate(LAYOUT, [MIN_FONT_PX, LABEL_SHARE, SLACK])[1]
    if width == "1280px":
        tree = _ax_tree(page)
        found += [f"not in a named group: {choice}" for choice in ungrouped_choices(tree)]
        seen = page.evaluate(SLIDER_TEXTS)
        named = page.evaluate("document.querySelectorAll('.belonging-plot:not([data-slider-label=\"\"])[data-slider-label]').length")
        if named and not seen:
            found.append(f"{named} figures name a slider, and no slider is on the page")
        found += slider_problems(tree, seen)
    return found


def _switch_theme(setting: Setting, theme: str) -> list[str]:
    """Change the reader's colour-scheme preference and wait until the page has followed it."""
    setting.page.emulate_media(color_scheme=theme)
    try:
        setting.page.wait_for_function(THEME_FOLLOWED, arg=theme, timeout=20000)
    except PlaywrightTimeout:
        return ["the page or a figure did not follow the reader's colour-scheme preference"]
    return []


def _axe(page) -> list[str]:
    page.evaluate(AXE_SCRIPT)
    page.evaluate("options => axe.run(document, options).then(r => { window.__axe = r.violations; })", AXE)
    page.wait_for_function("() => window.__axe !== undefined", timeout=120000)
    violations = page.evaluate("window.__axe")
    page.evaluate("delete window.__axe")
    return [f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes'][:4]]}" for v in violations]


@pytest.mark.parametrize("path", _page_paths())
@pytest.mark.parametrize("width", WIDTHS)
def test_page_is_accessible_and_private(settings, site_url, width, path):
    setting = settings[width]
    found = [f"{width}, light: {f}" for f in _open(setting, site_url, path)]
    # The page's own requests and console, before axe is injected: axe fetches stylesheets
    # itself and resolves their @imports against the page URL (404s of its own).
    found += [f"{width}: {p}" for p in setting.problems]
    found += [f"{width}, light: {v}" for v in _axe(setting.page)]
    before_switch = len(setting.problems)
    found += [f"{width}, dark: {f}" for f in _switch_theme(setting, "dark")]
    if setting.page.query_selector(".belonging-plot"):  # redrawn dark: panels, text, lines, bars
        found += [f"{width}, dark: {f}" for f in setting.page.evaluate(DARK_FIGURES)[1]]
    found += [f"{width}, dark: {p}" for p in setting.problems[before_switch:]]
    if _stored(setting) != NOTHING_STORED:
        found.append(f"{width}, dark: switching the theme stored something: {_stored(setting)}")
    found += [f"{width}, dark: {v}" for v in _axe(setting.page)]
    assert not found, f"{path}:\n" + "\n".join(found)


def test_the_dark_theme_changes_colours(settings, site_url):
    """Guards the theme switch above: the dark preference really draws a dark page."""
    page, colours = settings["1280px"].page, {}
    page.goto(f"{site_url}/intro.html", wait_until="load")
    for theme in ("light", "dark"):
        assert not _switch_theme(settings["1280px"], theme)
        page.add_style_tag(content=SETTLED)
        colours[theme] = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert colours["light"] != colours["dark"]


# ---------------------------------------------------------------------------------------------
# Keyboard alone

#: Everything a keyboard user should be able to reach on the rendered page: links, buttons,
#: form controls, disclosure summaries and anything the page made focusable, when it is
#: rendered (not inside a closed <details>, a hidden menu or the phone's closed sidebar).
#: A radio group is one Tab stop, so it counts as reached when any of its radios is.
STOPS = """() => {
  const found = {};
  document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]').forEach((el, i) => {
    if (el.matches(':disabled') || el.tabIndex < 0 || el.closest('[inert]')) { return; }
    if (!el.checkVisibility({visibilityProperty: true})) { return; }
    el.dataset.stop = el.type === 'radio' ? 'radio:' + el.name : 'stop-' + i;
    found[el.dataset.stop] = el.outerHTML.slice(0, 120);
  });
  return found;
}"""
FOCUSED = """() => { const el = document.activeElement;
  return el && el !== document.body ? (el.dataset.stop || 'unlisted: ' + el.outerHTML.slice(0, 120)) : null; }"""
#: What a focus indicator changes: the outline, shadow, border, background, colour or underline
#: of the element, of its first child (the theme rings a toggle's icon) or of its label or card.
LOOK = """el => [el, el.firstElementChild, el.parentElement, el.parentElement && el.parentElement.parentElement].filter(Boolean)
  .map(e => { const s = getComputedStyle(e);
    return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.borderColor, s.backgroundColor,
            s.color, s.textDecorationLine].join(' '); }).join(' | ')"""
RENDERED = "e => e.isConnected && !e.matches(':disabled') && e.checkVisibility({visibilityProperty: true})"
KEYBOARD_PAGES = [("chapters/01-what-belonging-is.html", "1280px"), ("chapters/01-what-belonging-is.html", "360px"),
                  ("chapters/04-when-the-need-goes-unmet.html", "1280px"),
                  ("chapters/12-a-lifelong-pursuit.html", "1280px")]


def _operate(page, stop: str) -> str | None:
    """Use the focused control with keys alone; return what did not respond, if anything."""
    el = page.evaluate_handle("document.activeElement")
    kind = el.evaluate("""e => e.closest('.belonging-quiz-question') ? (e.type === 'radio' ? 'quiz' :
      e.type === 'checkbox' ? 'quiz-box' : 'quiz-check') : e.closest('.belonging-predict') ?
      (e.type === 'radio' ? 'predict-option' : 'reveal') : e.type === 'range' ? 'slider' :
      e.matches('.bd-article .toggle-button') ? 'toggle' : null""")
    if kind == "slider":
        before = el.evaluate("e => e.getAttribute('aria-valuetext')")
        page.keyboard.press("ArrowLeft" if el.evaluate("e => e.value === e.max") else "ArrowRight")
        if el.evaluate("e => e.getAttribute('aria-valuetext')") == before:
            return f"{stop}: the arrow keys did not move the slider"
    elif kind == "predict-option":
        page.keyboard.press("Space")
        page.keyboard.press("ArrowDown")  # the second option: arrows move within the group
        if not page.evaluate("document.activeElement.checked"):
            return f"{stop}: Space and the arrow keys did not choose a prediction"
    elif kind == "reveal":
        page.keyboard.press("Enter")
        shown = el.evaluate("e => { const r = e.closest('.belonging-predict').querySelector('.belonging-predict-result');"
                            " return !r.hidden && r.innerText.trim().length > 0; }")
        if not shown:
            return f"{stop}: Enter on Reveal showed no result"
    elif kind in ("quiz", "quiz-check"):  # Space answers a one-answer question; Enter on Check a select-all one
        page.keyboard.press("Space" if kind == "quiz" else "Enter")
        if not el.evaluate("e => e.closest('.belonging-quiz-question').querySelector('.belonging-quiz-feedback').innerText.trim()"):
            return f"{stop}: {'Space on a quiz option' if kind == 'quiz' else 'Enter on Check'} gave no feedback"
    elif kind == "quiz-box":
        page.keyboard.press("Space")
        if not el.evaluate("e => e.checked"):
            return f"{stop}: Space did not tick a select-all option"
    elif kind == "toggle":
        page.keyboard.press("Enter")
        opened = el.evaluate("e => !e.classList.contains('toggle-button-hidden')")
        page.keyboard.press("Enter")  # closed again, so the walk does not change course
        if not opened:
            return f"{stop}: Enter did not open the hidden solution"
    return None


@pytest.mark.parametrize("path, width", KEYBOARD_PAGES, ids=[f"{p.split('/')[-1][:2]}-{w}" for p, w in KEYBOARD_PAGES])
def test_keyboard_alone_reaches_and_operates_every_control(settings, site_url, path, width):
    """Tab from the top of the page to its end: every control is reached, shows where the focus
    is, and the course's controls (sliders, predictions, Reveal, quiz options, solutions) work
    with the keys a keyboard user would press; Shift+Tab goes back from each of them."""
    setting = settings[width]
    setting.page.emulate_media(color_scheme="light")
    page = setting.page
    page.goto(f"{site_url}/{path}", wait_until="load")
    _draw_figures(page)
    page.add_style_tag(content=SETTLED)
    page.evaluate("window.scrollTo(0, 0)")
    expected = page.evaluate(STOPS)
    reached, unseen, broken, previous, previous_look = [], [], [], None, None
    previous_stop = None
    for _ in range(1000):
        page.keyboard.press("Tab")
        stop = page.evaluate(FOCUSED)
        if stop is None or stop in reached[:1]:
            break  # past the last stop: focus has left the page or wrapped round
        if previous_look is not None and previous.evaluate(RENDERED) and page.evaluate(LOOK, previous) == previous_look[1]:
            unseen.append(previous_look[0])
        focused = page.evaluate_handle("document.activeElement")
        previous_stop, previous = previous, focused
        previous_look = (stop, page.evaluate(LOOK, focused))
        reached.append(stop)
        problem = _operate(page, stop)
        if problem:
            broken.append(problem)
        elif len(reached) > 1 and page.evaluate("!!document.activeElement.closest('.bd-article')") \
                and page.evaluate(FOCUSED) == stop and previous_stop.evaluate(RENDERED):
            # (not where using the control moved the focus on, or hid the stop before it)
            page.keyboard.press("Shift+Tab")
            back = page.evaluate(FOCUSED)
            page.keyboard.press("Tab")
            if back != reached[-2] or page.evaluate(FOCUSED) != stop:
                broken.append(f"{stop}: Shift+Tab went to {back}, not back to {reached[-2]}")
    missing = [html for stop, html in expected.items() if stop not in reached]
    assert len(reached) > 30, f"the walk stopped early: {reached}"
    assert not missing, "never reached by Tab:\n" + "\n".join(missing)
    assert not unseen, "no visible focus indicator:\n" + "\n".join(expected.get(s, s) for s in unseen)
    assert not broken, "\n".join(broken)
