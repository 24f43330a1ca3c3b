"""The Cyberball game on the built chapter 4 page, played by keyboard alone, both ways.

Checks: every throw is announced in the polite live region, several in one sentence when they
come faster than a screen reader can say them; the reader's share of throws
matches the round (two early throws when left out, about a third when included); the
ratings, the comparison with the model's typical values and the debrief appear; focus
moves from stage to stage; no timer is left running after a round; nothing is written to
localStorage, sessionStorage or cookies; no request leaves the site; axe finds no WCAG
A/AA violation in the game at phone and desktop widths, in light and dark themes. On a phone
(issue 18): nothing in the game is wider than the screen, the theme's back-to-top button does not
cover a throw button, the stage titles are headings, the rating questions are body-sized and
their 1-5 scales stay in order; a throw button pressed out of turn says why nothing happened; the
left-out round can be played again after an included one.

The game's ``data-speed`` is set small before each round so the computers' pauses take
milliseconds instead of seconds; everything else is as a reader meets it.
"""
from __future__ import annotations

import json
import re

import pytest
from axe_playwright_python.sync_playwright import Axe

from conftest import DESKTOP, HTML, PHONE, WCAG, PageSession

PAGE = "chapters/04-when-the-need-goes-unmet.html"
GAME = "#cyberball-ch04-cyberball"
FAST = "0.01"

# Records every live-region message and every pending timeout created while a round runs.
INIT = """
window.__said = [];
window.__saidAt = [];
window.__pending = new Set();
window.__track = false;
(function () {
  var set = window.setTimeout.bind(window), clear = window.clearTimeout.bind(window);
  window.setTimeout = function (fn, ms) {
    var args = Array.prototype.slice.call(arguments, 2), id;
    id = set(function () { window.__pending.delete(id); if (typeof fn === "function") { fn.apply(null, args); } }, ms);
    if (window.__track) { window.__pending.add(id); }
    return id;
  };
  window.clearTimeout = function (id) { window.__pending.delete(id); return clear(id); };
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll('.belonging-cyberball [aria-live="polite"]').forEach(function (region) {
      new MutationObserver(function () {
        window.__said.push(region.textContent);
        window.__saidAt.push([performance.now(), region.textContent]);
      })
        .observe(region, { childList: true, characterData: true, subtree: true });
    });
  });
})();
"""

pytestmark = pytest.mark.skipif(
    HTML.is_dir() and not (HTML / PAGE).is_file(), reason="chapter 4 is not in this build")


class Session(PageSession):
    def __init__(self, browser, base: str, viewport: dict):
        super().__init__(browser, base, PAGE, INIT, viewport=viewport)
        self.game = self.page.locator(GAME)

    def state(self) -> str:
        return self.game.get_attribute("data-state")

    def wait_turn_or_end(self):
        """Until the ball reaches the reader or the round is over (no fixed pause)."""
        self.page.wait_for_function("""sel => { const g = document.querySelector(sel);
            return g.dataset.state !== 'playing' ||
              g.querySelector("button[data-target='1']").getAttribute('aria-disabled') === 'false'; }""", arg=GAME)

    def focused(self, selector: str) -> bool:
        return self.page.evaluate(f"document.activeElement === document.querySelector({json.dumps(selector)})")


@pytest.fixture
def session(browser, site_url):
    s = Session(browser, site_url, PHONE)
    yield s
    s.close()


