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

#: The dark theme. The figures are drawn for white paper; on the site's dark theme
#: (belonging-explorable.js) each colour made for white is swapped for its twin here, drawn on
#: DARK_PANEL (the dark card's own colour): ink and black turn light (14:1), the reference grey
#: lightens (7:1), light greys for grids and shading darken, white becomes the panel. The data
#: colours stay: each keeps at least 3:1 on the panel. The script holds the same map (a test
#: compares them).
DARK_PANEL = "#1e2328"
DARK_INK = "#eef1f4"
DARK = {
    "#000000": DARK_INK, "black": DARK_INK, "#1a1a1a": DARK_INK, "rgb(36,36,36)": DARK_INK,
    REFERENCE: "#aab4be", SHADE: "#3a434d", "rgb(232,232,232)": "#3a434d",
    "white": DARK_PANEL, "#ffffff": DARK_PANEL, "#fff": DARK_PANEL,
}

FONT = dict(family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif", size=14, color="#1a1a1a")


def colour(i: int) -> str:
    return DATA_COLOURS[i % len(DATA_COLOURS)]


def dash(i: int) -> str:
    return DASHES[i % len(DASHES)]


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(first: str, second: str) -> float:
    """WCAG's contrast ratio of two "#rrggbb" colours (1 to 21)."""
    high, low = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def contrast_on_white(hex_colour: str) -> float:
    """WCAG's contrast ratio of a "#rrggbb" colour against white (1 to 21)."""
    return contrast(hex_colour, "#ffffff")
