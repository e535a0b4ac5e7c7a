"""Every undo command of the app, one small class per operation (orange-canvas-core's style).

A command is one user action and only calls workspace operations. Its first redo() performs
the operation and remembers what the model returned (old values, a removal snapshot, previous
placements); undo() hands that back to the model. Ids stay stable across undo/redo because
removals are restored, never re-created.

The families live in small modules:

- `entities`: add and remove entities (one, several, a mixed selection);
- `fields`: change fields of one entity (consecutive edits of one field merge into one step);
- `placement`: reorder, and move cards between cells;
- `journeys`: whole journeys from a template or as a copy;
- `transfer`: an Excel round trip or a JSON import applied as one step;
- `push`: pushing from the shell onto the `GuardedUndoStack` (`ui/undo_stack.py`), which
  keeps a command the model refused off the stack and says why.
"""

from __future__ import annotations

from cxmapper.ui.commands.entities import (
    AddCommand,
    AddManyCommand,
    RemoveCommand,
    RemoveMixedCommand,
)
from cxmapper.ui.commands.fields import UpdateCommand
from cxmapper.ui.commands.journeys import duplicate_journey_command, template_command
from cxmapper.ui.commands.placement import MoveCardsCommand, ReorderCommand
from cxmapper.ui.commands.push import ErrorSink, push, push_update
from cxmapper.ui.commands.transfer import ApplyPlanCommand, ImportJsonCommand

__all__ = [
    "AddCommand",
    "AddManyCommand",
    "ApplyPlanCommand",
    "ErrorSink",
    "ImportJsonCommand",
    "MoveCardsCommand",
    "RemoveCommand",
    "RemoveMixedCommand",
    "ReorderCommand",
    "UpdateCommand",
    "duplicate_journey_command",
    "push",
    "push_update",
    "template_command",
]