def _play(s: Session, start_selector: str, alternate: bool = False) -> tuple[int, int]:
    """Start a round from a focused button with Enter, then throw by keyboard whenever the
    ball arrives, until the round ends. Returns (caught, thrown)."""
    page = s.page
    s.game.evaluate(f"el => {{ el.dataset.speed = '{FAST}'; }}")
    page.evaluate("() => { window.__said = []; window.__track = true; }")
    # Where focus is the moment the round ends (a MutationObserver runs right after the game's
    # own code): a key the test presses after that must not decide whether the game moved focus.
    page.evaluate("""sel => { const g = document.querySelector(sel); window.__focusAtRating = null;
        new MutationObserver(() => { if (g.dataset.state === 'rating' && window.__focusAtRating === null)
          window.__focusAtRating = document.activeElement === g.querySelector("[data-stage='rating'] .bcb-heading"); })
        .observe(g, {attributes: true, attributeFilter: ['data-state']}); }""", GAME)
    page.locator(f"{GAME} {start_selector}").focus()
    page.keyboard.press("Enter")
    assert s.state() == "playing"
    sam = f"{GAME} button[data-target='1']"
    assert s.focused(sam), "focus should move to the first throw button when the game starts"
    throws_made = 0
    for _ in range(3000):
        if s.state() != "playing":
            break
        if page.locator(sam).get_attribute("aria-disabled") == "false":
            if alternate and throws_made % 2:
                page.keyboard.press("Tab")  # to "Throw to Alex"
                page.keyboard.press("Space")
                if s.state() == "playing":  # back to "Throw to Sam" unless that was the last catch
                    page.keyboard.press("Shift+Tab")
            else:
                page.keyboard.press("Enter")
            throws_made += 1
        s.wait_turn_or_end()
    assert s.state() == "rating", "the round did not end"
    # The round ends in the same task as its last throw, which must clear every timer.
    assert page.evaluate("window.__pending.size") == 0, "a timer is still running after the round"
    page.evaluate("() => { window.__track = false; }")
    caught, thrown = int(s.game.get_attribute("data-received")), int(s.game.get_attribute("data-thrown"))
    assert throws_made == caught, "every catch should give the reader one throw"
    said = page.evaluate("window.__said")
    assert _announced_throws(said, thrown) == set(range(1, thrown + 1)), "every throw is announced"
    assert any("Your turn" in m for m in said) and "The game is over" in said[-1]
    return caught, thrown


def _announced_throws(said: list[str], total: int) -> set[int]:
    """The throws the messages told of: "Throw 5 of 30: ..." or, gathered, "Throws 5 to 9 of 30: ..."."""
    told = set()
    for message in said:
        one = re.match(rf"Throw (\d+) of {total}: ", message)
        many = re.match(rf"Throws (\d+) to (\d+) of {total}: ", message)
        if one:
            told.add(int(one.group(1)))
        elif many:
            told.update(range(int(many.group(1)), int(many.group(2)) + 1))
    return told


def _rate_by_keyboard(s: Session, values: list[int]):
    page = s.page
    heading = f"{GAME} [data-stage='rating'] .bcb-heading"
    assert page.evaluate("window.__focusAtRating") is True, "focus should move to the rating heading"
    if not s.focused(heading):  # a key the test pressed as the round ended moved it on
        page.locator(heading).focus()
    for value in values:  # Tab into each group (first radio), Space checks it, arrows move on
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.type") == "radio"
        page.keyboard.press("Space")
        for _ in range(value - 1):
            page.keyboard.press("ArrowRight")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.dataset.action") == "compare"
    page.keyboard.press("Enter")
    assert s.state() == "compare"


def _typical(s: Session) -> dict:
    return json.loads(s.page.locator(f"{GAME}-data").text_content())["typical"]


def _check_comparison(s: Session, values: list[int]):
    typical = _typical(s)
    rows = s.page.locator(f"{GAME} [data-stage='compare'] tbody tr")
    assert rows.count() == 4
    for i, need in enumerate(["belonging", "self_esteem", "control", "meaningful_existence"]):
        cells = rows.nth(i).locator("td")
        assert cells.nth(0).inner_text().startswith(str(values[i]))
        assert cells.nth(1).inner_text().startswith(f"{typical['exclusion'][need]['mean']:.1f} (")
        assert cells.nth(2).inner_text().startswith(f"{typical['inclusion'][need]['mean']:.1f} (")
    assert s.page.locator(f"{GAME} [data-stage='compare']").is_visible()


def _to_debrief(s: Session):
    page = s.page
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.dataset.action") == "debrief"
    page.keyboard.press("Enter")
    assert s.state() == "debrief"
    debrief = page.locator(f"{GAME} [data-stage='debrief']")
    assert debrief.is_visible()
    text = debrief.inner_text()
    for phrase in ("scripted", "simulated", "Why it can sting", "usually passes", "Play an included round"):
        assert phrase in text
    assert debrief.locator("a[href*='intro']").count() == 1, "the debrief points to help"


def _axe(s: Session, label: str) -> list[str]:
    found = []
    for scheme in ("light", "dark"):
        s.page.emulate_media(color_scheme=scheme)
        if scheme == "dark":
            s.page.wait_for_function("() => document.documentElement.dataset.theme === 'dark'")
        result = Axe().run(s.page, context=GAME, options=WCAG)
        found += [f"{label}, {scheme}: {v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes'][:3]]}"
                  for v in result.response["violations"]]
    s.page.emulate_media(color_scheme="light")
    return found


