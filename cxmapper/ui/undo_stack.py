"""An undo stack that never gets out of step with the file.

Every step is a model operation committed at once. The model may refuse one: a value it does
not accept, an entity another process removed, or another program holding the write lock for
longer than the busy timeout. Python exceptions cannot cross Qt's C++ undo machinery, so each
pushed command is wrapped in `Guarded`, which catches the refusal and tells this stack:

- a refused *first* run makes the command obsolete: Qt drops it instead of stacking it;
- a refused undo or redo (from the Edit menu, a shortcut, or a click in the History list that
  moves several steps at once) skips the rest of that sweep, and the stack then moves its index
  back to the step the file really is at, without running anything.

Either way `refused` carries the reason, so the user reads that the change did not happen.

Merging (consecutive edits of one field as one step) is the inner command's business: `Guarded`
reports the inner `id()` and hands `mergeWith` on, unless the newer command was refused.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from cxmapper.errors import CxError


class Guarded(QUndoCommand):
    """Runs an inner command and reports a refused operation to its stack."""

    def __init__(self, inner: QUndoCommand, stack: GuardedUndoStack, position: int) -> None:
        super().__init__(inner.text())
        self.inner = inner
        self._stack = stack
        self._position = position  # this step's index on the stack
        self._ran = False

    def redo(self) -> None:
        stack = self._stack
        if stack.replaying or stack.sweep_failed:
            return
        try:
            self.inner.redo()
        except CxError as exc:
            if not self._ran:
                stack.first_run_error = str(exc)
                self.setObsolete(True)
            else:  # the file is still before this step
                stack.step_failed(self._position, str(exc))
            return
        self._ran = True

    def undo(self) -> None:
        stack = self._stack
        if stack.replaying or stack.sweep_failed:
            return
        try:
            self.inner.undo()
        except CxError as exc:  # the file is still after this step
            stack.step_failed(self._position + 1, str(exc))

    def id(self) -> int:
        return self.inner.id()

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Merge the inner commands; a refused (obsolete) newer step is never merged."""
        if not isinstance(other, Guarded) or other.isObsolete() or not other._ran:
            return False
        if not self.inner.mergeWith(other.inner):
            return False
        self.setText(self.inner.text())
        if self.inner.isObsolete():  # the edits cancel out: Qt drops the whole step
            self.setObsolete(True)
        return True


class GuardedUndoStack(QUndoStack):
    """QUndoStack whose every push is guarded; `refused(message)` reports what did not happen."""

    refused = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.replaying = False
        self.sweep_failed = False
        self.first_run_error: str | None = None
        self._settle_at: int | None = None
        self._message = ""
        self.indexChanged.connect(self._settle)

    def push(self, command: QUndoCommand) -> None:
        error = self.push_checked(command)
        if error is not None:
            self.refused.emit(error)

    def push_checked(self, command: QUndoCommand) -> str | None:
        """Push and run `command`; the model's refusal message, or None if it was done."""
        self.first_run_error = None
        super().push(Guarded(command, self, self.index()))
        error, self.first_run_error = self.first_run_error, None
        return error

    def step_failed(self, consistent_index: int, message: str) -> None:
        if not self.sweep_failed:
            self.sweep_failed = True
            self._settle_at = consistent_index
            self._message = message

    def _settle(self, _index: int) -> None:
        """After an undo/redo sweep that hit a refusal: move back to where the file is."""
        if self._settle_at is None or self.replaying:
            return
        target, message = self._settle_at, self._message
        self._settle_at = None
        self.replaying = True
        try:
            self.setIndex(target)
        finally:
            self.replaying = False
            self.sweep_failed = False
        self.refused.emit(message)
