"""Re-rating an action from the impact × effort matrix: one undo step per drag.

Unlike `UpdateCommand`, two drags of the same action never merge: each drag is its own step.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from cxmapper.model.action_ratings import rate_action
from cxmapper.model.workspace import Workspace


class RateActionCommand(QUndoCommand):
    """Set an action's impact and effort; undo puts the previous pair back."""

    def __init__(self, workspace: Workspace, action_id: str, impact: int, effort: int) -> None:
        title = workspace.get("action", action_id).title
        super().__init__(
            QCoreApplication.translate("ActionRating", "Re-rate action {title}").format(title=title)
        )
        self._ws = workspace
        self._id = action_id
        self._new = (impact, effort)
        self._old: tuple[int, int] | None = None

    def redo(self) -> None:
        old = rate_action(self._ws, self._id, *self._new)
        if self._old is None:
            self._old = old

    def undo(self) -> None:
        if self._old is not None:
            rate_action(self._ws, self._id, *self._old)
