"""Rating an improvement action: its impact and effort (1..5) set together, as one change.

The impact × effort matrix moves an action in both directions with one drag; this is the model
operation that drag becomes (one journal entry, one undo step in the app), with the same range
checks as any edit of the two fields.
"""

from __future__ import annotations

from cxmapper.errors import ValidationError
from cxmapper.model.workspace import Workspace

RATINGS = range(1, 6)


def rate_action(ws: Workspace, action_id: str, impact: int, effort: int) -> tuple[int, int]:
    """Set the action's impact and effort; returns the old (impact, effort). ValidationError
    naming the field when a rating is not a whole number 1..5, changing nothing."""
    for name, value in (("impact", impact), ("effort", effort)):
        if isinstance(value, bool) or not isinstance(value, int) or value not in RATINGS:
            raise ValidationError(f"action {name}: {value!r} must be a whole number from 1 to 5")
    action = ws.get("action", action_id)
    old = (action.impact, action.effort)
    if old != (impact, effort):
        ws.update("action", action_id, impact=impact, effort=effort)
    return old
