"""Undo commands: each is one user action and only calls workspace operations.

A command's first redo() performs the operation and remembers what the model returned
(old values, a removal snapshot, previous placements); undo() hands that back to the model.
Ids stay stable across undo/redo because removals are restored, never re-created.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtGui import QUndoCommand

from cxmapper.model.workspace import Placement, Removal, Workspace


class AddCommand(QUndoCommand):
    """Add something built by `create()` (which calls a workspace add_* and returns the entity)."""

    def __init__(
        self, workspace: Workspace, kind: str, create: Callable[[], Any], text: str
    ) -> None:
        super().__init__(text)
        self._ws = workspace
        self._kind = kind
        self._create = create
        self._removal: Removal | None = None
        self.entity: Any = None

    def redo(self) -> None:
        if self._removal is None:
            self.entity = self._create()
        else:
            self._ws.restore(self._removal)

    def undo(self) -> None:
        self._removal = self._ws.remove(self._kind, self.entity.id)


class AddManyCommand(QUndoCommand):
    """Several additions as one step (paste, duplicate, template)."""

    def __init__(
        self, workspace: Workspace, kind: str, create: Callable[[], list[Any]], text: str
    ) -> None:
        super().__init__(text)
        self._ws = workspace
        self._kind = kind
        self._create = create
        self._removal: Removal | None = None
        self.entities: list[Any] = []

    def redo(self) -> None:
        if self._removal is None:
            with self._ws.batch():
                self.entities = self._create()
        else:
            self._ws.restore(self._removal)

    def undo(self) -> None:
        self._removal = self._ws.remove_many(self._kind, [x.id for x in self.entities])


class UpdateCommand(QUndoCommand):
    """Change fields of one entity. Consecutive edits of the same field merge into one step."""

    MERGE_ID = 1001

    def __init__(
        self, workspace: Workspace, kind: str, id: str, text: str, /, **values: Any
    ) -> None:
        super().__init__(text)
        self._ws = workspace
        self._kind = kind
        self._id = id
        self._new = values
        self._old: dict[str, Any] | None = None

    def redo(self) -> None:
        old = self._ws.update(self._kind, self._id, **self._new)
        if self._old is None:
            self._old = old

    def undo(self) -> None:
        if self._old:
            self._ws.update(self._kind, self._id, **self._old)

    def id(self) -> int:
        return -1  # no merging by default; text edits are committed on focus-out


class UpdateManyCommand(QUndoCommand):
    """The same field change on several entities (e.g. set owner of all selected cards)."""

    def __init__(
        self, workspace: Workspace, kind: str, ids: Sequence[str], text: str, /, **values: Any
    ) -> None:
        super().__init__(text)
        self._ws = workspace
        self._kind = kind
        self._ids = list(ids)
        self._new = values
        self._old: dict[str, dict[str, Any]] = {}

    def redo(self) -> None:
        with self._ws.batch():
            for i in self._ids:
                old = self._ws.update(self._kind, i, **self._new)
                self._old.setdefault(i, old)

    def undo(self) -> None:
        with self._ws.batch():
            for i, old in self._old.items():
                if old:
                    self._ws.update(self._kind, i, **old)


class RemoveCommand(QUndoCommand):
    """Remove entities of one kind with everything hanging off them; undo restores exactly."""

    def __init__(self, workspace: Workspace, kind: str, ids: Sequence[str], text: str) -> None:
        super().__init__(text)
        self._ws = workspace
        self._kind = kind
        self._ids = list(ids)
        self._removal: Removal | None = None

    def redo(self) -> None:
        self._removal = self._ws.remove_many(self._kind, self._ids)

    def undo(self) -> None:
        if self._removal is not None:
            self._ws.restore(self._removal)


class RemoveMixedCommand(QUndoCommand):
    """Delete a selection of several kinds (cards and connectors) as one step."""

    def __init__(self, workspace: Workspace, items: Sequence[tuple[str, str]], text: str) -> None:
        super().__init__(text)
        self._ws = workspace
        self._items = list(items)
        self._removals: list[Removal] = []

    def redo(self) -> None:
        self._removals = []
        by_kind: dict[str, list[str]] = {}
        for kind, id in self._items:
            by_kind.setdefault(kind, []).append(id)
        with self._ws.batch():
            # connectors first: removing a card would cascade them away anyway
            for kind in sorted(by_kind, key=lambda k: k != "connector"):
                ids = [i for i in by_kind[kind] if self._ws.find(kind, i) is not None]
                if ids:
                    self._removals.append(self._ws.remove_many(kind, ids))

    def undo(self) -> None:
        with self._ws.batch():
            for removal in reversed(self._removals):
                self._ws.restore(removal)


class ReorderCommand(QUndoCommand):
    def __init__(self, workspace: Workspace, kind: str, id: str, index: int, text: str) -> None:
        super().__init__(text)
        self._ws = workspace
        self._kind = kind
        self._id = id
        self._index = index
        self._old_index: int | None = None

    def redo(self) -> None:
        self._old_index = self._ws.reorder(self._kind, self._id, self._index)

    def undo(self) -> None:
        if self._old_index is not None:
            self._ws.reorder(self._kind, self._id, self._old_index)


class MoveCardsCommand(QUndoCommand):
    """A drag of one or many cards into a cell: one step however many cards moved."""

    def __init__(
        self,
        workspace: Workspace,
        ids: Sequence[str],
        stage_id: str,
        lane_id: str,
        index: int | None,
        text: str,
    ) -> None:
        super().__init__(text)
        self._ws = workspace
        self._ids = list(ids)
        self._target = (stage_id, lane_id, index)
        self._before: list[Placement] = []

    def redo(self) -> None:
        stage_id, lane_id, index = self._target
        self._before = self._ws.move_touchpoints(self._ids, stage_id, lane_id, index)

    def undo(self) -> None:
        self._ws.set_placements(self._before)


class CallCommand(QUndoCommand):
    """Escape hatch for composite actions: do() returns the undo callable."""

    def __init__(self, text: str, do: Callable[[], Callable[[], None]]) -> None:
        super().__init__(text)
        self._do = do
        self._undo: Callable[[], None] | None = None

    def redo(self) -> None:
        self._undo = self._do()

    def undo(self) -> None:
        if self._undo is not None:
            self._undo()
