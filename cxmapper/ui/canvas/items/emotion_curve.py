"""The emotion curve of an "emotions" lane: a smooth line through the scored cards.

Only cards with a score have a point, each under its card (x is the card's centre; cards
stacked in one column are spread a little around it, left to right in lane order), so the
curve reads as "how the customer feels here" and a new, unscored card changes nothing. Points
are dragged up or down to change a score; the item only reports the final, snapped score
through `on_score` (one undo step per drag). Hovering a point names its card and score.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import NamedTuple

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsSceneHoverEvent,
    QGraphicsSceneMouseEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from cxmapper.present.labels import emotion_short
from cxmapper.ui.canvas import style

Z_EMOTION = 15.0
MARGIN = 20.0
PICK = 9.0
COLUMN_STEP = 18.0  # px between the points of cards stacked in one column
COLUMN_SPREAD = 90.0  # at most this wide in all, so the points stay under their column


class EmotionPoint(NamedTuple):
    tp_id: str
    x: float  # scene x of the card's centre
    score: int  # only scored cards have a point
    title: str


def point_label(point: EmotionPoint) -> str:
    """What hovering a point shows: the card's title and its score."""
    return f"{point.title}: {emotion_short(point.score)}"


def spread_columns(points: Sequence[EmotionPoint]) -> list[EmotionPoint]:
    """Left to right, one x per point: cards stacked in one column share a centre x, and a curve
    through several points at one x runs up and down on the spot and loops back. Such points are
    spread evenly around the column's centre in their given (lane, cell) order, so each stays
    under its card, keeps its own hover label and drag, and the curve only moves forward."""
    ordered = sorted(points, key=lambda p: p.x)  # stable: stacked cards keep their order
    out: list[EmotionPoint] = []
    i = 0
    while i < len(ordered):
        j = i
        while j < len(ordered) and ordered[j].x == ordered[i].x:
            j += 1
        n = j - i
        step = min(COLUMN_STEP, COLUMN_SPREAD / (n - 1)) if n > 1 else 0.0
        for k in range(n):
            out.append(ordered[i + k]._replace(x=ordered[i].x + (k - (n - 1) / 2) * step))
        i = j
    return out


def smooth_path(points: Sequence[QPointF], low: float, high: float) -> QPainterPath:
    """A smooth curve y(x) through the points (cubic Hermite, finite-difference slopes) as cubic
    Béziers: it passes through every point and, as the x of the control points is spaced evenly
    between each pair of points, it never runs backwards however unevenly the points are spaced
    (Catmull-Rom in 2-D loops when neighbours are close). Control points are kept within
    [low, high] so the curve does not overshoot the score range."""

    def clamp(x: float, y: float) -> QPointF:
        return QPointF(x, min(max(y, low), high))

    def slope(i: int) -> float:
        a, b = points[max(i - 1, 0)], points[min(i + 1, len(points) - 1)]
        dx = b.x() - a.x()
        return (b.y() - a.y()) / dx if dx > 1e-9 else 0.0

    path = QPainterPath()
    if not points:
        return path
    path.moveTo(points[0])
    for i in range(len(points) - 1):
        p1, p2 = points[i], points[i + 1]
        third = (p2.x() - p1.x()) / 3.0
        c1 = clamp(p1.x() + third, p1.y() + slope(i) * third)
        c2 = clamp(p2.x() - third, p2.y() - slope(i + 1) * third)
        path.cubicTo(c1, c2, p2)
    return path


