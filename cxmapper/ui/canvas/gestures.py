"""Mouse and key gestures on the canvas, turned into calls on the scene's editor.

One small state machine: a press decides what is being started (dragging cards, drawing a
connector from a card handle, moving or resizing a header); moves give live feedback;
the release hands the result to `SceneEditor`, which pushes one undo command.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QKeyEvent, QPainterPath, QPen
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsSceneMouseEvent,
)

from cxmapper.ui.canvas import layout, style
from cxmapper.ui.canvas.connector_groups import ConnectorGroup
from cxmapper.ui.canvas.items.card import Z_CARD, Z_CARD_DRAGGED, CardItem
from cxmapper.ui.canvas.items.connector import ConnectorItem
from cxmapper.ui.canvas.items.editor import InlineEditor
from cxmapper.ui.canvas.items.grid import HeaderItem, LaneCellsItem
from cxmapper.ui.canvas.mirror import Cell

if TYPE_CHECKING:
    from cxmapper.ui.canvas.scene import JourneyScene

ARROWS = {
    Qt.Key.Key_Left: (-1, 0),
    Qt.Key.Key_Right: (1, 0),
    Qt.Key.Key_Up: (0, -1),
    Qt.Key.Key_Down: (0, 1),
}


class Gestures:
    def __init__(self, scene: JourneyScene) -> None:
        self.s = scene
        self.mode: str | None = None
        self._connect_mode = False  # the connect tool: drag from anywhere on a card
        self.connect_source: str | None = None  # the keyboard's start card (canvas.keyboard)
        self.connect_mode_changed: Callable[[bool], None] | None = None  # the tool's button
        self._press = QPointF()
        self._card: CardItem | None = None
        self._dragged: list[CardItem] = []
        self._origins: dict[str, QPointF] = {}
        self._drop: tuple[Cell, int] | None = None
        self._drop_cell: LaneCellsItem | None = None
        self._header: HeaderItem | None = None
        self._header_origin = QPointF()
        self._header_size = 0.0
        self._line: QGraphicsPathItem | None = None
        self._target: CardItem | None = None

    @property
    def connect_mode(self) -> bool:
        return self._connect_mode

    @connect_mode.setter
    def connect_mode(self, on: bool) -> None:
        """One state for the tool: Esc on the canvas also releases the toolbar button."""
        if on == self._connect_mode:
            return
        self._connect_mode = on
        cards = self.s.selected_card_ids() if on else []
        self.connect_source = cards[0] if len(cards) == 1 else None
        if self.connect_mode_changed is not None:
            self.connect_mode_changed(on)

    @property
    def dragged_header(self) -> HeaderItem | None:
        return self._header if self.mode == "header-move" else None

    def _top(self, pos: QPointF) -> QGraphicsItem | None:
        for item in self.s.items(pos):
            if isinstance(item, ConnectorGroup):
                continue  # holds arrows, is no target itself
            while item.parentItem() is not None and not isinstance(item, ConnectorItem):
                item = item.parentItem()
            if isinstance(item, QGraphicsPathItem) and not isinstance(item, ConnectorItem):
                continue  # overlay paths and the rubber line are not targets
            return item
        return None

    # -- press / move / release --------------------------------------------------------------

    def _left_target(self, event: QGraphicsSceneMouseEvent) -> tuple[QPointF, Any] | None:
        """Where a left-button event happened and the topmost item there; None when the event
        is not a canvas gesture (other button, no journey, or aimed at the inline editor)."""
        if event.button() != Qt.MouseButton.LeftButton or self.s.mirror is None:
            return None
        pos = event.scenePos()
        top = self._top(pos)
        return None if isinstance(top, InlineEditor) else (pos, top)

    def press(self, event: QGraphicsSceneMouseEvent) -> bool:
        """Start a gesture; True when the event is consumed (Qt's default handling skipped)."""
        target = self._left_target(event)
        if target is None:
            return False
        pos, top = target
        ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        self._press = pos
        if isinstance(top, ConnectorItem):
            if ctrl:
                self.s.set_connector_selected(top.connector_id, not top.selected)
            else:
                self.s.clear_all_selection()
                self.s.set_connector_selected(top.connector_id, True)
            event.accept()
            return True
        if not ctrl and self.s.selected_connectors:
            self.s.clear_all_selection()
        if isinstance(top, CardItem):
            self.s.set_current_cell(self.s.cell_of(top.tp_id))
            if self.connect_mode or top.on_handle(top.mapFromScene(pos)):
                self._start_connect(top)
                event.accept()
                return True
            self.mode, self._card = "card-pending", top
            return False
        if isinstance(top, HeaderItem):
            self._header = top
            if top.on_edge(top.mapFromScene(pos)):
                self.mode = "header-resize"
                r = top.rect()
                self._header_size = r.width() if top.kind == "stage" else r.height()
                event.accept()
                return True
            self.mode = "header-pending"
            self._header_origin = top.pos()
            return False
        self.s.set_current_cell(self.s.cell_at(pos))
        return False

    def move(self, event: QGraphicsSceneMouseEvent) -> bool:
        pos = event.scenePos()
        if self.mode == "connect":
            self._draw_line(pos)
            return True
        if self.mode in ("card-pending", "header-pending"):
            if (pos - self._press).manhattanLength() < QApplication.startDragDistance():
                return True
            if self.mode == "card-pending":
                self._start_card_drag()
            else:
                self.mode = "header-move"
                assert self._header is not None
                self._header.setZValue(self._header.zValue() + 5)
        if self.mode == "cards":
            self._drag_cards(pos)
            return True
        if self.mode == "header-move":
            assert self._header is not None
            d = pos - self._press
            if self._header.kind == "stage":
                self._header.setPos(self._header_origin.x() + d.x(), self._header_origin.y())
            else:
                self._header.setPos(self._header_origin.x(), self._header_origin.y() + d.y())
            return True
        if self.mode == "header-resize":
            assert self._header is not None
            self._header.set_size(*self._resized(pos))
            return True
        return False

    def release(self, event: QGraphicsSceneMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        mode, self.mode = self.mode, None
        pos = event.scenePos()
        if mode == "connect":
            self._finish_connect(pos)
        elif mode == "cards":
            self._finish_card_drag()
        elif mode == "header-move":
            self._finish_header_move(pos)
        elif mode == "header-resize":
            self._finish_resize(pos)
        self._card = None

    def cancel(self) -> None:
        """Abandon a gesture in progress (Esc, or the scene is being cleared)."""
        mode, self.mode = self.mode, None
        if mode == "cards":
            self._restore_dragged()
            self._show_drop(None)
        if self._line is not None:
            self._mark_target(None)
            self.s._remove_item(self._line)
            self._line = None
        if mode in ("header-move", "header-resize") and self.s.grid is not None:
            self.s._layout_all()

    # -- dragging cards ----------------------------------------------------------------------

    def _start_card_drag(self) -> None:
        assert self._card is not None
        ids = self.s.selected_card_ids()
        if self._card.tp_id not in ids:
            ids = [self._card.tp_id]
        self._dragged = [self.s.cards[i] for i in ids]
        self._origins = {c.tp_id: c.pos() for c in self._dragged}
        for c in self._dragged:
            c.setZValue(Z_CARD_DRAGGED)
            c.setOpacity(0.85)
        self.mode = "cards"

    def _drag_cards(self, pos: QPointF) -> None:
        delta = pos - self._press
        for c in self._dragged:
            p = self._origins[c.tp_id] + delta
            self.s.drag_card_to(c, p.x(), p.y())
        self.s.route_connectors_of(self._origins)
        cell = self.s.cell_at(pos)
        m, g = self.s.mirror, self.s.grid
        if cell is None or m is None or g is None:
            self._show_drop(None)
            return
        others = [i for i in m.cells.get(cell, []) if i not in self._origins]
        self._show_drop((cell, g.insert_index(cell[1], pos.y(), len(others))))

    def _show_drop(self, drop: tuple[Cell, int] | None) -> None:
        self._drop = drop
        target = self.s.lane_cells.get(drop[0][1]) if drop else None
        if self._drop_cell is not None and self._drop_cell is not target:
            self._drop_cell.set_drop_line(None)
        self._drop_cell = target
        if target is not None and drop is not None:
            step = layout.CARD_H + layout.CARD_GAP
            y = layout.CELL_PAD + drop[1] * step - layout.CARD_GAP / 2
            target.set_drop_line(drop[0][0], y)

    @property
    def drop_target(self) -> tuple[Cell, int] | None:
        return self._drop

    def _restore_dragged(self) -> None:
        for c in self._dragged:
            if c.scene() is self.s:
                c.setZValue(Z_CARD)
                c.setOpacity(0.25 if self.s.is_dimmed(c.tp_id) else 1.0)
                p = self._origins[c.tp_id]
                self.s.drag_card_to(c, p.x(), p.y())
        self.s.route_connectors_of([c.tp_id for c in self._dragged if c.scene() is self.s])

    def _finish_card_drag(self) -> None:
        drop = self._drop
        ids = [c.tp_id for c in self._dragged]
        self._show_drop(None)
        self._restore_dragged()
        self._dragged = []
        if drop is not None:
            (stage_id, lane_id), index = drop
            self.s.editor.move_cards(ids, stage_id, lane_id, index)
            self.s.set_current_cell((stage_id, lane_id))

    # -- connecting --------------------------------------------------------------------------

    def _start_connect(self, card: CardItem) -> None:
        self.mode, self._card = "connect", card
        self._line = QGraphicsPathItem()
        pen = QPen(style.ACCENT, 2, Qt.PenStyle.DashLine)
        self._line.setPen(pen)
        self._line.setZValue(150)
        self.s.addItem(self._line)

    def _draw_line(self, pos: QPointF) -> None:
        if self._line is None or self._card is None:
            return
        start = self._card.mapToScene(self._card.handle_centre())
        path = QPainterPath(start)
        dx = max(30.0, abs(pos.x() - start.x()) / 2)
        path.cubicTo(start + QPointF(dx, 0), pos - QPointF(dx, 0), pos)
        self._line.setPath(path)
        self._mark_target(self.s.card_at(pos, exclude=[self._card.tp_id]))

    def _mark_target(self, card: CardItem | None) -> None:
        """Outline the card a connector being drawn would end on."""
        if self._target is not None and self._target is not card and self._target.scene():
            self._target.set_link_target(False)
        self._target = card
        if card is not None:
            card.set_link_target(True)

    def _finish_connect(self, pos: QPointF) -> None:
        self._mark_target(None)
        if self._line is not None:
            self.s._remove_item(self._line)
            self._line = None
        src = self._card
        if src is None:
            return
        target = self.s.card_at(pos, exclude=[src.tp_id])
        if target is not None:
            self.s.editor.connect(src.tp_id, target.tp_id)

    # -- headers -----------------------------------------------------------------------------

    def _resized(self, pos: QPointF) -> tuple[float, float]:
        assert self._header is not None
        d = pos - self._press
        r = self._header.rect()
        if self._header.kind == "stage":
            return max(80.0, min(5000.0, self._header_size + d.x())), r.height()
        return r.width(), max(40.0, min(5000.0, self._header_size + d.y()))

    def _finish_resize(self, pos: QPointF) -> None:
        assert self._header is not None
        w, h = self._resized(pos)
        size = w if self._header.kind == "stage" else h
        if abs(size - self._header_size) >= 1:
            self.s.editor.resize(self._header.kind, self._header.entity_id, round(size))
        elif self.s.grid is not None:
            self.s._layout_all()

    def _finish_header_move(self, pos: QPointF) -> None:
        header = self._header
        g = self.s.grid
        assert header is not None and g is not None
        header.setZValue(header.zValue() - 5)
        bands = g.columns if header.kind == "stage" else g.rows
        coord = pos.x() if header.kind == "stage" else pos.y()
        ids = [b.id for b in bands]
        if coord < bands[0].start:
            index = 0
        elif coord >= bands[-1].end:
            index = len(bands) - 1
        else:
            band = g.column_at(coord) if header.kind == "stage" else g.row_at(coord)
            index = ids.index(band.id) if band is not None else ids.index(header.entity_id)
        self.s._place_pinned()
        if index != ids.index(header.entity_id):
            self.s.editor.reorder(header.kind, header.entity_id, index)

    # -- double-click and keys ---------------------------------------------------------------

    def double_click(self, event: QGraphicsSceneMouseEvent) -> bool:
        target = self._left_target(event)
        if target is None:
            return False
        pos, top = target
        if isinstance(top, CardItem):
            self.s.editor.begin_rename("touchpoint", top.tp_id)
        elif isinstance(top, HeaderItem):
            self.s.editor.begin_rename(top.kind, top.entity_id)
        elif isinstance(top, ConnectorItem):
            self.s.editor.begin_rename("connector", top.connector_id)
        else:
            cell = self.s.cell_at(pos)
            if cell is None:
                return False
            self.s.set_current_cell(cell)
            self.s.editor.begin_new_card(cell)
        event.accept()
        return True

    def key(self, event: QKeyEvent) -> bool:
        """Keys that are gestures rather than menu actions: Enter, arrows, Esc."""
        k = event.key()
        if k in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            cards = self.s.selected_card_ids()
            if len(cards) == 1:
                self.s.editor.begin_rename("touchpoint", cards[0])
            elif not cards and self.s.current_cell() is not None:
                self.s.editor.begin_new_card(self.s.current_cell())
            event.accept()
            return True
        if k in ARROWS:
            self.s.editor.navigate(*ARROWS[Qt.Key(k)])
            event.accept()
            return True
        if k == Qt.Key.Key_Escape:
            if self.mode is not None:
                self.cancel()
            elif self.connect_mode:
                self.connect_mode = False
            else:
                self.s.clear_all_selection()
            event.accept()
            return True
        return False
