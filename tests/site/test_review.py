"""The review page: spaced, interleaved retrieval practice from every chapter's public quiz.

In Chromium, with the clock fixed at noon on 10 March 2026 (UTC) so due dates are known:
a question the reader missed in a chapter quiz (recorded through the real BelongingProgress API
with "Remember my answers" on) is served first, and the next comes from another chapter; a right
answer puts it in box 1, due 11 March, and it is not asked again after a reload; a wrong answer
says why with the bank's own feedback for the option chosen and for the right one; a question
answered right and not yet due is not asked; with progress off a whole session (every question,
one of them missed and asked again) stores nothing; the page works with the keyboard alone, for
radio and select-all questions (arrows move between options without choosing, Space chooses,
Check answers; the verdict starts "Correct" or "Not quite"); axe finds no WCAG 2.1 A/AA violation at phone and desktop width.
"""
from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest
from axe_playwright_python.sync_playwright import Axe

from conftest import DESKTOP, PHONE, WCAG, guarded_context
from test_browser import Reader

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=timezone.utc)
TODAY, TOMORROW = "2026-03-10", "2026-03-11"
STORE = "belonging-progress-2026"
ROOT_SEL = "#belonging-review"


@pytest.fixture(scope="module")
def bank(built_site) -> dict:
    return json.loads((built_site / "_static" / "review-questions.json").read_text("utf-8"))


def _by_text(bank: dict) -> dict[str, tuple[dict, dict]]:
    return {q["question"]: (c, q) for c in bank["chapters"] for q in c["questions"]}


def _chapter(bank: dict, number: int) -> dict:
    return next(c for c in bank["chapters"] if c["number"] == number)


class Session(Reader):
    """A reader whose clock reads NOW, in UTC, from the first script on."""

    def __init__(self, browser, base: str, viewport: dict):
        self.base = base
        self.problems = []
        self.context, self.page = guarded_context(browser, base, self.problems, viewport=viewport, timezone_id="UTC")
        self.context.clock.set_fixed_time(NOW)  # before the first page loads, so its scripts see NOW

    def open(self, path: str):
        self.page.goto(f"{self.base}/{path}")
        self.page.wait_for_load_state("networkidle")
        if path == "review.html":
            self.page.wait_for_selector(f"{ROOT_SEL}[data-state=ready]")

    def seed(self, entries: list[tuple[str, str, dict, str]]):
        """Turn "Remember my answers" on and record answers through the real API, on another
        page, as the chapters would: (section, chapter, entry, question text) each."""
        self.open("intro.html")
        self.page.wait_for_function("() => window.BelongingProgress")
        self.page.evaluate(
            """entries => { const p = window.BelongingProgress;
                 if (!p.setEnabled(true)) throw new Error('the store could not be turned on');
                 for (const [section, chapter, entry, text] of entries) p.put(section, p.questionKey(chapter, text), entry); }""",
            [list(e) for e in entries])

    # ----- the page as a reader sees it -----
    def question(self) -> str:
        return self.page.evaluate(f"document.querySelector('{ROOT_SEL} legend').firstChild.textContent")

    def source(self) -> str:
        return self.page.locator(f"{ROOT_SEL} .belonging-review-source").inner_text()

    def feedback(self) -> str:
        return self.page.locator(f"{ROOT_SEL} [aria-live]").inner_text()

    def choose(self, answers: list[str]):
        form = self.page.locator(f"{ROOT_SEL} form")
        for text in answers:
            form.get_by_label(text, exact=True).check()

    def check(self):
        self.page.get_by_role("button", name="Check").click()

    def next(self):
        self.page.locator(f"{ROOT_SEL} .belonging-review-next").click()

    def stored(self):
        return self.page.evaluate(f"localStorage.getItem('{STORE}')")

    def key(self, chapter: str, text: str) -> str:
        return self.page.evaluate("([c, t]) => window.BelongingProgress.questionKey(c, t)", [chapter, text])


def _right(q: dict) -> list[str]:
    return [a["answer"] for a in q["answers"] if a["correct"]]


def _quiz_entry(chapter: str, correct: bool) -> dict:
    return {"chapter": chapter, "correct": correct, "answered": "2026-03-09T09:00:00.000Z", "attempts": 1}


