"""Changing fields of one entity, with consecutive edits of one field merged into one step.

Typing a title in several goes (each committed on Enter or focus-out), or nudging a spin box
up and down, is one change for the person doing it: Edit ▸ Undo should take the field back
to what it was before the first of those edits, not one keystroke-batch at a time. Qt merges
a pushed command into the one on top of the stack when both report the same `id()` and
`mergeWith` accepts; `Guarded` (ui/undo_stack.py) delegates both to the command it wraps.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QUndoCommand

from cxmapper.model.workspace import Workspace


class UpdateCommand(QUndoCommand):
    """Change fields of one entity. Consecutive edits of the same field merge into one step."""

    MERGE_ID = 1001

    def __init__(
        self, workspace: Workspace, kind: str, id: str, text: str, /, **values: Any
    ) -> None:
        super().__init__(text)
        self._ws = workspace
        self._kind = kind
        self._id = id
        self._new = values
        self._old: dict[str, Any] | None = None

    def redo(self) -> None:
        old = self._ws.update(self._kind, self._id, **self._new)
        if self._old is None:
            self._old = old

    def undo(self) -> None:
        if self._old:
            self._ws.update(self._kind, self._id, **self._old)

    def id(self) -> int:
        return self.MERGE_ID

    def same_target(self, other: QUndoCommand) -> bool:
        """True when `other` is the same action (its text) on the same fields of the same entity.

        The action text keeps two different intentions apart even when they set one field:
        "Resolve comment" then "Reopen comment" stay two steps; "Rename lane" twice is one.
        """
        return (
            isinstance(other, UpdateCommand)
            and other.text() == self.text()
            and other._ws is self._ws
            and (other._kind, other._id) == (self._kind, self._id)
            and other._new.keys() == self._new.keys()
        )

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Absorb the next edit of the same field: undo then goes back past both at once.

        The first edit's old values are kept; the later edit's new values replace ours. An
        edit that brings the field back to where it started leaves nothing to undo, so the
        merged step becomes obsolete and Qt drops it.
        """
        if not self.same_target(other) or self._old is None:
            return False
        assert isinstance(other, UpdateCommand)
        if other._old is None:  # the other edit never ran: nothing to absorb
            return False
        # fields the first edit did not change (already at that value) start from the model's
        # value before the second edit
        for key, value in other._old.items():
            self._old.setdefault(key, value)
        self._new = dict(other._new)
        if all(self._old.get(k, self._new[k]) == v for k, v in self._new.items()):
            self.setObsolete(True)
        return True
