"""The Cyberball component's Python side: escaping, ids, validation, and typical values
that come from the ostracism model rather than from the page."""
import json
import re

import numpy as np
import pytest

from belonging import ostracism
from belonging.pages import cyberball


def _html(**kwargs) -> str:
    return cyberball.game(**kwargs).data


def _config(page: str, key: str) -> dict:
    match = re.search(rf'<script type="application/json" id="cyberball-{key}-data">(.*?)</script>', page, re.S)
    return json.loads(match.group(1).replace("<\\/", "</"))


def test_ids_are_unique_per_game_and_two_games_can_share_a_page():
    page = _html(key="one") + _html(key="two")
    ids = re.findall(r'\bid="([^"]+)"', page)
    assert len(ids) == len(set(ids))
    assert all(i.startswith(("cyberball-one", "cyberball-two")) for i in ids)
    for key in ("one", "two"):
        assert f'document.getElementById("cyberball-{key}")' in page
        assert f'href="#cyberball-{key}-end"' in page
    names = set(re.findall(r'name="([^"]+)"', page))
    assert len(names) == 8  # four needs per game, one radio group each


@pytest.mark.parametrize("key", ["", "Has Space", "UPPER", "a" * 80, "x<y", None, 4])
def test_bad_key_is_refused(key):
    with pytest.raises(ValueError, match="^key must be"):
        cyberball.game(key=key)


@pytest.mark.parametrize("kwargs, name", [
    (dict(throws=5), "throws"), (dict(throws=30.5), "throws"), (dict(throws=1000), "throws"),
    (dict(speed=0), "speed"), (dict(speed=-1), "speed"), (dict(speed="fast"), "speed"),
    (dict(help_href="javascript:alert(1)"), "help_href"), (dict(help_href=""), "help_href"),
    (dict(heading_level=1), "heading_level"), (dict(heading_level=7), "heading_level"),
    (dict(heading_level="4"), "heading_level"),
])
def test_bad_options_name_the_parameter(kwargs, name):
    with pytest.raises(ValueError, match=f"^{name} must be"):
        cyberball.game(**kwargs)


def test_help_link_is_escaped_and_optional():
    page = _html(help_href='../intro.html#x" onmouseover="alert(1)')
    assert 'onmouseover="alert' not in page and "&quot; onmouseover=&quot;" in page
    assert 'href="../intro.html#if-you-are-struggling"' in _html()
    assert "welcome page</a>" not in _html(help_href=None)


def test_embedded_json_cannot_close_the_script():
    page = _html()
    data = page.split('-data">', 1)[1].split("</script>", 1)[0]
    assert "</" not in data


def test_typical_values_come_from_the_model():
    typical = cyberball.typical_values()
    for condition in ostracism.CONDITIONS:
        sample = ostracism.simulate_condition(condition, n=cyberball.TYPICAL_N, seed=0)
        for i, need in enumerate(ostracism.NEEDS):
            row = typical[condition][need]
            assert row["mean"] == round(float(sample.needs[:, i].mean()), 1)
            assert row["low"] == round(float(np.percentile(sample.needs[:, i], 25)), 1)
            assert row["high"] == round(float(np.percentile(sample.needs[:, i], 75)), 1)
    # Left-out players land lower than included ones on every need.
    assert all(typical["exclusion"][n]["mean"] < typical["inclusion"][n]["mean"] for n in ostracism.NEEDS)


def test_page_embeds_and_shows_the_model_values_and_script_settings():
    page = _html(key="k", throws=30, speed=0.5)
    config = _config(page, "k")
    assert config["typical"] == json.loads(json.dumps(cyberball.typical_values()))
    assert config["early"] == ostracism.EARLY_THROWS_IN_EXCLUSION
    assert config["fairShare"] == pytest.approx(ostracism.FAIR_SHARE)
    assert config["toYou"] == pytest.approx(0.5)  # q = share / (1 - share) for a fair third
    assert config["throws"] == 30 and config["speed"] == 0.5
    assert (config["pauseMin"], config["pauseMax"]) == (500, 2000)
    assert 'data-speed="0.5"' in page
    excluded = cyberball.typical_values()["exclusion"]["belonging"]
    # Short cells, so the table fits a phone: "2.2 (1.5–2.9)", with the caption saying what they are.
    assert f"<td>{excluded['mean']:.1f} ({excluded['low']:.1f}–{excluded['high']:.1f})</td>" in page
    assert "in brackets the middle half of players" in page
    assert config["speechGap"] == cyberball.SPEECH_GAP_MS >= 2000
    assert "Hartgerink" in page and "belonging.ostracism" in page


def test_prompts_are_original_and_the_page_is_honest():
    page = _html()
    assert set(cyberball.PROMPTS) == set(ostracism.NEEDS)
    for prompt in cyberball.PROMPTS.values():
        assert prompt in page
    # A few of the Need-Threat Scale's well-known phrasings must not appear.
    for item in ("I felt invisible", "I felt meaningless", "I felt rejected", "I felt like an outsider",
                 "I felt good about myself", "I felt powerful", "My self-esteem was high"):
        assert item.lower() not in page.lower()
    for phrase in ("computer player", "Content note", "Skip the game", "not people", "nothing was recorded",
                   "Play an included round", "fades within minutes", "not a test"):
        assert phrase in page


def test_nothing_is_stored_or_sent():
    page = _html()
    for word in ("localStorage", "sessionStorage", "document.cookie", "fetch(", "XMLHttpRequest",
                 "sendBeacon", "WebSocket", "indexedDB", "https://", "http://", "setInterval"):
        assert word not in page


def test_controls_are_buttons_with_visible_focus_and_reduced_motion():
    page = _html()
    assert page.count('class="bcb-throw"') == 2 and "<button" in page
    assert 'aria-live="polite"' in page and "prefers-reduced-motion: reduce" in page
    assert ":focus-visible" in page
    assert "clearTimeout" in page


def test_html_mime_bundle_for_both_site_and_jupyter():
    shown = cyberball.game(key="bundle")
    assert shown._repr_html_().startswith('<section class="belonging-cyberball"')


@pytest.mark.parametrize("level", [2, 4, 6])
def test_every_stage_title_is_a_heading_at_the_level_asked(level):
    page = _html(heading_level=level)
    titles = re.findall(rf'<h{level} class="bcb-heading" tabindex="-1">([^<]+)</h{level}>', page)
    assert titles == ["How it works", "The game", "How do you feel right now?",
                      "Your answers beside typical players", "What happened"]
    assert 'class="bcb-heading"' not in page.replace(f'<h{level} class="bcb-heading"', "")


def test_the_debrief_offers_both_rounds_again():
    debrief = _html().split('<div data-stage="debrief"', 1)[1]
    assert 'data-act="start-inclusion"' in debrief and 'data-act="start-exclusion"' in debrief


def test_players_are_a_list_a_screen_reader_reads_one_by_one():
    """The trial heard "Sam computer player Alex computer player You the reader has the ball"."""
    page = _html()
    field = page.split('<ul class="bcb-field" aria-label="Players">', 1)[1].split("</ul>", 1)[0]
    assert field.count('<li class="bcb-player"') == 3
    assert field.count('<span class="bcb-sep">, </span>') == 6
    assert '"with the ball"' in page
