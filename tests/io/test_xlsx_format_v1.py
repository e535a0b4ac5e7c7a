"""Workbooks exported before the lossless round trip (hidden-sheet format 1, written by
tests/fixtures/make_xlsx_v1.py with that version's code) still import: no changes when
unedited, exactly the owner's edit otherwise."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl

from cxmapper.io.xlsx_import import apply_plan, plan_xlsx_import
from cxmapper.model.workspace import Workspace
from tests.io.hostile_text import table_rows

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def copies(tmp_path: Path) -> tuple[Path, Path]:
    for name in ("xlsx-v1.cxmap", "xlsx-v1.xlsx"):
        shutil.copy(FIXTURES / name, tmp_path / name)
    return tmp_path / "xlsx-v1.cxmap", tmp_path / "xlsx-v1.xlsx"


def test_format_1_workbook_unedited(tmp_path: Path) -> None:
    ws_file, book = copies(tmp_path)
    assert openpyxl.load_workbook(book)["_cxmapper"].cell(1, 2).value == 1
    Workspace.open(ws_file).close()  # the workspace is migrated first: that is not the import
    before = table_rows(ws_file)
    with Workspace.open(ws_file) as ws:
        plan = plan_xlsx_import(ws, book)
        assert plan.changes == [] and plan.conflicts == [], plan.report()
        apply_plan(ws, plan)
    assert table_rows(ws_file) == before


def test_format_1_workbook_one_edit(tmp_path: Path) -> None:
    ws_file, book = copies(tmp_path)
    wb = openpyxl.load_workbook(book)
    tps = wb["Touchpoints"]
    row = next(r for r in range(2, tps.max_row + 1) if tps.cell(r, 1).value == "t2")
    tps.cell(row, 7).value = "phone"  # Channel, was "one\r\ntwo"
    wb.save(book)
    with Workspace.open(ws_file) as ws:
        plan = plan_xlsx_import(ws, book)
        assert len(plan.changes) == 1 and plan.conflicts == [], plan.report()
        apply_plan(ws, plan)
        assert ws.get("touchpoint", "t2").channel == "phone"
        assert ws.get("touchpoint", "t2").description == "one\r\ntwo"
