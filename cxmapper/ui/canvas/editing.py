"""Every canvas edit as one undo command: the only place the canvas asks the model to change.

Gestures, keys and menu actions call these methods; each pushes exactly one command onto the
undo stack (one user action = one undo step) and then selects what the user will expect.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QRectF
from PySide6.QtWidgets import QApplication

from cxmapper.errors import CxError
from cxmapper.ui import commands as cmd
from cxmapper.ui.canvas import clipboard, layout
from cxmapper.ui.canvas.mirror import Cell

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoCommand

    from cxmapper.model.entities import Lane, Stage
    from cxmapper.model.workspace import Workspace
    from cxmapper.ui.canvas.scene import JourneyScene

TEXT_FIELD = {"touchpoint": "title", "stage": "name", "lane": "name", "connector": "label"}


def _emotion_text() -> str:
    return QCoreApplication.translate("CanvasEditing", "Change emotion")


def _rename_text(kind: str) -> str:
    """Undo texts in the user's language; one literal per kind, so Italian can agree in gender."""
    texts = {
        "touchpoint": QCoreApplication.translate("CanvasEditing", "Rename card"),
        "stage": QCoreApplication.translate("CanvasEditing", "Rename stage"),
        "lane": QCoreApplication.translate("CanvasEditing", "Rename lane"),
        "connector": QCoreApplication.translate("CanvasEditing", "Rename connector label"),
    }
    return texts[kind]


def _delete_text(kind: str) -> str:
    texts = {
        "touchpoint": QCoreApplication.translate("CanvasEditing", "Delete card"),
        "connector": QCoreApplication.translate("CanvasEditing", "Delete connector"),
        "stage": QCoreApplication.translate("CanvasEditing", "Delete stage"),
        "lane": QCoreApplication.translate("CanvasEditing", "Delete lane"),
    }
    return texts.get(kind) or QCoreApplication.translate("CanvasEditing", "Delete item")


def _band_text(kind: str, verb: str) -> str:
    """Add / delete / move / resize a stage or a lane."""
    if kind == "stage":
        texts = {
            "add": QCoreApplication.translate("CanvasEditing", "Add stage"),
            "delete": QCoreApplication.translate("CanvasEditing", "Delete stage"),
            "move": QCoreApplication.translate("CanvasEditing", "Move stage"),
            "resize": QCoreApplication.translate("CanvasEditing", "Resize stage"),
        }
    else:
        texts = {
            "add": QCoreApplication.translate("CanvasEditing", "Add lane"),
            "delete": QCoreApplication.translate("CanvasEditing", "Delete lane"),
            "move": QCoreApplication.translate("CanvasEditing", "Move lane"),
            "resize": QCoreApplication.translate("CanvasEditing", "Resize lane"),
        }
    return texts[verb]