def test_game_is_on_the_page_with_a_content_note_and_skip_link(session):
    page = session.page
    assert session.state() == "intro"
    note = page.locator(f"{GAME} .bcb-note")
    assert "Content note" in note.inner_text()
    skip = note.locator("a", has_text="Skip the game")
    assert skip.get_attribute("href") == f"{GAME}-end"
    skip.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == f"{GAME}-end"
    assert page.locator(f"{GAME}-end").count() == 1
    assert not session.problems, session.problems


def test_both_rounds_by_keyboard_only(session):
    s, page = session, session.page
    before = s.storage()

    caught, thrown = _play(s, "[data-action='start-exclusion']")
    assert thrown == 30 and caught == 2, f"left out: expected 2 early catches of 30, got {caught} of {thrown}"
    assert "caught 2 of 30" in page.locator(f"{GAME} [data-stage='rating'] .bcb-result").inner_text()
    excluded_values = [2, 1, 3, 2]
    _rate_by_keyboard(s, excluded_values)
    _check_comparison(s, excluded_values)
    _to_debrief(s)
    assert page.locator(f"{GAME} [data-round='exclusion']").is_visible()

    # The debrief offers an included round: reach it with Tab and play it.
    for _ in range(6):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.dataset.action") == "start-inclusion":
            break
    assert page.evaluate("document.activeElement.dataset.action") == "start-inclusion"
    caught, thrown = _play(s, "[data-stage='debrief'] [data-action='start-inclusion']", alternate=True)
    assert thrown == 30 and 9 <= caught <= 11, f"included: expected about a third of 30, got {caught}"
    included_values = [4, 4, 3, 5]
    _rate_by_keyboard(s, included_values)
    _check_comparison(s, included_values)
    _to_debrief(s)
    assert page.locator(f"{GAME} [data-round='inclusion']").is_visible()
    assert not page.locator(f"{GAME} [data-round='exclusion']").is_visible()

    assert s.storage() == before, "the game wrote to storage or cookies"
    assert before[2] == "" and before[3] == 0
    assert not s.outside, f"requests left the site: {s.outside}"
    assert not s.problems, "\n".join(s.problems)


def test_stopping_early_goes_to_the_debrief_and_stops_the_timers(session):
    s, page = session, session.page
    s.game.evaluate("el => { el.dataset.speed = '0.5'; }")
    page.evaluate("() => { window.__track = true; }")
    page.locator(f"{GAME} [data-action='start-exclusion']").focus()
    page.keyboard.press("Enter")
    page.wait_for_function("sel => Number(document.querySelector(sel).dataset.thrown) >= 1", arg=GAME)
    page.locator(f"{GAME} [data-action='stop']").focus()
    page.keyboard.press("Enter")
    assert s.state() == "debrief"
    # No timer left means no computer can throw again: the state that proves the game stopped.
    assert page.evaluate("window.__pending.size") == 0, "the computers could keep throwing after a stop"
    assert not s.problems, "\n".join(s.problems)


def test_reduced_motion_means_no_animation(browser, site_url):
    s = Session(browser, site_url, PHONE)
    try:
        s.page.emulate_media(reduced_motion="reduce")
        s.game.evaluate(f"el => {{ el.dataset.speed = '{FAST}'; }}")
        s.page.locator(f"{GAME} [data-action='start-inclusion']").click()
        s.page.wait_for_function("sel => !document.querySelector(sel + ' .bcb-has-ball .bcb-ball').hidden", arg=GAME)
        animated = s.page.evaluate(
            f"getComputedStyle(document.querySelector('{GAME} .bcb-ball')).animationName")
        assert animated == "none"
    finally:
        s.close()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_axe_finds_no_violations_in_the_game(browser, site_url, viewport):
    s = Session(browser, site_url, viewport)
    try:
        found = _axe(s, "intro")
        s.game.evaluate(f"el => {{ el.dataset.speed = '{FAST}'; }}")
        s.page.locator(f"{GAME} [data-action='start-exclusion']").click()
        assert s.state() == "playing"
        found += _axe(s, "playing")
        _play_fast_by_clicks(s)
        found += _axe(s, "ratings")
        s.page.locator(f"{GAME} [data-action='compare']").click()
        found += _axe(s, "comparison")
        s.page.locator(f"{GAME} [data-stage='compare'] [data-action='debrief']").click()
        found += _axe(s, "debrief")
        assert not s.outside
        assert not found, "\n".join(found)
    finally:
        s.close()


# ---------- issue 18: the game on a phone, and for a screen-reader user ----------

