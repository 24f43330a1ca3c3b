"""The chapters' quizzes by keyboard and screen reader, and in the dark theme (issue 18, item 1).

A reader trial found that one ArrowDown in a quiz chose the next option, showed its feedback and,
with "Remember my answers" on, recorded it as the answer; that nothing was announced after a
choice; that the quiz's radios sat in no named group; and that in the dark theme the quiz was a
white card. Here, in Chromium:

* an arrow key moves focus to the next option and does nothing else (nothing chosen, nothing
  shown, nothing recorded); Space or Enter on an option answers it; a select-all question
  answers only on Check;
* after an answer, a polite live region in the question says "Correct" or "Not quite", matching
  the bank's key for the option chosen;
* every radio button and checkbox in the accessibility tree (Chromium's, through CDP
  Accessibility.getFullAXTree) sits in a radiogroup or group with a name (ungrouped_choices,
  run on every page by test_accessibility at 1280 px), and each quiz question's group is named
  by the question;
* in the dark theme the quiz and the review card are dark (luminance of their computed
  background), and a radio button is drawn empty until it is chosen.
"""
from __future__ import annotations

import base64
import json
import re

import pytest

from conftest import DESKTOP, PHONE, ROOT, guarded_context
from waiting import until

BANKS = {p.stem: json.loads(p.read_text("utf-8")) for p in sorted((ROOT / "book" / "quizzes").glob("*.json"))}
VERDICT = re.compile(r"^\s*(Correct|Not quite)\b")


def _quiz_chapter(site) -> str:
    """A built chapter that shows its quiz (ch06 if the build has it: the trial's chapter)."""
    shown = [p.stem for p in sorted((site / "chapters").glob("*.html"))
             if p.stem in BANKS and 'id="quiz' in p.read_text("utf-8")]
    if not shown:
        pytest.skip("no chapter in this build shows its quiz")
    return "06-interconnected-and-interdependent" if "06-interconnected-and-interdependent" in shown else shown[0]


class Reader:
    def __init__(self, browser, base: str, **options):
        self.base, self.problems = base, []
        self.context, self.page = guarded_context(browser, base, self.problems, **options)

    def open(self, path: str):
        self.page.goto(f"{self.base}/{path}")
        self.page.wait_for_load_state("networkidle")
        self.page.wait_for_function("() => window.BelongingProgress")

    def remember(self):
        assert self.page.evaluate("window.BelongingProgress.setEnabled(true)"), "the store could not be turned on"

    def recorded(self) -> dict:
        return self.page.evaluate("window.BelongingProgress.get('quiz')")

    def stored(self) -> dict:
        raw = self.page.evaluate("localStorage.getItem(window.BelongingProgress.storageKey)")
        return json.loads(raw)["quiz"] if raw else {}

    def close(self):
        self.context.close()


@pytest.fixture
def reader(browser, site_url):
    r = Reader(browser, site_url, viewport=DESKTOP)
    yield r
    r.close()


# The question an input belongs to, the inputs of that question, the polite live region in it
# (found from the input, so the same code asks the same of any quiz markup), and the option's text.
_PARTS = """
(input, part) => {
  const quiz = input.closest('[data-belonging-chapter]');
  let q = input.parentElement;
  while (q && q !== quiz && !q.querySelector('[aria-live="polite"], [role="status"]:not([aria-live])')) {
    q = q.parentElement;
  }
  if (!q || q === quiz) q = null;
  if (part === 'live') {
    const live = q && q.querySelector('[aria-live="polite"], [role="status"]:not([aria-live])');
    return live ? live.textContent.trim() : null;
  }
  if (part === 'label') return (input.labels[0] || input.parentElement).textContent.trim();
  if (part === 'checked') {
    return Array.from(document.getElementsByName(input.name)).filter(i => i.checked).length;
  }
  if (part === 'focused') {
    const a = document.activeElement;
    return a && a.name === input.name && a.type === input.type ? a.id || a.value : null;
  }
}
"""


def _part(handle, part: str):
    return handle.evaluate(_PARTS, part)


def _bank_answer(slug: str, text: str) -> dict:
    answers = [a for q in BANKS[slug]["questions"] for a in q["answers"] if a["answer"] == text]
    assert answers, f"option {text!r} is not in the {slug} bank"
    return answers[0]


