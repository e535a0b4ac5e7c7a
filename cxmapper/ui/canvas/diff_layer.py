"""The diff view of a journey scene: two states compared, drawn over the live map.

Added cards get a green outline, changed cards an outline whose tooltip lists each field old ->
new, moved cards a marker (tooltip: stage / lane old -> new), removed cards a ghost (dashed,
faded) in the cell they had, and a legend below the grid says what each mark means and how
many differences it stands for (the counts add up to the diff's: see `diff_plan`). Connector
differences are drawn by `diff_links`; RACI / owner and KPI target changes are badges on their
cards whose tooltip lists them. The
marks are children of their cards, so they follow a card wherever it is laid out, and are
not targets of any gesture (a press on one is a press on its card). Ghosts are path items,
which the gestures and the selection skip: they can never be selected, dragged or edited.

The layer asks the scene for room for ghosts (`grow`) and to lay out again when the view is
entered, refreshed or left; any model change while the view is open recomputes the diff on the
next event-loop turn, so the marks never describe a map that is no longer there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QStyleOptionGraphicsItem, QWidget

from cxmapper.errors import CxError
from cxmapper.model.changes import Change
from cxmapper.model.versions import CURRENT, find_state
from cxmapper.model.versions_diff import JourneyDiff, diff_states
from cxmapper.ui.canvas import layout, style
from cxmapper.ui.canvas.diff_links import (
    GhostLinkItem,
    LinkMarkItem,
    link_pen,
    rect_tuple,
)
from cxmapper.ui.canvas.diff_plan import DiffPlan, End, Ghost, MapNow, plan
from cxmapper.ui.canvas.items.card import Z_CARD
from cxmapper.ui.canvas.items.text import wrap_elide

if TYPE_CHECKING:
    from cxmapper.ui.canvas.items.card import CardItem
    from cxmapper.ui.canvas.scene import JourneyScene

COLOURS = {"added": "#15803d", "changed": "#7c3aed", "moved": "#0369a1", "removed": "#64748b",
           "people": "#b45309", "kpi": "#be185d"}  # fmt: skip
BADGE_ORDER = ("moved", "people", "kpi")  # right to left along the card's top edge
Z_LEGEND = 91.0
LEGEND_GAP = 12.0
MOVED_GLYPH = "⇄"
GLYPHS = {"moved": MOVED_GLYPH, "people": "R", "kpi": "K"}  # RACI, KPI: the same in Italian


def _pen(change: str, width: float = 3.0, dashed: bool = False) -> QPen:
    pen = QPen(QColor(COLOURS[change]))
    pen.setWidthF(width)
    if dashed:
        pen.setStyle(Qt.PenStyle.DashLine)
    return pen


class DiffMarkItem(QGraphicsPathItem):
    """The outline (added / changed) and the moved marker of one card, as its child."""

    def __init__(self, card: CardItem, changes: set[str], tooltip: str) -> None:
        super().__init__(card)
        self.changes = frozenset(changes)
        w, h = card.size
        self._rect = QRectF(-3, -3, w + 6, h + 6)  # before any call that asks for the bounds
        self._badges = [c for c in BADGE_ORDER if c in changes]
        path = QPainterPath()
        outline = "added" if "added" in changes else "changed" if "changed" in changes else ""
        if outline:
            path.addRoundedRect(QRectF(-2.5, -2.5, w + 5, h + 5), 8, 8)
            self.setPen(_pen(outline))
        self.setPath(path)
        self.setToolTip(tooltip)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setAcceptHoverEvents(False)

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-12, -12, 12, 12)

    def shape(self) -> QPainterPath:  # the whole card: its tooltip is the change's
        p = QPainterPath()
        p.addRect(self._rect)
        return p

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        super().paint(painter, option, widget)
        r = self._rect
        for i, change in enumerate(self._badges):
            badge = QRectF(r.right() - 30 - 26 * i, r.top() - 11, 22, 22)  # top edge: no text
            _badge(painter, badge, change, 10.0)


def _badge(painter: QPainter, rect: QRectF, change: str, size: float) -> None:
    painter.setPen(QPen(style.CARD_BG, 1.5))
    painter.setBrush(QColor(COLOURS[change]))
    painter.drawEllipse(rect)
    painter.setPen(style.CARD_BG)
    painter.setFont(style.font(size, bold=True))
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, GLYPHS[change])


class GhostCardItem(QGraphicsPathItem):
    """A removed card where it was: dashed, faded, its title only. Not a card: never
    selectable, focusable or a target of a gesture (see `Gestures._top`)."""

    def __init__(self, ghost: Ghost, w: float, h: float, tooltip: str = "") -> None:
        path = QPainterPath()
        path.addRoundedRect(QRectF(0, 0, w, h), 6, 6)
        super().__init__(path)
        self.ghost = ghost
        self.setPen(_pen("removed", 1.5, dashed=True))
        self.setBrush(style.CARD_BG)
        self.setOpacity(0.55)
        self.setZValue(Z_CARD - 1)
        self.setToolTip(tooltip or ghost.tooltip)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, False)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsFocusable, False)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        super().paint(painter, option, widget)
        r = self.path().boundingRect().adjusted(12, 8, -12, -8)
        font = style.font(9.0, bold=True)
        font.setStrikeOut(True)
        painter.setFont(font)
        painter.setPen(style.MUTED)
        lines = wrap_elide(self.ghost.title, QFontMetricsF(font), r.width(), 2)
        painter.drawText(r, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                         "\n".join(lines))  # fmt: skip
        painter.setFont(style.font(7.5))
        painter.drawText(r, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
                         QCoreApplication.translate("DiffLayer", "removed"))  # fmt: skip


class DiffLegendItem(QGraphicsItem):
    """What the marks mean, with how many of each, and what the map cannot show."""

    ROW = 18.0

    def __init__(
        self, title: str, counts: dict[str, int], not_shown: int, elsewhere: int = 0
    ) -> None:
        super().__init__()
        self.title = title
        texts = {
            "added": QCoreApplication.translate("DiffLayer", "Added"),
            "removed": QCoreApplication.translate("DiffLayer", "Removed (ghost)"),
            "changed": QCoreApplication.translate("DiffLayer", "Changed: hover for old → new"),
            "moved": QCoreApplication.translate("DiffLayer", "Moved to another stage or lane"),
            "link added": QCoreApplication.translate("DiffLayer", "Connector added"),
            "link removed": QCoreApplication.translate("DiffLayer", "Connector removed (ghost)"),
            "link changed": QCoreApplication.translate(
                "DiffLayer", "Connector changed: hover for old → new"
            ),
            "people": QCoreApplication.translate(
                "DiffLayer", "RACI or owner changed: hover the badge"
            ),
            "kpi": QCoreApplication.translate("DiffLayer", "KPI target changed: hover the badge"),
        }
        self.rows = [(change, f"{text} ({counts[change]})") for change, text in texts.items()]
        notes = []
        if not_shown:
            notes.append(QCoreApplication.translate("DiffLayer", "Not on the current map: {n}").format(n=not_shown))  # fmt: skip
        if elsewhere:
            notes.append(QCoreApplication.translate("DiffLayer", "Stages, lanes or the journey (see the list): {n}").format(n=elsewhere))  # fmt: skip
        self.notes = notes
        self.note = "\n".join(notes)
        metrics = QFontMetricsF(style.font(8.0))
        widths = [title, *notes] + [t for _, t in self.rows]
        self._w = max(200.0, max(metrics.horizontalAdvance(t) for t in widths) + 60)
        self._h = 28 + (len(self.rows) + len(notes)) * self.ROW + 6
        self.setZValue(Z_LEGEND)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def size(self) -> tuple[float, float]:
        return self._w, self._h

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, self._w, self._h)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(style.CARD_BORDER))
        painter.setBrush(style.CARD_BG)
        painter.drawRoundedRect(self.boundingRect().adjusted(0.5, 0.5, -0.5, -0.5), 6, 6)
        painter.setFont(style.font(8.0, bold=True))
        painter.setPen(style.INK)
        painter.drawText(QRectF(12, 4, self._w - 24, 20), Qt.AlignmentFlag.AlignVCenter,
                         self.title)  # fmt: skip
        painter.setFont(style.font(8.0))
        y = 28.0
        for change, text in self.rows:
            swatch = QRectF(12, y + 2, 28, self.ROW - 6)
            painter.setBrush(style.CARD_BG)
            if change in GLYPHS:
                c = swatch.center()
                _badge(painter, QRectF(c.x() - 7, c.y() - 7, 14, 14), change, 7.5)
            elif change.startswith("link "):
                painter.setPen(link_pen(change[5:], 2.5))
                mid = swatch.center().y()
                painter.drawLine(QPointF(swatch.left(), mid), QPointF(swatch.right(), mid))
            else:
                painter.setPen(_pen(change, 2.0, dashed=change == "removed"))
                painter.drawRoundedRect(swatch, 3, 3)
            painter.setPen(style.INK)
            painter.setFont(style.font(8.0))  # a badge leaves its own font set
            painter.drawText(QRectF(48, y, self._w - 56, self.ROW),
                             Qt.AlignmentFlag.AlignVCenter, text)  # fmt: skip
            y += self.ROW
        painter.setPen(style.MUTED)
        for note in self.notes:
            painter.drawText(QRectF(12, y, self._w - 24, self.ROW),
                             Qt.AlignmentFlag.AlignVCenter, note)  # fmt: skip
            y += self.ROW


class DiffLayer:
    """The diff view's state for one scene, and the items it adds."""

    def __init__(self, scene: JourneyScene) -> None:
        self.s = scene
        self.refs: tuple[str, str] | None = None
        self.journey_id: str | None = None
        self.diff: JourneyDiff | None = None
        self.plan = DiffPlan()
        self.mark_items: dict[str, DiffMarkItem] = {}
        self.ghost_items: list[GhostCardItem] = []
        self.link_items: dict[str, LinkMarkItem] = {}
        self.ghost_link_items: list[GhostLinkItem] = []
        self.legend: DiffLegendItem | None = None
        self._bridge: object | None = None
        self._timer = QTimer()
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.refresh)

    @property
    def active(self) -> bool:
        return self.refs is not None

    def show(self, from_ref: str, to_ref: str) -> JourneyDiff:
        """Enter (or change) the diff view: `from_ref` and `to_ref` are version ids or names,
        or `current`; raises the model's error for an unknown version."""
        ws, jid = self.s.workspace, self.s.journey_id
        if ws is None or jid is None:
            raise RuntimeError("no journey on the canvas")
        self.s.flush()
        before, after = find_state(ws, jid, from_ref), find_state(ws, jid, to_ref)
        diff = diff_states(before, after)
        m = self.s.mirror
        assert m is not None
        kpi_cards: dict[str, list[str]] = {}
        for tp_id, latest in m.latest.items():
            for kpi_id in latest:
                kpi_cards.setdefault(kpi_id, []).append(tp_id)
        now = MapNow(m.tps, m.stages, m.lanes, m.connectors, kpi_cards)
        self.plan = plan(diff, before, after, now)
        self.diff, self.refs, self.journey_id = diff, (from_ref, to_ref), jid
        self._follow(getattr(self.s, "_bridge", None))
        self.s._rebuild()
        return diff

    def leave(self) -> None:
        """Back to the plain map: every mark, ghost and the legend gone, the grid as before."""
        if not self.active:
            return
        self._reset()
        self.s._rebuild()

    def refresh(self) -> None:
        """Recompute after a model change (the versions or the map changed)."""
        if self.refs is None or self.s.journey_id != self.journey_id:
            return
        try:
            self.show(*self.refs)
        except CxError:  # a version compared was removed (undo of a save): leave the view
            self.leave()

    def _reset(self) -> None:
        self._follow(None)
        self._timer.stop()
        self.refs = self.diff = self.journey_id = None
        self.plan = DiffPlan()

    def _follow(self, bridge: object | None) -> None:
        if bridge is self._bridge:
            return
        if self._bridge is not None and shiboken6.isValid(self._bridge):
            self._bridge.changed.disconnect(self._on_change)  # type: ignore[attr-defined]
        self._bridge = bridge
        if bridge is not None:
            bridge.changed.connect(self._on_change)  # type: ignore[attr-defined]

    def _on_change(self, _change: Change) -> None:
        if self.active and not self._timer.isActive():
            self._timer.start()

    # -- hooks the scene calls ----------------------------------------------------------------

    def grow(self, fullest: dict[str, int]) -> None:
        """Room for the ghosts: each cell holds its cards and then its ghosts."""
        m = self.s.mirror
        if not self.active or m is None:
            return
        for (stage, lane), ghosts in self.plan.ghost_cells().items():
            n = len(m.cells.get((stage, lane), [])) + len(ghosts)
            fullest[lane] = max(fullest.get(lane, 0), n)

    def forget_items(self) -> None:
        """The scene was cleared: its items are gone."""
        self.mark_items, self.ghost_items, self.legend = {}, [], None
        self.link_items, self.ghost_link_items = {}, []

    def apply(self) -> None:
        """Draw the marks, ghosts and legend on the freshly laid-out scene."""
        if self.active and self.s.journey_id != self.journey_id:
            self._reset()  # another journey is shown: the view ends with it
        self._remove_items()
        g, m = self.s.grid, self.s.mirror
        if not self.active or g is None or m is None:
            return
        for tp_id, changes in self.plan.marks.items():
            card = self.s.cards.get(tp_id)
            if card is not None:
                self.mark_items[tp_id] = DiffMarkItem(card, changes, self.plan.tooltip(tp_id))
        ghost_rects: dict[str, tuple[float, float, float, float]] = {}
        for (stage, lane), ghosts in self.plan.ghost_cells().items():
            if stage not in m.stages or lane not in m.lanes:
                continue
            first = len(m.cells.get((stage, lane), []))
            for i, ghost in enumerate(ghosts):
                box = g.card_box(stage, lane, first + i)
                item = GhostCardItem(ghost, box.w, box.h, self.plan.ghost_tooltip(ghost))
                item.setPos(box.x, box.y)
                self.s.addItem(item)
                self.ghost_items.append(item)
                ghost_rects[ghost.key] = (box.x, box.y, box.w, box.h)
        self._apply_links(ghost_rects)
        assert self.diff is not None
        title = QCoreApplication.translate("DiffLayer", "Changes from {a} to {b}").format(a=self._name(self.diff.before),
                                                     b=self._name(self.diff.after))  # fmt: skip
        self.legend = DiffLegendItem(
            title, self.plan.counts(), self.plan.not_shown, self.plan.elsewhere
        )
        self.legend.setPos(0.0, g.height + LEGEND_GAP + self._below_overlay(g))
        self.s.addItem(self.legend)
        self.s._fit_scene_rect()

    def _apply_links(self, ghost_rects: dict[str, tuple[float, float, float, float]]) -> None:
        """Halos on the connectors added or changed, ghost lines for the ones removed."""
        for c_id, change in self.plan.links.items():
            connector = self.s.connector_items.get(c_id)
            if connector is not None:
                tip = self.plan.link_tooltips.get(c_id, "")
                self.link_items[c_id] = LinkMarkItem(connector, change, tip)

        def rect(end: End) -> tuple[float, float, float, float] | None:
            if end[0] == "ghost":
                return ghost_rects.get(end[1])
            card = self.s.cards.get(end[1])
            return None if card is None else rect_tuple(self.s.card_rect(end[1]))

        for ghost in self.plan.ghost_links:
            src, dst = rect(ghost.source), rect(ghost.target)
            if src is not None and dst is not None:
                item = GhostLinkItem(ghost, src, dst)
                self.s.addItem(item)
                self.ghost_link_items.append(item)

    def legends_rect(self, grid_width: float, grid_height: float) -> QRectF:
        """The strip below the grid the legends take: the overlay's, then the diff's below it
        (fitting and exporting include both; no card is ever there)."""
        rect = self.s.overlay.legend_rect(grid_width, grid_height)
        if self.legend is None:
            return rect
        w, h = self.legend.size()
        return rect.united(QRectF(0, self.legend.y(), max(grid_width, w), h))

    def _below_overlay(self, g: layout.Grid) -> float:
        r = self.s.overlay.legend_rect(g.width, g.height)
        return 0.0 if r.isEmpty() else r.height() + LEGEND_GAP

    @staticmethod
    def _name(label: str) -> str:
        return QCoreApplication.translate("DiffLayer", "now") if label == CURRENT else label

    def _remove_items(self) -> None:
        for mark in (*self.mark_items.values(), *self.link_items.values()):
            if shiboken6.isValid(mark) and mark.scene() is not None:
                mark.scene().removeItem(mark)
        for item in (*self.ghost_items, *self.ghost_link_items, self.legend):
            if item is not None:
                self.s._remove_item(item)
        self.forget_items()
