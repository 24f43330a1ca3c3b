"""How scripts/make_slides.py turns the course's MyST text into slide text, without a built site:
citations as the site prints them, sentences kept whole, cuts at the word limit."""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
import make_slides  # noqa: E402


def test_roles_read_as_the_site_prints_them():
    text = ("**Belonging** (or *{term}`belongingness`*) is {term}`lonely <Loneliness>` work, says "
            "{cite:t}`baumeister1995need` {cite:p}`baumeister1995need{p. 497},hall2019how`; see the "
            "{doc}`welcome page <../intro>` and {cite:p}`hall2020relating{ch. 3, pp. 48–69}`.")
    assert make_slides.plain(text) == (
        "Belonging (or belongingness) is lonely work, says Baumeister and Leary (1995) "
        "(Baumeister and Leary, 1995, p. 497; Hall, 2019); see the welcome page and "
        "(Hall, 2020, ch. 3, pp. 48–69).")
    assert make_slides.plain("{cite:t}`cacioppo2009alone`").startswith("Cacioppo et al. (2009)")


def test_sentences_do_not_end_at_abbreviations():
    text = "When Hughes et al. (2004) asked (p. 497), people said no. The loneliness loop. It turns."
    assert make_slides.sentences(text) == [
        "When Hughes et al. (2004) asked (p. 497), people said no.", "The loneliness loop.", "It turns."]


def test_trim_keeps_whole_sentences_within_the_limit():
    first = "One two three four five six seven eight nine ten."
    assert make_slides.trim(f"{first} {first}", limit=15) == first
    assert make_slides.trim(f"{first} {first}", limit=20) == f"{first} {first}"
    cut = make_slides.trim("a b c d e f g h i j k l, m n o p q r s t u v w x y z.", limit=20)
    assert cut == "a b c d e f g h i j k l …" and make_slides.words(cut) <= 20
    # a short first sentence is followed by as much of the next as fits
    cut = make_slides.trim("Closeness has a price. To get what it can give, you depend on others, and they "
                           "can let you down in many small ways.", limit=16)
    assert cut == "Closeness has a price. To get what it can give, you depend on others …"


def test_chunks_share_the_items_evenly_within_the_limit():
    items = ["one two three"] * 5
    assert [len(c) for c in make_slides.in_chunks(items, 9)] == [3, 2]
    assert all(make_slides.words(" ".join(c)) <= 9 for c in make_slides.in_chunks(items, 9))
