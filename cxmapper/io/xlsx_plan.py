"""What an Excel import will do (changes and conflicts, for the user to read first) and doing
it: `apply_plan` writes every planned change in one transaction and returns how to undo it.
xlsx_import makes the plan."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from cxmapper.model.workspace import Workspace
from cxmapper.present import keyed_text, log_labels
from cxmapper.present.labels import _


@dataclass
class PlannedChange:
    """One write: op is update | move | add | assign | unassign."""

    op: str
    kind: str
    id: str
    values: dict[str, Any]
    description: str
    where: str = ""

    def __str__(self) -> str:
        return f"{self.where}: {self.description}" if self.where else self.description


@dataclass
class Conflict:
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


@dataclass
class ImportPlan:
    path: str
    journey_id: str
    journey_name: str
    exported_at: str
    changes: list[PlannedChange] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)

    def report(self) -> str:
        lines = [
            _("{path}: journey {name}, exported {at}").format(
                path=self.path, name=repr(self.journey_name), at=self.exported_at
            )
        ]
        lines.append(
            _("{n} change(s):").format(n=len(self.changes))
            if self.changes
            else _("no changes to apply")
        )
        lines += [f"  + {c}" for c in self.changes]
        if self.conflicts:
            lines.append(_("{n} conflict(s), not applied:").format(n=len(self.conflicts)))
            lines += [f"  ! {c}" for c in self.conflicts]
        return "\n".join(lines)


@dataclass
class AppliedImport:
    """What apply_plan did; `undo()` reverts it in one transaction, `apply_plan` redoes it
    (planned records carry fixed ids, so a redo recreates the same ones)."""

    plan: ImportPlan
    inverse: list[Callable[[], Any]]

    def undo(self, ws: Workspace) -> None:
        with ws.logged_as(keyed_text.keyed(log_labels.UNDID_WORKBOOK), summarise=True):
            for op in reversed(self.inverse):
                op()


def apply_plan(ws: Workspace, plan: ImportPlan) -> AppliedImport:
    """Apply every planned change in one transaction (all or nothing)."""
    inverse: list[Callable[[], Any]] = []
    label = keyed_text.keyed(log_labels.IMPORTED_WORKBOOK, n=len(plan.changes))
    with ws.logged_as(label, summarise=True):  # one change-log entry
        for c in plan.changes:
            if c.op == "update":
                old = ws.update(c.kind, c.id, **c.values)
                if old:
                    inverse.append(partial(ws.update, c.kind, c.id, **old))
            elif c.op == "move":
                before = ws.move_touchpoints([c.id], c.values["stage_id"], c.values["lane_id"])
                inverse.append(partial(ws.set_placements, before))
            elif c.op == "add":
                ws.add(c.values["entity"])
                inverse.append(partial(ws.remove, c.kind, c.id))
            elif c.op == "assign":
                ws.assign(
                    c.values["touchpoint_id"], c.values["party_id"], c.values["role"], id=c.id
                )
                inverse.append(partial(ws.remove, "raci", c.id))
            elif c.op == "unassign":
                removal = ws.remove("raci", c.id)
                inverse.append(partial(ws.restore, removal))
            else:
                raise ValueError(f"unknown planned operation {c.op!r}")
    return AppliedImport(plan, inverse)
