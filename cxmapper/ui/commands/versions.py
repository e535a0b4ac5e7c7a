"""Saving and restoring journey versions as undo steps.

Restoring is non-destructive in the model (the replaced state is kept as a version); undo
goes back to that kept version and removes it, so undo leaves the version list as it was."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from cxmapper.model.versions import restore_version, save_version
from cxmapper.model.workspace import Removal, Workspace


class SaveVersionCommand(QUndoCommand):
    """Store the journey as it is now under a name; undo removes that version."""

    def __init__(self, ws: Workspace, journey_id: str, name: str, live_from: str = "") -> None:
        super().__init__(
            QCoreApplication.translate("UndoText", "Save version {name}").format(name=name)
        )
        self._ws, self._journey_id, self._name, self._live_from = ws, journey_id, name, live_from
        self._removal: Removal | None = None
        self.version_id = ""

    def redo(self) -> None:
        if self._removal is None:
            v = save_version(self._ws, self._journey_id, self._name, live_from=self._live_from)
            self.version_id = v.id
        else:
            self._ws.restore(self._removal)

    def undo(self) -> None:
        self._removal = self._ws.remove("version", self.version_id)


class RestoreVersionCommand(QUndoCommand):
    """Make a version the current state; the state it replaced is kept as a version."""

    def __init__(self, ws: Workspace, version_id: str, name: str) -> None:
        super().__init__(
            QCoreApplication.translate("UndoText", "Restore version {name}").format(name=name)
        )
        self._ws, self._version_id = ws, version_id
        self.kept_id = ""

    def redo(self) -> None:
        kept = restore_version(self._ws, self._version_id)
        self.kept_id = kept.id if kept is not None else ""

    def undo(self) -> None:
        if self.kept_id:
            restore_version(self._ws, self.kept_id, keep_replaced=False)
            self._ws.remove("version", self.kept_id)
            self.kept_id = ""
