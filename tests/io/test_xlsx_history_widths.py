"""The Governance health and Change log sheets are wide enough for their Italian texts:
"assegnazione RACI" and "punto di contatto" (Kind) or "Importato il dataset ..." (Operation)
were cut by the next column in the Italian gallery's workbook pages."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from cxmapper.io.xlsx_export import export_xlsx
from cxmapper.model.workspace import Workspace


def too_narrow(sheet, first_row: int, columns: str) -> list[str]:  # type: ignore[no-untyped-def]
    """Cells whose text is longer than its column is wide (a character is about a unit)."""
    out = []
    for letter in columns:
        width = sheet.column_dimensions[letter].width
        for cell in sheet[letter][first_row - 1 :]:
            text = "" if cell.value is None else str(cell.value)
            if width < min(len(text), 55):
                out.append(f"{letter}{cell.row} {text!r} in {width}")
    return out


def test_italian_log_and_health_texts_fit_their_columns(
    file_ws: Workspace, small_journey: dict[str, str], tmp_path: Path
) -> None:
    ws, ids = file_ws, small_journey
    ws.update("touchpoint", ids["home"], title="Benvenuto")
    out = export_xlsx(ws, ids["journey"], tmp_path / "j.xlsx", language="it")
    book = load_workbook(out)
    log = book["Registro modifiche"]
    assert too_narrow(log, 3, "ABCDEF") == []
    kinds = {log.cell(r, 5).value for r in range(4, log.max_row + 1)}
    assert "assegnazione RACI" in kinds  # the longest kind is there to be measured
    health = book["Stato della governance"]
    width = health.column_dimensions["A"].width  # the three labels beside their figures
    assert all(len(str(health.cell(r, 1).value)) <= width for r in (3, 4, 5))
