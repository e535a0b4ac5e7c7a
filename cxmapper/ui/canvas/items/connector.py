"""Connector arrows between cards.

Painted by Qt's C++ QGraphicsPathItem (no Python paint override): with thousands of arrows
a Python paint call each would cost more than a frame. For the same reason connectors are not
Qt-selectable (Qt would draw its dashed selection box); the scene tracks their selection and
restyles the pen.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import cache

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPainterPathStroker, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsRectItem,
    QGraphicsSimpleTextItem,
    QStyleOptionGraphicsItem,
    QWidget,
)

from cxmapper.ui.canvas import style
from cxmapper.ui.canvas.items.gutter_route import gutter_route

Z_CONNECTOR = 20.0
Rect = tuple[float, float, float, float]
ARROW = 9.0
HIT_WIDTH = 10.0  # px of the band around an arrow that a click hits


def route(src: QRectF, dst: QRectF) -> QPainterPath:
    """A smooth cubic from the source card to the target card, leaving and entering on the
    sides that face each other (right to left when the target is further along), ending in an
    open arrow head drawn with the same pen (no extra item per connector)."""
    return route_xywh(
        (src.x(), src.y(), src.width(), src.height()), (dst.x(), dst.y(), dst.width(), dst.height())
    )


def route_xywh(src: Rect, dst: Rect) -> QPainterPath:
    """`route` on plain (x, y, w, h) tuples: floats only, as thousands are routed at once."""
    sx, sy, sw, sh = src
    tx, ty, tw, th = dst
    if tx >= sx + sw - 1:  # target further right: right side -> left side
        ax, ay, bx, by = sx + sw, sy + sh / 2, tx, ty + th / 2
        d = max(30.0, (bx - ax) / 2)
        c1x, c1y, c2x, c2y = ax + d, ay, bx - d, by
    elif tx + tw <= sx + 1:  # target further left
        ax, ay, bx, by = sx, sy + sh / 2, tx + tw, ty + th / 2
        d = max(30.0, (ax - bx) / 2)
        c1x, c1y, c2x, c2y = ax - d, ay, bx + d, by
    elif ty >= sy + sh / 2:  # same column, below
        ax, ay, bx, by = sx + sw / 2, sy + sh, tx + tw / 2, ty
        d = max(20.0, (by - ay) / 2)
        c1x, c1y, c2x, c2y = ax, ay + d, bx, by - d
    else:  # same column, above
        ax, ay, bx, by = sx + sw / 2, sy, tx + tw / 2, ty + th
        d = max(20.0, (ay - by) / 2)
        c1x, c1y, c2x, c2y = ax, ay - d, bx, by + d
    path = QPainterPath()
    path.moveTo(ax, ay)
    path.cubicTo(c1x, c1y, c2x, c2y, bx, by)
    _add_head(path, c2x, c2y, bx, by, ARROW)
    return path


def _add_head(path: QPainterPath, fx: float, fy: float, x: float, y: float, size: float) -> None:
    """An open arrow head at (x, y), pointing away from (fx, fy)."""
    dx, dy = x - fx, y - fy
    length = math.hypot(dx, dy) or 1.0
    ux, uy = dx / length, dy / length
    bx, by = x - ux * size, y - uy * size
    half = size * 0.5
    path.moveTo(bx - uy * half, by + ux * half)
    path.lineTo(x, y)
    path.lineTo(bx + uy * half, by - ux * half)


@cache
def _pen(kind: str, selected: bool, factor: float) -> QPen:
    """Shared pens (thousands of arrows use a handful of styles)."""
    pen = QPen(QColor(style.ACCENT if selected else style.CONNECTOR))
    # a 1-unit pen takes Qt's fast stroker: 10x faster than 1.5 with thousands of arrows
    pen.setWidthF((2.0 if selected else 1.0) * factor)
    if kind == "alternative":
        pen.setStyle(Qt.PenStyle.DashLine)
    return pen


def curve_point(path: QPainterPath, t: float) -> QPointF:
    """A point on the connector's curve (the first element of the path), t in 0..1."""
    p0, c1, c2, p1 = (path.elementAt(i) for i in range(4))
    u = 1 - t
    x = u**3 * p0.x + 3 * u * u * t * c1.x + 3 * u * t * t * c2.x + t**3 * p1.x
    y = u**3 * p0.y + 3 * u * u * t * c1.y + 3 * u * t * t * c2.y + t**3 * p1.y
    return QPointF(x, y)


