"""The overlay legend on screen: a one-line strip under the map, outside the scrolled area.

The legend used to sit in the scene below the journey's grid. At 1366×768 the map at a
readable zoom is taller than the window, so the legend was out of view until one scrolled
to the bottom, and a legend floating over the map would cover cards. The view keeps a strip
below its viewport (`QAbstractScrollArea.setViewportMargins`): always in view, never over a
card, one text line high so the map keeps its room. The scene's legend item stays for
exported pictures (their own scenes); in the window it is hidden, the strip says the same.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QLinearGradient, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from cxmapper.present.heat import HEAT_STOPS
from cxmapper.ui.canvas import style

if TYPE_CHECKING:
    from PySide6.QtWidgets import QGraphicsView

    from cxmapper.ui.canvas.overlay import LegendItem

PAD = 8.0  # px around and between the strip's parts
BAR_W = 90.0  # px of the heat scale
DASH_W = 20.0


class LegendStrip(QWidget):
    """What the legend says (caption, the scale's two ends, the dashed paths) in one line."""

    def __init__(self, view: QGraphicsView) -> None:
        super().__init__(view)
        self.view = view
        self.caption = ""
        self.scale: tuple[str, str] = ("", "")
        self.paths = ""
        self.setObjectName("legendStrip")
        self.setAutoFillBackground(False)
        view.viewport().installEventFilter(self)  # follows the viewport's size
        self.hide()

    def font_metrics(self) -> QFontMetricsF:
        return QFontMetricsF(style.font(8.0))

    def strip_height(self) -> int:
        return int(self.font_metrics().height() + 8)

    def show_legend(self, item: LegendItem | None) -> None:
        """The scene made a new legend (or none): show it here, hide the scene's copy."""
        if item is not None:
            item.setVisible(False)
            self.scale = item.scale_ends
            self.caption, self.paths = item.text, item.paths
        on = item is not None and bool(self.caption)
        self.view.setViewportMargins(0, 0, 0, self.strip_height() if on else 0)
        self.setVisible(on)
        lines = [self.caption, " … ".join(t for t in self.scale if t), self.paths]
        self.setToolTip("\n".join(t for t in lines if t) if on else "")
        self.place()
        self.update()

    def place(self) -> None:
        vp = self.view.viewport().geometry()
        self.setGeometry(vp.left(), vp.bottom() + 1, vp.width(), self.strip_height())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.isVisible():
            self.place()
        return False

    def parts(self) -> tuple[str, str, str, str]:
        """Caption, low end, high end and paths note as drawn, each elided to its share of
        the strip's width: the scale's ends keep all but 160 px of it (at least 60 %), the
        caption and the paths note share the rest (a note with no room is left out); the
        tooltip holds all of it."""
        fm = self.font_metrics()
        adv = fm.horizontalAdvance
        low, high = self.scale
        room = self.width() - BAR_W - 6 * PAD - (DASH_W + PAD if self.paths else 0.0)
        ends = max(adv(low) + adv(high), 1.0)
        ends_room = min(ends, max(room - 160.0, room * 0.6, 0.0))
        rest = max(room - ends_room, 0.0)
        caption_room = min(adv(self.caption), max(rest * 0.5, rest - adv(self.paths)))
        paths_room = rest - caption_room

        def elide(text: str, width: float) -> str:
            return fm.elidedText(text, Qt.TextElideMode.ElideRight, max(width, 0.0))

        paths = elide(self.paths, paths_room) if paths_room >= 40 else ""
        return (
            elide(self.caption, caption_room),
            elide(low, ends_room * adv(low) / ends),
            elide(high, ends_room * adv(high) / ends),
            paths,
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), style.CARD_BG)
        painter.setPen(QPen(style.CARD_BORDER))
        painter.drawLine(QPointF(0, 0.5), QPointF(self.width(), 0.5))
        painter.setFont(style.font(8.0))
        fm = self.font_metrics()
        caption, low, high, paths = self.parts()
        h = float(self.height())
        mid = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        x = PAD
        painter.setPen(style.INK)
        for text in (caption, low):
            if text:
                painter.drawText(QRectF(x, 0, fm.horizontalAdvance(text) + 2, h), mid, text)
                x += fm.horizontalAdvance(text) + PAD
        bar = QRectF(x, (h - 10) / 2, BAR_W, 10)
        gradient = QLinearGradient(bar.topLeft(), bar.topRight())
        for i in range(len(HEAT_STOPS)):  # the scale's own stops, as the scene's legend
            stop = i / (len(HEAT_STOPS) - 1)
            gradient.setColorAt(stop, style.heat_colour(stop))
        painter.setPen(QPen(style.CARD_BORDER))
        painter.setBrush(gradient)
        painter.drawRect(bar)
        x = bar.right() + PAD
        painter.setPen(style.INK)
        if high:
            painter.drawText(QRectF(x, 0, fm.horizontalAdvance(high) + 2, h), mid, high)
            x += fm.horizontalAdvance(high) + 2 * PAD
        if paths:
            pen = QPen(style.UNEXPECTED)
            pen.setWidthF(1.5)
            pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawLine(QPointF(x, h / 2), QPointF(x + DASH_W, h / 2))
            x += DASH_W + PAD / 2
            painter.setPen(style.INK)
            painter.drawText(QRectF(x, 0, self.width() - x, h), mid, paths)