TITLES = {"intro": "How it works", "playing": "The game", "rating": "How do you feel right now?",
          "compare": "Your answers beside typical players", "debrief": "What happened"}

#: Everything in the game that reaches past the screen's right edge, or past the card's.
TOO_WIDE = """sel => { const g = document.querySelector(sel), card = g.getBoundingClientRect();
  const out = [];
  g.querySelectorAll('*').forEach(el => {
    const r = el.getBoundingClientRect();
    if (!r.width || el.closest('[hidden]')) return;
    if (r.right > window.innerWidth + 0.5 || r.right > card.right + 0.5 || r.left < -0.5)
      out.push(el.tagName + '.' + el.className + ' ' + Math.round(r.left) + '-' + Math.round(r.right));
  });
  // A wrapper that scrolls sideways hides what is past its edge (the trial's 'overflow: auto').
  for (let el = g; el; el = el.parentElement)
    if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible')
      out.push('scrolls sideways: ' + el.tagName + '.' + el.className);
  return out; }"""


def _stage_heading(s: Session, stage: str):
    return s.page.locator(f"{GAME} [data-stage='{stage}']").get_by_role("heading", name=TITLES[stage], exact=True)


def _play_fast_by_clicks(s: Session):
    """Play the round on screen by clicking "Throw to Alex" whenever the ball arrives."""
    for _ in range(200):
        if s.state() != "playing":
            break
        button = s.page.locator(f"{GAME} button[data-target='2']")
        if button.get_attribute("aria-disabled") == "false":
            button.click()
        s.wait_turn_or_end()
    assert s.state() == "rating"


def test_on_a_phone_every_stage_fits_and_its_title_is_a_heading(session):
    s, page = session, session.page
    assert _stage_heading(s, "intro").is_visible()
    assert page.evaluate(TOO_WIDE, GAME) == []
    s.game.evaluate(f"el => {{ el.dataset.speed = '{FAST}'; }}")
    page.locator(f"{GAME} [data-action='start-exclusion']").click()
    assert _stage_heading(s, "playing").is_visible()
    assert page.evaluate(TOO_WIDE, GAME) == []
    _play_fast_by_clicks(s)
    for stage, action in (("rating", "compare"), ("compare", "debrief"), ("debrief", None)):
        assert s.state() == stage
        assert _stage_heading(s, stage).is_visible(), f"the {stage} title is not a heading"
        assert page.evaluate(TOO_WIDE, GAME) == [], f"{stage}: wider than the phone"
        if action:
            page.locator(f"{GAME} [data-stage='{stage}'] [data-action='{action}']").click()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_on_a_phone_the_rating_questions_are_body_text_and_each_scale_reads_in_order(session):
    s, page = session, session.page
    s.game.evaluate(f"el => {{ el.dataset.speed = '{FAST}'; }}")
    page.locator(f"{GAME} [data-action='start-exclusion']").click()
    _play_fast_by_clicks(s)
    sizes = page.evaluate("""sel => { const stage = document.querySelector(sel + " [data-stage='rating']");
        const body = getComputedStyle(stage.querySelector('p:not(.bcb-heading)'));
        return Array.from(stage.querySelectorAll('legend')).map(l => [parseFloat(getComputedStyle(l).fontSize),
          parseFloat(body.fontSize), Number(getComputedStyle(l).fontWeight), Number(body.fontWeight)]); }""", GAME)
    assert len(sizes) == 4
    for legend, body, weight, body_weight in sizes:
        assert legend <= body * 1.05, f"a rating question is set at {legend}px beside {body}px text"
        assert weight <= body_weight, "a rating question is set in bold"
    places = page.evaluate("""sel => Array.from(document.querySelectorAll(sel + ' .bcb-scale')).map(scale =>
        Array.from(scale.querySelectorAll('label')).map(l => { const r = l.getBoundingClientRect();
          return [Math.round(r.left), Math.round(r.top)]; }))""", GAME)
    for labels in places:
        assert len(labels) == 5
        one_row = len({top for _, top in labels}) == 1
        one_column = len({left for left, _ in labels}) == 1 and [t for _, t in labels] == sorted({t for _, t in labels})
        assert one_row or one_column, f"the 1-5 scale wraps: {labels}"