class EmotionCurveItem(QGraphicsItem):
    def __init__(self, lane_id: str, on_score: Callable[[str, int], None]) -> None:
        super().__init__()
        self.lane_id = lane_id
        self._on_score = on_score
        self._rect = QRectF()
        self._points: list[EmotionPoint] = []
        self._drag: tuple[int, float] | None = None  # (point index, current y)
        self._hover: int | None = None  # index of the point under the mouse
        self.setZValue(Z_EMOTION)
        self.setAcceptHoverEvents(True)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    # -- model -> item -----------------------------------------------------------------------

    def set_geometry(self, x: float, y: float, w: float, h: float) -> None:
        if QRectF(0, 0, w, h) != self._rect:
            self.prepareGeometryChange()
            self._rect = QRectF(0, 0, w, h)
        self.setPos(x, y)
        self.update()

    def set_points(self, points: Sequence[EmotionPoint]) -> None:
        self._points = spread_columns(points)
        self._drag = None
        self._hover = None
        self.update()

    @property
    def points(self) -> list[EmotionPoint]:
        return list(self._points)

    def score_to_y(self, score: float) -> float:
        half = self._rect.height() / 2
        return half - score * (half - MARGIN) / 2

    def y_to_score(self, y: float) -> int:
        half = self._rect.height() / 2
        return max(-2, min(2, round((half - y) / ((half - MARGIN) / 2))))

    def point_pos(self, index: int) -> QPointF:
        """Where a point is drawn, in item coordinates."""
        p = self._points[index]
        y = self._drag[1] if self._drag and self._drag[0] == index else self.score_to_y(p.score)
        return QPointF(p.x - self.pos().x(), y)

    def curve_path(self) -> QPainterPath:
        """The line through the points, in item coordinates, as painted."""
        pts = [self.point_pos(i) for i in range(len(self._points))]
        return smooth_path(pts, self.score_to_y(2), self.score_to_y(-2))

    def label_at(self, pos: QPointF) -> str:
        """The hover label of the point at `pos` (item coordinates), '' where there is none."""
        index = self._pick(pos)
        return point_label(self._points[index]) if index is not None else ""

    def _pick(self, pos: QPointF) -> int | None:
        best, best_d = None, PICK * PICK
        for i in range(len(self._points)):
            d = self.point_pos(i) - pos
            dist = d.x() * d.x() + d.y() * d.y()
            if dist <= best_d:
                best, best_d = i, dist
        return best

    # -- events ------------------------------------------------------------------------------

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        index = self._pick(event.pos()) if event.button() == Qt.MouseButton.LeftButton else None
        if index is None:
            event.ignore()
            return
        self._drag = (index, self.point_pos(index).y())
        event.accept()

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._drag is None:
            return
        y = min(max(event.pos().y(), MARGIN / 2), self._rect.height() - MARGIN / 2)
        self._drag = (self._drag[0], y)
        self.update()

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._drag is None:
            return
        index, y = self._drag
        self._drag = None
        point = self._points[index]
        score = self.y_to_score(y)
        self.update()
        if score != point.score:
            self._on_score(point.tp_id, score)

    def hoverMoveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        index = self._pick(event.pos())
        if index != self._hover:
            self._hover = index
            self.update()
        if index is None:
            self.setToolTip("")
            self.unsetCursor()
            return
        self.setToolTip(
            QCoreApplication.translate(
                "CanvasItemsEmotionCurve", "{value} (drag up or down to change)"
            ).format(value=point_label(self._points[index]))
        )
        self.setCursor(Qt.CursorShape.SizeVerCursor)

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        if self._hover is not None:
            self._hover = None
            self.update()
        super().hoverLeaveEvent(event)

    # -- painting ----------------------------------------------------------------------------

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        r = self._rect
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(style.GRID, 1, Qt.PenStyle.DashLine))
        painter.drawLine(
            QPointF(r.left(), self.score_to_y(0)), QPointF(r.right(), self.score_to_y(0))
        )
        painter.setFont(style.font(7.0))
        painter.setPen(style.MUTED)
        for s, label in ((2, "+2"), (-2, "−2")):
            painter.drawText(QPointF(r.left() + 4, self.score_to_y(s) + 4), label)
        if not self._points:
            return
        pts = [self.point_pos(i) for i in range(len(self._points))]
        pen = QPen(style.ACCENT, 2.5)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self.curve_path())
        painter.setPen(QPen(style.CARD_BG, 1.5))
        for p, pos in zip(self._points, pts, strict=True):
            painter.setBrush(style.EMOTION_COLOURS.get(p.score, style.EMOTION_COLOURS[0]))
            painter.drawEllipse(pos, 5.5, 5.5)
        if self._hover is not None and self._hover < len(pts):
            self._paint_label(painter, point_label(self._points[self._hover]), pts[self._hover])

    def _paint_label(self, painter: QPainter, text: str, at: QPointF) -> None:
        """The hovered point's card and score, on a chip beside it, kept inside the lane."""
        font = style.font(8.0, bold=True)
        painter.setFont(font)
        w = QFontMetricsF(font).horizontalAdvance(text) + 12
        r = self._rect
        x = min(max(at.x() - w / 2, r.left() + 2), r.right() - w - 2)
        y = at.y() - 26 if at.y() - 26 > r.top() + 2 else at.y() + 10
        chip = QRectF(x, y, w, 16)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(style.INK)
        painter.drawRoundedRect(chip, 8, 8)
        painter.setPen(style.HEADER_INK)
        painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, text)
