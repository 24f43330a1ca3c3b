"""The figures' palette: data is drawn only in colours a reader can see against the white figure.

WCAG 1.4.11 asks 3:1 of the graphics a reader needs. tests/site/test_figures.py checks the
figures the site ships; this checks the palette itself and every figure any module can build
(the explorables registry includes figures for the exercises and the models page)."""
from __future__ import annotations

import pytest

from belonging.figures import friendship, palette
from belonging.figures.palette import contrast_on_white
from belonging.figures.explorable import Explorable


def test_the_contrast_formula_is_wcags():
    assert round(contrast_on_white("#767676"), 1) == 4.5 and round(contrast_on_white("#000000"), 1) == 21.0


def test_every_colour_a_trace_can_be_given_stands_out_from_white():
    assert all(contrast_on_white(palette.colour(i)) >= 3 for i in range(40))
    # and the three light Okabe-Ito colours are the ones kept out of it
    assert sorted(c for c in palette.COLOURS if contrast_on_white(c) < 3) == ["#56B4E9", "#E69F00", "#F0E442"]


def test_thirty_traces_in_a_row_all_look_different():
    """Colours repeat after five, dashes after six: no two of the first 30 share both."""
    looks = [(palette.colour(i), palette.dash(i)) for i in range(30)]
    assert len(set(looks)) == 30


@pytest.mark.parametrize("build", [friendship.acquaintances_figure, friendship.school_versus_leisure_figure])
def test_the_friendship_figures_with_many_lines_use_only_strong_colours(build):
    figure: Explorable = build()
    colours = {trace.line.color for trace in figure.figure.data if trace.line.color}
    assert colours, "the figure's lines have no colours"
    faint = sorted(c for c in colours if contrast_on_white(c) < 3)
    assert not faint, faint
