"""Excel: an empty Emotion cell is "not scored" both ways; a KPI's kind is shown (read-only)."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from cxmapper.io.xlsx_export import export_xlsx
from cxmapper.io.xlsx_import import apply_plan, plan_xlsx_import
from cxmapper.model.workspace import Workspace
from tests.io.test_xlsx_import import col_of, row_of


def exported(ws: Workspace, ids: dict[str, str], tmp_path: Path) -> Path:
    ws.add_kpi("NPS", kind="nps", unit="score")
    return export_xlsx(ws, ids["journey"], tmp_path / "map.xlsx")


def test_an_unscored_card_exports_as_an_empty_cell_and_imports_unchanged(
    file_ws: Workspace, small_journey: dict[str, str], tmp_path: Path
) -> None:
    book = exported(file_ws, small_journey, tmp_path)
    tps = openpyxl.load_workbook(book)["Touchpoints"]
    emotion = col_of(tps, "Emotion")
    assert tps.cell(row_of(tps, small_journey["home"]), emotion).value is None
    assert tps.cell(row_of(tps, small_journey["search"]), emotion).value == -1
    plan = plan_xlsx_import(file_ws, book)
    assert plan.changes == [] and plan.conflicts == [], plan.report()


def test_emptying_a_score_unscores_the_card_and_typing_one_scores_it(
    file_ws: Workspace, small_journey: dict[str, str], tmp_path: Path, ws_path: Path
) -> None:
    book = exported(file_ws, small_journey, tmp_path)
    wb = openpyxl.load_workbook(book)
    tps = wb["Touchpoints"]
    emotion = col_of(tps, "Emotion")
    tps.cell(row_of(tps, small_journey["search"]), emotion).value = None
    tps.cell(row_of(tps, small_journey["home"]), emotion).value = 1
    wb.save(book)
    plan = plan_xlsx_import(file_ws, book)
    assert len(plan.changes) == 2 and plan.conflicts == [], plan.report()
    apply_plan(file_ws, plan)
    file_ws.close()
    with Workspace.open(ws_path) as ws:
        assert ws.get("touchpoint", small_journey["search"]).emotion is None
        assert ws.get("touchpoint", small_journey["home"]).emotion == 1


def test_the_kpi_table_names_each_kpi_kind(
    file_ws: Workspace, small_journey: dict[str, str], tmp_path: Path
) -> None:
    book = exported(file_ws, small_journey, tmp_path)
    gov = openpyxl.load_workbook(book)["Governance"]
    top = row_of(gov, "KPI ID")
    kind, name = col_of(gov, "Kind", top), col_of(gov, "KPI", top)
    shown = {gov.cell(r, name).value: gov.cell(r, kind).value for r in (top + 1, top + 2)}
    assert shown == {"CSAT": "Custom", "NPS": "NPS (Net Promoter Score)"}
