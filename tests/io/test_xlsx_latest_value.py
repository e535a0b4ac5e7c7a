"""An edited 'Latest value' on the KPIs sheet is a new dated reading, like a 'New value'."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import openpyxl

from cxmapper.io import xlsx_import
from cxmapper.io.xlsx_import import apply_plan, plan_xlsx_import
from cxmapper.model.workspace import Workspace


def set_kpi_cells(book: Path, tp_id: str, **values: Any) -> None:
    wb = openpyxl.load_workbook(book)
    ws = wb["KPIs"]
    headers = {str(ws.cell(1, c).value).lower(): c for c in range(1, ws.max_column + 1)}
    row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == tp_id)
    for header, value in values.items():
        ws.cell(row, headers[header.replace("_", " ")]).value = value
    wb.save(book)


def readings(ws: Workspace, tp_id: str, kpi_id: str) -> list[tuple[float, str]]:
    return sorted((r.value, r.measured_at) for r in ws.readings(tp_id) if r.kpi_id == kpi_id)


def test_edited_latest_value_is_a_new_reading(file_ws: Workspace, journey: dict[str, str],
                                              exported: Path) -> None:  # fmt: skip
    ws, home, csat = file_ws, journey["home"], journey["csat"]
    before = readings(ws, home, csat)
    set_kpi_cells(exported, home, latest_value=4.0)
    plan = plan_xlsx_import(ws, exported)
    assert plan.conflicts == [] and len(plan.changes) == 1, plan.report()
    assert "KPIs row 2 (Latest value): new CSAT reading on 'Home page': 4" in plan.report()
    today = dt.datetime.now(dt.UTC).date().isoformat()
    apply_plan(ws, plan)
    new = next(r for r in ws.readings(home) if r.value == 4.0)
    assert new.kpi_id == csat and new.measured_at[:10] == today
    assert new.source == "workbook journey.xlsx" and new.owner_id is None  # as a New value
    assert len(readings(ws, home, csat)) == len(before) + 1
    again = plan_xlsx_import(ws, exported)  # the same workbook once more
    assert again.changes == [] and again.conflicts == [], again.report()


def test_latest_value_dated_by_new_date(file_ws: Workspace, journey: dict[str, str],
                                        exported: Path) -> None:  # fmt: skip
    set_kpi_cells(exported, journey["home"], latest_value=3.0, new_date="2026-05-01")
    apply_plan(file_ws, plan_xlsx_import(file_ws, exported))
    assert (3.0, "2026-05-01T00:00:00+00:00") in readings(file_ws, journey["home"], journey["csat"])


def test_latest_value_and_new_value_disagree(file_ws: Workspace, journey: dict[str, str],
                                             exported: Path) -> None:  # fmt: skip
    set_kpi_cells(exported, journey["home"], latest_value=1.0, new_value=4.9)
    plan = plan_xlsx_import(file_ws, exported)
    assert len(plan.changes) == 1 and "4.9" in str(plan.changes[0])
    assert [str(c) for c in plan.conflicts] == [
        "KPIs row 2: Latest value edited and a New value given: only the New value '4.9' is imported"
    ]


def test_cleared_or_invalid_latest_value_is_reported(file_ws: Workspace, journey: dict[str, str],
                                                     exported: Path) -> None:  # fmt: skip
    set_kpi_cells(exported, journey["home"], latest_value=None)
    set_kpi_cells(exported, journey["cart"], latest_value="lots")
    plan = plan_xlsx_import(file_ws, exported)
    assert plan.changes == []
    text = "\n".join(str(c) for c in plan.conflicts)
    assert "Latest value cleared: readings are not deleted" in text
    assert "Value must be a number, not 'lots'" in text


def test_unedited_latest_value_after_a_newer_reading(file_ws: Workspace, journey: dict[str, str],
                                                     exported: Path) -> None:  # fmt: skip
    """A reading added in cxmapper since the export changes the latest value; the workbook's
    (unedited) older one is no edit."""
    file_ws.add_reading(journey["home"], journey["csat"], 2.0)
    assert plan_xlsx_import(file_ws, exported).changes == []


def test_undated_new_value_is_not_added_twice(file_ws: Workspace, journey: dict[str, str],
                                              exported: Path, monkeypatch) -> None:  # fmt: skip
    """Dated on import, so a second import (later) used to add it again."""
    set_kpi_cells(exported, journey["home"], new_value=4.7)
    apply_plan(file_ws, plan_xlsx_import(file_ws, exported))
    monkeypatch.setattr(xlsx_import, "now_iso", lambda: "2099-01-01T00:00:00+00:00")
    again = plan_xlsx_import(file_ws, exported)
    assert again.changes == [], again.report()
    assert [v for v, _ in readings(file_ws, journey["home"], journey["csat"])].count(4.7) == 1


def test_reference_columns_of_the_kpis_sheet(file_ws: Workspace, journey: dict[str, str],
                                             exported: Path) -> None:  # fmt: skip
    """A target typed on the KPIs sheet is not imported (it belongs on Governance): said so.
    A target changed in cxmapper since the export is no edit of the workbook."""
    set_kpi_cells(exported, journey["home"], target=5, kpi_owner="Bob Service")
    file_ws.update("kpi", journey["conv"], target=9.0)
    plan = plan_xlsx_import(file_ws, exported)
    assert plan.changes == []
    assert [str(c) for c in plan.conflicts] == [
        "KPIs row 2: Target, KPI owner: edited, but these columns are not imported "
        "(shown for reference; change it in cxmapper)"
    ]


def test_unedited_row_of_a_touchpoint_deleted_since(file_ws: Workspace, journey: dict[str, str],
                                                    exported: Path) -> None:  # fmt: skip
    file_ws.remove("touchpoint", journey["cart"])
    plan = plan_xlsx_import(file_ws, exported)
    assert plan.changes == []
    assert not [c for c in plan.conflicts if c.where.startswith("KPIs")], plan.report()
