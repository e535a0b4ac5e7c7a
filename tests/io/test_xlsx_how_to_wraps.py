"""The workbook's "Updating this workbook" lines wrap inside the printed columns: the Italian
sentences are longer and ran past the page (gallery workbook-journey-01.png)."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from cxmapper.io.xlsx_export import export_xlsx
from cxmapper.io.xlsx_sheets.overview import how_to
from cxmapper.model.workspace import Workspace
from cxmapper.present import language

HOW_TO_CHARS = 120  # body characters per line across the overview's columns A:B


@pytest.mark.parametrize("lang", ["en", "it"])
def test_how_to_lines_wrap_in_tall_enough_rows(tmp_path: Path, lang: str) -> None:
    with Workspace.create(tmp_path / "w.cxmap") as ws:
        journey = ws.add_journey("J")
        ws.add_stage(journey.id, "A")
        out = export_xlsx(ws, journey.id, tmp_path / "w.xlsx", language=lang)
    with language.in_language(lang):
        lines = ["• " + line for line in how_to()]
    sheet = load_workbook(out).worksheets[0]
    found = 0
    for row in sheet.iter_rows(min_col=1, max_col=1):
        cell = row[0]
        if cell.value in lines:
            found += 1
            assert cell.alignment.wrap_text
            needed = -(-len(str(cell.value)) // HOW_TO_CHARS)
            assert (sheet.row_dimensions[cell.row].height or 13) >= 13 * needed
            assert len(str(cell.value)) <= HOW_TO_CHARS or needed > 1
    assert found == len(lines)
    if lang == "it":  # the longer Italian sentences: at least one wraps onto two lines
        assert max(len(t) for t in lines) > HOW_TO_CHARS
