"""'Remember my answers on this device' and the My progress page, used as a reader would (issue 9).

Storage with the switch off is checked on every page by test_accessibility.py (after every quiz
question and predict-first prompt has been used). Here, with the switch on: a quiz answer and a
prediction survive a reload, under keys the Python side computes the same way; export, erase
and import round-trip to the same state; a bad import file is refused with a reason and changes
nothing; turning the switch off and "Erase everything" both ask first, with a real Cancel, and
erase only when the reader confirms; My progress and the review page count the same questions
waiting for today; the
switch and the page's buttons work from the keyboard alone; axe finds no WCAG A/AA violation
on the progress page at phone and desktop widths, or on a chapter showing earlier answers.
"""
from __future__ import annotations

import html
import json
import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from belonging.pages.progress import chapter_index, question_key
from conftest import DESKTOP, HTML, PHONE, ROOT, WCAG, guarded_context

SLUG = "01-what-belonging-is"
CHAPTER = f"chapters/{SLUG}.html"
PROGRESS = "progress.html"
KEY = "belonging-progress-2026"
BANK = json.loads((ROOT / "book" / "quizzes" / f"{SLUG}.json").read_text("utf-8"))["questions"]
SINGLE = next(i for i, q in enumerate(BANK) if q["type"] == "multiple_choice")
SELECT_ALL, OTHER_SELECT_ALL = [i for i, q in enumerate(BANK) if q["type"] == "many_choice"][:2]

pytestmark = pytest.mark.skipif(
    HTML.is_dir() and not ((HTML / CHAPTER).is_file() and (HTML / PROGRESS).is_file()),
    reason="chapter 1 or the progress page is not in this build")


class Session:
    """One reader in one browser context; records console errors and requests to other hosts."""

    def __init__(self, browser, base: str, viewport: dict = PHONE):
        self.base, self.problems = base, []
        self.context, self.page = guarded_context(browser, base, self.problems,
                                                  viewport=viewport, accept_downloads=True)

    def open(self, path: str):
        self.page.goto(f"{self.base}/{path}")
        self.page.wait_for_load_state("networkidle")
        self.page.wait_for_selector("#belonging-remember")

    def reload(self):
        self.page.reload()
        self.page.wait_for_load_state("networkidle")
        self.page.wait_for_selector("#belonging-remember")

    def stored(self):
        raw = self.page.evaluate(f"localStorage.getItem('{KEY}')")
        return None if raw is None else json.loads(raw)

    def everything_stored(self) -> list:
        return self.page.evaluate("""async () => [localStorage.length, sessionStorage.length, document.cookie,
            (await indexedDB.databases()).length]""")

    def switch(self):
        return self.page.locator("#belonging-remember")

    def question(self, index: int):
        return self.page.locator(f"[data-belonging-chapter='{SLUG}'] .belonging-quiz-question[data-qnum='{index}']")

    def answer(self, index: int, right: bool):
        """Click a right or a wrong option (select-all: that one option, then Check)."""
        wrap = self.question(index)
        choice = wrap.locator(f"input[data-correct='{'true' if right else 'false'}']").first
        wrap.locator(f"label[for='{choice.get_attribute('id')}']").click()
        if choice.get_attribute("type") == "checkbox":
            wrap.locator(".belonging-quiz-check").click()
        return wrap

    def close(self):
        self.context.close()


@pytest.fixture
def reader(browser, site_url):
    s = Session(browser, site_url)
    yield s
    s.close()


def _turn_on(s: Session):
    s.switch().click()
    assert s.switch().is_checked()
    assert s.stored() == {"format": "belonging-progress", "edition": "2026",
                          "quiz": {}, "predictions": {}, "reflections": {}, "review": {}}


def _answer_and_predict(s: Session) -> str:
    """Answer one single-answer question right and one select-all question wrong; predict."""
    s.answer(SINGLE, right=True)
    s.answer(SELECT_ALL, right=False)
    box = s.page.locator("#predict-ch01-contact")
    box.locator("input[type=radio]").nth(1).check()
    box.locator("button").click()
    return box.locator("label[for='predict-ch01-contact-1']").inner_text().strip()


