"""The overlay layer of a scene and its legend item; the values come from `present.overlay`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QLinearGradient, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from cxmapper.present.heat import HEAT_STOPS
from cxmapper.present.overlay import OverlayValue
from cxmapper.ui.canvas import layout, style
from cxmapper.ui.canvas.items.card import CardItem
from cxmapper.ui.canvas.items.connector import OverlayPathItem

if TYPE_CHECKING:
    from cxmapper.ui.canvas.scene import JourneyScene

Z_LEGEND = 90.0


class LegendItem(QGraphicsItem):
    """Heat scale with the overlay's caption and what its two ends mean; pinned by the scene to
    the view's corner."""

    def __init__(self, text: str, scale: tuple[str, str] = ("", "")) -> None:
        super().__init__()
        self.text = text
        self.scale = scale
        f = style.font(8.0)
        self._w = max(180.0, QFontMetricsF(f).horizontalAdvance(text) + 24)
        self._h = 58.0 if any(scale) else 44.0
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
        low, high = self.scale
        if low or high:
            painter.setPen(style.INK)
            ends = QRectF(bar.left(), bar.bottom() + 2, bar.width(), 16)
            painter.drawText(ends, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, low)
            painter.drawText(ends, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, high)


class OverlayLayer:
    """The overlay state of one scene and the items it adds (heat tints, badge labels,
    scaled arrows, dashed unexpected paths, legend). Kept across model changes: new cards get
    their tint, moved cards take their unexpected paths along."""

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

    def set(
        self,
        card_values: Mapping[str, OverlayValue] | None,
        connector_widths: Mapping[tuple[str, str], float] | None = None,
        unexpected: Sequence[tuple[str, str]] | None = None,
        legend: str = "",
        tooltips: Mapping[tuple[str, str], str] | None = None,
        legend_scale: tuple[str, str] = ("", ""),
    ) -> None:
        """`card_values` per touchpoint id; `connector_widths` per (source, target) id pair,
        relative (the largest is drawn 5x); `unexpected` transitions are drawn dashed;
        `tooltips` per (source, target) pair are the figures shown when hovering an arrow;
        `legend_scale` names the values at the palest and the darkest end of the heat bar."""
        on = card_values is not None
        self.values = dict(card_values) if card_values is not None else None
        self.widths = dict(connector_widths or {}) if on else {}
        self.unexpected = list(unexpected or []) if on else []
        self.tooltips = dict(tooltips or {}) if on else {}
        self.caption = legend if on else ""
        self.scale = legend_scale if on else ("", "")
        self.apply()

    def forget_items(self) -> None:
        """The scene was cleared: its items are gone, the overlay values stay."""
        self.paths = []
        self.legend = None

    def apply(self) -> None:
        for card in self.s.cards.values():
            self.apply_to_card(card)
        for arrow in self.s.connector_items.values():
            arrow.set_width_factor(self.width_factor(arrow.source_id, arrow.target_id))
            arrow.setToolTip(self.tooltips.get((arrow.source_id, arrow.target_id), ""))
        self.reroute(force=True)
        self.s._remove_item(self.legend)
        self.legend = None
        if self.caption:
            self.legend = LegendItem(self.caption, self.scale)
            self.s.addItem(self.legend)
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
        for src, dst in self.unexpected:
            if m is not None and src in self.s.cards and dst in self.s.cards:
                tip = f"Seen in the data, not on the map: {m.tps[src].title} → {m.tps[dst].title}"
                if (src, dst) in self.tooltips:
                    tip += "<br>" + self.tooltips[(src, dst)]
                width = 1.5 * self.width_factor(src, dst)
                item = OverlayPathItem(self.s.card_rect(src), self.s.card_rect(dst), width, tip)
                self.s.addItem(item)
                self.paths.append(item)

    def place_legend(self, view_rect: QRectF | None, content_width: float) -> None:
        if self.legend is None:
            return
        w, h = self.legend.size()
        if view_rect is not None:
            self.legend.setPos(view_rect.right() - w - 16, view_rect.bottom() - h - 16)
        else:
            self.legend.setPos(content_width - w - 8, layout.STAGE_HEADER_H + 8)
