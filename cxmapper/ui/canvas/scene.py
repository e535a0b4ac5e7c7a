"""JourneyScene: observes one journey of a workspace and shows it as a grid of cards.

The scene never edits the model. Gestures become undo commands (see `editing.SceneEditor`);
the workspace then announces Changes, the `JourneyMirror` applies them, and `flush()` updates
only the items they touch. Changes of one operation arrive one by one, so the scene collects
them and flushes once: right after the undo stack moves (push/undo/redo) or, for changes that
did not come through the stack, on the next event-loop turn.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import shiboken6
from PySide6.QtCore import QObject, QPointF, QRectF, QTimer
from PySide6.QtGui import QKeyEvent, QUndoStack
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsSceneMouseEvent,
)

from cxmapper.model.changes import Change
from cxmapper.model.workspace import Workspace
from cxmapper.ui.canvas import layout, style
from cxmapper.ui.canvas.connector_groups import ConnectorGroups
from cxmapper.ui.canvas.diff_layer import DiffLayer
from cxmapper.ui.canvas.display import SceneDisplay
from cxmapper.ui.canvas.editing import SceneEditor
from cxmapper.ui.canvas.gestures import Gestures
from cxmapper.ui.canvas.header_sync import sync_headers
from cxmapper.ui.canvas.items.card import CardItem
from cxmapper.ui.canvas.items.connector import ConnectorItem
from cxmapper.ui.canvas.items.editor import InlineEditor
from cxmapper.ui.canvas.items.emotion_curve import EmotionCurveItem, EmotionPoint
from cxmapper.ui.canvas.items.feedback_badge import FeedbackBadges
from cxmapper.ui.canvas.items.grid import (
    CornerItem,
    LaneCellsItem,
    LaneHeaderItem,
    StageHeaderItem,
)
from cxmapper.ui.canvas.items.overview import OverviewItem
from cxmapper.ui.canvas.mirror import Cell, Dirty, JourneyMirror
from cxmapper.ui.canvas.overlay import OverlayLayer
from cxmapper.ui.canvas.selection import SceneSelection
from cxmapper.ui.model_bridge import ModelBridge

MARGIN = 40.0
# Qt's own depth, log2(items), is 13 on a 2,000-card map: 8 re-files far fewer leaves (bench)
BSP_DEPTH = 8


def qrect(box: layout.Box) -> QRectF:
    return QRectF(box.x, box.y, box.w, box.h)


class JourneyScene(SceneSelection, SceneDisplay, QGraphicsScene):
    def __init__(self, parent: QObject | None = None, group_arrows: bool = True) -> None:
        super().__init__(parent)
        self.group_arrows = group_arrows  # by lane, for speed (exports: False, connector_groups)
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        self.setBspTreeDepth(BSP_DEPTH)
        self.setBackgroundBrush(style.CANVAS_BG)
        self.workspace: Workspace | None = None
        self.journey_id: str | None = None
        self.undo_stack: QUndoStack | None = None
        self._bridge: ModelBridge | None = None
        self.mirror: JourneyMirror | None = None
        self.grid: layout.Grid | None = None
        self._dirty = Dirty()
        self._flush_timer = QTimer(self)
        self._flush_timer.setSingleShot(True)
        self._flush_timer.setInterval(0)
        self._flush_timer.timeout.connect(self.flush)
        self.editor = SceneEditor(self)
        self.gestures = Gestures(self)
        self._reset_items()
        self._pin = QPointF(0, 0)
        self._view_rect: QRectF | None = None
        self._highlight: set[str] = set()
        self._filter: set[str] | None = None
        self.overlay = OverlayLayer(self)
        self.feedback = FeedbackBadges(self)
        self.diff = DiffLayer(self)  # the diff view of two versions (diff_layer.py)
        self.presentation = False
        self.overview = False
        self._overview_dirty = True

    def _reset_items(self) -> None:
        self.cards: dict[str, CardItem] = {}
        self._card_rects: dict[str, tuple[float, float, float, float]] = {}
        self.connector_items: dict[str, ConnectorItem] = {}
        self.connector_groups = ConnectorGroups(self.addItem, self.group_arrows)  # see module
        self.stage_headers: dict[str, StageHeaderItem] = {}
        self.lane_headers: dict[str, LaneHeaderItem] = {}
        self.lane_cells: dict[str, LaneCellsItem] = {}  # one background item per lane
        self.emotion_items: dict[str, EmotionCurveItem] = {}
        self.selected_connectors: set[str] = set()
        self._scene_size = (0.0, 0.0)
        self._emotion_points: list[EmotionPoint] | None = None
        self._corner: CornerItem | None = None
        self._overview_item: OverviewItem | None = None
        self._current_cell: Cell | None = None
        self._inline: InlineEditor | None = None

    # -- life cycle --------------------------------------------------------------------------

    def set_journey(
        self, workspace: Workspace, journey_id: str, undo_stack: QUndoStack, bridge: ModelBridge
    ) -> None:
        """Show `journey_id` and follow its changes (through `bridge`) until `clear_scene()`."""
        if self.mirror is not None:
            self.clear_scene()
        self.workspace, self.journey_id = workspace, journey_id
        self.undo_stack, self._bridge = undo_stack, bridge
        self.mirror = JourneyMirror(workspace, journey_id)
        bridge.changed.connect(self._on_change)
        undo_stack.indexChanged.connect(self._on_undo_index)
        self._rebuild()

    def clear_scene(self) -> None:
        """Stop observing and remove every item (the inverse of `set_journey`)."""
        if self._bridge is not None:
            self._bridge.changed.disconnect(self._on_change)
        if self.undo_stack is not None:
            self.undo_stack.indexChanged.disconnect(self._on_undo_index)
        self._flush_timer.stop()
        self.gestures.cancel()
        self._drop_all_items()
        self.workspace = self.journey_id = self.undo_stack = None
        self._bridge = None
        self.mirror = None
        self.grid = None
        self._dirty = Dirty()

    def _drop_all_items(self) -> None:
        if self._inline is not None:
            self._inline.cancel()
        self.overlay.forget_items()
        self.diff.forget_items()
        self._reset_items()
        self.clear()

    # -- following the model -----------------------------------------------------------------

    def _on_change(self, change: Change) -> None:
        if self.mirror is None:
            return
        self.feedback.on_change(change)  # the badges read survey data the mirror does not hold
        self.mirror.apply(change, self._dirty)
        if self._dirty and not self._flush_timer.isActive():
            self._flush_timer.start()

    def _on_undo_index(self, _index: int) -> None:
        self.flush()

    def flush(self) -> None:
        """Bring the items up to date with the changes received so far."""
        self._flush_timer.stop()
        d, self._dirty = self._dirty, Dirty()
        if not d or self.mirror is None:
            return
        if d.journey_gone:
            self.clear_scene()
            return
        if d.everything:
            self._rebuild()
            return
        m = self.mirror
        m.resolve(d)
        for tp_id in d.removed_cards:
            self._remove_item(self.cards.pop(tp_id, None))
            self._card_rects.pop(tp_id, None)
            self._highlight.discard(tp_id)
        for c_id in d.removed_connectors:
            self._remove_item(self.connector_items.pop(c_id, None))
            self.selected_connectors.discard(c_id)
        if d.structure:
            self._sync_structure()
        for tp_id in d.cards:
            if tp_id in m.tps:
                item = self.cards.get(tp_id)
                if item is None:
                    self._add_card(tp_id)
                else:
                    item.set_content(m.content(tp_id))
        for cell in d.cells:
            m.sort_cell(cell)
        grid = self._compute_grid()
        reshaped = d.structure or not grid.same_shape(self.grid)
        shifted = None if d.structure or self.grid is None else layout.rows_shifted(self.grid, grid)
        if reshaped and shifted is not None:
            self.grid = grid  # a lane grew or shrank: only it and the lanes below it move
            moved = self._layout_rows(shifted, d.cells)
        elif reshaped:
            self.grid = grid
            moved = self._layout_all()
        else:
            moved = set()
            for cell in d.cells:
                moved |= self._place_cell(cell)
            self._update_stage_counts()
        for c_id in d.connectors:
            self._sync_connector(c_id)
        self.route_connectors_of(moved, skip=d.connectors)
        if d.emotion or reshaped:
            self._update_emotion(points=d.emotion or reshaped)  # points sit under their cards
        self._overview_dirty = True
        if self.overview:
            self._refresh_overview()
        if moved:
            self.overlay.reroute()
        if d.removed_cards or d.removed_connectors:
            self.selectionChanged.emit()

    def _rebuild(self) -> None:
        """Build every item from the mirror (first show and `reloaded`)."""
        selected = self.selected_entities() if self.mirror is not None else []
        self._drop_all_items()
        m = self.mirror
        if m is None:
            return
        self._corner = CornerItem()
        self.addItem(self._corner)
        self._sync_structure()
        for tp_id in m.tps:
            if (m.tps[tp_id].stage_id in m.stages) and (m.tps[tp_id].lane_id in m.lanes):
                self._add_card(tp_id)
        self.grid = self._compute_grid()
        self._layout_all()
        for c_id in m.connectors:
            self._sync_connector(c_id)
        self._update_emotion()
        self.overlay.apply()
        self.feedback.apply()
        self.diff.apply()
        if self.overview:
            self.overview = False
            self.set_overview(True)
        for kind, id in selected:
            self.select_entity(kind, id, add=True)

    def _remove_item(self, item: QGraphicsItem | None) -> None:
        if item is not None and shiboken6.isValid(item) and item.scene() is self:
            item.setParentItem(None)  # type: ignore[arg-type]  # a grouped arrow: Python's again
            self.removeItem(item)

    def _add_card(self, tp_id: str) -> CardItem:
        assert self.mirror is not None
        item = CardItem(tp_id, self.mirror.content(tp_id), 200, layout.CARD_H)
        if self.presentation:
            item.set_presentation(True)
        if tp_id in self._highlight:
            item.set_highlight(True)
        if self._filter is not None and tp_id not in self._filter:
            item.setOpacity(0.25)
        self.overlay.apply_to_card(item)
        self.feedback.apply_to_card(item)
        self.cards[tp_id] = item
        item.setVisible(not self.overview)
        self.addItem(item)
        return item

    def _sync_structure(self) -> None:
        """Create or drop header, cell and emotion items to match the stages and lanes."""
        m = self.mirror
        assert m is not None
        stages, lanes = m.stage_order(), m.lane_order()
        sync_headers(self.stage_headers, stages, StageHeaderItem, self.addItem, self._remove_item)
        sync_headers(self.lane_headers, lanes, LaneHeaderItem, self.addItem, self._remove_item)
        lane_ids, forget = [ln.id for ln in lanes], self.connector_items.pop
        if orphans := self.connector_groups.sync(lane_ids, self._remove_item, forget):
            self._dirty.connectors |= orphans  # their lane is gone: the next flush routes
            self._flush_timer.start()  # them again (or drops them)
        for ln in lanes:
            self.lane_headers[ln.id].set_kind(ln.name, ln.kind)
        wanted_cells = {(s.id, ln.id) for s in stages for ln in lanes}
        for gone_lane in set(self.lane_cells) - set(lane_ids):
            self._remove_item(self.lane_cells.pop(gone_lane))
        for ln in lanes:
            if ln.id not in self.lane_cells:
                self.lane_cells[ln.id] = LaneCellsItem(ln.id)
                self.addItem(self.lane_cells[ln.id])
        emotion_lanes = {ln.id for ln in lanes if ln.kind == "emotions"}
        for gone in set(self.emotion_items) - emotion_lanes:
            self._remove_item(self.emotion_items.pop(gone))
        for lane_id in emotion_lanes - set(self.emotion_items):
            self.emotion_items[lane_id] = EmotionCurveItem(lane_id, self.editor.set_emotion)
            self._emotion_points = None  # the new curve needs its points
            self.addItem(self.emotion_items[lane_id])
        for tp_id in [t for t in self.cards if t not in m.tps]:
            self._remove_item(self.cards.pop(tp_id))
        if self._current_cell is not None and self._current_cell not in wanted_cells:
            self._current_cell = None

    def _compute_grid(self) -> layout.Grid:
        m = self.mirror
        assert m is not None
        fullest: dict[str, int] = {}
        for (s, ln), ids in m.cells.items():
            if ids and s in m.stages:
                fullest[ln] = max(fullest.get(ln, 0), len(ids))
        self.diff.grow(fullest)
        return layout.compute_grid(
            [(s.id, s.width) for s in m.stage_order()],
            [(ln.id, ln.height, ln.kind == "emotions") for ln in m.lane_order()],
            fullest,
        )

    def _layout_all(self) -> set[str]:
        """Place every item on the current grid (after a structural change); returns the
        cards that moved."""
        g, m = self.grid, self.mirror
        assert g is not None and m is not None
        self.connector_groups.place([(row.id, row.start) for row in g.rows])
        cols, cur = [(col.id, col.start, col.size) for col in g.columns], self._current_cell
        for i, row in enumerate(g.rows):
            lane = self.lane_cells[row.id]
            lane.set_geometry(cols, row.start, row.size, i, m.is_emotion_lane(row.id))
            lane.set_current(cur[0] if cur is not None and cur[1] == row.id else None)
        moved: set[str] = set()
        for key in list(m.cells):
            if key[0] in m.stages and key[1] in m.lanes:
                m.sort_cell(key)
                moved |= self._place_cell(key)
        for col in g.columns:
            self.stage_headers[col.id].set_size(col.size, layout.STAGE_HEADER_H)
        for row in g.rows:
            self.lane_headers[row.id].set_size(layout.LANE_HEADER_W, row.size)
        self._update_stage_counts()
        if self._corner is not None:
            self._corner.set_geometry(layout.LANE_HEADER_W, layout.STAGE_HEADER_H, m.journey_name)
        self._fit_scene_rect()
        self._place_pinned()
        return moved

    def _layout_rows(self, rows: list[layout.Band], cells: Iterable[Cell]) -> set[str]:
        """Re-place the items of the lanes in `rows` (which moved or resized, columns and lane
        order unchanged) and of the edited `cells`; returns the cards that moved."""
        g, m = self.grid, self.mirror
        assert g is not None and m is not None
        index = {row.id: i for i, row in enumerate(g.rows)}
        self.connector_groups.place([(row.id, row.start) for row in g.rows])
        moved: set[str] = set()
        cols = [(col.id, col.start, col.size) for col in g.columns]
        for row in rows:
            emotion = m.is_emotion_lane(row.id)
            self.lane_cells[row.id].set_geometry(cols, row.start, row.size, index[row.id], emotion)
            for col in g.columns:
                moved |= self._place_cell((col.id, row.id))
            self.lane_headers[row.id].set_size(layout.LANE_HEADER_W, row.size)
        for key in cells:
            moved |= self._place_cell(key)
        self._update_stage_counts()
        self._fit_scene_rect()
        self._place_pinned()
        return moved

    def _fit_scene_rect(self) -> None:
        """The grid and the overlay legend's strip below it, with a margin to scroll to,
        grown and shrunk in steps (see `layout.stepped_extent`)."""
        g = self.grid
        if g is not None:
            rect = QRectF(0, 0, g.width, g.height).united(self.diff.legends_rect(g.width, g.height))
            w = layout.stepped_extent(rect.right() + MARGIN, self._scene_size[0])
            h = layout.stepped_extent(rect.bottom() + MARGIN, self._scene_size[1])
            if (w, h) != self._scene_size:
                self._scene_size = (w, h)
                self.setSceneRect(QRectF(0, 0, w, h))

    def _update_stage_counts(self) -> None:
        m = self.mirror
        assert m is not None
        counts: dict[str, int] = {}
        for (s, _), ids in m.cells.items():
            counts[s] = counts.get(s, 0) + len(ids)
        for stage in m.stage_order():
            self.stage_headers[stage.id].set_count(stage.name, counts.get(stage.id, 0))

    def _place_cell(self, cell: Cell) -> set[str]:
        """Stack the cell's cards; returns the ids of cards whose place or size changed."""
        g, m = self.grid, self.mirror
        assert g is not None and m is not None
        ids = m.cells.get(cell, [])
        if not ids or cell[0] not in m.stages or cell[1] not in m.lanes:
            return set()
        col, row = g.column(cell[0]), g.row(cell[1])
        moved = set()
        rects = self._card_rects
        x, w, h = (
            col.start + layout.CELL_PAD,
            max(col.size - 2 * layout.CELL_PAD, 20.0),
            layout.CARD_H,
        )
        step = layout.CARD_H + layout.CARD_GAP
        top = row.start + layout.CELL_PAD
        for i, tp_id in enumerate(ids):
            item = self.cards.get(tp_id)
            if item is None:
                continue
            rect = (x, top + i * step, w, h)
            if rects.get(tp_id) != rect:
                rects[tp_id] = rect
                item.set_size(w, h)
                item.setPos(x, rect[1])
                moved.add(tp_id)
        return moved

    def _sync_connector(self, c_id: str) -> None:
        m = self.mirror
        assert m is not None
        c = m.connectors.get(c_id)
        src, dst = (self.cards.get(c.source_id), self.cards.get(c.target_id)) if c else (None, None)
        item = self.connector_items.get(c_id)
        if c is None or src is None or dst is None:
            self._remove_item(self.connector_items.pop(c_id, None))
            return
        if item is None or (item.source_id, item.target_id) != (c.source_id, c.target_id):
            self._remove_item(item)
            item = ConnectorItem(c_id, c.source_id, c.target_id)
            self.connector_items[c_id] = item
            item.set_selected(c_id in self.selected_connectors)
            item.setVisible(not self.overview)
            item.set_width_factor(self.overlay.width_factor(c.source_id, c.target_id))
            if self._filter is not None:
                item.set_dimmed(not {c.source_id, c.target_id} <= self._filter)
        if (item.kind, item.label) != (c.kind, c.label):
            item.set_attributes(c.kind, c.label)
        self.connector_groups.route(item, m.tps, self._card_rects)  # in its lane's group

    def card_rect(self, tp_id: str) -> QRectF:
        """The card's rectangle in scene coordinates (without its handle)."""
        return QRectF(*self._card_rects[tp_id])

    def route_connectors_of(self, tp_ids: Iterable[str], skip: Iterable[str] = ()) -> None:
        """Re-route the arrows attached to cards that moved."""
        assert self.mirror is not None
        done, by_card = set(skip), self.mirror.by_card
        for c_id in (c for tp in tp_ids for c in by_card.get(tp, ()) if c not in done):
            done.add(c_id)
            if (item := self.connector_items.get(c_id)) is not None:
                self.connector_groups.route(item, self.mirror.tps, self._card_rects)

    def drag_card_to(self, item: CardItem, x: float, y: float) -> None:
        """Move a card while it is dragged (not a model change: the drop pushes the command)."""
        item.setPos(x, y)
        w, h = item.size
        self._card_rects[item.tp_id] = (x, y, w, h)

    def _update_emotion(self, points: bool = True) -> None:
        """Place the emotion curves; recompute their points only when cards changed."""
        if not self.emotion_items:
            return
        g, m = self.grid, self.mirror
        assert g is not None and m is not None
        if not points:
            for lane_id, item in self.emotion_items.items():
                row = g.row(lane_id)
                item.set_geometry(
                    layout.LANE_HEADER_W, row.start, g.width - layout.LANE_HEADER_W, row.size
                )
            return
        # one point per scored card, under the card; unscored cards and the emotion lane's own
        # cards have none (ties at one x: stacked cards, kept in lane and cell order)
        lane_index = {row.id: i for i, row in enumerate(g.rows)}
        scored = sorted(
            (lane_index[t.lane_id], t.position, t.id)
            for t in m.tps.values()
            if t.emotion is not None
            and t.lane_id in lane_index
            and t.stage_id in m.stages
            and t.id in self._card_rects
            and not m.is_emotion_lane(t.lane_id)
        )
        curve: list[EmotionPoint] = []
        for _, _, tp_id in scored:
            x, _, w, _ = self._card_rects[tp_id]
            t = m.tps[tp_id]
            assert t.emotion is not None
            curve.append(EmotionPoint(tp_id, x + w / 2, t.emotion, t.title))
        same = curve == self._emotion_points  # a lane that grew moves no point sideways
        self._emotion_points = curve
        for lane_id, item in self.emotion_items.items():
            row = g.row(lane_id)
            item.set_geometry(
                layout.LANE_HEADER_W, row.start, g.width - layout.LANE_HEADER_W, row.size
            )
            if not same:
                item.set_points(curve)

    # -- pinned headers ----------------------------------------------------------------------

    def pin_headers(self, visible: QRectF) -> None:
        """Keep stage headers at the top and lane headers at the left of `visible` (the view's
        scene rect), so they stay readable while scrolling."""
        self._view_rect = QRectF(visible)
        self._pin = QPointF(max(0.0, visible.left()), max(0.0, visible.top()))
        self._place_pinned()

    def _place_pinned(self) -> None:
        g = self.grid
        if g is None:
            return
        x, y = self._pin.x(), self._pin.y()
        for col in g.columns:
            stage = self.stage_headers.get(col.id)
            if stage is not None and self.gestures.dragged_header is not stage:
                stage.setPos(col.start, y)
        for row in g.rows:
            lane = self.lane_headers.get(row.id)
            if lane is not None and self.gestures.dragged_header is not lane:
                lane.setPos(x, row.start)
        if self._corner is not None:
            self._corner.setPos(x, y)
        self.overlay.place_legend(self._view_rect, g.width, g.height)

    # -- geometry queries --------------------------------------------------------------------

    def content_rect(self) -> QRectF:
        """The journey's drawn area (headers, grid and the overlay legend below it), for
        fitting and exporting."""
        self.flush()
        g = self.grid
        if g is None:
            return QRectF()
        return QRectF(0, 0, g.width, g.height).united(self.diff.legends_rect(g.width, g.height))

    def cell_at(self, pos: QPointF) -> Cell | None:
        return None if self.grid is None else self.grid.cell_at(pos.x(), pos.y())

    def cell_rect(self, cell: Cell) -> QRectF:
        assert self.grid is not None
        return qrect(self.grid.cell_box(*cell))

    def card_at(self, pos: QPointF, exclude: Iterable[str] = ()) -> CardItem | None:
        skip = set(exclude)
        for item in self.items(pos):
            if isinstance(item, CardItem) and item.tp_id not in skip:
                return item
        return None

    # -- inline editing -----------------------------------------------------

    def open_inline_editor(
        self, rect: QRectF, text: str, on_commit: Callable[[str], None], point_size: float = 9.5,
        cover: bool = False,
    ) -> InlineEditor:  # fmt: skip
        """Edit `text` in place over `rect`; `on_commit(new_text)` runs on Enter/focus-out."""
        if self._inline is not None:
            self._inline.commit()

        def close() -> None:
            editor = self._inline
            self._inline = None
            if editor is not None and editor.scene() is self:
                QTimer.singleShot(0, lambda: self._remove_item(editor))
                editor.setVisible(False)
            for view in self.views():
                view.setFocus()

        editor = InlineEditor(text, rect, on_commit, close, point_size, cover=cover)
        self._inline = editor
        self.addItem(editor)
        editor.setFocus()
        for view in self.views():
            view.ensureVisible(editor, 20, 20)
        return editor

    @property
    def inline_editor(self) -> InlineEditor | None:
        return self._inline

    # -- events ------------------------------------------------------------------------------

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if not self.gestures.press(event):
            super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if not self.gestures.move(event):
            super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self.gestures.release(event)
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if not self.gestures.double_click(event):
            super().mouseDoubleClickEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._inline is not None or not self.gestures.key(event):
            super().keyPressEvent(event)
