"""The private reflection's Python side: labels, the not-a-test and privacy statements,
no storage or network APIs, no external links, escaping, unique ids, and refusal of bad
arguments with an error that names the parameter."""
import json
import re

import pytest

from belonging.pages import reflection as rf


def _html(**kwargs) -> str:
    return rf.reflection(**kwargs).data


def _config(page: str, key: str) -> dict:
    match = re.search(rf'<script type="application/json" id="reflection-{key}-data">(.*?)</script>', page, re.S)
    return json.loads(match.group(1).replace("<\\/", "</"))


def test_every_text_area_has_its_own_label_naming_its_prompt():
    page = _html(key="k")
    areas = re.findall(r'<textarea id="([^"]+)"', page)
    assert len(areas) == len(rf.PROMPTS) >= 3
    for i, (area, prompt) in enumerate(zip(areas, rf.PROMPTS), start=1):
        label = re.search(rf'<label for="{area}">(.*?)</label>', page, re.S)
        assert label, f"text area {area} has no label"
        assert label.group(1).startswith(f"{i}. ") and rf.PROMPTS[i - 1][:40] in label.group(1).replace("&#x27;", "'")
    assert page.count("<label") == len(areas)


def test_page_says_it_is_not_a_test_not_a_scale_and_that_nothing_is_stored_or_sent():
    text = re.sub(r"<[^>]+>", " ", _html().split("<script", 1)[0].split("</style>", 1)[1])
    text = " ".join(text.split())
    assert "This is not a test of anything." in text
    assert "not items from any validated questionnaire" in text
    assert "it is never stored or sent anywhere" in text
    assert "only which prompts you wrote in, never what you wrote" in text
    assert "download your answers as a plain-text file" in text


def test_no_storage_network_or_external_urls_in_the_markup_or_script():
    page = _html()
    for forbidden in ("localStorage", "sessionStorage", "document.cookie", "indexedDB", "fetch(", "XMLHttpRequest",
                      "sendBeacon", "WebSocket", "EventSource", "import(", "<iframe", "<img", "src="):
        assert forbidden not in page, forbidden
    assert not re.search(r"(https?:)?//[a-z0-9]", page.replace("</", "")), "an external URL is on the page"
    # The download is made in the browser.
    for needed in ("new Blob(", "URL.createObjectURL(", "link.download", "URL.revokeObjectURL("):
        assert needed in page


def test_download_button_and_polite_status_are_present():
    page = _html(key="x")
    assert re.search(r'<button type="button" data-action="download"[^>]*>Download my answers', page)
    assert '<p class="brf-status" role="status" aria-live="polite" aria-atomic="true"></p>' in page


def test_ids_are_unique_per_key_and_two_reflections_can_share_a_page():
    page = _html(key="one") + _html(key="two")
    ids = re.findall(r'\bid="([^"]+)"', page)
    assert len(ids) == len(set(ids))
    assert all(i.startswith(("reflection-one", "reflection-two")) for i in ids)
    assert 'document.getElementById("reflection-one")' in page and 'document.getElementById("reflection-two")' in page


def test_prompts_title_and_filename_reach_the_page_escaped():
    page = _html(key="e", prompts=["What <b>matters</b> to you?", 'Say "hi"'], title="Mine & yours",
                 filename="notes_1.txt")
    assert "What &lt;b&gt;matters&lt;/b&gt; to you?" in page and "<b>matters" not in page.split("<script", 1)[0]
    assert "Mine &amp; yours" in page
    config = _config(page, "e")
    assert config["prompts"] == ["What <b>matters</b> to you?", 'Say "hi"']
    assert config["filename"] == "notes_1.txt" and config["heading"] == "Mine & yours"
    assert page.count("<textarea") == 2


def test_embedded_json_cannot_close_the_script():
    page = _html(key="j", prompts=["a </script><script>alert(1)</script> b"])
    data = page.split('-data">', 1)[1].split("</script>", 1)[0]
    assert "</" not in data
    assert _config(page, "j")["prompts"] == ["a </script><script>alert(1)</script> b"]


def test_help_link_is_escaped_and_optional():
    assert f'href="{rf.DEFAULT_HELP}"' in _html()
    page = _html(help_href='../intro.html#x" onmouseover="alert(1)')
    assert 'onmouseover="alert' not in page and "&quot; onmouseover=&quot;" in page
    no_link = _html(help_href=None)
    assert "welcome page</a>" not in no_link and "welcome page lists places to find support" in no_link


def test_default_prompts_are_open_questions_not_rating_items():
    for prompt in rf.PROMPTS:
        assert prompt.rstrip().endswith("?")
        assert not re.search(r"\b(agree|disagree|never|rarely|sometimes|often|always|scale|score)\b", prompt, re.I)


@pytest.mark.parametrize("key", ["", "Has Space", "UPPER", "a" * 80, "x<y", None, 4])
def test_bad_key_is_refused(key):
    with pytest.raises(ValueError, match="^key must be"):
        rf.reflection(key=key)


@pytest.mark.parametrize("kwargs, name", [
    (dict(prompts=[]), "prompts"), (dict(prompts="one prompt"), "prompts"), (dict(prompts=["ok", ""]), "prompts"),
    (dict(prompts=["ok", 3]), "prompts"), (dict(prompts=["q"] * 9), "prompts"), (dict(prompts=["x" * 401]), "prompts"),
    (dict(prompts=["same", "same"]), "prompts"), (dict(prompts=None), "prompts"),
    (dict(title=""), "title"), (dict(title=None), "title"), (dict(title="t" * 121), "title"),
    (dict(filename="notes.pdf"), "filename"), (dict(filename="../x.txt"), "filename"),
    (dict(filename="a b.txt"), "filename"), (dict(filename=7), "filename"), (dict(filename=".txt"), "filename"),
    (dict(help_href="javascript:alert(1)"), "help_href"), (dict(help_href=""), "help_href"),
    (dict(help_href=5), "help_href"),
])
def test_bad_arguments_raise_value_error_naming_the_parameter(kwargs, name):
    with pytest.raises(ValueError, match=f"^{name} must"):
        rf.reflection(**kwargs)


def test_limits_are_accepted_at_the_boundary():
    page = _html(prompts=[f"Prompt {i}?" for i in range(rf.MAX_PROMPTS)], title="t" * 120,
                 filename="a" * 60 + ".txt")
    assert page.count("<textarea") == rf.MAX_PROMPTS
    assert page.count("<textarea") == len(_config(page, "reflection")["prompts"])
    assert _html(prompts=["x" * rf.MAX_PROMPT_CHARS]).count("<textarea") == 1


def test_the_page_asks_before_writing_is_lost_and_dates_the_file_in_words():
    page = _html()
    config = _config(page, "reflection")
    assert "Leaving this page loses what you wrote" in config["leave"] and "Download my answers" in config["leave"]
    assert 'addEventListener("beforeunload"' in page and "window.confirm(cfg.leave)" in page
    # "6 December 2026", not the browser's numeric short date ("12/6/2026" reads as June elsewhere).
    # A discarded background tab cannot ask, and nothing is stored: the page says so.
    assert "A phone may also close a page left in the background, so download before" in page
    assert "toLocaleDateString" not in page and '"December"' in page and "longDate(new Date())" in page