def test_the_switch_is_off_by_default_labelled_and_visible_at_both_widths(browser, site_url):
    for viewport in (PHONE, DESKTOP):
        s = Session(browser, site_url, viewport)
        try:
            s.open(CHAPTER)
            switch = s.page.get_by_role("switch", name="Remember my answers")
            assert switch.count() == 1 and switch.is_visible() and not switch.is_checked()
            box = switch.bounding_box()
            assert box["y"] < 100 and box["x"] + box["width"] <= viewport["width"], "the switch is not in the top bar"
            assert box["width"] >= 24 and box["height"] >= 24, "the switch is smaller than WCAG 2.2's target size"
            if viewport is DESKTOP:
                assert s.page.get_by_role("switch", name="Remember my answers on this device").count() == 1
            assert s.everything_stored() == [0, 0, "", 0]
            assert not s.problems, s.problems
        finally:
            s.close()


def test_an_answer_and_a_prediction_survive_a_reload(reader):
    s = reader
    s.open(CHAPTER)
    _turn_on(s)
    label = _answer_and_predict(s)
    stored = s.stored()
    # Keys are computed in the browser; the Python side (the progress page's data) agrees.
    single, select_all = (question_key(SLUG, BANK[i]["question"]) for i in (SINGLE, SELECT_ALL))
    assert set(stored["quiz"]) == {single, select_all}
    assert stored["quiz"][single]["correct"] is True and stored["quiz"][select_all]["correct"] is False
    assert stored["quiz"][single]["chapter"] == SLUG and stored["quiz"][single]["attempts"] == 1
    assert stored["predictions"][f"{SLUG}:ch01-contact"]["choice"] == 1
    assert stored["predictions"][f"{SLUG}:ch01-contact"]["label"] == label

    s.reload()
    assert s.switch().is_checked()
    summary = s.page.locator(".belonging-quiz-summary")
    assert summary.inner_text().startswith(f"You answered 2 of {len(BANK)} questions; 1 right.")
    notes = s.page.locator(".belonging-quiz-question .belonging-quiz-earlier")
    assert notes.count() == 2
    assert "right." in s.question(SINGLE).locator(".belonging-quiz-earlier").inner_text()
    assert "not right." in s.question(SELECT_ALL).locator(".belonging-quiz-earlier").inner_text()
    box = s.page.locator("#predict-ch01-contact")
    result = box.locator(".belonging-predict-result")
    assert result.is_visible()
    assert f"You predicted: {label}" in " ".join(result.inner_text().split())
    assert "The figure shows:" in result.inner_text()
    chosen = box.locator("input[type=radio]").nth(1)
    assert chosen.is_checked() and chosen.is_disabled(), "the kept prediction can be changed after the reveal"

    # A select-all question counts once Check is chosen, not while options are being ticked,
    # and as right when every right option (and no other) is ticked.
    other = question_key(SLUG, BANK[OTHER_SELECT_ALL]["question"])
    rights = s.question(OTHER_SELECT_ALL).locator("input[data-correct='true']")
    assert rights.count() >= 2
    for i in range(rights.count()):
        rights.nth(i).check()
        assert other not in s.stored()["quiz"], "a select-all question was scored before Check"
    s.question(OTHER_SELECT_ALL).locator(".belonging-quiz-check").click()
    assert s.stored()["quiz"][other]["correct"] is True

    # Answering the single-answer question again on a later visit counts a second attempt.
    s.answer(SINGLE, right=False)
    assert s.stored()["quiz"][single]["attempts"] == 2 and s.stored()["quiz"][single]["correct"] is False
    assert not s.problems, s.problems


