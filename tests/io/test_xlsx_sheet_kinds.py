"""Sheets that are not what the round trip expects: a chart sheet where the export wrote a
table or its hidden sheet, and a write into the covered part of a merged range. Each is said
in one line (a conflict, or the refusal of the whole workbook), never an AttributeError."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from openpyxl.chart import BarChart, Reference

from cxmapper.errors import CxError
from cxmapper.io.xlsx_import import plan_xlsx_import
from cxmapper.io.xlsx_safe import put
from cxmapper.io.xlsx_sheets.meta import META_SHEET, is_worksheet
from cxmapper.model.workspace import Workspace


def _chart_instead_of(path: Path, title: str) -> None:
    """Replace the sheet `title` by a chart sheet of the same name, where it stood."""
    wb = openpyxl.load_workbook(path)
    index = wb.sheetnames.index(title)
    data = wb.worksheets[0]
    wb.remove(wb[title])
    chart_sheet = wb.create_chartsheet(title, index)
    chart = BarChart()
    chart.add_data(Reference(data, min_col=1, min_row=1, max_row=2))
    chart_sheet.add_chart(chart)
    wb.save(path)


def test_a_chart_sheet_in_place_of_a_table_is_a_conflict(
    file_ws: Workspace, journey: dict[str, str], exported: Path
) -> None:
    _chart_instead_of(exported, "Touchpoints")
    plan = plan_xlsx_import(file_ws, exported)
    assert [str(c) for c in plan.conflicts] == [
        "Touchpoints: not a worksheet (a chart?); its changes cannot be imported"
    ]
    assert plan.changes == []


def test_a_chart_sheet_in_place_of_the_hidden_sheet_refuses_the_workbook(
    file_ws: Workspace, journey: dict[str, str], exported: Path
) -> None:
    _chart_instead_of(exported, META_SHEET)
    with pytest.raises(CxError) as err:
        plan_xlsx_import(file_ws, exported)
    assert str(err.value) == (
        f"{exported}: the hidden '{META_SHEET}' sheet is damaged (it is not a worksheet)"
    )


def test_is_worksheet_tells_cells_from_charts() -> None:
    wb = openpyxl.Workbook()
    assert is_worksheet(wb.active)
    assert not is_worksheet(wb.create_chartsheet("chart"))
    assert not is_worksheet(None)


def test_put_refuses_the_covered_part_of_a_merged_range() -> None:
    ws = openpyxl.Workbook().active
    assert ws is not None
    ws.merge_cells("A1:A3")
    with pytest.raises(TypeError, match="cannot write into A2: it is covered by a merged cell"):
        put(ws.cell(2, 1), "=1+1")
    assert put(ws.cell(1, 1), "=1+1").value == "=1+1"  # the range's own cell takes text