class ConnectorItem(QGraphicsPathItem):
    """A drawn connector; `kind` alternative is dashed, `selected` is the scene's flag."""

    def __init__(self, connector_id: str, source_id: str, target_id: str) -> None:
        super().__init__()
        self.connector_id = connector_id
        self.source_id = source_id
        self.target_id = target_id
        self.kind = "expected"
        self.label = ""
        self.selected = False
        self.dimmed = False
        self.width_factor = 1.0
        self.holder: QGraphicsItem | None = None  # the parent it was put in (connector_groups)
        self._hit: QPainterPath | None = None
        self._ends: tuple[Rect, Rect] | None = None
        self._label_bg: QGraphicsRectItem | None = None
        self._label: QGraphicsSimpleTextItem | None = None
        self.setZValue(Z_CONNECTOR)
        self.setAcceptedMouseButtons(Qt.MouseButton.LeftButton)
        self.setAcceptHoverEvents(False)
        self._restyle()

    def set_attributes(self, kind: str, label: str) -> None:
        self.kind = kind
        self.label = label
        self._restyle()
        self._place_label()

    def set_selected(self, on: bool) -> None:
        if on != self.selected:
            self.selected = on
            self._restyle()

    def set_dimmed(self, on: bool) -> None:
        if on != self.dimmed:
            self.dimmed = on
            self.setOpacity(0.2 if on else 1.0)

    def set_width_factor(self, factor: float) -> None:
        if factor != self.width_factor:
            self.width_factor = factor
            self._restyle()

    def set_route(self, src: Rect, dst: Rect, top: float = 0.0) -> bool:
        """Route between two card rectangles (x, y, w, h) in scene coordinates, for a parent
        whose top is at scene y `top`; when both cards moved by the same offset relative to it,
        the arrow is only translated: much cheaper than routing. False when nothing changed
        (the common case for the arrows of lanes that moved as a group: no tuple is built)."""
        ends = self._ends
        if ends is not None:
            (sx, sy, sw, sh), (tx, ty, tw, th) = ends
            dx, dy = src[0] - sx, src[1] - top - sy
            if (sw, sh, tw, th) == (src[2], src[3], dst[2], dst[3]) and (
                dst[0] - tx,
                dst[1] - top - ty,
            ) == (dx, dy):
                if not (dx or dy):
                    return False
                self.moveBy(dx, dy)
                self._ends = ((src[0], src[1] - top, sw, sh), (dst[0], dst[1] - top, tw, th))
                return True
        if top:
            src, dst = (
                (src[0], src[1] - top, src[2], src[3]),
                (dst[0], dst[1] - top, dst[2], dst[3]),
            )
        self._ends = (src, dst)
        self.setPos(0, 0)
        self.setPath(route_xywh(src, dst))
        self._hit = None
        self._place_label()
        return True

    def forget_route(self) -> None:
        """The parent changed: the next `set_route` routes afresh."""
        self._ends = None

    def shape(self) -> QPainterPath:
        """The arrow's box, not its outline. Qt derives a path item's bounding rect from
        shape() after every setPath, so stroking the curve here cost ~40 us per re-routed arrow
        (~280 when a lane of the 2,000-card map grows); clicks are tested by `contains`, against
        the stroke, which is built on the first hit test only (most arrows are never hit)."""
        m = max(HIT_WIDTH / 2, self.pen().widthF() / 2 + 1.0)
        box = QPainterPath()
        box.addRect(self.path().controlPointRect().adjusted(-m, -m, m, m))
        return box

    def contains(self, point: QPointF | QPoint | QPainterPath.Element) -> bool:
        return self.hit_shape().contains(point)

    def collidesWithPath(
        self,
        path: QPainterPath,
        mode: Qt.ItemSelectionMode = Qt.ItemSelectionMode.IntersectsItemShape,
    ) -> bool:
        """Area queries (a rubber band, `items(rect)`) meet the line as `contains` does."""
        if mode == Qt.ItemSelectionMode.IntersectsItemShape:
            return path.intersects(self.hit_shape())
        if mode == Qt.ItemSelectionMode.ContainsItemShape:
            return path.contains(self.hit_shape())
        return super().collidesWithPath(path, mode)

    def hit_shape(self) -> QPainterPath:
        """The line as a click target: a HIT_WIDTH wide band along it (not the area its bend
        encloses)."""
        if self._hit is None:
            stroker = QPainterPathStroker()
            stroker.setWidth(HIT_WIDTH)
            self._hit = stroker.createStroke(self.path())
        return self._hit

    def _restyle(self) -> None:
        self.setPen(_pen(self.kind, self.selected, self.width_factor))

    def _place_label(self) -> None:
        if not self.label:
            if self._label is not None and self._label_bg is not None:
                # Qt takes None (no parent); PySide6's stub says QGraphicsItem
                self._label.setParentItem(None)  # type: ignore[arg-type]
                self._label_bg.setParentItem(None)  # type: ignore[arg-type]
                scene = self._label_bg.scene()
                if scene is not None:
                    scene.removeItem(self._label_bg)
                self._label = self._label_bg = None
            return
        if self._label is None:
            self._label_bg = QGraphicsRectItem(self)
            self._label_bg.setBrush(QBrush(style.CARD_BG))
            self._label_bg.setPen(QPen(style.GRID))
            self._label = QGraphicsSimpleTextItem(self._label_bg)
            self._label.setFont(style.font(7.5))
            self._label.setBrush(QBrush(style.MUTED))
        assert self._label is not None and self._label_bg is not None
        self._label.setText(self.label)
        br = self._label.boundingRect()
        mid = curve_point(self.path(), 0.5) if self.path().elementCount() >= 4 else QPointF()
        self._label_bg.setRect(QRectF(0, 0, br.width() + 8, br.height() + 2))
        self._label_bg.setPos(mid - QPointF(br.width() / 2 + 4, br.height() / 2 + 1))
        self._label.setPos(4, 1)

    def label_rect(self) -> QRectF:
        if self._label_bg is None:
            mid = self.mapToScene(curve_point(self.path(), 0.5))
            return QRectF(mid.x() - 40, mid.y() - 9, 80, 18)
        return self._label_bg.sceneBoundingRect()


