"""Page components and the explorable's HTML: self-contained, accessible, reject bad input."""
import json

import pytest

from belonging.present.components import predict
from belonging.present.homeostat import explorable


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


def test_explorable_html_carries_its_data_and_text_alternative():
    ex = explorable()
    html = ex.to_html()
    data = html.split('type="application/json"')[1].split(">", 1)[1].split("</script>")[0]
    assert json.loads(data.replace("<\\/", "</"))["data"]
    assert ex.summary[:40] in html.replace("&#x27;", "'")
    assert ex.element_id == explorable().element_id  # stable ids: reproducible pages
