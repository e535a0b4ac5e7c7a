"""Labels are not keys: a workbook exported under one set of sheet titles and column headers
imports under another (a changed label, a translation) with exactly the owner's edits, because
the import finds sheets and columns by key through the workbook's own record."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest

from cxmapper.io.xlsx_export import export_xlsx
from cxmapper.io.xlsx_import import apply_plan, plan_xlsx_import
from cxmapper.model.workspace import Workspace
from cxmapper.present import labels


def italian(text: str) -> str:
    """A stand-in translation that changes every label the workbook uses."""
    words = {"Touchpoints": "Punti di contatto", "Title": "Titolo", "Governance": "Governo",
             "Comments": "Commenti", "Resolved": "Risolto", "KPIs": "Indicatori",
             "New value": "Nuovo valore", "Touchpoint ID": "ID punto di contatto",
             "Actions": "Azioni", "Comment ID": "ID commento", "Status": "Stato"}  # fmt: skip
    return words.get(text, f"[{text}]")


@pytest.fixture
def translated() -> Iterator[None]:
    labels.set_translator(italian)
    yield
    labels.set_translator(None)


def cell_by(ws, row_key: str, header: str, header_row: int = 1):  # type: ignore[no-untyped-def]
    cols = {c.value: c.column for c in ws[header_row]}
    row = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == row_key)
    return ws.cell(row, cols[header])


def owner_edits(book: Path, journey: dict[str, str], touchpoints: str, title: str,
                comments: str, resolved: str, kpis: str, new_value: str) -> None:  # fmt: skip
    """What an owner does in Excel, found by the titles and headers the workbook shows."""
    wb = openpyxl.load_workbook(book)
    cell_by(wb[touchpoints], journey["home"], title).value = "Home page v2"
    comment_id = wb[comments].cell(2, 1).value
    cell_by(wb[comments], comment_id, resolved).value = "no"
    cell_by(wb[kpis], journey["home"], new_value).value = 4.8
    wb.save(book)


def check_round_trip(ws: Workspace, book: Path, journey: dict[str, str]) -> None:
    plan = plan_xlsx_import(ws, book)
    assert plan.conflicts == [], plan.report()
    assert sorted((c.op, c.kind) for c in plan.changes) == [
        ("add", "reading"), ("update", "comment"), ("update", "touchpoint")
    ]  # fmt: skip
    apply_plan(ws, plan)
    assert ws.get("touchpoint", journey["home"]).title == "Home page v2"
    assert not any(c.resolved for c in ws.comments())
    assert [r.value for r in ws.readings() if r.touchpoint_id == journey["home"]][-1] == 4.8
    again = plan_xlsx_import(ws, book)  # the edits are in: nothing left to do
    assert again.changes == [] and again.conflicts == [], again.report()


def test_exported_translated_imported_in_english(
    file_ws: Workspace, journey: dict[str, str], tmp_path: Path, translated: None
) -> None:
    book = export_xlsx(file_ws, journey["journey"], tmp_path / "it.xlsx")
    wb = openpyxl.load_workbook(book)
    assert "Punti di contatto" in wb.sheetnames and "Touchpoints" not in wb.sheetnames
    assert "Titolo" in [c.value for c in wb["Punti di contatto"][1]]
    assert wb["Punti di contatto"].cell(1, 1).value == "ID punto di contatto"
    owner_edits(book, journey, "Punti di contatto", "Titolo", "Commenti", "Risolto",
                "Indicatori", "Nuovo valore")  # fmt: skip
    labels.set_translator(None)  # the import runs where the labels are English
    check_round_trip(file_ws, book, journey)


def test_exported_in_english_imported_translated(
    file_ws: Workspace, journey: dict[str, str], tmp_path: Path
) -> None:
    book = export_xlsx(file_ws, journey["journey"], tmp_path / "en.xlsx")
    owner_edits(book, journey, "Touchpoints", "Title", "Comments", "Resolved", "KPIs", "New value")
    labels.set_translator(italian)
    try:
        check_round_trip(file_ws, book, journey)
    finally:
        labels.set_translator(None)


def test_a_changed_header_label_does_not_touch_the_round_trip(
    file_ws: Workspace, journey: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Renaming one catalogue entry (no translator) changes what the workbook shows only."""
    monkeypatch.setitem(labels.COLUMNS, "title", "Name of the step")
    monkeypatch.setitem(labels.SHEETS, "touchpoints", "Steps")
    book = export_xlsx(file_ws, journey["journey"], tmp_path / "renamed.xlsx")
    owner_edits(book, journey, "Steps", "Name of the step", "Comments", "Resolved", "KPIs",
                "New value")  # fmt: skip
    monkeypatch.setitem(labels.COLUMNS, "title", "Heading")  # changed again before the import
    check_round_trip(file_ws, book, journey)


def test_the_hidden_sheet_keeps_keys_not_labels(
    file_ws: Workspace, journey: dict[str, str], tmp_path: Path, translated: None
) -> None:
    from cxmapper.io.xlsx_sheets import meta

    book = export_xlsx(file_ws, journey["journey"], tmp_path / "it.xlsx")
    wb = openpyxl.load_workbook(book, read_only=True)
    version, header, baseline = meta.read(wb[meta.META_SHEET])
    assert version == 3
    assert header["sheets"]["touchpoints"] == "Punti di contatto"
    assert header["columns"]["Touchpoints"]["title"] == "Titolo"
    home = baseline[("Touchpoints", journey["home"])]
    assert "title" in home.shown and "Titolo" not in home.shown
    wb.close()
