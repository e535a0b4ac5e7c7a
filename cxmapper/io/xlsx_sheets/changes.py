"""The Changes sheet: what changed between two states of the journey, one row per change.

Which two: the latest version and the journey as exported, when the map changed since that
version; otherwise (nothing changed since) the two latest versions; with no version saved
there is nothing to compare and the sheet says so. One row per changed field (a rename is one
row, field title, old -> new); an added, removed card or link is one row with no field; a
moved card one row per axis (stage, lane). Every row carries the lineage id, the same for the
same card in every version and in a duplicated journey, so rows can be matched across
workbooks. Read-only: the import ignores the sheet.
"""

from __future__ import annotations

from typing import Any

from openpyxl.workbook import Workbook

from cxmapper.io import xlsx_style as st
from cxmapper.io.xlsx_safe import put
from cxmapper.io.xlsx_sheets.common import ExportContext, add_table, header_row, sheet
from cxmapper.model.versions import CURRENT, JourneyState, find_state, versions
from cxmapper.model.versions_diff import Difference, JourneyDiff, diff_states
from cxmapper.model.workspace import Workspace
from cxmapper.present.labels import N_, _, column_label, field_label, kind_label

SHEET_KEY = "changes"
HEADERS = (N_("Change"), N_("Kind"), N_("Card or name"), N_("Stage"), N_("Field"),
           N_("Old value"), N_("New value"), N_("Lineage ID"))  # fmt: skip
WIDTHS = (12, 16, 30, 16, 14, 28, 28, 38)
CHANGES = {"added": N_("added"), "removed": N_("removed"), "changed": N_("changed"),
           "moved": N_("moved")}  # fmt: skip
TABLE = "Changes"


def pick_states(ws: Workspace, journey_id: str) -> tuple[JourneyState, JourneyState] | None:
    """(before, after) as the module says; None without a version to compare."""
    found = sorted(versions(ws, journey_id), key=lambda v: v.created_at)
    if not found:
        return None
    latest = find_state(ws, journey_id, found[-1].id)
    now = find_state(ws, journey_id, CURRENT)
    if diff_states(latest, now).differences or len(found) < 2:
        return latest, now
    return find_state(ws, journey_id, found[-2].id), latest


def _text(value: Any) -> str:
    if value is None or value == "" or value == []:
        return ""
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    return str(value)


def _label(lookup: Any, key: str) -> str:
    try:
        return str(lookup(key))
    except KeyError:
        return key.replace("_", " ")


def _field(key: str) -> str:
    """A field's label: its own, else the kind it names (a move's stage, lane), else the
    column it has in the other sheets (tags)."""
    for lookup in (field_label, kind_label, column_label):
        try:
            return str(lookup(key))
        except KeyError:
            continue
    return key.replace("_", " ")


def _stage_of(d: Difference, before: JourneyState, after: JourneyState) -> str:
    """The card's stage: where it is after the change (before it, for a removed card)."""
    if d.kind != "touchpoint":
        return ""
    state, card_id = (before, d.id_before) if d.change == "removed" else (after, d.id_after)
    card = next((t for t in state.touchpoints if t.id == card_id), None)
    if card is None:
        return ""
    return next((s.name for s in state.stages if s.id == card.stage_id), "")


def rows(diff: JourneyDiff, before: JourneyState, after: JourneyState) -> list[list[str]]:
    """The sheet's rows (see the module's docstring), in the diff's map order."""
    out = []
    for d in diff.differences:
        head = [_(CHANGES[d.change]), _label(kind_label, d.kind), d.label,
                _stage_of(d, before, after)]  # fmt: skip
        if not d.fields or d.change in ("added", "removed"):
            out.append([*head, "", "", "", d.key])
            continue
        for f in d.fields:
            out.append([*head, _field(f.field), _text(f.old), _text(f.new), d.key])
    return out


def write(wb: Workbook, ctx: ExportContext, ws_: Workspace) -> None:
    ws = sheet(wb, ctx, SHEET_KEY)
    put(ws.cell(1, 1), _("Changes")).font = st.TITLE
    states = pick_states(ws_, ctx.snap.journey.id)
    body: list[list[str]] = []
    if states is None:
        put(ws.cell(2, 1), _("No version saved yet: save one to compare the journey with it."))
    else:
        before, after = states
        name = {CURRENT: _("the journey as exported")}
        put(ws.cell(2, 1), _("From {a} to {b}").format(
            a=name.get(before.label, before.label), b=name.get(after.label, after.label)))  # fmt: skip
        body = rows(diff_states(before, after), before, after)
    headers = [_(h) for h in HEADERS]
    header_row(ws, 4, headers)
    ctx.columns[TABLE] = dict(zip(("change", "kind", "name", "stage", "field", "old", "new",
                                   "lineage_id"), headers, strict=True))  # fmt: skip
    for r, values in enumerate(body, start=5):
        for c, value in enumerate(values, start=1):
            if value:
                put(ws.cell(r, c), value)
    add_table(ws, TABLE, 4, 1, len(headers), 4 + len(body))
    for letter, width in zip("ABCDEFGH", WIDTHS, strict=True):
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = "A5"
    st.landscape(ws, title_rows="4:4")