KEEP_OUT_MARGIN = 2.0  # px of clear space a dashed path leaves around a card's number badge


class OverlayPathItem(QGraphicsPathItem):
    """An overlay-only path (an unexpected transition seen in the data): dashed, not a model
    connector, never selectable. It is cut around `keep_out` rectangles (scene coordinates: the
    cards' number badges, which stick out into the gaps the routes run in), so it reads as
    passing behind a badge instead of striking its figure through."""

    def __init__(
        self, src: QRectF, dst: QRectF, width: float, tooltip: str, offset: int = 0,
        keep_out: Sequence[QRectF] = (),
    ) -> None:  # fmt: skip
        # through the gutters between cards, never over a title (see gutter_route)
        super().__init__(gutter_route(src, dst, offset))
        pen = QPen(style.UNEXPECTED)
        pen.setWidthF(width)
        pen.setStyle(Qt.PenStyle.DashLine)
        self.setPen(pen)
        self.setZValue(Z_CONNECTOR - 1)
        self.setToolTip(tooltip)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, False)
        stroker = QPainterPathStroker()  # the line as drawn: Qt's default shape would add the
        stroker.setWidth(max(width, 6.0))  # area the bends enclose (tooltips all over the map)
        self._shape = stroker.createStroke(self.path())
        self._clip: QPainterPath | None = None
        reach = self._shape.boundingRect()
        hidden = QPainterPath()
        for rect in keep_out:
            r = rect.adjusted(-KEEP_OUT_MARGIN, -KEEP_OUT_MARGIN, KEEP_OUT_MARGIN, KEEP_OUT_MARGIN)
            if r.intersects(reach):
                hidden.addRect(r)
        if not hidden.isEmpty():
            self._clip = QPainterPath()
            self._clip.addRect(self.boundingRect().adjusted(-2, -2, 2, 2))
            self._clip = self._clip.subtracted(hidden)
            self._shape = self._shape.subtracted(hidden)

    def shape(self) -> QPainterPath:
        return self._shape

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        if self._clip is not None:
            painter.setClipPath(self._clip, Qt.ClipOperation.IntersectClip)
        super().paint(painter, option, widget)
