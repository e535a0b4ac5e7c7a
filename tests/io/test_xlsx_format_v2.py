"""Workbooks of hidden-sheet format 2 (before the keyed round trip: English headers as keys,
written by tests/fixtures/make_xlsx_v2.py with that version's code) still import: no changes
when unedited, exactly the owner's edits otherwise, whatever today's labels say."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest

from cxmapper.io.xlsx_import import apply_plan, plan_xlsx_import
from cxmapper.model.workspace import Workspace
from cxmapper.present import labels
from tests.io.hostile_text import table_rows

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture(params=["english", "relabelled"])
def label_set(request: pytest.FixtureRequest) -> Iterator[str]:
    """Today's labels as shipped, and every label changed (as a translation would)."""
    if request.param == "relabelled":
        labels.set_translator(lambda text: f"«{text}»")
    yield request.param
    labels.set_translator(None)


def copies(tmp_path: Path) -> tuple[Path, Path]:
    for name in ("xlsx-v2.cxmap", "xlsx-v2.xlsx"):
        shutil.copy(FIXTURES / name, tmp_path / name)
    return tmp_path / "xlsx-v2.cxmap", tmp_path / "xlsx-v2.xlsx"


def test_format_2_workbook_unedited(tmp_path: Path, label_set: str) -> None:
    ws_file, book = copies(tmp_path)
    assert openpyxl.load_workbook(book)["_cxmapper"].cell(1, 2).value == 2
    Workspace.open(
        ws_file
    ).close()  # the fixture's schema is migrated first: compare like with like
    before = table_rows(ws_file)
    with Workspace.open(ws_file) as ws:
        plan = plan_xlsx_import(ws, book)
        assert plan.changes == [] and plan.conflicts == [], plan.report()
        apply_plan(ws, plan)
    assert table_rows(ws_file) == before


def test_format_2_workbook_edits(tmp_path: Path, label_set: str) -> None:
    ws_file, book = copies(tmp_path)
    wb = openpyxl.load_workbook(book)
    tps = wb["Touchpoints"]
    headers = {c.value: c.column for c in tps[1]}
    row = next(r for r in range(2, tps.max_row + 1) if tps.cell(r, 1).value == "t2")
    tps.cell(row, headers["Channel"]).value = "phone"  # was "one\r\ntwo"
    comments = wb["Comments"]
    c_headers = {c.value: c.column for c in comments[1]}
    c_row = next(r for r in range(2, comments.max_row + 1) if comments.cell(r, 1).value == "c4")
    comments.cell(c_row, c_headers["Resolved"]).value = "yes"
    wb.save(book)
    with Workspace.open(ws_file) as ws:
        plan = plan_xlsx_import(ws, book)
        assert plan.conflicts == [], plan.report()
        assert sorted((c.kind, c.id) for c in plan.changes) == [
            ("comment", "c4"),
            ("touchpoint", "t2"),
        ]
        apply_plan(ws, plan)
        assert ws.get("touchpoint", "t2").channel == "phone"
        assert ws.get("touchpoint", "t2").description == "one\r\ntwo"
        assert ws.get("comment", "c4").resolved
