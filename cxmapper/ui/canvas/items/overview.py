"""Far-zoom overview of a big journey: every card and arrow drawn by one item.

At fit-to-window a 2,000-card map makes each card a few pixels wide; drawing 5,000 separate
items then costs several frames of per-item overhead. Below a zoom threshold the scene hides
the cards and arrows and shows this single item instead (batched rectangles and one path).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from cxmapper.ui.canvas import style

Z_OVERVIEW = 12.0


class OverviewItem(QGraphicsItem):
    def __init__(self) -> None:
        super().__init__()
        self._rect = QRectF()
        self._cards: list[QRectF] = []
        self._strips: dict[str, list[QRectF]] = {}
        self._dimmed: list[QRectF] = []
        self._arrows = QPainterPath()
        self.setZValue(Z_OVERVIEW)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def set_content(
        self,
        rect: QRectF,
        cards: Sequence[tuple[tuple[float, float, float, float], QColor | None, bool]],
        arrows: QPainterPath,
    ) -> None:
        """`cards`: (x, y, w, h), channel colour, dimmed; `arrows`: all connector paths."""
        self.prepareGeometryChange()
        self._rect = QRectF(rect)
        self._cards, self._dimmed, self._strips = [], [], {}
        for (x, y, w, h), colour, dimmed in cards:
            (self._dimmed if dimmed else self._cards).append(QRectF(x, y, w, h))
            if colour is not None:
                self._strips.setdefault(colour.name(), []).append(QRectF(x, y, 6, h))
        self._arrows = arrows
        self.update()

    @property
    def card_count(self) -> int:
        return len(self._cards) + len(self._dimmed)

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setPen(QPen(style.CONNECTOR, 0))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self._arrows)
        painter.setPen(QPen(style.CARD_BORDER, 0))
        painter.setBrush(style.CARD_BG)
        painter.drawRects(self._cards)
        painter.setBrush(QColor(255, 255, 255, 90))
        painter.drawRects(self._dimmed)
        painter.setPen(Qt.PenStyle.NoPen)
        for name, rects in self._strips.items():
            painter.setBrush(QColor(name))
            painter.drawRects(rects)
