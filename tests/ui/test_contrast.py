"""Text on every colour of the palette keeps WCAG AA contrast (4.5:1), and KPI status is not
told by colour alone.

The pairs are those the painters use: white glyphs on channel colours and white text on KPI
badges (canvas), dark text on workbook tints and on every heat step (canvas, pictures, Excel),
grey secondary text on cards and lanes, and coloured status words in the inspector.
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor

from cxmapper.present import heat, palette
from cxmapper.present.labels import emotion_short
from cxmapper.ui.canvas import diff_layer, style
from cxmapper.ui.canvas.items import grid
from cxmapper.ui.inspector import touchpoint_kpis

AA = 4.5
WHITE = (255, 255, 255)


def rgb(colour: QColor | str) -> tuple[int, int, int]:
    q = QColor(colour) if isinstance(colour, str) else colour
    return (q.red(), q.green(), q.blue())


def tint(hex6: str) -> tuple[int, int, int]:
    return rgb("#" + hex6)


CHANNELS = [*palette.CHANNELS.values(), palette.OTHER_CHANNEL]


@pytest.mark.parametrize("channel", CHANNELS, ids=lambda c: c.key)
def test_channel_glyph_and_workbook_tint(channel: palette.Channel) -> None:
    assert heat.contrast(rgb(channel.colour), rgb(style.HEADER_INK)) >= AA
    assert heat.contrast(tint(channel.tint), rgb(style.INK)) >= AA


@pytest.mark.parametrize("spare", palette._SPARE)
def test_spare_tints_of_unknown_channels(spare: str) -> None:
    assert heat.contrast(tint(spare), rgb(style.INK)) >= AA


@pytest.mark.parametrize("state", sorted(style.STATUS_COLOURS))
def test_kpi_badges_and_status_words(state: str) -> None:
    assert heat.contrast(rgb(style.STATUS_COLOURS[state]), rgb(style.HEADER_INK)) >= AA
    assert heat.contrast(rgb(touchpoint_kpis.STATUS_COLOURS[state]), WHITE) >= AA


@pytest.mark.parametrize("step", [i / 20 for i in range(21)] + [None])
def test_every_heat_step_with_its_ink(step: float | None) -> None:
    assert heat.contrast(heat.heat_rgb(step), heat.heat_ink(step)) >= AA


@pytest.mark.parametrize(
    ("fg", "bg"),
    [
        (style.INK, style.CARD_BG),
        (style.MUTED, style.CARD_BG),
        (style.MUTED, style.LANE_BG[0]),
        (style.MUTED, style.LANE_BG[1]),
        (style.MUTED, style.CANVAS_BG),
        (style.INK, style.LANE_HEADER_BG),
        (style.HEADER_INK, style.HEADER_BG),
        (style.HEADER_INK, style.INK),  # the overlay label on a card
    ],
)
def test_canvas_text(fg: QColor, bg: QColor) -> None:
    assert heat.contrast(rgb(fg), rgb(bg)) >= AA


def test_status_has_a_mark_besides_its_colour() -> None:
    marks = [style.STATUS_MARKS[s] for s in ("green", "amber", "red")]
    assert all(marks) and len(set(marks)) == 3


# -- graphical marks: 3:1 against what they sit on (WCAG 2.1, 1.4.11 non-text contrast) -------

MARK = 3.0
EMOTION_GROUNDS = [*grid.EMOTION_BAND, style.CARD_BG]  # the curve's lane wash, a card's face


@pytest.mark.parametrize("score", sorted(style.EMOTION_COLOURS))
def test_emotion_dots_and_faces(score: int) -> None:
    dot = rgb(style.EMOTION_COLOURS[score])
    for ground in EMOTION_GROUNDS:
        assert heat.contrast(dot, rgb(ground)) >= MARK, ground.name()
    assert heat.contrast(dot, rgb(style.HEADER_INK)) >= MARK  # the face's eyes and mouth


@pytest.mark.parametrize(
    "mark",
    [style.ACCENT, style.HIGHLIGHT, style.UNEXPECTED, style.CONNECTOR, style.INK],
    ids=["selection", "find-ring-and-goal-star", "unexpected-path", "connector", "focus-ring"],
)
def test_canvas_marks_on_cards_and_lanes(mark: QColor) -> None:
    for ground in (style.CARD_BG, *style.LANE_BG, style.CANVAS_BG):
        assert heat.contrast(rgb(mark), rgb(ground)) >= MARK, ground.name()


@pytest.mark.parametrize("change", sorted(diff_layer.COLOURS))
def test_version_diff_marks(change: str) -> None:
    for ground in (style.CARD_BG, *style.LANE_BG):
        assert heat.contrast(rgb(diff_layer.COLOURS[change]), rgb(ground)) >= MARK


def test_emotion_is_not_told_by_colour_alone() -> None:
    """Each score has its own word (tooltip, inspector) besides its colour and the dot's height."""
    words = [emotion_short(s) for s in sorted(style.EMOTION_COLOURS)]
    assert all(words) and len(set(words)) == len(words)