@pytest.fixture
def session(browser, site_url):
    s = Session(browser, site_url, DESKTOP)
    yield s
    s.close()


def test_a_missed_question_comes_first_and_a_right_answer_moves_it_to_box_1(session, bank):
    five, two = _chapter(bank, 5), _chapter(bank, 2)
    missed = five["questions"][1]  # a select-all question: every right option must be chosen
    assert missed["type"] == "many_choice"
    session.seed([("quiz", five["chapter"], _quiz_entry(five["chapter"], False), missed["question"]),
                  ("quiz", two["chapter"], _quiz_entry(two["chapter"], True), two["questions"][0]["question"])])
    session.open("review.html")
    page = session.page
    assert session.question() == missed["question"]
    assert session.source().startswith("From chapter 5")
    assert "from chapters 2, 5" in page.locator(f"{ROOT_SEL} .belonging-review-status").inner_text()
    assert page.locator(f"{ROOT_SEL} input[type=checkbox]").count() == len(missed["answers"])

    session.choose(_right(missed))
    session.check()
    assert session.feedback().startswith("Correct.")
    assert all(a["feedback"] in session.feedback() for a in missed["answers"])
    key = session.key(five["chapter"], missed["question"])
    entry = json.loads(session.stored())["review"][key]
    assert entry == {"box": 1, "due": TOMORROW, "last": "2026-03-10T12:00:00.000Z", "correct": True}
    assert "in 1 day (2026-03-11)" in session.feedback()

    # Interleaved: the next question is from the other chapter the reader has read.
    session.next()
    assert session.source().startswith("From chapter 2")
    assert session.question() != two["questions"][0]["question"], "a question answered right yesterday before an unseen one"

    # After a reload the question is in box 1, not due until tomorrow: not asked today.
    session.open("review.html")
    assert session.question() != missed["question"]
    assert session.source().startswith(("From chapter 5", "From chapter 2"))
    assert not session.problems, "\n".join(session.problems)


def test_a_question_missed_in_a_chapter_quiz_is_the_first_review_question(session, bank, built_site):
    """The whole path: the chapter's own quiz records the miss, and the review page asks it first."""
    page_path = "chapters/01-what-belonging-is.html"
    if 'id="quiz01whatbelongingis"' not in (built_site / page_path).read_text("utf-8"):  # quiz.quiz_id
        pytest.skip("chapter 1 was not executed in this preview, so it shows no quiz")
    one = _chapter(bank, 1)
    q = one["questions"][2]
    session.open(page_path)
    session.page.evaluate("window.BelongingProgress.setEnabled(true)")
    quiz = session.page.locator(".belonging-quiz-question").nth(2)
    assert q["type"] == "multiple_choice", "a select-all question would need Check as well"
    wrong = next(a["answer"] for a in q["answers"] if not a["correct"])
    quiz.get_by_label(wrong, exact=True).check()
    session.open("review.html")
    assert session.question() == q["question"]
    assert "from chapter 1." in session.page.locator(f"{ROOT_SEL} .belonging-review-status").inner_text()
    assert not session.problems, "\n".join(session.problems)


def test_a_wrong_answer_explains_why_with_the_banks_feedback(browser, site_url, bank):
    s = Session(browser, site_url, PHONE)
    try:
        s.open("review.html")
        chapter, q = _by_text(bank)[s.question()]
        assert q["type"] == "multiple_choice", "with nothing answered yet, chapter 1's first question comes first"
        wrong = next(a for a in q["answers"] if not a["correct"])
        right = next(a for a in q["answers"] if a["correct"])
        s.choose([wrong["answer"]])
        s.check()
        said = s.feedback()
        assert said.startswith("Not quite.")
        reasons = s.page.locator(f"{ROOT_SEL} [aria-live] li").all_inner_texts()
        assert len(reasons) == len(q["answers"]), "every option is explained"
        assert reasons[0].startswith("Your answer, but not right:"), "the reader's own answer first"
        assert wrong["answer"].rstrip(".") in reasons[0] and reasons[0].endswith(wrong["feedback"])
        said_right = [r for r in reasons if r.startswith("The right answer:")]
        assert len(said_right) == 1 and right["answer"].rstrip(".") in said_right[0]
        assert said_right[0].endswith(right["feedback"])
        assert "later in this session" in said
        # Kept for this page view only (progress is off): box 0, due today.
        key = s.key(chapter["chapter"], q["question"])
        entry = s.page.evaluate("k => window.BelongingProgress.get('review')[k]", key)
        assert entry["box"] == 0 and entry["due"] == TODAY and entry["correct"] is False
        assert s.stored() is None
        # Options are locked once checked; the reader moves on with Next.
        assert s.page.locator(f"{ROOT_SEL} input:not([disabled])").count() == 0
        assert not s.page.get_by_role("button", name="Check").is_visible()
        assert not s.problems, "\n".join(s.problems)
    finally:
        s.close()