class SceneEditor:
    def __init__(self, scene: JourneyScene) -> None:
        self.s = scene

    @property
    def ws(self) -> Workspace:
        assert self.s.workspace is not None
        return self.s.workspace

    def _push(self, command: QUndoCommand) -> bool:
        """Push; a model refusal (validation) is reported in the status tip, not raised."""
        assert self.s.undo_stack is not None
        try:
            self.s.undo_stack.push(command)
        except CxError as exc:
            self.last_error = str(exc)
            return False
        return True

    last_error = ""

    # -- cards -------------------------------------------------------------------------------

    def begin_new_card(self, cell: Cell | None = None) -> None:
        """Open a title editor in the cell; Enter creates the card (Esc creates nothing)."""
        cell = cell or self.s.current_cell() or self._first_cell()
        if cell is None or self.s.grid is None or self.s.mirror is None:
            return
        if self.s.mirror.is_emotion_lane(cell[1]):
            return  # the emotion lane shows the curve of the other lanes' cards
        g = self.s.grid
        n = len(self.s.mirror.cells.get(cell, []))
        box = layout.card_box_in(g.column(cell[0]), g.row(cell[1]), n)

        def create(text: str) -> None:
            self.create_card(cell, text)

        self.s.open_inline_editor(QRectF(box.x, box.y, box.w, 40), "", create)

    def create_card(self, cell: Cell, title: str, index: int | None = None) -> str | None:
        stage_id, lane_id = cell
        command = cmd.AddCommand(
            self.ws, "touchpoint",
            lambda: self.ws.add_touchpoint(stage_id, lane_id, title, index),
            QCoreApplication.translate("CanvasEditing", "New card"),
        )  # fmt: skip
        if not self._push(command):
            return None
        tp_id: str = command.entity.id
        self.s.select_entity("touchpoint", tp_id)
        return tp_id

    def begin_rename(self, kind: str, id: str) -> None:
        m = self.s.mirror
        if m is None:
            return
        if kind == "touchpoint" and id in self.s.cards:
            rect, size = self.s.cards[id].title_area()
            self.s.open_inline_editor(
                rect, m.tps[id].title, lambda new: self.rename(kind, id, new), size, cover=True
            )
            return
        elif kind == "stage" and id in self.s.stage_headers:
            rect, text = self.s.stage_headers[id].sceneBoundingRect(), m.stages[id].name
            rect.setHeight(30)
        elif kind == "lane" and id in self.s.lane_headers:
            rect, text = self.s.lane_headers[id].sceneBoundingRect(), m.lanes[id].name
            rect.setHeight(30)
        elif kind == "connector" and id in self.s.connector_items:
            rect, text = self.s.connector_items[id].label_rect(), m.connectors[id].label
            rect = QRectF(rect.center().x() - 60, rect.y(), 120, 24)
        else:
            return
        self.s.open_inline_editor(rect, text, lambda new: self.rename(kind, id, new))

    def rename(self, kind: str, id: str, text: str) -> None:
        field = TEXT_FIELD[kind]
        entity = self.ws.find(kind, id)
        if entity is None or getattr(entity, field) == text:
            return
        self._push(cmd.UpdateCommand(self.ws, kind, id, _rename_text(kind), **{field: text}))

    def move_cards(self, ids: list[str], stage_id: str, lane_id: str, index: int | None) -> None:
        m = self.s.mirror
        assert m is not None
        current = list(m.cells.get((stage_id, lane_id), []))
        rest = [i for i in current if i not in ids]
        at = len(rest) if index is None else min(index, len(rest))
        if rest[:at] + list(ids) + rest[at:] == current:
            return  # dropped where they already are: no empty undo step
        n = len(ids)
        text = (
            QCoreApplication.translate("CanvasEditing", "Move card")
            if n == 1
            else QCoreApplication.translate("CanvasEditing", "Move {n} cards").format(n=n)
        )
        self._push(cmd.MoveCardsCommand(self.ws, ids, stage_id, lane_id, index, text))

    def connect(self, source_id: str, target_id: str) -> None:
        m = self.s.mirror
        assert m is not None
        if source_id == target_id or any(
            (c.source_id, c.target_id) == (source_id, target_id) for c in m.connectors.values()
        ):
            return
        command = cmd.AddCommand(
            self.ws, "connector", lambda: self.ws.add_connector(source_id, target_id),
            QCoreApplication.translate("CanvasEditing", "Connect cards"),
        )  # fmt: skip
        if self._push(command):
            self.s.select_entity("connector", command.entity.id)

    def set_emotion(self, tp_id: str, score: int) -> None:
        self._push(cmd.UpdateCommand(self.ws, "touchpoint", tp_id, _emotion_text(), emotion=score))

    def delete_selected(self) -> None:
        items = self.s.selected_entities()
        if not items:
            return
        n = len(items)
        text = (
            _delete_text(items[0][0])
            if n == 1
            else QCoreApplication.translate("CanvasEditing", "Delete {n} items").format(n=n)
        )
        self._push(cmd.RemoveMixedCommand(self.ws, items, text))

    def select_all(self) -> None:
        for item in self.s.cards.values():
            item.setSelected(True)

    # -- clipboard ---------------------------------------------------------------------------

    def copy(self) -> int:
        m = self.s.mirror
        ids = self.s.selected_card_ids()
        if m is None or not ids:
            return 0
        tps = [m.tps[i] for i in ids]
        links = [c for c in m.connectors.values() if c.source_id in ids and c.target_id in ids]
        QApplication.clipboard().setMimeData(clipboard.to_mime(tps, links))
        return len(ids)

    def paste(self) -> list[str]:
        data = clipboard.from_mime(QApplication.clipboard().mimeData())
        cell = self.s.current_cell() or self._first_cell()
        if data is None or cell is None or self.s.mirror is None:
            return []
        cards, links = data
        owners = set(self.s.mirror.parties)

        def create() -> list[Any]:
            made = []
            for values in cards:
                values = dict(values)
                if values.get("owner_id") not in owners:
                    values.pop("owner_id", None)
                title = values.pop("title", "") or QCoreApplication.translate(
                    "CanvasEditing", "Card"
                )
                made.append(self.ws.add_touchpoint(cell[0], cell[1], title, **values))
            for link in links:
                src, dst, label, kind = link
                if 0 <= src < len(made) and 0 <= dst < len(made) and src != dst:
                    self.ws.add_connector(made[src].id, made[dst].id, label=label, kind=kind)
            return made

        n = len(cards)
        command = cmd.AddManyCommand(
            self.ws,
            "touchpoint",
            create,
            (
                QCoreApplication.translate("CanvasEditing", "Paste card")
                if n == 1
                else QCoreApplication.translate("CanvasEditing", "Paste {n} cards").format(n=n)
            ),
        )
        if not self._push(command):
            return []
        return self._select_new(command.entities)

    def duplicate(self) -> list[str]:
        """Copies right after their originals, in the same cells (one undo step)."""
        m = self.s.mirror
        ids = self.s.selected_card_ids()
        if m is None or not ids:
            return []
        chosen = set(ids)
        plan = []  # (cell, index after the original), in reverse so indices stay valid
        for cell, members in m.cells.items():
            for i, tp_id in enumerate(members):
                if tp_id in chosen:
                    plan.append((cell, i + 1, tp_id))
        plan.sort(key=lambda p: (p[0], -p[1]))
        fields = clipboard.CARD_FIELDS[1:]

        def create() -> list[Any]:
            made = []
            for cell, index, tp_id in plan:
                t = m.tps[tp_id]
                values = {f: getattr(t, f) for f in fields}
                made.append(self.ws.add_touchpoint(cell[0], cell[1], t.title, index, **values))
            return made

        n = len(plan)
        command = cmd.AddManyCommand(
            self.ws,
            "touchpoint",
            create,
            (
                QCoreApplication.translate("CanvasEditing", "Duplicate card")
                if n == 1
                else QCoreApplication.translate("CanvasEditing", "Duplicate {n} cards").format(n=n)
            ),
        )
        if not self._push(command):
            return []
        return self._select_new(command.entities)

    def _select_new(self, entities: list[Any]) -> list[str]:
        self.s.clear_all_selection()
        for e in entities:
            self.s.select_entity("touchpoint", e.id, add=True)
        return [e.id for e in entities]

    # -- structure ---------------------------------------------------------------------------

    def current(self, kind: str) -> str | None:
        """The stage or lane the structure actions apply to: a selected header, else the
        current cell's, else the selected card's."""
        for k, id in self.s.selected_entities():
            if k == kind:
                return id
        cell = self.s.current_cell()
        if cell is None:
            cards = self.s.selected_card_ids()
            cell = self.s.cell_of(cards[0]) if cards else None
        if cell is None:
            return None
        return cell[0] if kind == "stage" else cell[1]

    def add_stage(self) -> str | None:
        return self._add_band("stage")

    def add_lane(self) -> str | None:
        return self._add_band("lane")

    def _add_band(self, kind: str) -> str | None:
        m = self.s.mirror
        if m is None:
            return None
        order = [x.id for x in (m.stage_order() if kind == "stage" else m.lane_order())]
        ref = self.current(kind)
        index = order.index(ref) + 1 if ref in order else len(order)
        jid = m.journey_id
        make: Callable[[], Stage | Lane]
        if kind == "stage":
            name = QCoreApplication.translate("CanvasEditing", "New stage")
            make = lambda: self.ws.add_stage(jid, name, index)  # noqa: E731
        else:
            name = QCoreApplication.translate("CanvasEditing", "New lane")
            make = lambda: self.ws.add_lane(jid, name, "custom", index)  # noqa: E731
        command = cmd.AddCommand(self.ws, kind, make, _band_text(kind, "add"))
        if not self._push(command):
            return None
        new_id: str = command.entity.id
        self.s.select_entity(kind, new_id)
        self.begin_rename(kind, new_id)
        return new_id

    def rename_current(self, kind: str) -> None:
        ref = self.current(kind)
        if ref is not None:
            self.begin_rename(kind, ref)

    def delete_current(self, kind: str) -> None:
        ref = self.current(kind)
        if ref is not None:
            self._push(cmd.RemoveCommand(self.ws, kind, [ref], _band_text(kind, "delete")))

    def move_current(self, kind: str, delta: int) -> None:
        m = self.s.mirror
        ref = self.current(kind)
        if m is None or ref is None:
            return
        order = [x.id for x in (m.stage_order() if kind == "stage" else m.lane_order())]
        index = order.index(ref) + delta
        if 0 <= index < len(order):
            self.reorder(kind, ref, index)

    def reorder(self, kind: str, id: str, index: int) -> None:
        self._push(cmd.ReorderCommand(self.ws, kind, id, index, _band_text(kind, "move")))
        self.s.select_entity(kind, id)

    def resize(self, kind: str, id: str, size: float) -> None:
        field = "width" if kind == "stage" else "height"
        self._push(
            cmd.UpdateCommand(self.ws, kind, id, _band_text(kind, "resize"), **{field: float(size)})
        )

    # -- keyboard navigation -----------------------------------------------------------------

    def _first_cell(self) -> Cell | None:
        g = self.s.grid
        if g is None or not g.columns or not g.rows:
            return None
        return g.columns[0].id, g.rows[0].id

    def navigate(self, dx: int, dy: int) -> None:
        """Arrow keys: move the selection to the neighbouring card or cell."""
        g, m = self.s.grid, self.s.mirror
        if g is None or m is None or not g.columns or not g.rows:
            return
        cards = self.s.selected_card_ids()
        focus = self.s.focusItem()
        anchor = getattr(focus, "tp_id", None) if focus is not None else None
        if anchor not in cards:
            anchor = cards[-1] if cards else None
        cell = self.s.cell_of(anchor) if anchor else self.s.current_cell()
        if cell is None:
            self._go(self._first_cell(), 0)
            return
        cols, rows = [c.id for c in g.columns], [r.id for r in g.rows]
        ci, ri = cols.index(cell[0]), rows.index(cell[1])
        members = m.cells.get(cell, [])
        i = members.index(anchor) if anchor in members else -1
        if dy and anchor is not None and 0 <= i + dy < len(members):
            self._go(cell, i + dy)
            return
        ci, ri = ci + dx, ri + dy
        if not (0 <= ci < len(cols) and 0 <= ri < len(rows)):
            return
        target = (cols[ci], rows[ri])
        n = len(m.cells.get(target, []))
        index = (0 if dy > 0 else n - 1) if dy else min(max(i, 0), n - 1)
        self._go(target, index)

    def _go(self, cell: Cell | None, index: int) -> None:
        if cell is None or self.s.mirror is None:
            return
        members = self.s.mirror.cells.get(cell, [])
        self.s.clear_all_selection()
        if 0 <= index < len(members):
            self.s.select_entity("touchpoint", members[index])
        else:
            self.s.set_current_cell(cell)
            for view in self.s.views():
                view.ensureVisible(self.s.cell_rect(cell), 20, 20)
