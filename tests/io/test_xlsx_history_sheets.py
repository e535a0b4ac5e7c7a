"""Governance health (with overdue readings), Versions and Change log sheets: what they
show, that an owner's workbook has only the health sheet, and that an unedited workbook
still imports back with no changes."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from cxmapper.io.xlsx_export import export_xlsx
from cxmapper.io.xlsx_import import plan_xlsx_import
from cxmapper.model.versions import save_version
from cxmapper.model.workspace import Workspace


def _table(sheet, top: int) -> list[list[object]]:  # type: ignore[no-untyped-def]
    rows = sheet.iter_rows(min_row=top + 1, values_only=True)
    return [list(r) for r in rows if any(v is not None for v in r)]


def test_sheets_show_health_versions_and_log_and_round_trip_is_empty(
    file_ws: Workspace, small_journey: dict[str, str], tmp_path: Path
) -> None:
    ws, ids = file_ws, small_journey
    ws.update("kpi", ids["csat"], frequency="monthly")  # the 2026-01-01 reading is overdue
    ws.author = "Ann"
    save_version(ws, ids["journey"], "As-is Q1", live_from="2026-01-01")
    ws.update("touchpoint", ids["home"], title="Welcome")
    out = export_xlsx(ws, ids["journey"], tmp_path / "j.xlsx")
    book = load_workbook(out)
    assert {"Governance health", "Versions", "Change log"} <= set(book.sheetnames)
    health = book["Governance health"]
    assert [health.cell(r, 2).value for r in (3, 4, 5)] == [
        "25%",
        "0%",
        "0%",
    ]  # 1 of 4 cards has an A
    assert health.cell(3, 3).value == "1 of 4" and health.cell(5, 3).value == "0 of 1"
    overdue = _table(health, 8)
    assert len(overdue) == 1
    assert overdue[0][:6] == ["Welcome", "CSAT", "Ann Owner", "monthly", "2026-01-01",
                              "2026-02-01"]  # fmt: skip
    assert _table(book["Versions"], 3)[0][:4] == ["As-is Q1", _table(book["Versions"], 3)[0][1],
                                                  "Ann", "2026-01-01"]  # fmt: skip
    log = _table(book["Change log"], 3)
    newest = log[0]
    assert newest[1] == "Ann" and newest[3:5] == ["changed", "touchpoint"]
    assert newest[6] == "title: 'Home page' → 'Welcome'"
    plan = plan_xlsx_import(ws, out)
    assert plan.changes == [] and plan.conflicts == []


def test_owner_workbook_has_health_but_not_the_whole_log(
    file_ws: Workspace, small_journey: dict[str, str], tmp_path: Path
) -> None:
    ws, ids = file_ws, small_journey
    out = export_xlsx(ws, ids["journey"], tmp_path / "ann.xlsx", owner_id=ids["ann"])
    names = load_workbook(out).sheetnames
    assert "Governance health" in names and "Change log" not in names and "Versions" not in names
    assert plan_xlsx_import(ws, out).changes == []
