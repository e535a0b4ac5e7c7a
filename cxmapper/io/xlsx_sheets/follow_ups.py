"""Follow-ups: every open or in-progress action of the journey, by owner then due date, so an
owner filters the Owner column and sees their own (`model.follow_up.open_follow_ups`).

The sheet round-trips like the Actions sheet (the same getters and parsers, the same baseline
and three-way merge): an owner edits the topic, owner, status, due date or note, and
`cxmapper import-xlsx` applies it. The note is the action's description, where a follow-up
made from a topic or driver keeps its evidence. Both sheets show the same actions, so an edit
made in both is applied once when they agree and reported as a conflict when they do not.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from openpyxl.workbook import Workbook

from cxmapper.io import xlsx_style as st
from cxmapper.io.xlsx_plan import PlannedChange
from cxmapper.io.xlsx_safe import put
from cxmapper.io.xlsx_sheets.common import ExportContext, write_spec_table
from cxmapper.io.xlsx_sheets.voice import voice_sheet
from cxmapper.io.xlsx_tables import ACTIONS, Column, TableSpec
from cxmapper.model.follow_up import OPEN_STATUSES
from cxmapper.present.labels import _
from cxmapper.present.voice_sheet_labels import voice_column_label, voice_sheet_label

if TYPE_CHECKING:
    from cxmapper.io.xlsx_import import _Planner

SHEET_KEY = "follow_ups"


class FollowUpColumn(Column):
    """An Actions column under the Follow-ups sheet's own header (topic, note...)."""

    @property
    def header(self) -> str:
        return voice_column_label(self.key)


def _column(action_key: str, key: str | None = None, width: float | None = None) -> FollowUpColumn:
    c = next(c for c in ACTIONS.columns if c.key == action_key)
    return FollowUpColumn(key or c.key, c.get, c.field, c.parse, width or c.width,
                          c.number_format, c.wrap, c.choices, c.labels)  # fmt: skip


FOLLOW_UPS = TableSpec(
    sheet_key=SHEET_KEY, name="FollowUps", kind="action", key="action_id",
    columns=(
        _column("action_id"), _column("title", "topic", 30), _column("touchpoint"),
        _column("owner"), _column("status"), _column("due_date"),
        _column("description", "note", 48),
    ),
)  # fmt: skip


def write(wb: Workbook, ctx: ExportContext) -> None:
    """The sheet, when the journey has an open or in-progress action (else nothing to follow)."""
    snap = ctx.snap
    items = [a for a in snap.actions if a.status in OPEN_STATUSES]
    if not items:
        return
    items.sort(key=lambda a: (snap.party_name(a.owner_id).lower() or "~", a.due_date or "9999",
                              a.title))  # fmt: skip
    ws = voice_sheet(wb, ctx, SHEET_KEY)
    put(ws.cell(1, 1), voice_sheet_label(SHEET_KEY)).font = st.TITLE
    note = _("Open and in-progress actions by owner: filter the Owner column for yours, edit "
             "the topic, owner, status, due date or note and send the workbook back.")  # fmt: skip
    put(ws.cell(2, 1), note).font = st.SUBTITLE
    write_spec_table(ws, FOLLOW_UPS, items, ctx, top=4)
    ws.freeze_panes = "C5"
    st.landscape(ws, title_rows="4:4")


def plan(planner: _Planner) -> None:
    """Add the sheet's edits to the import plan (after the Actions sheet's): workbooks
    exported without the sheet are left alone."""
    if SHEET_KEY not in planner.names.sheets:
        return
    changes = planner.plan.changes
    before = len(changes)
    planner.table(FOLLOW_UPS, None)
    earlier = {(c.kind, c.id): c for c in changes[:before] if c.op == "update"}
    kept: list[PlannedChange] = []
    for c in changes[before:]:
        other = earlier.get((c.kind, c.id)) if c.op == "update" else None
        if other is not None:
            _merge_with(planner, other, c)
            if not c.values:
                continue
        kept.append(c)
    changes[before:] = kept
    changes[:before] = [c for c in changes[:before] if c.op != "update" or c.values]


def _merge_with(planner: _Planner, other: PlannedChange, mine: PlannedChange) -> None:
    """The same action edited on both sheets: one write where they agree, none (a conflict)
    where they differ; `mine` keeps only the fields the other sheet left alone."""
    values: dict[str, Any] = {}
    for field, value in mine.values.items():
        if field not in other.values:
            values[field] = value
        elif other.values[field] != value:
            del other.values[field]
            other.description += f" ({field.replace('_id', '')}: not applied, see the conflicts)"
            planner.conflict(mine.where, f"{field.replace('_id', '')}: edited differently on the "
                             f"{planner.names.sheet('actions')!r} sheet; neither is applied")  # fmt: skip
    mine.values.clear()
    mine.values.update(values)
