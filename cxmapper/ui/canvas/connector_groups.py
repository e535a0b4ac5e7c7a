"""Arrows grouped by lane, so a lane that grows moves a few groups instead of ~1,300 arrows.

Each arrow is the child of the group of the upper lane its ends are in, and the group sits at
that lane's top. When a lane grows, every lane below it moves by the same amount: their groups
move, and arrows with both ends below keep their local path (no re-route, no Qt bookkeeping of
their own). The group has ItemContainsChildrenInShape, which keeps its arrows out of the
scene's BSP index (Qt finds them through the group), so moving it re-files no arrow either;
its rect grows to hold every arrow it has held.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem

from cxmapper.model.entities import Touchpoint
from cxmapper.ui.canvas.items.connector import Z_CONNECTOR, ConnectorItem, Rect

GROW = 40.0  # slack added when a group's rect grows, so small route changes do not resize it
_NO_PEN = QPen(Qt.PenStyle.NoPen)


class ConnectorGroup(QGraphicsRectItem):
    """The arrows whose upper end is in one lane; draws nothing itself, takes no click."""

    def __init__(self, lane_id: str) -> None:
        super().__init__()
        self.lane_id = lane_id
        self.setPen(_NO_PEN)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, True)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemContainsChildrenInShape, True)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(Z_CONNECTOR)
        self.top = 0.0  # scene y, as y() but without a call into Qt (read per arrow routed)

    def include(self, item: ConnectorItem) -> None:
        """Grow to hold `item` (its line, label and diff halo) wherever it is drawn."""
        r = item.mapRectToParent(item.boundingRect().united(item.childrenBoundingRect()))
        if not self.rect().contains(r):
            grown = r.adjusted(-GROW, -GROW, GROW, GROW)
            self.setRect(grown if self.rect().isNull() else self.rect().united(grown))


class ConnectorGroups:
    """The scene's groups by lane id; `route` places an arrow in its group and routes it.

    Disabled (`enabled` False), arrows are top-level items drawn in the order they were added,
    as before grouping: exports use that, so a connector's label is covered by exactly the
    arrows added after it (grouped, arrows of a lower lane's group draw over the labels of a
    higher one's). The canvas groups them for speed.
    """

    def __init__(self, add_item: Callable[[QGraphicsItem], None], enabled: bool = True) -> None:
        self._add_item = add_item
        self.enabled = enabled
        self.groups: dict[str, ConnectorGroup] = {}
        self._order: dict[str, int] = {}

    def forget(self) -> None:
        """The scene was cleared (its items, groups included, are gone)."""
        self.groups = {}

    def sync(
        self,
        lane_ids: Iterable[str],
        remove: Callable[[QGraphicsItem], None],
        forget: Callable[[str], object],
    ) -> set[str]:
        """Groups for exactly `lane_ids`; returns the connector ids of arrows taken out of a
        dropped group (removed and `forget`-ed: the scene routes them again or drops them)."""
        wanted = set(lane_ids) if self.enabled else set()
        orphans: set[str] = set()
        for lane_id in set(self.groups) - wanted:
            group = self.groups.pop(lane_id)
            for child in group.childItems():
                if isinstance(child, ConnectorItem):
                    orphans.add(child.connector_id)
                    remove(child)
                    forget(child.connector_id)
            remove(group)
        for lane_id in wanted - set(self.groups):
            self.groups[lane_id] = ConnectorGroup(lane_id)
            self._add_item(self.groups[lane_id])
        return orphans

    def place(self, lane_tops: Sequence[tuple[str, float]]) -> None:
        """Put each lane's group at the lane's top (scene y); `lane_tops` in map order."""
        self._order = {lane_id: i for i, (lane_id, _) in enumerate(lane_tops)}
        for lane_id, top in lane_tops:
            group = self.groups.get(lane_id)
            if group is not None and group.top != top:
                group.top = top
                group.setPos(0.0, top)

    def route(
        self, item: ConnectorItem, tps: Mapping[str, Touchpoint], rects: Mapping[str, Rect]
    ) -> None:
        """Route `item` between its cards' rectangles (scene coordinates, in `rects`), as a
        child of the group of the upper lane its cards (`tps`) are in."""
        src, dst = rects[item.source_id], rects[item.target_id]
        if not self.enabled:
            if item.scene() is None:
                self._add_item(item)
            item.set_route(src, dst)
            return
        a, b, order = tps[item.source_id].lane_id, tps[item.target_id].lane_id, self._order
        group = self.groups[a if order.get(a, 0) <= order.get(b, 0) else b]
        if item.holder is not group:
            item.setParentItem(group)
            item.holder = group
            item.forget_route()
        if item.set_route(src, dst, group.top):
            group.include(item)
