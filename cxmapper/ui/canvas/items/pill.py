"""The small rounded label a card carries for a figure (feedback, channel): its text on the KPI
status fill (`style.STATUS_COLOURS`, white text at 4.5:1 or more), sized to its text.

One drawing for every badge, so they look alike and a change of the status palette reaches
all of them; each badge says where on the card it sits.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from cxmapper.ui.canvas import style


class PillItem(QGraphicsItem):
    """A child item of a card that reports no gesture; `height` and `border` per badge."""

    height = 16.0
    border = 1.5  # px of the card-coloured outline that sets it off the card

    def __init__(self, text: str, status: str, tooltip: str, parent: QGraphicsItem) -> None:
        super().__init__(parent)
        self.text = text
        self.status = status
        self._font = style.font(7.0, bold=True)
        self._w = QFontMetricsF(self._font).horizontalAdvance(text) + 12
        self.setZValue(1)
        self.setToolTip(tooltip)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def width(self) -> float:
        return self._w

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, self._w, self.height)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        r = self.boundingRect()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(style.CARD_BG, self.border))
        painter.setBrush(style.STATUS_COLOURS.get(self.status, style.STATUS_COLOURS["none"]))
        painter.drawRoundedRect(r, self.height / 2, self.height / 2)
        painter.setPen(style.HEADER_INK)
        painter.setFont(self._font)
        painter.drawText(r, Qt.AlignmentFlag.AlignCenter, self.text)