def test_a_prediction_names_its_figure_and_the_link_lands_on_it(reader):
    s = reader
    s.open(CHAPTER)
    for chapter in chapter_index(ROOT / "book"):
        if chapter["slug"] != SLUG:
            continue
        for key in chapter["predictions"]:
            link = s.page.locator(f"#predict-{key}-figure a")
            anchor = link.get_attribute("href")
            # The first figure after the anchor is the one the prompt names.
            title = s.page.evaluate("""id => {
                const target = document.getElementById(id);
                const all = Array.from(document.querySelectorAll('.belonging-explorable-title'));
                const next = all.find(t => target.compareDocumentPosition(t) & Node.DOCUMENT_POSITION_FOLLOWING);
                return next ? next.textContent : null; }""", anchor[1:])
            assert title and title.startswith(link.inner_text()), (key, title)
            link.click()
            assert s.page.evaluate("location.hash") == anchor


def test_every_prediction_links_to_the_figure_it_names(built_site):
    """On every built chapter, each predict-first prompt's link points at an anchor on the page,
    and the first figure after that anchor carries the title the link names."""
    checked = 0
    for chapter in chapter_index(ROOT / "book"):
        path = built_site / chapter["href"]
        page = path.read_text("utf-8") if path.is_file() else ""
        if "belonging-predict" not in page:
            continue  # a preview that did not execute this chapter
        for key in chapter["predictions"]:
            about = re.search(rf'<p class="belonging-predict-figure" id="predict-{key}-figure">'
                              r'This prediction is about the figure <a href="#([a-z0-9-]+)">([^<]+)</a>', page)
            assert about, f"{chapter['slug']}: prompt {key} names no figure"
            anchor, named = about.group(1), html.unescape(about.group(2))
            target = page.find(f'id="{anchor}"')
            assert target >= 0, f"{chapter['slug']}: no element with id {anchor}"
            title = re.compile(r'class="belonging-explorable-title"[^>]*><strong>([^<]+)</strong>').search(page, target)
            assert title and html.unescape(title.group(1)).startswith(named), (key, named, title and title.group(1))
            checked += 1
    assert checked, "no chapter with predict-first prompts in this build"


def test_reflections_keep_only_which_prompts_were_written_in(browser, site_url):
    page_path = "chapters/12-a-lifelong-pursuit.html"
    if HTML.is_dir() and not (HTML / page_path).is_file():
        pytest.skip("chapter 12 is not in this build")
    s = Session(browser, site_url)
    try:
        s.open(page_path)
        _turn_on(s)
        secret = "A walk with my neighbour on Saturday"
        area = s.page.locator(".belonging-reflection textarea").first
        area.fill(secret)
        area.blur()
        stored = s.stored()
        key = f"12-a-lifelong-pursuit:{area.get_attribute('id')}"
        assert list(stored["reflections"]) == [key]
        assert set(stored["reflections"][key]) == {"done", "at"} and stored["reflections"][key]["done"] is True
        assert "neighbour" not in json.dumps(stored), "the reflection's text was stored"
    finally:
        s.close()


def _export(s: Session) -> dict:
    with s.page.expect_download() as info:
        s.page.locator("#belonging-progress-export").click()
    download = info.value
    assert download.suggested_filename.startswith("belonging-progress-2026-")
    assert download.url.startswith("blob:")
    return json.loads(open(download.path(), encoding="utf-8").read())


def _state(record: dict) -> dict:
    return {k: record[k] for k in ("quiz", "predictions", "reflections", "review")}


