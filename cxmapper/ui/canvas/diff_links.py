"""Connector differences drawn by the diff view: a coloured halo behind an added (green) or
changed (violet) connector of the current map, and a ghost line (dashed, grey, faded) for a
connector that is gone, between its ends as the map has them now.

The halo is a child of its connector stacked behind it, so it follows the arrow when the
scene translates it and leaves with it; a press on it is a press on the connector (it takes
no button, and `Gestures._top` walks up to the parent). Ghost lines are plain path items the
gestures skip: never selected, dragged or edited.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainterPath, QPainterPathStroker, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem

from cxmapper.ui.canvas.diff_plan import GhostLink
from cxmapper.ui.canvas.items.connector import Z_CONNECTOR, ConnectorItem, route_xywh

LINK_COLOURS = {"added": "#15803d", "changed": "#7c3aed", "removed": "#64748b"}
Rect = tuple[float, float, float, float]


def link_pen(change: str, width: float) -> QPen:
    pen = QPen(QColor(LINK_COLOURS[change]))
    pen.setWidthF(width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    if change == "removed":
        pen.setStyle(Qt.PenStyle.DashLine)
    return pen


def _stroke(path: QPainterPath, width: float) -> QPainterPath:
    stroker = QPainterPathStroker()
    stroker.setWidth(width)
    return stroker.createStroke(path)


class LinkMarkItem(QGraphicsPathItem):
    """The halo of an added or changed connector, as the connector's child."""

    def __init__(self, connector: ConnectorItem, change: str, tooltip: str) -> None:
        super().__init__(connector)
        self.change = change
        self.setPath(connector.path())
        pen = link_pen(change, 5.0)
        colour = pen.color()
        colour.setAlphaF(0.6)
        pen.setColor(colour)
        self.setPen(pen)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemStacksBehindParent, True)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setToolTip(tooltip)
        self._shape = _stroke(self.path(), 10.0)  # the line, not the area its bend encloses

    def shape(self) -> QPainterPath:
        return self._shape


class GhostLinkItem(QGraphicsPathItem):
    """A removed connector between two rectangles (x, y, w, h) of the current scene."""

    def __init__(self, ghost: GhostLink, src: Rect, dst: Rect) -> None:
        super().__init__(route_xywh(src, dst))
        self.ghost = ghost
        self.setPen(link_pen("removed", 1.5))
        self.setOpacity(0.7)
        self.setZValue(Z_CONNECTOR - 1)
        self.setToolTip(ghost.tooltip)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, False)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsFocusable, False)
        self._shape = _stroke(self.path(), 8.0)

    def shape(self) -> QPainterPath:
        return self._shape


def rect_tuple(r: QRectF) -> Rect:
    return (r.x(), r.y(), r.width(), r.height())
