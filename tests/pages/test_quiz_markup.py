"""The site's quiz markup (belonging.pages.quiz.quiz_html): the structure a keyboard and
screen-reader user relies on, written from the same banks jupyterquiz shows in notebooks.

Each question is a fieldset named by its legend (a radiogroup for one answer, a group for
select-all), holding every option of the bank with its own feedback and key, a Check button for
select-all, and a polite live region for the verdict; no inline script (belonging-quiz.js does
the rest). show_quiz writes this markup while the site is built and jupyterquiz's otherwise.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from belonging.pages import quiz

ROOT = Path(__file__).resolve().parents[2]
BANKS = sorted((ROOT / "book" / "quizzes").glob("*.json"))


@pytest.mark.parametrize("path", BANKS, ids=lambda p: p.stem)
def test_each_question_is_a_group_named_by_its_question_with_every_option(path):
    bank = json.loads(path.read_text("utf-8"))
    soup = BeautifulSoup(quiz.quiz_html(path.stem), "html.parser")
    root = soup.select_one(f"#{quiz.quiz_id(path.stem)}")
    assert root is not None and root["data-belonging-chapter"] == path.stem
    assert not soup.find("script"), "the site's quiz must not need an inline script"
    fieldsets = root.select("fieldset.belonging-quiz-question")
    assert len(fieldsets) == len(bank["questions"])
    for fieldset, q in zip(fieldsets, bank["questions"]):
        many = q["type"] == "many_choice"
        assert fieldset["role"] == ("group" if many else "radiogroup")
        legend = soup.find(id=fieldset["aria-labelledby"])
        assert legend is not None and legend.name == "legend" and legend.parent is fieldset
        assert legend.select_one(".belonging-quiz-text").get_text() == q["question"]
        inputs = fieldset.select(".belonging-quiz-options input")
        assert [i["type"] for i in inputs] == ["checkbox" if many else "radio"] * len(q["answers"])
        assert len({i["name"] for i in inputs}) == 1
        for i, answer in zip(inputs, q["answers"]):
            label = fieldset.select_one(f"label[for='{i['id']}']")
            assert label.get_text() == answer["answer"]
            assert i["data-feedback"] == answer["feedback"]
            assert i["data-correct"] == ("true" if answer["correct"] else "false")
        live = fieldset.select("[aria-live]")
        assert len(live) == 1 and live[0]["aria-live"] == "polite" and not live[0].get_text()
        check = fieldset.select("button.belonging-quiz-check")
        assert len(check) == (1 if many else 0)
        if many:
            assert check[0].get_text() == "Check" and check[0]["type"] == "button"


def test_ids_are_unique_on_the_page():
    soup = BeautifulSoup(quiz.quiz_html(BANKS[0].stem), "html.parser")
    ids = [tag["id"] for tag in soup.find_all(id=True)]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("site, expected", [("1", "belonging-quiz"), (None, "jupyterquiz")])
def test_show_quiz_writes_the_sites_quiz_only_while_the_site_is_built(monkeypatch, site, expected):
    import IPython.display

    shown = []
    monkeypatch.setattr(IPython.display, "display", lambda obj: shown.append(obj))
    if site is None:
        monkeypatch.delenv(quiz.SITE_BUILD, raising=False)
    else:
        monkeypatch.setenv(quiz.SITE_BUILD, site)
    quiz.show_quiz(BANKS[0].stem)
    html = shown[0].data
    if expected == "belonging-quiz":
        assert len(shown) == 1 and 'class="belonging-quiz"' in html
    else:
        assert len(shown) == 2 and "belonging-quiz-question" not in html
        assert f'id="{quiz.quiz_id(BANKS[0].stem)}"' in html and "jupyterquiz" in shown[1].data.lower()
