"""The Follow-ups sheet of the workbook: open and in-progress actions by owner, edited by an
owner (topic, owner, status, due date, note) and imported back through the same plan as every
sheet; an unedited workbook, feedback sheets and all, imports with no change at all."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest

from cxmapper.feedback.survey_import import read_survey
from cxmapper.io.xlsx_export import export_xlsx
from cxmapper.io.xlsx_import import apply_plan, plan_xlsx_import
from cxmapper.model.follow_up import add_follow_up
from cxmapper.model.workspace import Workspace

SURVEY = "case_id,date,nps,comment,touchpoint\nc1,2026-03-02,3,slow delivery,Cart\nc2,2026-03-03,9,,Cart\n"  # fmt: skip
HEADER_ROW = 4


@pytest.fixture
def book(file_ws: Workspace, journey: dict[str, str], tmp_path: Path) -> Path:
    """The io fixture journey plus a follow-up from a topic, a done action and a survey."""
    ws = file_ws
    fu = add_follow_up(ws, journey["cart"], "Cart: delivery", figures=["NPS -100 (n=1)"],
                       verbatims=["slow delivery"], due_date="2026-07-15")  # fmt: skip
    ws.add_action(journey["home"], "Shipped banner", status="done", due_date="2026-02-01")
    (tmp_path / "s.csv").write_text(SURVEY)
    read_survey(tmp_path / "s.csv").add_to(ws)
    journey["follow_up"] = fu.id
    return export_xlsx(ws, journey["journey"], tmp_path / "journey.xlsx", language="en")


def rows(path: Path) -> tuple[dict[str, int], list[list[Any]]]:
    sheet = openpyxl.load_workbook(path)["Follow-ups"]
    cols = {c.value: c.column for c in sheet[HEADER_ROW]}
    return cols, [[c.value for c in r] for r in sheet.iter_rows(min_row=HEADER_ROW + 1) if r[0].value]  # fmt: skip


def edit(path: Path, action_id: str, sheet: str = "Follow-ups", **by_header: Any) -> None:
    wb = openpyxl.load_workbook(path)
    ws = wb[sheet]
    top = HEADER_ROW if sheet == "Follow-ups" else 1
    cols = {c.value: c.column for c in ws[top]}
    row = next(r for r in range(top + 1, ws.max_row + 1) if ws.cell(r, 1).value == action_id)
    for header, value in by_header.items():
        ws.cell(row, cols[header]).value = value
    wb.save(path)


def test_open_follow_ups_by_owner(book: Path, journey: dict[str, str]) -> None:
    cols, found = rows(book)
    assert list(cols) == ["Action ID", "Topic", "Touchpoint", "Owner", "Status", "Due date", "Note"]  # fmt: skip
    owners_topics = [(r[cols["Owner"] - 1], r[cols["Topic"] - 1]) for r in found]
    # Bob is the cart's first Responsible: the follow-up is his by default; done: not listed;
    # by owner, then due date (none last)
    assert owners_topics == [("Ann Owner", "Retry payments"), ("Bob Service", "Cart: delivery"),
                             ("Bob Service", "Faster checkout"), (None, "+ new banner")]  # fmt: skip
    note = next(r for r in found if r[0] == journey["follow_up"])[cols["Note"] - 1]
    assert note.startswith("Evidence:\n- NPS -100 (n=1)") and '"slow delivery"' in note


def test_unedited_workbook_imports_with_no_changes(file_ws: Workspace, book: Path) -> None:
    names = openpyxl.load_workbook(book).sheetnames
    assert {"Voice of the customer", "Drivers", "Improvements", "Follow-ups"} <= set(names)
    plan = plan_xlsx_import(file_ws, book)
    assert plan.changes == [] and plan.conflicts == [], plan.report()


def test_owner_edits_import_and_are_saved(
    file_ws: Workspace, book: Path, journey: dict[str, str], ws_path: Path
) -> None:
    fu = journey["follow_up"]
    edit(book, fu, Owner="Ann Owner", Status="in progress", **{"Due date": "2026-08-01",
         "Note": "Evidence:\n- NPS -100 (n=1)\nCalled the courier: new slots from August"})  # fmt: skip
    plan = plan_xlsx_import(file_ws, book)
    assert plan.conflicts == [], plan.report()
    assert [(c.op, c.kind, c.id) for c in plan.changes] == [("update", "action", fu)]
    assert set(plan.changes[0].values) == {"owner_id", "status", "due_date", "description"}
    apply_plan(file_ws, plan)
    file_ws.close()
    with Workspace.open(ws_path) as ws:  # what was saved
        a = ws.get("action", fu)
        assert (a.owner_id, a.status, a.due_date) == (journey["ann"], "in progress", "2026-08-01")
        assert a.description.endswith("new slots from August")
        again = plan_xlsx_import(ws, book)
        assert again.changes == [] and again.conflicts == [], again.report()


def test_same_edit_on_both_sheets_applies_once(file_ws: Workspace, book: Path, journey: dict[str, str]) -> None:  # fmt: skip
    fu = journey["follow_up"]
    edit(book, fu, Status="done")
    edit(book, fu, "Actions", Status="done")
    plan = plan_xlsx_import(file_ws, book)
    assert plan.conflicts == [], plan.report()
    assert [(c.id, c.values) for c in plan.changes] == [(fu, {"status": "done"})]


def test_different_edits_on_both_sheets_are_a_conflict(
    file_ws: Workspace, book: Path, journey: dict[str, str]
) -> None:
    fu = journey["follow_up"]
    edit(book, fu, Status="done", Owner="Ann Owner")
    edit(book, fu, "Actions", Status="dropped")
    plan = plan_xlsx_import(file_ws, book)
    assert [str(c) for c in plan.conflicts] == [
        "Follow-ups row 6: status: edited differently on the 'Actions' sheet; neither is applied"
    ]
    assert [(c.id, c.values) for c in plan.changes] == [(fu, {"owner_id": journey["ann"]})]
    apply_plan(file_ws, plan)
    assert file_ws.get("action", fu).status == "open"


def test_a_journey_without_open_actions_has_no_follow_up_sheet(
    file_ws: Workspace, small_journey: dict[str, str], tmp_path: Path
) -> None:
    path = export_xlsx(file_ws, small_journey["journey"], tmp_path / "j.xlsx", language="en")
    assert "Follow-ups" not in openpyxl.load_workbook(path).sheetnames