def _groups(page, kind: str):
    """Each question's inputs of one kind (radio or checkbox), one handle per question."""
    firsts = page.evaluate_handle(f"""() => {{
        const seen = new Set(), out = [];
        for (const i of document.querySelectorAll('[data-belonging-chapter] input[type={kind}]')) {{
          if (!seen.has(i.name)) {{ seen.add(i.name); out.push(i); }}
        }}
        return out;
    }}""")
    return [p.as_element() for p in firsts.get_properties().values()]


def test_an_arrow_key_moves_to_the_next_option_and_answers_nothing(reader, built_site):
    slug = _quiz_chapter(built_site)
    reader.open(f"chapters/{slug}.html")
    reader.remember()
    first = _groups(reader.page, "radio")[0]
    first.scroll_into_view_if_needed()
    first.focus()
    before = _part(first, "focused")
    reader.page.keyboard.press("ArrowDown")
    until(reader.page, lambda: _part(first, "focused") != before)
    after = _part(first, "focused")
    assert after is not None and after != before, "ArrowDown did not move to another option of the question"
    assert _part(first, "checked") == 0, "ArrowDown chose an option"
    assert reader.recorded() == {} and reader.stored() == {}, "ArrowDown recorded an answer"
    live = _part(first, "live")
    assert not live, f"ArrowDown showed feedback: {live!r}"
    reader.page.keyboard.press("ArrowUp")
    assert _part(first, "focused") == before and _part(first, "checked") == 0
    assert not reader.problems, "\n".join(reader.problems)


def _expect_verdict(reader, slug: str, option, said: str | None):
    right = _bank_answer(slug, _part(option, "label"))["correct"]
    assert said and VERDICT.match(said), f"no polite announcement starting Correct or Not quite: {said!r}"
    assert said.startswith("Correct" if right else "Not quite"), f"the verdict does not match the key: {said!r}"


def test_space_and_enter_answer_and_the_verdict_is_announced_politely(reader, built_site):
    slug = _quiz_chapter(built_site)
    reader.open(f"chapters/{slug}.html")
    reader.remember()
    radios = _groups(reader.page, "radio")
    assert len(radios) >= 2
    for n, key in enumerate(("Space", "Enter"), start=1):
        radios[n - 1].scroll_into_view_if_needed()
        radios[n - 1].focus()
        reader.page.keyboard.press("ArrowDown")  # to the next option, chosen with the key
        option = reader.page.evaluate_handle("document.activeElement").as_element()
        reader.page.keyboard.press(key)
        until(reader.page, lambda: _part(option, "checked") == 1 and _part(option, "live"))
        assert _part(option, "checked") == 1 and option.evaluate("i => i.checked"), f"{key} did not choose the option"
        _expect_verdict(reader, slug, option, _part(option, "live"))
        assert len(reader.recorded()) == n and len(reader.stored()) == n, f"{key} did not record one answer"
    assert not reader.problems, "\n".join(reader.problems)


def test_a_select_all_question_answers_only_on_check(reader, built_site):
    slug = _quiz_chapter(built_site)
    if not any(q["type"] == "many_choice" for q in BANKS[slug]["questions"]):
        pytest.skip(f"{slug} has no select-all question")
    reader.open(f"chapters/{slug}.html")
    reader.remember()
    box = _groups(reader.page, "checkbox")[0]
    box.scroll_into_view_if_needed()
    box.focus()
    reader.page.keyboard.press("Space")
    until(reader.page, lambda: box.evaluate("b => b.checked"))
    assert box.evaluate("b => b.checked"), "Space did not tick the option"
    assert reader.recorded() == {}, "ticking one option of a select-all question recorded an answer"
    assert not VERDICT.match(_part(box, "live") or ""), "a verdict before Check"
    check = box.evaluate_handle("b => b.closest('fieldset, [role=group]').querySelector('button')").as_element()
    assert check is not None and check.inner_text().strip() == "Check"
    check.click()
    until(reader.page, lambda: VERDICT.match(_part(box, "live") or ""))
    said = _part(box, "live")
    assert said and VERDICT.match(said), f"no verdict after Check: {said!r}"
    assert len(reader.recorded()) == 1 and len(reader.stored()) == 1
    assert not reader.problems, "\n".join(reader.problems)


def _ax_tree(page) -> dict[str, dict]:
    cdp = page.context.new_cdp_session(page)
    try:
        nodes = cdp.send("Accessibility.getFullAXTree")["nodes"]
    finally:
        cdp.detach()
    return {n["nodeId"]: n for n in nodes}


