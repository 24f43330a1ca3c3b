"""One colour-blind-safe palette for every figure in the course.

Okabe & Ito's eight colours, reordered so that the first five have at least 3:1 contrast
against the figures' white background, as WCAG 1.4.11 asks of lines, markers and bars a
reader needs (black is fifth; orange, sky blue and yellow, all under 3:1, come last and
should not carry data). Lines also cycle through dash styles, so no figure relies on
colour alone.
"""
from __future__ import annotations

COLOURS = (
    "#0072B2",  # blue
    "#D55E00",  # vermillion
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#000000",  # black
    "#E69F00",  # orange
    "#56B4E9",  # sky blue
    "#F0E442",  # yellow
)
BLACK = COLOURS[4]
#: The colours that may carry data (at least 3:1 on white); traces past the fifth reuse them
#: with a different dash, so a figure with many lines (eight acquaintances) stays legible.
DATA_COLOURS = COLOURS[:5]
DASHES = ("solid", "dash", "dot", "dashdot", "longdash", "longdashdot")
REFERENCE = "#595959"  # grey for set points and reference lines (7:1 on white)
SHADE = "#e6e6e6"      # light grey for gridlines and shaded periods (never carries meaning alone)

FONT = dict(family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif", size=14, color="#1a1a1a")


def colour(i: int) -> str:
    return DATA_COLOURS[i % len(DATA_COLOURS)]


def dash(i: int) -> str:
    return DASHES[i % len(DASHES)]


def contrast_on_white(hex_colour: str) -> float:
    """WCAG's contrast ratio of a "#rrggbb" colour against white (1 to 21)."""
    channels = [int(hex_colour.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05)
