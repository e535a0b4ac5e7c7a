"""Follow-up: a topic or a driver becomes an improvement action in one step, owned by the
card's RACI Responsible by default, with its evidence (figures, verbatims) attached.

Evidence is plain text in the action's description, so the Excel round trip and every view
that shows actions carry it without a schema change.
"""

from __future__ import annotations

from collections.abc import Sequence

from cxmapper.model import entities as e
from cxmapper.model.workspace import Workspace

OPEN_STATUSES = ("open", "in progress")


def default_owner(ws: Workspace, touchpoint_id: str) -> str | None:
    """The card's Responsible (the first one), else its owner, else nobody."""
    for r in ws.raci(touchpoint_id):
        if r.role == "R":
            return r.party_id
    tp: e.Touchpoint = ws.get("touchpoint", touchpoint_id)
    return tp.owner_id


def evidence_text(figures: Sequence[str], verbatims: Sequence[str] = ()) -> str:
    lines = ["Evidence:", *(f"- {f}" for f in figures)]
    if verbatims:
        lines += ["Customers said:", *(f'- "{v}"' for v in verbatims)]
    return "\n".join(lines)


def add_follow_up(
    ws: Workspace,
    touchpoint_id: str,
    title: str,
    *,
    figures: Sequence[str] = (),
    verbatims: Sequence[str] = (),
    owner_id: str | None = None,
    due_date: str = "",
    impact: int = 3,
) -> e.Action:
    """One undoable step: the action on the card, owned by `owner_id` or the default owner."""
    return ws.add_action(
        touchpoint_id,
        title,
        description=evidence_text(figures, verbatims),
        owner_id=owner_id or default_owner(ws, touchpoint_id),
        due_date=due_date,
        impact=impact,
    )


def open_follow_ups(ws: Workspace, party_id: str | None = None) -> list[e.Action]:
    """Open and in-progress actions, of one owner when `party_id` is given, by due date."""
    found = [
        a
        for a in ws.actions()
        if a.status in OPEN_STATUSES and (party_id is None or a.owner_id == party_id)
    ]
    return sorted(found, key=lambda a: (a.due_date or "9999", a.created_at))
