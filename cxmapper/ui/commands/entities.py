"""Adding and removing entities; undo restores a removal exactly (same ids, same positions)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtGui import QUndoCommand

from cxmapper.model.workspace import Removal, Workspace


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
