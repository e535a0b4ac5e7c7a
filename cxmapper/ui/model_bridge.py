"""Turns workspace change callbacks into a Qt signal, so widgets connect/disconnect the Qt way."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from cxmapper.model.changes import Change
from cxmapper.model.workspace import Workspace


class ModelBridge(QObject):
    """Owns the subscription to one workspace; `detach()` before the workspace closes.

    Also polls the file for commits by another process (every `poll_ms`) and emits a
    `reloaded` change when it sees one, so two windows on one file never show stale data.
    """

    changed = Signal(object)  # Change

    def __init__(
        self, workspace: Workspace, parent: QObject | None = None, poll_ms: int = 1000
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self._unsubscribe = workspace.subscribe(self.changed.emit)
        self._timer = QTimer(self)
        self._timer.setInterval(poll_ms)
        self._timer.timeout.connect(self._poll)
        if poll_ms > 0:
            self._timer.start()

    def _poll(self) -> None:
        if not self.workspace.closed:
            self.workspace.poll_external_changes()

    def detach(self) -> None:
        self._timer.stop()
        self._unsubscribe()


__all__ = ["Change", "ModelBridge"]
