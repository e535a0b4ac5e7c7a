"""What every inspector page needs: the workspace to read, the stack to push edits on."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand, QUndoStack

from cxmapper.model.workspace import Workspace
from cxmapper.ui import commands


@dataclass
class InspectorContext:
    """Shared by all pages. Pages read the model freely but write only through `push*`."""

    workspace: Workspace
    stack: QUndoStack
    on_error: Callable[[str], None]
    ask_author: Callable[[], str | None] = lambda: None

    def push(self, command: QUndoCommand) -> bool:
        return commands.push(self.stack, command, self.on_error)

    def create_party(self, name: str) -> str | None:
        """A new person, made where an owner is picked (one undo step); their id, or None."""
        from cxmapper.ui.commands import AddCommand

        ws = self.workspace
        command = AddCommand(
            ws,
            "party",
            lambda: ws.add_party(name.strip()),
            QCoreApplication.translate("UndoText", "Add person {name}").format(name=name),
        )
        return command.entity.id if self.push(command) else None

    def update(self, kind: str, id: str, text: str, /, **values: Any) -> bool:
        """One undo step setting `values` (a no-op edit pushes nothing)."""
        return commands.push_update(
            self.stack, self.workspace, kind, id, text, self.on_error, **values
        )
