"""Setting a journey's value model from the app: one undo step per confirmed edit."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from cxmapper.model.value_models import set_value_model
from cxmapper.model.workspace import Workspace


class ValueModelCommand(QUndoCommand):
    """Replace the journey's value model; undo puts the previous fields back exactly."""

    def __init__(self, workspace: Workspace, journey_id: str, fields: dict[str, Any]) -> None:
        super().__init__(QCoreApplication.translate("ValueModel", "Edit value model"))
        self._ws = workspace
        self._journey_id = journey_id
        self._new = fields
        self._old: dict[str, Any] | None = None

    def redo(self) -> None:
        old = set_value_model(self._ws, self._journey_id, self._new)
        if self._old is None:
            self._old = old

    def undo(self) -> None:
        if self._old is not None:
            set_value_model(self._ws, self._journey_id, self._old)