def _value(node: dict, field: str) -> str:
    return str((node.get(field) or {}).get("value") or "")


def ungrouped_choices(tree: dict[str, dict]) -> list[str]:
    """Radio buttons and checkboxes with no named radiogroup or group above them."""
    found = []
    for node in tree.values():
        if node.get("ignored") or _value(node, "role") not in ("radio", "checkbox"):
            continue
        parent = tree.get(node.get("parentId"))
        while parent is not None and not (_value(parent, "role") in ("radiogroup", "group")
                                          and _value(parent, "name").strip()):
            parent = tree.get(parent.get("parentId"))
        if parent is None:
            found.append(f"{_value(node, 'role')} {_value(node, 'name')[:60]!r}")
    return found


def test_each_quiz_question_is_a_group_named_by_the_question(browser, site_url, built_site):
    slug = _quiz_chapter(built_site)
    r = Reader(browser, site_url, viewport=PHONE)
    try:
        r.open(f"chapters/{slug}.html")
        tree = _ax_tree(r.page)
        names = [" ".join(_value(n, "name").split()) for n in tree.values()
                 if _value(n, "role") in ("radiogroup", "group")]
        for q in BANKS[slug]["questions"]:
            wanted = "radiogroup" if q["type"] == "multiple_choice" else "group"
            text = " ".join(q["question"].split())
            assert any(text in name for name in names), f"no group is named by {text[:60]!r}"
            assert any(_value(n, "role") == wanted and text in " ".join(_value(n, "name").split())
                       for n in tree.values()), f"{text[:60]!r} is not a {wanted}"
    finally:
        r.close()


def _luminance(rgb: list[float]) -> float:
    def channel(c):
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    return 0.2126 * channel(rgb[0]) + 0.7152 * channel(rgb[1]) + 0.0722 * channel(rgb[2])


# The computed background an input is drawn on: its nearest ancestor with an opaque one.
_CARD_BACKGROUND = """
i => { for (let n = i.parentElement; n; n = n.parentElement) {
  const m = getComputedStyle(n).backgroundColor.match(/[\\d.]+/g).map(Number);
  if (m.length === 3 || m[3] > 0.5) return m.slice(0, 3);
} return [255, 255, 255]; }
"""

_CENTRE_PIXEL = """
async src => { const img = new Image(); img.src = src; await img.decode();
  const c = document.createElement('canvas'); c.width = img.width; c.height = img.height;
  const x = c.getContext('2d'); x.drawImage(img, 0, 0);
  return Array.from(x.getImageData(img.width >> 1, img.height >> 1, 1, 1).data.slice(0, 3)); }
"""


def _centre(page, element) -> list[int]:
    shot = base64.b64encode(element.screenshot(animations="disabled")).decode()
    return page.evaluate(_CENTRE_PIXEL, "data:image/png;base64," + shot)


def _distance(a, b) -> float:
    return max(abs(x - y) for x, y in zip(a, b))


@pytest.mark.parametrize("where", ["chapter", "review"])
def test_in_the_dark_theme_the_quiz_is_dark_and_its_radios_are_empty_until_chosen(browser, site_url, built_site, where):
    r = Reader(browser, site_url, viewport=DESKTOP, color_scheme="dark")
    try:
        if where == "chapter":
            r.open(f"chapters/{_quiz_chapter(built_site)}.html")
            radio = r.page.locator("[data-belonging-chapter] input[type=radio]").first
        else:
            r.open("review.html")
            r.page.wait_for_selector("#belonging-review[data-state=ready]")
            radio = r.page.locator("#belonging-review input").first
        assert r.page.evaluate("document.documentElement.dataset.theme") == "dark"
        radio.scroll_into_view_if_needed()
        # The theme fades colours between modes: judge the settled colours without waiting.
        r.page.add_style_tag(content="*, *::before, *::after { transition: none !important; }")
        card = radio.evaluate(_CARD_BACKGROUND)
        assert _luminance(card) < 0.1, f"the {where} quiz is a light card in the dark theme: rgb{tuple(card)}"
        empty = _centre(r.page, radio)
        assert _distance(empty, card) < 40, f"an unchosen radio is drawn filled: rgb{tuple(empty)} on rgb{tuple(card)}"
        radio.check()
        r.page.mouse.move(0, 0)
        chosen = _centre(r.page, radio)
        assert _distance(chosen, card) > 100, "a chosen radio looks the same as an empty one"
        assert not r.problems, "\n".join(r.problems)
    finally:
        r.close()
