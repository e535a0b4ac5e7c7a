"""Pushing undo commands from the shell.

A command whose model operation is refused (ValidationError, WorkspaceError) must not land on
the undo stack, and the user must read why: `GuardedUndoStack` (undo_stack.py) does both.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand, QUndoStack

from cxmapper.model.workspace import Workspace
from cxmapper.ui.commands.fields import UpdateCommand
from cxmapper.ui.undo_stack import GuardedUndoStack

ErrorSink = Callable[[str], None]


def push(stack: QUndoStack, command: QUndoCommand, on_error: ErrorSink | None = None) -> bool:
    """Push `command`; False (and `on_error(message)`) if the model refused it."""
    if not isinstance(stack, GuardedUndoStack):
        raise TypeError("cxmapper pushes commands only on a GuardedUndoStack")
    error = stack.push_checked(command)
    if error is not None and on_error is not None:
        on_error(error)
    return error is None


def push_update(
    stack: QUndoStack, workspace: Workspace, kind: str, id: str, text: str,
    on_error: ErrorSink | None = None, /, **values: Any,
) -> bool:  # fmt: skip
    """One undo step for a field edit, or nothing at all when the value did not change."""
    current = workspace.find(kind, id)
    if current is None:
        return False
    if all(getattr(current, k, object()) == v for k, v in values.items()):
        return True
    return push(stack, UpdateCommand(workspace, kind, id, text, **values), on_error)
