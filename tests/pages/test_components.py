"""Page components and the explorable's HTML: self-contained, accessible, reject bad input."""
import json

import pytest

from belonging.pages.components import predict
from belonging.figures.homeostat import explorable


def test_predict_has_a_labelled_choice_for_every_option_and_keeps_the_answer_hidden():
    html = predict("t1", "What happens?", ["A <b>", "B"], reveal="It was B.").data
    assert html.count('type="radio"') == 2 and html.count('<label for="predict-t1-') == 2
    assert "A &lt;b&gt;" in html                      # options are escaped
    # revealed only on request, as what the figure shows
    assert "<template><p><strong>The figure shows:</strong> It was B.</p></template>" in html
    assert "You predicted:" in html
    # The component never stores or sends anything itself; it hands the choice to the site's
    # progress store, which writes only when the reader has turned it on.
    assert "fetch(" not in html and "XMLHttpRequest" not in html and "localStorage" not in html
    assert 'put("predictions"' in html and "belonging-progress-ready" in html
    assert 'var key = "t1";' in html
    assert "belonging-predict-figure" not in html     # no figure named, no link


def test_predict_names_and_links_the_figure_it_is_about():
    html = predict("t2", "Q?", ["a", "b"], reveal="r", figure="t2-figure", figure_title="Belonging & time").data
    about = html.split('<p class="belonging-predict-figure" id="predict-t2-figure">', 1)[1].split("</p>", 1)[0]
    assert about == 'This prediction is about the figure <a href="#t2-figure">Belonging &amp; time</a>.'
    # named just above the prompt's card, before the options
    assert html.index("belonging-predict-figure") < html.index('<section class="belonging-predict"')


@pytest.mark.parametrize("kwargs", [
    dict(key="Bad Key"), dict(options=["only one"]), dict(options="AB"),
    dict(figure="fig-a"),                                   # an anchor without the title it links to
    dict(figure_title="A figure"),                          # a title without an anchor
    dict(figure="#fig-a", figure_title="A figure"),         # the anchor, not a link
    dict(figure="Fig A", figure_title="A figure"),
    dict(figure="fig-a", figure_title="   "),
])
def test_predict_rejects_bad_input(kwargs):
    args = dict(key="ok", question="Q?", options=["a", "b"], reveal="r") | kwargs
    with pytest.raises(ValueError):
        predict(**args)


@pytest.mark.parametrize("kwargs, named", [
    (dict(figure="fig-a"), "figure"), (dict(figure_title="A figure"), "figure"),
    (dict(figure="#fig-a", figure_title="A figure"), "figure must be the anchor"),
    (dict(figure="fig-a", figure_title=""), "figure_title"),
])
def test_predict_errors_name_the_parameter(kwargs, named):
    with pytest.raises(ValueError, match=named):
        predict("ok", "Q?", ["a", "b"], reveal="r", **kwargs)


def test_predict_marks_the_options_that_match_the_figure_for_the_reveal():
    assert " data-expected=" not in predict("t3", "Q?", ["a", "b"], reveal="r").data
    assert ' data-expected="1"' in predict("t3", "Q?", ["a", "b"], reveal="r", expected=1).data
    both = predict("t3", "Q?", ["a", "b", "c"], reveal="r", expected=[2, 0]).data
    assert ' data-expected="0,2"' in both
    assert "Your prediction matches what the figure shows." in both and "Not what the figure shows" in both


@pytest.mark.parametrize("expected", [2, -1, [], [0, 0], [0, 5], "1", 1.0, True, [True]])
def test_predict_refuses_an_expected_option_that_is_not_one(expected):
    with pytest.raises(ValueError, match="^expected must be an option's index from 0 to 1"):
        predict("ok", "Q?", ["a", "b"], reveal="r", expected=expected)


def test_predict_options_draw_their_own_circles_empty_until_chosen():
    """The site's stylesheet draws the radios (appearance: none) in the card's own colours, so
    the browser's dark-scheme radios, filled grey discs, never show on a prompt."""
    from pathlib import Path
    css = (Path(__file__).resolve().parents[2] / "book" / "_static" / "belonging.css").read_text("utf-8")
    rule = css.split(".belonging-predict-option input {", 1)[1].split("}", 1)[0]
    assert "appearance: none" in rule and "background: transparent" in rule
    assert ".belonging-predict-option input:checked" in css


def test_explorable_html_carries_its_data_and_text_alternative():
    ex = explorable()
    html = ex.to_html()
    data = html.split('type="application/json"')[1].split(">", 1)[1].split("</script>")[0]
    assert json.loads(data.replace("<\\/", "</"))["data"]
    assert ex.summary[:40] in html.replace("&#x27;", "'")
    assert ex.element_id == explorable().element_id  # stable ids: reproducible pages


def test_every_chapter_prediction_says_which_option_the_figure_matches():
    """The trial's reader: a revealed prediction never said whether it matched (issue 18, item 9)."""
    import re
    from pathlib import Path
    chapters = Path(__file__).resolve().parents[2] / "book" / "chapters"
    calls = 0
    for path in sorted(chapters.glob("[0-9][0-9]-*.md")):
        for block in re.findall(r"\bpredict\(\n(.*?)\n\)", path.read_text("utf-8"), re.S):
            calls += 1
            key = re.search(r'"([a-z0-9-]+)"', block).group(1)
            assert re.search(r"\n    expected=\[?\d", block), f"{path.name}: prediction {key} gives no expected option"
    assert calls >= 12  # every chapter but the last two has at least one
