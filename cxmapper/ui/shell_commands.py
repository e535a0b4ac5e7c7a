"""Pushing undo commands safely from the shell, plus the few commands `commands.py` lacks.

A command whose model operation is refused (ValidationError, WorkspaceError) must not land on
the undo stack, and the user must read why. Python exceptions cannot cross QUndoStack.push (Qt
calls redo() from C++), so `Guarded` catches them, marks itself obsolete (Qt then drops it
instead of stacking it) and `push` reports the message.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand, QUndoStack

from cxmapper.errors import CxError
from cxmapper.model.templates import apply_template
from cxmapper.model.workspace import Workspace
from cxmapper.ui.commands import AddCommand, UpdateCommand

ErrorSink = Callable[[str], None]


class Guarded(QUndoCommand):
    """Runs an inner command; a refused first redo() makes this command obsolete."""

    def __init__(self, inner: QUndoCommand, errors: list[str]) -> None:
        super().__init__(inner.text())
        self._inner = inner
        self._errors = errors

    def redo(self) -> None:
        try:
            self._inner.redo()
        except CxError as exc:
            self._errors.append(str(exc))
            self.setObsolete(True)

    def undo(self) -> None:
        try:
            self._inner.undo()
        except CxError as exc:  # e.g. another process removed the entity meanwhile
            self._errors.append(str(exc))


def push(stack: QUndoStack, command: QUndoCommand, on_error: ErrorSink | None = None) -> bool:
    """Push `command`; False (and `on_error(message)`) if the model refused it."""
    errors: list[str] = []
    stack.push(Guarded(command, errors))
    if errors and on_error is not None:
        on_error(errors[0])
    return not errors


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


def template_command(
    workspace: Workspace, key: str, name: str | None = None, index: int | None = None
) -> AddCommand:
    """A new journey from a template as one undo step (undo removes the whole journey)."""
    return AddCommand(
        workspace, "journey", lambda: apply_template(workspace, key, name, index),
        f"New journey from template {name or key}",
    )  # fmt: skip


def duplicate_journey_command(workspace: Workspace, journey_id: str, name: str) -> AddCommand:
    return AddCommand(
        workspace, "journey", lambda: workspace.duplicate_journey(journey_id, name),
        f"Duplicate journey {name}",
    )  # fmt: skip