def test_export_erase_and_import_round_trip_to_the_same_state(reader, tmp_path):
    s = reader
    s.open(CHAPTER)
    _turn_on(s)
    label = _answer_and_predict(s)
    before = s.stored()
    s.open(PROGRESS)
    chapter = s.page.locator(f"#belonging-progress-chapters li[data-chapter='{SLUG}']")
    facts = chapter.locator(".belonging-progress-facts").inner_text()
    assert f"Quiz: 2 of {len(BANK)} answered, 1 right" in facts and "Predictions: 1 of 1 made" in facts
    assert f"You predicted: {label}" in chapter.inner_text()

    exported = _export(s)
    assert exported["format"] == "belonging-progress" and exported["edition"] == "2026" and exported["exported"]
    assert _state(exported) == _state(before)

    s.page.locator("#belonging-progress-erase").click()
    s.page.get_by_role("dialog", name="Erase everything?").get_by_role("button", name="Erase everything").click()
    assert _state(s.stored()) == {"quiz": {}, "predictions": {}, "reflections": {}, "review": {}}
    assert "not started" in chapter.locator(".belonging-progress-facts").inner_text()
    assert "Erased" in s.page.locator("#belonging-progress-message").inner_text()

    path = tmp_path / "progress.json"
    path.write_text(json.dumps(exported), "utf-8")
    s.page.locator("#belonging-progress-import").set_input_files(str(path))
    s.page.wait_for_function("() => document.getElementById('belonging-progress-message').textContent.startsWith('Imported')")
    assert _state(s.stored()) == _state(before)
    s.reload()
    assert f"Quiz: 2 of {len(BANK)} answered, 1 right" in s.page.locator(
        f"#belonging-progress-chapters li[data-chapter='{SLUG}'] .belonging-progress-facts").inner_text()
    assert not s.problems, s.problems


BAD_FILES = [
    ("not-json.json", "{quiz: oops", "not valid JSON"),
    ("list.json", "[1, 2, 3]", "does not hold a progress record"),
    ("other-format.json", json.dumps({"format": "something-else", "edition": "2026"}), "not a progress file from this course"),
    ("other-edition.json", json.dumps({"format": "belonging-progress", "edition": "2025", "quiz": {}, "predictions": {},
                                       "reflections": {}, "review": {}}), "edition \"2025\""),
    ("missing-part.json", json.dumps({"format": "belonging-progress", "edition": "2026", "quiz": {}}), "\"predictions\" part is missing"),
    ("bad-shape.json", json.dumps({"format": "belonging-progress", "edition": "2026", "predictions": {}, "reflections": {},
                                   "review": {}, "quiz": {f"{SLUG}:0123abcd": {"chapter": SLUG, "correct": "yes",
                                                                              "answered": "2026-01-05T10:00:00Z", "attempts": 1}}}),
     "correct must be true or false"),
    ("with-text.json", json.dumps({"format": "belonging-progress", "edition": "2026", "quiz": {}, "predictions": {}, "review": {},
                                   "reflections": {"12-a-lifelong-pursuit:reflection-ch12-q1": {
                                       "done": True, "at": "2026-01-05T10:00:00Z", "text": "private"}}}),
     "keeps only done and at"),
]


def test_a_bad_import_file_changes_nothing_and_says_why(reader, tmp_path):
    s = reader
    s.open(CHAPTER)
    _turn_on(s)
    _answer_and_predict(s)
    s.open(PROGRESS)
    before = s.stored()
    message = s.page.locator("#belonging-progress-message")
    assert message.get_attribute("aria-live") == "polite"
    for name, content, reason in BAD_FILES:
        s.page.evaluate("() => { document.getElementById('belonging-progress-message').firstChild.data = ''; }")
        path = tmp_path / name
        path.write_text(content, "utf-8")
        s.page.locator("#belonging-progress-import").set_input_files(str(path))
        s.page.wait_for_function("() => document.getElementById('belonging-progress-message').textContent !== ''")
        said = message.inner_text()
        assert said.startswith("Nothing was imported") and reason in said, (name, said)
        assert s.stored() == before, f"{name} changed what was stored"
    assert not s.problems, s.problems


def test_with_the_switch_off_the_page_explains_and_an_import_is_not_kept(reader, tmp_path):
    s = reader
    s.open(PROGRESS)
    assert "is off, so nothing is kept" in s.page.locator("#belonging-progress-state").inner_text()
    record = {"format": "belonging-progress", "edition": "2026", "predictions": {}, "reflections": {}, "review": {},
              "quiz": {question_key(SLUG, BANK[0]["question"]): {"chapter": SLUG, "correct": True,
                                                                  "answered": "2026-01-05T10:00:00.000Z", "attempts": 1}}}
    path = tmp_path / "mine.json"
    path.write_text(json.dumps(record), "utf-8")
    s.page.locator("#belonging-progress-import").set_input_files(str(path))
    s.page.wait_for_function("() => document.getElementById('belonging-progress-message').textContent !== ''")
    assert "shown here only until you leave the page" in s.page.locator("#belonging-progress-message").inner_text()
    assert "1 of" in s.page.locator("#belonging-progress-totals").inner_text()
    assert s.everything_stored() == [0, 0, "", 0]
    s.reload()
    assert "Quiz questions answered: 0 of" in s.page.locator("#belonging-progress-totals").inner_text()


