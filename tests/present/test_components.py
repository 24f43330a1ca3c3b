"""Page components and the explorable's HTML: self-contained, accessible, reject bad input."""
import json

import pytest

from belonging.present.components import predict
from belonging.present.homeostat import explorable


def test_predict_has_a_labelled_choice_for_every_option_and_keeps_the_answer_hidden():
    html = predict("t1", "What happens?", ["A <b>", "B"], reveal="It was B.").data
    assert html.count('type="radio"') == 2 and html.count('<label for="predict-t1-') == 2
    assert "A &lt;b&gt;" in html                      # options are escaped
    assert "<template><p>It was B.</p></template>" in html  # revealed only on request
    assert "fetch(" not in html and "XMLHttpRequest" not in html and "localStorage" not in html


@pytest.mark.parametrize("kwargs", [dict(key="Bad Key"), dict(options=["only one"]), dict(options="AB")])
def test_predict_rejects_bad_input(kwargs):
    args = dict(key="ok", question="Q?", options=["a", "b"], reveal="r") | kwargs
    with pytest.raises(ValueError):
        predict(**args)


def test_explorable_html_carries_its_data_and_text_alternative():
    ex = explorable()
    html = ex.to_html()
    data = html.split('type="application/json"')[1].split(">", 1)[1].split("</script>")[0]
    assert json.loads(data.replace("<\\/", "</"))["data"]
    assert ex.summary[:40] in html.replace("&#x27;", "'")
    assert ex.element_id == explorable().element_id  # stable ids: reproducible pages
