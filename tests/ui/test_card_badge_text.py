"""A card's KPI badges hold their whole text, on the canvas and in presentation mode (F11):
the pill is sized with the font its text is drawn in. (In presentation mode the text was drawn
in the larger owner font, so "✓ Drop-off rate 35.2" showed as "Drop-off rate 35." in a pill
measured for the badge font.)"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QFontMetricsF, QImage, QPainter
from PySide6.QtWidgets import QStyleOptionGraphicsItem
from pytestqt.qtbot import QtBot

from cxmapper.ui.canvas.items.card import Badge, CardContent, CardItem

BADGES = (Badge("✓ Drop-off rate 35.2", "green"), Badge("✗ CES 3.85", "red"))


class SpyPainter(QPainter):
    """Records every text drawn into a rectangle, with the width it takes in the font used."""

    def __init__(self, image: QImage) -> None:
        super().__init__(image)
        self.texts: list[tuple[str, QRectF, float]] = []

    def drawText(self, *args: object) -> None:
        if len(args) >= 3 and isinstance(args[0], QRectF) and isinstance(args[2], str):
            width = QFontMetricsF(self.font()).horizontalAdvance(args[2])
            self.texts.append((args[2], args[0], width))
        super().drawText(*args)  # type: ignore[call-overload]


@pytest.mark.parametrize("presentation", [False, True], ids=["canvas", "presentation"])
def test_badge_text_fits_its_pill(qtbot: QtBot, presentation: bool) -> None:
    item = CardItem("t", CardContent("Cart", channel="web", owner="Tom Becker", badges=BADGES),
                    200, 84)  # fmt: skip
    item.set_presentation(presentation)
    image = QImage(220, 100, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = SpyPainter(image)
    try:
        item.paint(painter, QStyleOptionGraphicsItem())
    finally:
        painter.end()
    drawn = {text: (rect, width) for text, rect, width in painter.texts}
    assert "✓ Drop-off rate 35.2" in drawn
    for text in ("✓ Drop-off rate 35.2", "✗ CES 3.85"):
        if text in drawn:  # the second may fold into "+1" when the card is narrow
            rect, width = drawn[text]
            assert width <= rect.width(), f"{text!r}: {width:.1f} px in a {rect.width():.1f} pill"
