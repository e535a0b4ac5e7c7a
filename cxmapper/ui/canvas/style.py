"""Colours and fonts of the canvas as Qt objects, so presentation mode can scale them. The
channel palette and the heat scale are `cxmapper.present`'s, shared with pictures and Excel."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from PySide6.QtGui import QColor, QFont

from cxmapper.present import heat, palette

INK = QColor("#1f2933")
MUTED = QColor("#616e7c")
GRID = QColor("#d9dee4")
CANVAS_BG = QColor("#f4f6f8")
LANE_BG = (QColor("#ffffff"), QColor("#f8fafc"))
HEADER_BG = QColor("#2f3e4e")
HEADER_INK = QColor("#ffffff")
LANE_HEADER_BG = QColor("#e6eaef")
ACCENT = QColor("#2563eb")
HIGHLIGHT = QColor("#b45309")  # find ring and goal star: 3:1 on cards and lanes (WCAG 1.4.11)
CONNECTOR = QColor("#3e4c59")
UNEXPECTED = QColor("#c2410c")
CARD_BG = QColor("#ffffff")
CARD_BORDER = QColor("#c5ccd5")
# KPI badges carry white text: every fill keeps WCAG AA (4.5:1) with it (tests/ui/test_contrast.py),
# and a mark says the status without colour (✓ on target, ! near it, ✗ off it)
STATUS_COLOURS = {
    "green": QColor("#15803d"),
    "amber": QColor("#b45309"),
    "red": QColor("#dc2626"),
    "none": QColor("#64748b"),
}
STATUS_MARKS = {"green": "✓", "amber": "!", "red": "✗", "none": ""}
# the emotion curve's dots and the cards' faces: at least 3:1 (a graphical mark, WCAG 1.4.11)
# on white, on the emotion lane's green and red wash, and with the face's white features;
# the score is also told by the dot's height, the face's mouth and the tooltip
EMOTION_COLOURS = {
    -2: QColor("#dc2626"),
    -1: QColor("#c2410c"),
    0: QColor("#64748b"),
    1: QColor("#4d7c0f"),
    2: QColor("#15803d"),
}


@dataclass(frozen=True)
class Channel:
    letter: str
    colour: QColor


def channel_style(name: str) -> Channel | None:
    """The glyph and colour of a channel from the one palette (`present.palette`); unknown
    names get a neutral dot, empty gets None."""
    chan = palette.channel_style(name)
    return None if chan is None else _qt_channel(chan.glyph, chan.colour)


@cache
def _qt_channel(glyph: str, colour: str) -> Channel:
    return Channel(glyph, QColor(colour))


def heat_colour(fraction: float) -> QColor:
    """The overlay heat scale (0..1) of `present.heat`, shared with pictures and workbook."""
    return QColor(*heat.heat_rgb(fraction))


def heat_ink(fraction: float) -> QColor:
    """Text on a card tinted `heat_colour(fraction)`: dark or white, for contrast."""
    return QColor(*heat.heat_ink(fraction))


def font(point_size: float, bold: bool = False) -> QFont:
    f = QFont()
    f.setPointSizeF(point_size)
    f.setBold(bold)
    return f