def test_turning_off_asks_first_and_erases_only_when_confirmed(reader):
    s = reader
    s.open(CHAPTER)
    _turn_on(s)
    _answer_and_predict(s)
    kept = s.stored()
    dialog = s.page.get_by_role("dialog", name="Stop remembering your answers?")
    # Cancelling (the button, or Escape) keeps everything.
    s.switch().click()
    assert dialog.is_visible() and "erases everything" in dialog.inner_text()
    assert "choose Cancel" in dialog.inner_text()  # the text names a button that is there
    dialog.get_by_role("button", name="Cancel", exact=True).click()
    assert not dialog.is_visible() and s.switch().is_checked() and s.stored() == kept
    s.switch().click()
    s.page.keyboard.press("Escape")
    assert not dialog.is_visible() and s.switch().is_checked() and s.stored() == kept
    # Confirming erases it all.
    s.switch().click()
    dialog.get_by_role("button", name="Erase and turn off").click()
    expect(s.switch()).not_to_be_checked()
    assert s.everything_stored() == [0, 0, "", 0]
    s.reload()
    assert not s.switch().is_checked() and s.page.locator(".belonging-quiz-summary:visible").count() == 0
    assert not s.problems, s.problems


def _tab_to(page, selector: str, limit: int = 60, back: bool = False):
    for _ in range(limit):
        page.keyboard.press("Shift+Tab" if back else "Tab")
        if page.evaluate("sel => document.activeElement && document.activeElement.matches(sel)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_keyboard_alone_turns_on_exports_erases_imports_and_turns_off(browser, site_url, tmp_path):
    s = Session(browser, site_url, DESKTOP)
    try:
        s.open(PROGRESS)
        page = s.page
        # Playwright starts catching file choosers when the first listener is added, and that can
        # land after a fast key press (the chooser then never reaches the test): listen from here.
        page.on("filechooser", lambda chooser: None)
        _tab_to(page, "#belonging-remember")
        page.keyboard.press("Space")
        assert s.switch().is_checked() and s.stored() is not None
        record = {"format": "belonging-progress", "edition": "2026", "predictions": {}, "reflections": {},
                  "quiz": {}, "review": {question_key(SLUG, BANK[0]["question"]): {
                      "box": 1, "due": "2000-01-01", "last": "1999-12-31T09:00:00Z", "correct": True}}}
        path = tmp_path / "review.json"
        path.write_text(json.dumps(record), "utf-8")
        _tab_to(page, "#belonging-progress-import")
        with page.expect_file_chooser() as chooser:
            page.keyboard.press("Space")
        chooser.value.set_files(str(path))
        page.wait_for_function("() => document.getElementById('belonging-progress-message').textContent.startsWith('Imported')")
        assert s.stored()["review"] == record["review"]
        # Chapter 1 is started: its one reviewed question is due again, the others not yet answered.
        expect(page.locator("#belonging-progress-due")).to_contain_text(
            f"{len(BANK)} questions are waiting on the review page today, from the chapters you have started: "
            f"{len(BANK) - 1} not yet answered, 1 due again.")
        _tab_to(page, "#belonging-progress-export", back=True)
        with page.expect_download() as info:
            page.keyboard.press("Enter")
        assert json.loads(open(info.value.path(), encoding="utf-8").read())["review"] == record["review"]
        _tab_to(page, "#belonging-progress-erase")
        page.keyboard.press("Enter")
        dialog = page.get_by_role("dialog")
        expect(dialog).to_be_visible()
        assert page.evaluate("document.activeElement.textContent") == "Cancel", "the safe choice has focus"
        page.keyboard.press("Shift+Tab")
        assert page.evaluate("document.activeElement.textContent") == "Erase everything"
        page.keyboard.press("Enter")
        expect(dialog).to_be_hidden()
        assert s.stored()["review"] == {}
        assert page.evaluate("document.activeElement.id") == "belonging-progress-erase", "focus was lost"
        _tab_to(page, "#belonging-remember", back=True)
        page.keyboard.press("Space")
        expect(dialog).to_be_visible()
        assert page.evaluate("document.activeElement.textContent") == "Cancel"
        page.keyboard.press("Shift+Tab")
        # Everything was just erased: the dialog offers to turn off, not to erase.
        assert page.evaluate("document.activeElement.textContent") == "Turn off"
        page.keyboard.press("Enter")
        # Wait on the state, not a pause (issue 21: the switch was read before the page changed).
        expect(s.switch()).not_to_be_checked()
        assert s.everything_stored() == [0, 0, "", 0]
        expect(page.locator("#belonging-remember")).to_be_focused()
        assert not s.problems, s.problems
    finally:
        s.close()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_axe_finds_no_violations_on_the_progress_page_and_a_chapter_with_earlier_answers(browser, site_url, viewport):
    s = Session(browser, site_url, viewport)
    try:
        s.open(CHAPTER)
        _turn_on(s)
        _answer_and_predict(s)
        pages = []
        if viewport is PHONE:  # (test_accessibility.py checks every page, empty, at three widths)
            s.reload()
            pages.append(("chapter", Axe().run(s.page, options=WCAG)))
            s.switch().click()  # the confirmation dialog, open
            pages.append(("dialog", Axe().run(s.page, options=WCAG)))
            s.page.keyboard.press("Escape")
        s.open(PROGRESS)
        pages.append(("progress", Axe().run(s.page, options=WCAG)))
        s.page.locator("#belonging-progress-erase").click()
        pages.append(("erase dialog", Axe().run(s.page, options=WCAG)))
        s.page.get_by_role("dialog").get_by_role("button", name="Erase everything").click()  # the message, filled
        s.page.emulate_media(color_scheme="dark")
        s.page.wait_for_function("() => document.documentElement.dataset.theme === 'dark'")
        s.page.add_style_tag(content="*, *::before, *::after { transition: none !important; }")
        pages.append(("progress, dark", Axe().run(s.page, options=WCAG)))
        found = [f"{where}: {v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes'][:3]]}"
                 for where, result in pages for v in result.response["violations"]]
        assert not found, "\n".join(found)
        overflow = s.page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
        assert not overflow, "the progress page is wider than the screen"
    finally:
        s.close()


def test_erase_everything_asks_first_and_cancel_keeps_everything(reader, tmp_path):
    s = reader
    s.open(PROGRESS)
    _turn_on(s)
    record = {"format": "belonging-progress", "edition": "2026", "predictions": {}, "reflections": {}, "review": {},
              "quiz": {question_key(SLUG, BANK[0]["question"]): {"chapter": SLUG, "correct": True,
                                                                  "answered": "2026-01-05T10:00:00.000Z", "attempts": 1}}}
    path = tmp_path / "kept.json"
    path.write_text(json.dumps(record), "utf-8")
    s.page.locator("#belonging-progress-import").set_input_files(str(path))
    expect(s.page.locator("#belonging-progress-message")).to_contain_text("Imported")
    kept = s.stored()
    assert kept["quiz"]
    erase = s.page.locator("#belonging-progress-erase")
    dialog = s.page.get_by_role("dialog", name="Erase everything?")
    erase.click()
    expect(dialog).to_be_visible()
    assert "cannot be undone" in dialog.inner_text() and "choose Cancel" in dialog.inner_text()
    assert s.stored() == kept, "Erase everything erased before the reader confirmed"
    dialog.get_by_role("button", name="Cancel", exact=True).click()
    expect(dialog).to_be_hidden()
    assert s.stored() == kept
    expect(s.page.locator("#belonging-progress-message")).to_have_text("Nothing was erased.")
    erase.click()
    s.page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    assert s.stored() == kept
    erase.click()
    dialog.get_by_role("button", name="Erase everything").click()
    assert _state(s.stored()) == {"quiz": {}, "predictions": {}, "reflections": {}, "review": {}}
    assert s.switch().is_checked(), "erasing is not turning the switch off"
    assert not s.problems, s.problems


def _waiting_on_progress(s: Session) -> int:
    text = s.page.locator("#belonging-progress-due").inner_text()
    found = re.match(r"(\d+) questions? (is|are) waiting on the review page today", text)
    return int(found.group(1)) if found else 0


def _waiting_on_review(s: Session) -> int:
    s.page.goto(f"{s.base}/review.html")
    s.page.wait_for_function("() => ['ready', 'failed'].includes(document.getElementById('belonging-review').dataset.state)")
    status = s.page.locator(".belonging-review-status")
    if not status.is_visible():
        return 0
    return int(re.match(r"(\d+) questions? left to practise today", status.inner_text()).group(1))


def test_my_progress_and_the_review_page_agree_on_what_is_waiting(reader, tmp_path):
    """The trial's reader saw "Nothing is due" on My progress and 14 questions on the review page."""
    s = reader
    s.open(PROGRESS)
    _turn_on(s)
    other = "04-when-the-need-goes-unmet"
    other_bank = json.loads((ROOT / "book" / "quizzes" / f"{other}.json").read_text("utf-8"))["questions"]

    def answer(chapter, text, correct, when):
        return question_key(chapter, text), {"chapter": chapter, "correct": correct, "answered": when, "attempts": 1}
    quiz = dict([answer(SLUG, BANK[0]["question"], False, "2026-01-05T10:00:00.000Z"),
                 answer(SLUG, BANK[1]["question"], True, "2026-01-05T10:00:00.000Z"),
                 answer(other, other_bank[0]["question"], False, "2026-01-05T10:00:00.000Z")])
    review = {question_key(SLUG, BANK[2]["question"]): {"box": 3, "due": "2999-01-01",
                                                          "last": "2026-01-05T10:00:00Z", "correct": True}}
    record = {"format": "belonging-progress", "edition": "2026", "predictions": {}, "reflections": {},
              "quiz": quiz, "review": review}
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(record), "utf-8")
    s.page.locator("#belonging-progress-import").set_input_files(str(path))
    expect(s.page.locator("#belonging-progress-message")).to_contain_text("Imported")
    on_progress = _waiting_on_progress(s)
    # Chapters 1 and 4 are started: every question of both, but the one not due until 2999.
    assert on_progress == len(BANK) + len(other_bank) - 1
    assert "2 you missed" in s.page.locator("#belonging-progress-due").inner_text()
    assert _waiting_on_review(s) == on_progress
    assert not s.problems, s.problems


def test_with_nothing_stored_the_dialogs_say_so_and_never_speak_of_erasing_answers(reader):
    """Switched on, nothing answered yet: both confirmations say nothing is stored (issue 18)."""
    s = reader
    s.open(PROGRESS)
    _turn_on(s)
    for opener, title in ((s.switch, "Stop remembering your answers?"),
                          (lambda: s.page.locator("#belonging-progress-erase"), "Erase everything?")):
        opener().click()
        dialog = s.page.get_by_role("dialog", name=title)
        expect(dialog).to_be_visible()
        said = dialog.inner_text()
        assert "Nothing is stored" in said, f"{title!r} with nothing stored says: {said!r}"
        assert not re.search(r"\bThis erases\b|cannot be undone|Export", said), f"{title!r} says: {said!r}"
        dialog.get_by_role("button", name="Cancel", exact=True).click()
        expect(dialog).to_be_hidden()
    assert s.switch().is_checked()
    assert not s.problems, s.problems
