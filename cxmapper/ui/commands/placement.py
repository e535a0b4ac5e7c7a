"""Where things sit: a stage, lane or journey moved in its list, cards dragged into a cell."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QUndoCommand

from cxmapper.model.workspace import Placement, Workspace


class ReorderCommand(QUndoCommand):
    """Move one entity to `index` among its siblings; undo puts it back where it was."""

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
