"""Merge a workbook that owners edited back into the workspace.

Three versions of every editable cell are compared, by the one rule in xlsx_merge: the value
exported (kept in the hidden `_cxmapper` sheet), the value in the returned workbook, and the
workspace's value now, each as the export writes it into a cell.

* workbook == exported, or == what the workspace holds now: nothing to do;
* workspace == exported: the owner's edit is applied;
* otherwise someone changed the cell in cxmapper meanwhile: a conflict, not applied.

Rows with unknown ids, invalid values and references to unknown people, stages or KPIs are
conflicts too. New rows (empty id) in KPI history, Actions and Comments, and the 'New value'
column of the KPIs sheet and an edited 'Latest value', add records. `plan_xlsx_import` only
reads; `apply_plan` (xlsx_plan, re-exported here) applies the plan in one transaction and
returns how to undo it (`ApplyPlanCommand`, ui/commands/transfer.py, in the GUI):

    plan = plan_xlsx_import(ws, path)          # show plan.changes / plan.conflicts
    class ImportCommand(QUndoCommand):
        def redo(self): self.applied = apply_plan(ws, plan)   # same ids on every redo
        def undo(self): self.applied.undo(ws)
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cxmapper.errors import CxError, ValidationError
from cxmapper.io import xlsx_values as v
from cxmapper.io.safe_xml import refuse_unsafe_parts
from cxmapper.io.snapshot import JourneySnapshot, take_snapshot
from cxmapper.io.xlsx_merge import Sent, Verdict, decide
from cxmapper.io.xlsx_merge import shown as shown_value
from cxmapper.io.xlsx_names import WorkbookNames, rekey_baseline
from cxmapper.io.xlsx_plan import AppliedImport as AppliedImport
from cxmapper.io.xlsx_plan import Conflict, ImportPlan, PlannedChange
from cxmapper.io.xlsx_plan import apply_plan as apply_plan
from cxmapper.io.xlsx_plan_text import entity_label, parse_roles, show_value, was_note
from cxmapper.io.xlsx_safe import restore_cut
from cxmapper.io.xlsx_sheets import follow_ups, meta
from cxmapper.io.xlsx_sheets.governance import MATRIX_KEYS, roles_text
from cxmapper.io.xlsx_tables import (
    ACTIONS,
    COMMENTS,
    KPI_LATEST_KEYS,
    LATEST,
    LATEST_INPUTS,
    LATEST_TABLE,
    NEW_DATE,
    NEW_VALUE,
    READINGS,
    ROUND_TRIP_TABLES,
    Resolver,
    TableSpec,
    latest_key,
    latest_row,
    text_cell,
)  # fmt: skip
from cxmapper.io.xlsx_value_model import plan_value_model
from cxmapper.model import entities as e
from cxmapper.model.entities import encode_value
from cxmapper.model.validation import validate_values
from cxmapper.model.workspace import Workspace, new_id, now_iso
from cxmapper.present.labels import column_label

if TYPE_CHECKING:  # openpyxl is imported when a workbook is read, not with this module
    from openpyxl.workbook.workbook import Workbook

    from cxmapper.io.xlsx_sheets.meta import Sheet

DEFAULT_AUTHOR = "Excel workbook"


# -- reading the workbook -----------------------------------------------------------------------


def _load(path: Path) -> Workbook:
    from openpyxl import load_workbook

    if not path.is_file():
        raise CxError(f"{path}: no such file")
    refuse_unsafe_parts(path)  # a DOCTYPE anywhere: one-line refusal before openpyxl parses
    try:
        return load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise CxError(f"{path}: not an Excel workbook (.xlsx) cxmapper can read ({exc})") from exc


def _rows(sheet: Sheet, top: int) -> Iterator[tuple[int, tuple[Any, ...]]]:
    for n, row in enumerate(meta.row_values(sheet, top), start=top):
        yield n, tuple(row)


def _find_header(sheet: Sheet, key: str, hint: int | None) -> tuple[int, dict[str, int]] | None:
    """The header row of a table (by its id column's header as written), as {header text:
    column index}."""
    rows = list(meta.row_values(sheet, 1, (hint or 1) + 400))
    order = ([hint - 1] if hint and hint - 1 < len(rows) else []) + list(range(len(rows)))
    for i in order:
        row = rows[i]
        if row and row[0] is not None and str(row[0]).strip() == key:
            return i + 1, {
                str(h).strip(): j for j, h in enumerate(row) if h is not None and str(h).strip()
            }
    return None


def _blank(row: tuple[Any, ...]) -> bool:
    return all(c is None or (isinstance(c, str) and not c.strip()) for c in row)


class _Planner:
    def __init__(self, ws: Workspace, path: Path) -> None:
        self.ws = ws
        self.path = path
        self.book = _load(path)
        if meta.META_SHEET not in self.book.sheetnames:
            raise CxError(f"{path}: this workbook was not exported by cxmapper (its hidden "
                          f"'{meta.META_SHEET}' sheet is missing), so changes cannot be matched")  # fmt: skip
        try:
            hidden = self.book[meta.META_SHEET]
            if not meta.is_worksheet(hidden):
                raise TypeError("it is not a worksheet")
            version, self.header, self.baseline = meta.read(hidden)
        except (ValueError, TypeError) as exc:
            raise CxError(
                f"{path}: the hidden '{meta.META_SHEET}' sheet is damaged ({exc})"
            ) from exc
        self.names = WorkbookNames.of(version, self.header)
        if self.names.legacy:
            self.baseline = rekey_baseline(self.baseline)
        journey_id = self.header.get("journey_id", "")
        if ws.find("journey", journey_id) is None:
            raise CxError(f"{path}: its journey {self.header.get('journey')!r} is not in this workspace "
                          f"(exported from {self.header.get('workspace')!r})")  # fmt: skip
        self.snap: JourneySnapshot = take_snapshot(ws, journey_id)
        self.resolve = Resolver(self.snap)
        self.plan = ImportPlan(
            str(path), journey_id, self.snap.journey.name, self.header.get("exported_at", "")
        )
        self.anchors: dict[str, Any] = self.header.get("anchors", {})

    def conflict(self, where: str, message: str) -> None:
        self.plan.conflicts.append(Conflict(where, message))

    def change(
        self, op: str, kind: str, id: str, values: dict[str, Any], description: str, where: str
    ) -> None:
        self.plan.changes.append(PlannedChange(op, kind, id, values, description, where))

    def sheet(self, key: str) -> Sheet | None:
        """The sheet by its key, under the title this workbook gave it."""
        name = self.names.sheet(key)
        if name not in self.book.sheetnames:
            self.conflict(name, "sheet missing from the workbook; its changes cannot be imported")
            return None
        sheet = self.book[name]
        if not meta.is_worksheet(sheet):
            self.conflict(name, "not a worksheet (a chart?); its changes cannot be imported")
            return None
        return sheet

    def columns(self, table: str, found: dict[str, int]) -> dict[str, int]:
        """{column key: index} from a header row's {text as written: index}."""
        keys = self.names.keys_of(table)
        return {keys[h]: j for h, j in found.items() if h in keys}

    # -- edited fields of existing rows ---------------------------------------------------

    def current(self, kind: str, id: str) -> Any | None:
        if kind == "touchpoint":
            return self.snap.tp_by_id.get(id)
        if kind == "kpi":
            return self.snap.kpi_by_id.get(id)
        return self.ws.find(kind, id)

    def table(self, spec: TableSpec, on_new: Callable[[dict[str, Any], str], None] | None) -> None:
        sheet = self.sheet(spec.sheet_key)
        if sheet is None:
            return
        title = sheet.title
        id_header = self.names.header(spec.name, spec.key)
        found = _find_header(sheet, id_header, self.anchors.get(spec.name))
        if found is None:
            self.conflict(
                title, f"the {id_header!r} column was not found; the sheet is not imported"
            )
            return
        top, cols = found[0], self.columns(spec.name, found[1])
        for c in spec.editable:
            if c.key not in cols:
                self.conflict(title, f"column {self.names.header(spec.name, c.key)!r} is missing; "
                                     "its edits cannot be imported")  # fmt: skip
        seen: set[str] = set()
        for n, row in _rows(sheet, top + 1):
            if _blank(row):
                if spec.sheet_key == "governance":
                    break  # the KPI table is the last thing on that sheet
                continue
            cell = {k: (row[j] if j < len(row) else None) for k, j in cols.items()}
            cell = spec.keys_of(cell, self.names.words.get(spec.name))
            where = f"{title} row {n}"
            key = v.to_text(cell.get(spec.key))
            if not key:
                if on_new is None:
                    self.conflict(
                        where,
                        f"new {spec.kind}s cannot be added from a workbook; add them in cxmapper",
                    )
                else:
                    on_new(cell, where)
                continue
            if key in seen:
                self.conflict(where, f"{id_header} {key} appears twice; only its first row is read")
                continue
            seen.add(key)
            base = self.baseline.get((spec.name, key))
            if base is None:
                self.conflict(where, f"unknown {id_header} {key!r}: not in this export")
                continue
            self.row_edits(spec, key, cell, base, where)
        missing = sum(1 for (t, k) in self.baseline if t == spec.name and k not in seen)
        if missing:
            self.conflict(title, f"{missing} exported row(s) were deleted from the sheet; "
                                      "deleting is not imported (remove them in cxmapper)")  # fmt: skip

    def row_edits(
        self, spec: TableSpec, key: str, cell: dict[str, Any], base: Sent, where: str
    ) -> None:
        entity = self.current(spec.kind, key)
        if entity is not None:
            shown_only = [c for c in spec.columns if not c.field]
            self.read_only_edits(
                {c.key: c.get(entity, self.snap) for c in shown_only}, cell, base, where
            )
        edits: dict[str, Any] = {}
        shown: list[tuple[str, str]] = []  # (field, what changed)
        for c in spec.editable:
            field, parse = c.field, c.parse
            if field is None or parse is None:  # `editable` columns have both
                continue
            if c.key not in cell or c.key not in base.shown:
                continue
            was = base.shown[c.key]
            if entity is None:
                if shown_value(cell[c.key]) != was:
                    self.conflict(
                        where, f"{spec.kind} {key} was deleted in cxmapper since the export"
                    )
                    return
                continue
            now = c.get(entity, self.snap)
            verdict = decide(base, c.key, cell[c.key], now)
            if verdict is Verdict.SAME:
                continue
            if verdict is Verdict.CONFLICT:
                self.conflict(where, f"{c.header}: changed in the workbook to {show_value(cell[c.key])} and in "
                                     f"cxmapper to {show_value(now)} since the export{was_note(was)}")  # fmt: skip
                continue
            typed = cell[c.key]
            whole = restore_cut(v.to_text(typed), now) if isinstance(now, str) else typed
            try:
                edits[field] = parse(whole, self.resolve)
            except v.CellValueError as exc:
                self.conflict(where, f"{c.header}: {exc}")
                continue
            if c.parse is text_cell and whole != v.to_text(typed):
                edits[field] = whole  # the stored rest of a cut text, trailing spaces too
            shown.append((field, f"{c.header} {show_value(now)} → {show_value(cell[c.key])}"))
        if not edits or entity is None:  # (no edits without the entity: see the loop)
            return
        move: dict[str, Any] = {k: edits.pop(k) for k in ("stage_id", "lane_id") if k in edits}
        label = f"{spec.kind} {entity_label(entity)!r}"
        if edits:
            try:
                validate_values(
                    spec.kind,
                    {**e.to_row(entity), **{k: encode_value(k, x) for k, x in edits.items()}},
                )
            except ValidationError as exc:
                self.conflict(where, f"{label}: {exc}")
                return
            self.change("update", spec.kind, key, edits, f"{label}: " + "; ".join(
                s for f, s in shown if f not in ("stage_id", "lane_id")), where)  # fmt: skip
        if move:
            target = {
                "stage_id": move.get("stage_id", entity.stage_id),
                "lane_id": move.get("lane_id", entity.lane_id),
            }
            stage = self.snap.stage_by_id[target["stage_id"]].name
            lane = self.snap.lane_by_id[target["lane_id"]].name
            self.change("move", spec.kind, key, target, f"{label}: move to {stage} / {lane}", where)

    def read_only_edits(
        self, now: dict[str, Any], cell: dict[str, Any], base: Sent, where: str
    ) -> None:
        """Columns shown for reference (ids, computed values, past readings) are not imported;
        an owner's edit of one is reported rather than silently dropped. `now`: what the
        export would write in them today."""
        edited = [
            h for h, x in now.items()
            if h in cell and h in base.shown and decide(base, h, cell[h], x) is not Verdict.SAME
        ]  # fmt: skip
        if edited:
            what = "this column is" if len(edited) == 1 else "these columns are"
            names = ", ".join(column_label(k) for k in edited)
            self.conflict(where, f"{names}: edited, but {what} not imported "
                                 "(shown for reference; change it in cxmapper)")  # fmt: skip

    # -- RACI matrix -------------------------------------------------------------------------

    def raci(self) -> None:
        sheet = self.sheet("governance")
        if sheet is None:
            return
        title = sheet.title
        anchor = self.anchors.get("RACI", {})
        found = _find_header(
            sheet, self.names.header("RACI", MATRIX_KEYS[0]), anchor.get("header_row")
        )
        if found is None:
            self.conflict(title, "the RACI matrix header was not found; RACI is not imported")
            return
        top, cols = found
        exported = {pid: self.snap.party_by_id.get(pid) for pid in anchor.get("parties", [])}
        party_cols: dict[int, str] = {}
        for header, j in cols.items():
            if j < len(MATRIX_KEYS):
                continue
            pid = next(
                (
                    p
                    for p, party in exported.items()
                    if party and Resolver.same_name(party.name, header)
                ),
                None,
            )
            if pid is None:
                try:
                    pid = self.resolve.party(header)
                except v.CellValueError as exc:
                    self.conflict(
                        f"{title} column {header!r}", f"{exc}; that column is not imported"
                    )
                    continue
            if pid is not None:  # always: `_find_header` keeps named columns only
                party_cols[j] = pid
        current: dict[tuple[str, str], set[str]] = {}
        for r in self.snap.raci:
            current.setdefault((r.touchpoint_id, r.party_id), set()).add(r.role)
        raci_id = {(r.touchpoint_id, r.party_id, r.role): r.id for r in self.snap.raci}
        for n, row in _rows(sheet, top + 1):
            tp_id = v.to_text(row[0]) if row else ""
            if not tp_id:
                break  # end of the matrix
            where = f"{title} row {n}"
            base_row = self.baseline.get(("RACI", tp_id))
            tp = self.snap.tp_by_id.get(tp_id)
            if base_row is None or tp is None:
                self.conflict(
                    where, f"unknown or deleted touchpoint id {tp_id!r}; its RACI is not imported"
                )
                continue
            for j, pid in party_cols.items():
                text = v.to_text(row[j]) if j < len(row) else ""
                try:
                    wb_roles = parse_roles(text)
                except v.CellValueError as exc:
                    self.conflict(where, f"{self.snap.party_name(pid)}: {exc}")
                    continue
                now_roles = current.get((tp_id, pid), set())
                verdict = decide(base_row, pid, roles_text(wb_roles), roles_text(now_roles))
                if verdict is Verdict.SAME:
                    continue
                who = f"{tp.title!r} / {self.snap.party_name(pid)}"
                if verdict is Verdict.CONFLICT:
                    self.conflict(where, f"RACI {who}: changed in the workbook to {roles_text(wb_roles) or 'nothing'} "
                                         f"and in cxmapper to {roles_text(now_roles) or 'nothing'} since the export")  # fmt: skip
                    continue
                for role in sorted(now_roles - wb_roles):
                    self.change("unassign", "raci", raci_id[(tp_id, pid, role)], {},
                                f"RACI {who}: remove {role}", where)  # fmt: skip
                for role in sorted(wb_roles - now_roles):
                    self.change("assign", "raci", new_id(), {"touchpoint_id": tp_id, "party_id": pid, "role": role},
                                f"RACI {who}: add {role}", where)  # fmt: skip

    # -- new records ---------------------------------------------------------------------------

    def touchpoint_of(self, cell: dict[str, Any], where: str) -> e.Touchpoint | None:
        tp_id = v.to_text(cell.get("touchpoint_id"))
        tp = self.snap.tp_by_id.get(tp_id)
        if tp is None and not tp_id:
            title = v.to_text(cell.get("touchpoint"))
            hits = [t for t in self.snap.touchpoints if t.title == title] if title else []
            tp = hits[0] if len(hits) == 1 else None
        if tp is None:
            self.conflict(where, f"unknown touchpoint {tp_id or v.to_text(cell.get('touchpoint'))!r}: "
                                 f"copy the {column_label('touchpoint_id')} of an exported row")  # fmt: skip
        return tp

    def add(self, entity: Any, description: str, where: str) -> None:
        kind = type(entity).__name__.lower()
        try:
            validate_values(kind, e.to_row(entity))
        except ValidationError as exc:
            self.conflict(where, str(exc))
            return
        self.change("add", kind, entity.id, {"entity": entity}, description, where)

    def new_reading(self, tp: e.Touchpoint, kpi_id: str, value_cell: Any, date_cell: Any, where: str,
                    source: str = "", owner_id: str | None = None) -> None:  # fmt: skip
        dated = bool(v.to_text(date_cell))
        try:
            value = v.to_float(value_cell, column_label("value"))
            measured = (
                v.to_timestamp(date_cell, column_label("measured_at")) if dated else now_iso()
            )
        except v.CellValueError as exc:
            self.conflict(where, str(exc))
            return
        kpi = self.snap.kpi_by_id[kpi_id]
        # Imported before: the same dated reading, or for an undated one (dated on import),
        # the same value measured since the export.
        since = self.plan.exported_at
        if any(r.touchpoint_id == tp.id and r.kpi_id == kpi_id and r.value == value
               and (r.measured_at == measured if dated else bool(since) and r.measured_at >= since)
               for r in self.snap.readings):  # fmt: skip
            return
        reading = e.Reading(id=new_id(), touchpoint_id=tp.id, kpi_id=kpi_id, value=float(value or 0.0),
                            measured_at=measured, source=source or f"workbook {self.path.name}", owner_id=owner_id)  # fmt: skip
        self.add(
            reading,
            f"new {kpi.name} reading on {tp.title!r}: {v.norm(value)} ({measured[:10]})",
            where,
        )

    def kpi_new_values(self) -> None:
        """'New value' cells, and edited 'Latest value' cells, become new dated readings."""
        sheet = self.sheet("kpis")
        if sheet is None:
            return
        found = _find_header(sheet, self.names.header(LATEST_TABLE, KPI_LATEST_KEYS[0]), 1)
        if found is None:
            self.conflict(sheet.title, "the header row was not found; new values are not imported")
            return
        top, cols = found[0], self.columns(LATEST_TABLE, found[1])
        latest, new = column_label(LATEST), column_label(NEW_VALUE)
        for n, row in _rows(sheet, top + 1):
            cell = {k: (row[j] if j < len(row) else None) for k, j in cols.items()}
            where = f"{sheet.title} row {n}"
            typed = cell.get(NEW_VALUE)
            edited, typed_latest = self.latest_edit(cell, where)
            if not v.to_text(typed) and not edited:
                continue
            tp = self.touchpoint_of(cell, where)
            kpi_id = v.to_text(cell.get("kpi_id"))
            if tp is None:
                continue
            if kpi_id not in self.snap.kpi_by_id:
                self.conflict(where, f"unknown KPI id {kpi_id!r}")
                continue
            if v.to_text(typed):
                if edited and shown_value(typed_latest, False) != shown_value(typed, False):
                    self.conflict(where, f"{latest} edited and a {new} given: only the "
                                         f"{new} {show_value(typed)} is imported")  # fmt: skip
                self.new_reading(tp, kpi_id, typed, cell.get(NEW_DATE), where)
            elif not v.to_text(typed_latest):
                self.conflict(where, f"{latest} cleared: readings are not deleted from a "
                                     "workbook (remove it in cxmapper)")  # fmt: skip
            else:
                self.new_reading(
                    tp, kpi_id, typed_latest, cell.get(NEW_DATE), f"{where} ({latest})"
                )

    def latest_edit(self, cell: dict[str, Any], where: str) -> tuple[bool, Any]:
        """Whether an owner changed the 'Latest value' cell (a new reading), and to what. Like
        every cell, through xlsx_merge.decide; an edit made after someone added a reading in
        cxmapper is still a reading (readings are added, never overwritten)."""
        tp_id, kpi_id = v.to_text(cell.get("touchpoint_id")), v.to_text(cell.get("kpi_id"))
        base = self.baseline.get((LATEST_TABLE, latest_key(tp_id, kpi_id)))
        if base is None or LATEST not in cell:
            return False, None
        now = latest_row(self.snap, tp_id, kpi_id) or {}
        shown_only = {h: x for h, x in now.items() if h not in LATEST_INPUTS}
        self.read_only_edits(shown_only, cell, base, where)
        verdict = decide(base, LATEST, cell[LATEST], now.get(LATEST))  # None: row gone
        return verdict is not Verdict.SAME, cell[LATEST]

    def history_row(self, cell: dict[str, Any], where: str) -> None:
        tp = self.touchpoint_of(cell, where)
        if tp is None:
            return
        try:
            kpi_id = self.resolve.kpi(cell.get("kpi"))
            owner = self.resolve.party(cell.get("reported_by"))
        except v.CellValueError as exc:
            self.conflict(where, str(exc))
            return
        self.new_reading(tp, kpi_id, cell.get("value"), cell.get("measured_at"), where,
                         v.to_text(cell.get("source")), owner)  # fmt: skip

    def new_comment(self, cell: dict[str, Any], where: str) -> None:
        text = v.to_text(cell.get("comment"))
        if not text:
            self.conflict(
                where, f"a new comment needs text in the '{column_label('comment')}' column"
            )
            return
        tp = self.touchpoint_of(cell, where)
        if tp is None:
            return
        author = v.to_text(cell.get("author")) or DEFAULT_AUTHOR
        if any(
            c.touchpoint_id == tp.id and c.text == text and c.author == author
            for c in self.snap.comments
        ):
            return  # imported before
        try:
            resolved = v.to_bool(cell.get("resolved"), column_label("resolved"))
        except v.CellValueError as exc:
            self.conflict(where, str(exc))
            return
        comment = e.Comment(id=new_id(), touchpoint_id=tp.id, author=author, text=text,
                            created_at=now_iso(), resolved=resolved)  # fmt: skip
        self.add(comment, f"new comment by {author} on {tp.title!r}: {show_value(text)}", where)

    def new_action(self, cell: dict[str, Any], where: str) -> None:
        title = v.to_text(cell.get("title"))
        if not title:
            self.conflict(where, f"a new action needs a '{column_label('title')}'")
            return
        tp = self.touchpoint_of(cell, where)
        if tp is None:
            return
        if any(a.touchpoint_id == tp.id and a.title == title for a in self.snap.actions):
            return  # imported before
        try:
            action = e.Action(
                id=new_id(), touchpoint_id=tp.id, title=title, description=v.to_text(cell.get("description")),
                owner_id=self.resolve.party(cell.get("owner")),
                impact=v.to_int(cell.get("impact"), column_label("impact")) if v.to_text(cell.get("impact")) else 3,
                effort=v.to_int(cell.get("effort"), column_label("effort")) if v.to_text(cell.get("effort")) else 3,
                status=v.to_text(cell.get("status")) or "open",
                due_date=v.to_date(cell.get("due_date"), column_label("due_date")),
                created_at=now_iso(),
            )  # fmt: skip
        except v.CellValueError as exc:
            self.conflict(where, str(exc))
            return
        self.add(action, f"new action on {tp.title!r}: {show_value(title)}", where)

    def run(self) -> ImportPlan:
        handlers = {ACTIONS.name: self.new_action, COMMENTS.name: self.new_comment}
        for spec in ROUND_TRIP_TABLES:
            self.table(spec, handlers.get(spec.name))
        follow_ups.plan(self)  # after Actions: the same actions, edits checked against them
        self.raci()
        self.kpi_new_values()
        self.table(READINGS, self.history_row)
        plan_value_model(self)  # the Value model sheet: one journey update (xlsx_value_model)
        order = {"update": 0, "move": 1, "unassign": 2, "assign": 3, "add": 4}
        self.plan.changes.sort(key=lambda c: order[c.op])  # stable: sheet order within a kind
        self.book.close()
        return self.plan


def plan_xlsx_import(ws: Workspace, path: str | Path) -> ImportPlan:
    """Read an edited export and work out the changes and conflicts; writes nothing."""
    return _Planner(ws, Path(path)).run()