def test_on_a_phone_the_back_to_top_button_does_not_cover_a_throw_button(session):
    s, page = session, session.page
    s.game.evaluate("el => { el.dataset.speed = '5'; }")  # slow computers: the round stays on screen
    page.locator(f"{GAME} [data-action='start-exclusion']").click()
    assert s.state() == "playing"
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    page.wait_for_function("() => window.oldScroll === window.scrollY")
    # Scroll back up (the theme shows its button on any upward scroll) until the throw buttons
    # sit where the button is drawn, 90% of the way down the screen.
    target = page.evaluate("""sel => { const b = document.querySelector(sel + " button[data-target='1']").getBoundingClientRect();
        return Math.round(window.scrollY + b.top + b.height / 2 - 0.9 * window.innerHeight - 14); }""", GAME)
    page.evaluate("y => window.scrollTo(0, y)", target)
    page.wait_for_function("() => window.oldScroll === window.scrollY")
    assert page.evaluate("document.getElementById('pst-back-to-top').style.display") == "block", \
        "the theme did not try to show its button"
    covered = page.evaluate("""sel => {
        const out = [];
        document.querySelectorAll(sel + ' button[data-target]').forEach(b => {
          const r = b.getBoundingClientRect();
          for (const f of [0.2, 0.35, 0.5, 0.65, 0.8]) {
            const hit = document.elementFromPoint(r.left + f * r.width, r.top + r.height / 2);
            if (!hit || !b.contains(hit)) out.push(b.textContent + ' at ' + f + ': ' + (hit ? hit.id || hit.tagName : 'nothing'));
          }
        });
        return out; }""", GAME)
    assert covered == [], covered


def test_a_throw_button_pressed_out_of_turn_says_why_nothing_happened(session):
    s, page = session, session.page
    s.game.evaluate("el => { el.dataset.speed = '5'; }")  # Sam holds the ball for seconds
    page.locator(f"{GAME} [data-action='start-exclusion']").focus()
    page.keyboard.press("Enter")
    assert s.focused(f"{GAME} button[data-target='1']")
    page.keyboard.press("Enter")
    status = page.locator(f"{GAME} .bcb-status")
    assert "Not your turn yet" in status.inner_text() and "Sam has the ball" in status.inner_text()
    assert s.game.get_attribute("data-thrown") == "0"


def test_after_an_included_round_the_left_out_round_can_be_played_again(session):
    s, page = session, session.page
    s.game.evaluate(f"el => {{ el.dataset.speed = '{FAST}'; }}")
    page.locator(f"{GAME} [data-action='start-inclusion']").click()
    _play_fast_by_clicks(s)
    page.locator(f"{GAME} [data-stage='rating'] [data-action='debrief']").click()
    replay = page.locator(f"{GAME} [data-stage='debrief'] [data-action='start-exclusion']")
    assert replay.is_visible(), "the debrief of an included round offers no left-out round"
    replay.click()
    assert s.state() == "playing" and s.game.get_attribute("data-mode") == "exclusion"


#: How long a screen reader takes to say one message, conservatively (they take 2-3 s).
SPEAKING_MS = 2000


def test_the_announcements_keep_up_with_the_game(browser, site_url):
    """A screen reader says one message at a time. With the computers throwing every 50-200 ms
    here (a tenth of their real pauses), the messages must not pile up: at any moment at most
    two are waiting to be said. The reader throws once "Your turn" has been said."""
    s = Session(browser, site_url, PHONE)
    try:
        page = s.page
        s.game.evaluate("el => { el.dataset.speed = '0.1'; }")
        page.evaluate("""([sel, ms]) => {
            const g = document.querySelector(sel), status = g.querySelector('.bcb-status');
            new MutationObserver(() => {
              if (status.textContent.includes('Your turn'))
                setTimeout(() => g.querySelector("button[data-target='1']").click(), ms);
            }).observe(status, {childList: true, characterData: true, subtree: true}); }""", [GAME, SPEAKING_MS])
        page.evaluate("() => { window.__saidAt = []; }")
        page.locator(f"{GAME} [data-action='start-exclusion']").click()
        page.wait_for_function("sel => document.querySelector(sel).dataset.state === 'rating'", arg=GAME, timeout=60000)
        said = page.evaluate("window.__saidAt")
        thrown = int(s.game.get_attribute("data-thrown"))
        assert _announced_throws([m for _, m in said], thrown) == set(range(1, thrown + 1)), "a throw went untold"
        finished, waiting = [], []
        for at, _ in said:
            start = max(at, finished[-1]) if finished else at
            finished.append(start + SPEAKING_MS)
            waiting.append(sum(1 for end in finished if end > at))
        assert max(waiting) <= 2, f"{max(waiting)} messages queued at once ({len(said)} for {thrown} throws)"
    finally:
        s.close()
