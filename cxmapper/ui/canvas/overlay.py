"""The overlay layer of a scene and its legend item; the values come from `present.overlay`."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QLinearGradient, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from cxmapper.present.card_channels import CardChannel
from cxmapper.present.heat import HEAT_STOPS
from cxmapper.present.labels import legend_paths_label
from cxmapper.present.overlay import UNEXPECTED_SHOWN, OverlayValue
from cxmapper.ui.canvas import style
from cxmapper.ui.canvas.items.card import CardItem
from cxmapper.ui.canvas.items.channel_arcs import ChannelArcs, Hop
from cxmapper.ui.canvas.items.channel_badge import ChannelBadges
from cxmapper.ui.canvas.items.connector import OverlayPathItem

if TYPE_CHECKING:
    from cxmapper.ui.canvas.scene import JourneyScene

Z_LEGEND = 90.0
LEGEND_GAP = 12.0  # scene units between the grid's bottom edge and the legend


class LegendItem(QGraphicsItem):
    """Heat scale with the overlay's caption, what its two ends mean and, when the map shows
    unexpected paths, what the dashed lines are. Placed by the scene below the journey's grid,
    never over a card."""

    def __init__(self, text: str, scale: tuple[str, str] = ("", ""), paths: str = "") -> None:
        super().__init__()
        self.text = text
        self.scale_ends = scale  # not `self.scale`: that would hide QGraphicsItem.scale()
        self.paths = paths
        metrics = QFontMetricsF(style.font(8.0))
        ends = metrics.horizontalAdvance(scale[0]) + metrics.horizontalAdvance(scale[1]) + 24
        widest = max(metrics.horizontalAdvance(text), ends, metrics.horizontalAdvance(paths) + 36)
        self._w = max(180.0, widest + 24)
        self._h = (58.0 if any(scale) else 44.0) + (16.0 if paths else 0.0)
        self.setZValue(Z_LEGEND)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def size(self) -> tuple[float, float]:
        return self._w, self._h

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, self._w, self._h)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        r = self.boundingRect()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(style.CARD_BORDER))
        painter.setBrush(style.CARD_BG)
        painter.drawRoundedRect(r.adjusted(0.5, 0.5, -0.5, -0.5), 6, 6)
        painter.setFont(style.font(8.0))
        painter.setPen(style.INK)
        painter.drawText(
            QRectF(12, 4, r.width() - 24, 18), Qt.AlignmentFlag.AlignVCenter, self.text
        )
        bar = QRectF(12, 25, r.width() - 24, 10)
        g = QLinearGradient(bar.topLeft(), bar.topRight())
        for i in range(len(HEAT_STOPS)):  # the scale's own stops: the bar is exact
            stop = i / (len(HEAT_STOPS) - 1)
            g.setColorAt(stop, style.heat_colour(stop))
        painter.setPen(QPen(style.CARD_BORDER))
        painter.setBrush(g)
        painter.drawRect(bar)
        low, high = self.scale_ends
        bottom = bar.bottom() + 2
        if low or high:
            painter.setPen(style.INK)
            ends = QRectF(bar.left(), bottom, bar.width(), 16)
            painter.drawText(ends, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, low)
            painter.drawText(ends, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, high)
            bottom += 14
        if self.paths:
            pen = QPen(style.UNEXPECTED)
            pen.setWidthF(1.5)
            pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            y = bottom + 8
            painter.drawLine(QPointF(bar.left(), y), QPointF(bar.left() + 20, y))
            painter.setPen(style.INK)
            note = QRectF(bar.left() + 26, bottom, bar.width() - 26, 16)
            painter.drawText(note, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             self.paths)  # fmt: skip


class OverlayLayer:
    """The overlay state of one scene and the items it adds (heat tints, badge labels,
    scaled arrows, dashed unexpected paths, legend). Kept across model changes: new cards get
    their tint, moved cards take their unexpected paths along. Only the most walked unexpected
    paths are drawn unless `all_unexpected` is on: dozens of dashed curves hide the map."""

    def __init__(self, scene: JourneyScene) -> None:
        self.s = scene
        self.values: dict[str, OverlayValue] | None = None
        self.widths: dict[tuple[str, str], float] = {}
        self.unexpected: list[tuple[str, str]] = []
        self.tooltips: dict[tuple[str, str], str] = {}
        self.caption = ""
        self.scale: tuple[str, str] = ("", "")
        self.paths: list[OverlayPathItem] = []
        self.legend: LegendItem | None = None
        self.all_unexpected = False
        self.printed = False  # an exported picture: no menu hints in the legend
        self.arcs = ChannelArcs(scene)  # channel hops between lanes, beside the grid
        self.channel_badges = ChannelBadges(scene)  # escalation and FCR on the cards
        # told each new legend (None: no overlay), e.g. the view's legend strip (legend_strip)
        self.on_legend: Callable[[LegendItem | None], None] | None = None

    def set(
        self,
        card_values: Mapping[str, OverlayValue] | None,
        connector_widths: Mapping[tuple[str, str], float] | None = None,
        unexpected: Sequence[tuple[str, str]] | None = None,
        legend: str = "",
        tooltips: Mapping[tuple[str, str], str] | None = None,
        legend_scale: tuple[str, str] = ("", ""),
        arcs: Sequence[Hop] | None = None,
        channel_cards: Mapping[str, CardChannel] | None = None,
    ) -> None:
        """`card_values` per touchpoint id; `connector_widths` per (source, target) id pair,
        relative (the largest is drawn 5x); `unexpected` transitions are drawn dashed;
        `tooltips` per (source, target) pair are the figures shown when hovering an arrow;
        `legend_scale` names the values at the palest and the darkest end of the heat bar;
        `arcs` are the channel hops drawn between channel lanes; `channel_cards` the per-card
        escalation and FCR figures badged on the cards."""
        on = card_values is not None
        self.values = dict(card_values) if card_values is not None else None
        self.widths = dict(connector_widths or {}) if on else {}
        self.unexpected = list(unexpected or []) if on else []
        self.tooltips = dict(tooltips or {}) if on else {}
        self.caption = legend if on else ""
        self.scale = legend_scale if on else ("", "")
        self.arcs.set(arcs if on else None)
        self.channel_badges.set(channel_cards if on else None)
        self.apply()

    def show_all_unexpected(self, on: bool) -> None:
        """Draw every unexpected path (on) or only the `UNEXPECTED_SHOWN` most walked."""
        if on != self.all_unexpected:
            self.all_unexpected = on
            self.apply()

    def shown_unexpected(self) -> list[tuple[str, str]]:
        """The unexpected paths drawn now (the list comes most walked first)."""
        return self.unexpected if self.all_unexpected else self.unexpected[:UNEXPECTED_SHOWN]

    def forget_items(self) -> None:
        """The scene was cleared: its items are gone, the overlay values stay."""
        self.paths = []
        self.legend = None
        self.arcs.forget()

    def apply(self) -> None:
        for card in self.s.cards.values():
            self.apply_to_card(card)
            self.channel_badges.apply_to_card(card)
        for arrow in self.s.connector_items.values():
            arrow.set_width_factor(self.width_factor(arrow.source_id, arrow.target_id))
            arrow.setToolTip(self.tooltips.get((arrow.source_id, arrow.target_id), ""))
        self.reroute(force=True)
        self.arcs.apply()
        self.s._remove_item(self.legend)
        self.legend = None
        if self.caption:
            shown, total = len(self.shown_unexpected()), len(self.unexpected)
            paths = legend_paths_label(shown, total, self.printed) if total else ""
            self.legend = LegendItem(self.caption, self.scale, paths)
            self.s.addItem(self.legend)
        if self.on_legend is not None:
            self.on_legend(self.legend)
        self.s._fit_scene_rect()
        self.s._place_pinned()

    def apply_to_card(self, item: CardItem) -> None:
        value = (self.values or {}).get(item.tp_id)
        if value is None:
            if self.values is not None or item._heat is not None or item._overlay_label:
                item.set_overlay(None, "", "")
        else:
            item.set_overlay(style.heat_colour(value.fraction), value.label, value.tooltip,
                             style.heat_ink(value.fraction))  # fmt: skip

    def width_factor(self, src: str, dst: str) -> float:
        if not self.widths:
            return 1.0
        top = max(self.widths.values()) or 1.0
        value = self.widths.get((src, dst))
        return 1.0 if value is None else 1.0 + 4.0 * max(value, 0.0) / top

    def reroute(self, force: bool = False) -> None:
        """(Re)draw the unexpected paths between the cards' current places."""
        if not (force or self.unexpected):
            return
        for item in self.paths:
            self.s._remove_item(item)
        self.paths = []
        m = self.s.mirror
        badges = [card.mapRectToScene(r) for card in self.s.cards.values()
                  if (r := card.overlay_badge_rect()) is not None]  # fmt: skip
        for n, (src, dst) in enumerate(self.shown_unexpected()):
            if m is not None and src in self.s.cards and dst in self.s.cards:
                tip = f"Seen in the data, not on the map: {m.tps[src].title} → {m.tps[dst].title}"
                if (src, dst) in self.tooltips:
                    tip += "<br>" + self.tooltips[(src, dst)]
                width = 1.5 * self.width_factor(src, dst)
                item = OverlayPathItem(self.s.card_rect(src), self.s.card_rect(dst), width, tip,
                                       n % 3 - 1, badges)  # fmt: skip
                self.s.addItem(item)
                self.paths.append(item)

    def legend_rect(self, grid_width: float, grid_height: float) -> QRectF:
        """The strip below the grid the legend may take and the one beside it the channel arcs
        take (empty without them): fitting and exporting include them, no card is ever there."""
        arcs = self.arcs.rect(grid_width, grid_height)
        if self.legend is None:
            return arcs
        w, h = self.legend.size()
        return QRectF(0, grid_height + LEGEND_GAP, max(grid_width, w), h).united(arcs)

    def place_legend(self, view_rect: QRectF | None, grid_width: float, grid_height: float) -> None:
        """Below the grid, at the right edge of what the view shows (the grid's right edge
        when there is no view, as in exported pictures)."""
        if self.legend is None:
            return
        w, _ = self.legend.size()
        right = grid_width if view_rect is None else min(view_rect.right() - 16, grid_width)
        self.legend.setPos(max(0.0, right - w), grid_height + LEGEND_GAP)