ANSWER_IN_PAGE = """picks => {
  const root = document.querySelector('#belonging-review');
  for (const label of root.querySelectorAll('.belonging-review-option label')) {
    if (picks.includes(label.textContent)) document.getElementById(label.htmlFor).click();
  }
  Array.from(root.querySelectorAll('button')).find(b => b.textContent === 'Check').click();
  if (!root.querySelector('[aria-live]').textContent) throw new Error('Check gave no feedback');
  root.querySelector('.belonging-review-next').click();
  const done = root.querySelector('.belonging-review-done');
  return done.hidden ? root.querySelector('legend').firstChild.textContent : null;
}"""


def test_a_whole_session_with_progress_off_stores_nothing(browser, site_url, bank):
    s = Session(browser, site_url, DESKTOP)
    try:
        s.open("review.html")
        questions = _by_text(bank)
        total = sum(len(c["questions"]) for c in bank["chapters"])
        asked, missed_once = [], None
        text = s.question()
        for _ in range(total + 5):
            asked.append(text)
            _, q = questions[text]
            if missed_once is None:  # get the first one wrong: it must come back at the end
                missed_once = text
                picks = [next(a["answer"] for a in q["answers"] if not a["correct"])]
            else:
                picks = _right(q)
            # One round trip per question (a hundred of them): the same clicks a reader makes,
            # dispatched in the page; the other tests click and type through Playwright.
            text = s.page.evaluate(ANSWER_IN_PAGE, picks)
            if text is None:
                break
        assert len(asked) == total + 1, "every question once, and the missed one again"
        assert set(asked) == set(questions)
        assert asked[-1] == missed_once
        done = s.page.locator(f"{ROOT_SEL} .belonging-review-done")
        assert "everything due today" in done.inner_text()
        assert s.page.evaluate("document.activeElement.classList.contains('belonging-review-done')")
        stored = s.page.evaluate("[localStorage.length, sessionStorage.length, document.cookie]")
        assert stored == [0, 0, ""], f"the review stored something without being asked: {stored}"
        assert not s.context.cookies()
        assert not s.problems, "\n".join(s.problems)
    finally:
        s.close()


def test_questions_answered_right_and_not_yet_due_are_not_asked(session, bank):
    one = _chapter(bank, 1)
    entry = {"box": 2, "due": "2026-03-13", "last": "2026-03-10T08:00:00.000Z", "correct": True}
    session.seed([("review", one["chapter"], entry, q["question"]) for q in one["questions"]])
    session.open("review.html")
    done = session.page.locator(f"{ROOT_SEL} .belonging-review-done")
    assert done.is_visible() and "Nothing is due today from chapter 1" in done.inner_text()
    assert "2026-03-13" in done.inner_text()
    assert session.page.locator(f"{ROOT_SEL} form").is_hidden()
    assert not session.problems, "\n".join(session.problems)


def _tab_to(page, selector: str, limit: int = 300):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    pytest.fail(f"Tab never reached {selector}")


