"""Channel arcs: how often customers hop from one channel lane to another, on the map itself.

Drawn in a strip beside the grid's right edge (no card is ever there, so arcs never hide a
card): one arc per (from, to) channel pair of `analysis.channels`' hop matrix whose two channels
both have a lane, from the source lane's middle to the target lane's, its width by the number
of hops (the most frequent pair the widest). Downward and upward hops bulge by different
amounts, so A -> B and B -> A stay apart. A lane belongs to a channel by its name, through the
one palette (`present.palette.channel_key`: "Call centre" and "phone" are the same channel).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPainterPathStroker, QPen
from PySide6.QtWidgets import QGraphicsPathItem, QStyleOptionGraphicsItem, QWidget

from cxmapper.present import palette
from cxmapper.present.labels import channel_label
from cxmapper.present.units import format_duration
from cxmapper.ui.locale_format import number

if TYPE_CHECKING:
    from cxmapper.ui.canvas.scene import JourneyScene

Z_ARCS = 8.0  # above the lanes, below the legend
GAP = 10.0  # between the grid's right edge and where the arcs start
MIN_W, MAX_W = 1.5, 10.0  # pen widths of the least and the most frequent hop
HEAD = 9.0
#: One channel hop pair: (from channel key, to channel key, hops, cases, median seconds).
Hop = tuple[str, str, int, int, float]


def lane_channels(scene: JourneyScene) -> dict[str, str]:
    """Channel key -> lane id of the journey's channel lanes (the first lane of a channel)."""
    m = scene.mirror
    if m is None:
        return {}
    out: dict[str, str] = {}
    for lane in m.lane_order():
        key = palette.channel_key(lane.name)
        if lane.kind == "channel" and key and key != palette.OTHER:
            out.setdefault(key, lane.id)
    return out


def arc_width(hops: int, most: int) -> float:
    """The pen width of an arc of `hops` when the most frequent pair has `most`."""
    return MIN_W + (MAX_W - MIN_W) * (hops / most if most else 0.0)


class ChannelArcItem(QGraphicsPathItem):
    """One arc between two lanes; `hops` and `width` are kept for tooltips and tests."""

    def __init__(self, hop: Hop, x: float, y1: float, y2: float, width: float) -> None:
        super().__init__()
        self.source, self.target, self.hops, self.cases, self.median = hop
        self.width = width
        bulge = 28.0 + 0.22 * abs(y2 - y1) + (22.0 if y2 < y1 else 0.0)
        self.bulge = bulge
        path = QPainterPath(QPointF(x, y1))
        path.cubicTo(QPointF(x + bulge, y1), QPointF(x + bulge, y2), QPointF(x + 2, y2))
        path.moveTo(x + 2 + HEAD, y2 - HEAD * 0.6)  # an open head pointing at the target lane
        path.lineTo(x + 2, y2)
        path.lineTo(x + 2 + HEAD, y2 + HEAD * 0.6)
        self.setPath(path)
        colour = QColor(palette.CHANNELS[self.source].colour) if self.source in palette.CHANNELS \
            else QColor("#475569")  # fmt: skip
        colour.setAlpha(170)
        pen = QPen(colour, width)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        self.setPen(pen)
        self.setZValue(Z_ARCS)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setAcceptHoverEvents(True)
        self.setToolTip(
            QCoreApplication.translate(
                "ChannelArcs", "{source} → {target}: {hops} hops by {cases} cases; median {wait}"
            ).format(
                source=channel_label(self.source),
                target=channel_label(self.target),
                hops=number(self.hops),
                cases=number(self.cases),
                wait=format_duration(self.median),
            )
        )

    def shape(self) -> QPainterPath:
        stroker = QPainterPathStroker()
        stroker.setWidth(max(self.width, 6.0))
        return stroker.createStroke(self.path())

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(self.pen())
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self.path())


def _spread(
    shown: list[Hop], lanes: dict[str, str], rows: dict[str, Any]
) -> dict[tuple[str, str], tuple[float, float]]:
    """Where each arc leaves its source lane and enters its target lane: the arcs at one lane
    share its middle half, spaced evenly in the order of the lane they come from or go to, so
    they fan out instead of meeting in one point."""
    at: dict[str, list[tuple[float, str, str, str]]] = {}
    for src, dst, *_ in shown:
        if src not in lanes or dst not in lanes or lanes[src] not in rows or lanes[dst] not in rows:
            continue
        other_src, other_dst = rows[lanes[dst]].centre, rows[lanes[src]].centre
        at.setdefault(lanes[src], []).append((other_src, "out", src, dst))
        at.setdefault(lanes[dst], []).append((other_dst, "in", src, dst))
    out: dict[tuple[str, str], list[float]] = {}
    for lane_id, ends in at.items():
        row = rows[lane_id]
        ends.sort()
        span = row.size / 2
        for i, (_, way, src, dst) in enumerate(ends):
            y = row.centre - span / 2 + span * (i + 0.5) / len(ends)
            out.setdefault((src, dst), [0.0, 0.0])[0 if way == "out" else 1] = y
    return {k: (v[0], v[1]) for k, v in out.items()}


class ChannelArcs:
    """The arcs of one scene: kept across rebuilds (`apply` draws them again where the lanes
    are now), removed with the overlay."""

    def __init__(self, scene: JourneyScene) -> None:
        self.s = scene
        self.hops: list[Hop] = []
        self.items: list[ChannelArcItem] = []

    def set(self, hops: Sequence[Hop] | None) -> None:
        self.hops = list(hops or [])

    def forget(self) -> None:
        """The scene was cleared: its items are gone."""
        self.items = []

    def apply(self) -> None:
        for item in self.items:
            self.s._remove_item(item)
        self.items = []
        g = self.s.grid
        if g is None or not self.hops:
            return
        lanes = lane_channels(self.s)
        rows = {r.id: r for r in g.rows}
        shown = [h for h in self.hops if h[0] in lanes and h[1] in lanes and h[0] != h[1]]
        most = max((h[2] for h in shown), default=0)
        x = g.width + GAP
        ends = _spread(shown, lanes, rows)
        for hop in sorted(shown, key=lambda h: h[2]):  # the widest drawn last, on top
            a, b = rows.get(lanes[hop[0]]), rows.get(lanes[hop[1]])
            if a is None or b is None or a.id == b.id:
                continue
            y1, y2 = ends[(hop[0], hop[1])]
            item = ChannelArcItem(hop, x, y1, y2, arc_width(hop[2], most))
            self.s.addItem(item)
            self.items.append(item)

    def rect(self, grid_width: float, grid_height: float) -> QRectF:
        """The strip the arcs take beside the grid (empty without arcs), for fitting/export."""
        if not self.items:
            return QRectF()
        reach = max(0.75 * i.bulge + i.width for i in self.items) + HEAD
        return QRectF(grid_width, 0, GAP + reach + 8, grid_height)
