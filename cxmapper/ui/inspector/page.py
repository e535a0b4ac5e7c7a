"""Base of every inspector page: which entity it shows and how an edit becomes a command."""

from __future__ import annotations

from typing import Generic, TypeVar

from PySide6.QtWidgets import QApplication, QWidget

from cxmapper.model import entities as e
from cxmapper.ui.commands.undo_text import edit_text, of_text
from cxmapper.ui.inspector.context import InspectorContext

E = TypeVar("E")  # the entity class a page shows: e.Touchpoint, e.Stage, ...


def entity_name(entity: object) -> str:
    """What the inspector calls an entity in its header and undo texts: a card's title, a
    journey's, stage's or lane's name ('' for a connector, which has neither)."""
    if isinstance(entity, e.Touchpoint):
        return entity.title
    if isinstance(entity, (e.Journey, e.Stage, e.Lane)):
        return entity.name
    return ""


class EntityPage(QWidget, Generic[E]):
    """Shows one entity of `kind`; `refresh()` re-reads it from the workspace."""

    kind = ""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx: InspectorContext | None = None
        self.entity_id: str | None = None

    def load(self, ctx: InspectorContext, entity_id: str) -> None:
        self.finish_pending_edit(entity_id)
        self.ctx = ctx
        self.entity_id = entity_id
        self.refresh()

    def finish_pending_edit(self, next_id: str) -> None:
        """Before showing another entity, let a half-typed field commit to the one it was
        typed for (taking focus away ends the edit), never to the next one."""
        if next_id == self.entity_id:
            return
        focused = QApplication.focusWidget()
        if focused is not None and self.isAncestorOf(focused):
            focused.clearFocus()

    def entity(self) -> E | None:
        if self.ctx is None or self.entity_id is None or self.ctx.workspace.closed:
            return None
        found: E | None = self.ctx.workspace.find(self.kind, self.entity_id)  # of `kind`
        return found

    def refresh(self) -> None:
        entity = self.entity()
        if entity is not None:
            self.show_entity(entity)

    def show_entity(self, entity: E) -> None:
        raise NotImplementedError

    def edit(self, field: str, value: object, label: str | None = None) -> bool:
        """Push one undo step setting `field`; the text names what changed for the history."""
        if self.ctx is None or self.entity_id is None:
            return False
        entity = self.entity()
        name = entity_name(entity) or self.kind
        text = of_text(label or edit_text(field), name)
        ok = self.ctx.update(self.kind, self.entity_id, text, **{field: value})
        if not ok:
            self.refresh()  # show the model's value again instead of the refused one
        return ok