def test_keyboard_alone_answers_radio_and_select_all_questions(session, bank):
    five = _chapter(bank, 5)
    single, many = five["questions"][0], five["questions"][1]
    assert (single["type"], many["type"]) == ("multiple_choice", "many_choice")
    session.seed([("quiz", five["chapter"], _quiz_entry(five["chapter"], False), q["question"]) for q in (single, many)])
    session.open("review.html")
    page = session.page
    assert session.question() == single["question"]

    # A radio group: Tab into it; arrows move between the options and choose nothing (as in the
    # chapters' quizzes); Space chooses the focused option; Check answers.
    _tab_to(page, f"{ROOT_SEL} input[type=radio]")
    for _ in range(len(single["answers"])):
        label = page.evaluate("document.querySelector(`label[for='${document.activeElement.id}']`).textContent")
        if label == _right(single)[0]:
            break
        page.keyboard.press("ArrowDown")
        assert page.evaluate(f"document.querySelectorAll('{ROOT_SEL} input:checked').length") == 0, "an arrow chose"
    page.keyboard.press("Space")
    assert page.evaluate("document.activeElement.checked"), "Space did not choose the focused option"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Check"
    page.keyboard.press("Enter")
    assert session.feedback().startswith("Correct.")
    assert page.evaluate("document.activeElement.textContent") == "Next question", "focus must move to Next"
    page.keyboard.press("Enter")

    # A select-all question: focus lands on its first box; Tab between boxes, Space ticks.
    assert session.question() == many["question"]
    assert page.evaluate("document.activeElement.type") == "checkbox"
    right = set(_right(many))
    for _ in range(len(many["answers"])):
        label = page.evaluate("document.querySelector(`label[for='${document.activeElement.id}']`).textContent")
        if label in right:
            page.keyboard.press("Space")
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Check"
    page.keyboard.press("Space")
    assert session.feedback().startswith("Correct.")
    assert page.evaluate("document.activeElement.textContent") == "Next question"
    page.keyboard.press("Enter")  # on to chapter 5's questions not yet seen
    assert session.question() == five["questions"][2]["question"]
    assert page.evaluate("document.activeElement.name") == "belonging-review-answer"
    assert not session.problems, "\n".join(session.problems)


def test_without_the_progress_script_the_review_still_works_in_memory(browser, site_url, bank):
    """A page whose belonging-progress.js failed to load (blocked, or an old cached page)."""
    s = Session(browser, site_url, PHONE)
    try:
        s.page.route("**/belonging-progress.js*", lambda route: route.fulfill(
            status=200, content_type="text/javascript", body="/* not loaded */"))
        s.open("review.html")
        assert s.page.evaluate("window.BelongingProgress === undefined")
        first = s.question()
        _, q = _by_text(bank)[first]
        s.choose([next(a["answer"] for a in q["answers"] if not a["correct"])])
        s.check()
        assert s.feedback().startswith("Not quite.") and "later in this session" in s.feedback()
        s.next()
        assert s.question() != first
        assert s.page.evaluate("[localStorage.length, sessionStorage.length, document.cookie]") == [0, 0, ""]
        assert not s.problems, "\n".join(s.problems)
    finally:
        s.close()


def test_pressing_check_with_nothing_chosen_says_so(session):
    session.open("review.html")
    session.check()
    assert session.feedback() == "Choose an answer first."
    assert session.page.get_by_role("button", name="Check").is_visible()


def _axe(page, label: str) -> list[str]:
    results = Axe().run(page, options=WCAG)
    return [f"{label}: {v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes'][:3]]}"
            for v in results.response["violations"]]


@pytest.mark.parametrize("width", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_axe_finds_no_violations_and_nothing_overflows(browser, site_url, bank, width):
    s = Session(browser, site_url, width)
    try:
        s.open("review.html")
        _, q = _by_text(bank)[s.question()]
        s.choose([next(a["answer"] for a in q["answers"] if not a["correct"])])
        s.check()  # the richest state: every option explained, tags on the options
        # The pointer rests on Next (in view: it has the focus), not on whatever moved under it
        # when the card grew; scrolling up to reach something else would show the theme's own
        # back-to-top button, whose white on orange is the theme's, not this page's.
        s.page.locator(f"{ROOT_SEL} .belonging-review-next").hover()
        overflow = s.page.evaluate(
            f"Array.from(document.querySelectorAll('{ROOT_SEL} *')).filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1).length")
        assert overflow == 0, "something on the review card is wider than the screen"
        assert not s.problems, "\n".join(s.problems)  # before axe, which fetches stylesheets itself
        found = _axe(s.page, "question checked")
        s.page.emulate_media(color_scheme="dark")
        s.page.wait_for_function("() => document.documentElement.dataset.theme === 'dark'")
        s.page.add_style_tag(content="*, *::before, *::after { transition: none !important; }")
        found += _axe(s.page, "dark, question checked")
        assert not found, "\n".join(found)
    finally:
        s.close()
