"""The overlay legend on screen: a one-line strip under the map, outside the scrolled area.

The legend used to sit in the scene below the journey's grid. At 1366×768 the map at a
readable zoom is taller than the window, so the legend was out of view until one scrolled
to the bottom, and a legend floating over the map would cover cards. The view keeps a strip
below its viewport (`QAbstractScrollArea.setViewportMargins`): always in view, never over a
card, one text line high so the map keeps its room. The scene's legend item stays for
exported pictures (their own scenes); in the window it is hidden, the strip says the same.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

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
            # LegendItem's `scale` attribute hides QGraphicsItem.scale() from the checker
            self.scale = cast("tuple[str, str]", item.scale)
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
        """Caption, low end, high end and paths note as drawn: elided to the strip's width
        (the caption gives way first), whole in the tooltip."""
        fm = self.font_metrics()
        low, high = self.scale
        fixed = BAR_W + fm.horizontalAdvance(low) + fm.horizontalAdvance(high) + 6 * PAD
        paths = self.paths
        room = self.width() - fixed
        if paths:
            room -= DASH_W + PAD
            paths_w = min(fm.horizontalAdvance(paths), max(room * 0.45, 60.0))
            paths = fm.elidedText(paths, Qt.TextElideMode.ElideRight, paths_w)
            room -= fm.horizontalAdvance(paths)
        caption = fm.elidedText(self.caption, Qt.TextElideMode.ElideRight, max(room, 40.0))
        return caption, low, high, paths

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
