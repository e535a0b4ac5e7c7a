"""File ▸ Export / Import in the main window: background export, cancel, one-step imports."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from cxmapper.io.json_format import export_json
from cxmapper.io.xlsx_export import export_xlsx
from cxmapper.model.workspace import Workspace
from cxmapper.ui.main_window import MainWindow


@pytest.fixture
def window(strict_window: MainWindow) -> MainWindow:
    return strict_window


@pytest.fixture
def opened(window: MainWindow, small_journey: dict, file_ws: Workspace, ws_path: Path) -> dict:
    file_ws.close()
    assert window.open_path(ws_path)
    return small_journey


def test_export_excel_and_png_in_the_background(
    qtbot: QtBot, window: MainWindow, opened: dict, tmp_path: Path
) -> None:
    assert window.transfer.export_actions["xlsx"].isEnabled()
    target = tmp_path / "map.xlsx"
    job = window.transfer.export("xlsx", str(target))
    with qtbot.waitSignal(job.finished, timeout=60000):
        pass
    book = openpyxl.load_workbook(target)
    assert "Map" in book.sheetnames and "Governance" in book.sheetnames
    assert "Exported" in window.statusBar().currentMessage()
    png = tmp_path / "map.png"
    job = window.transfer.export("png", str(png), dpi=96)
    with qtbot.waitSignal(job.finished, timeout=60000):
        pass
    image = QImage(str(png))
    assert image.width() > 300 and image.height() > 200


def test_cancelled_export_leaves_no_file(
    qtbot: QtBot, window: MainWindow, opened: dict, tmp_path: Path
) -> None:
    target = tmp_path / "cancelled.pdf"
    job = window.transfer.export("pdf", str(target))
    with qtbot.waitSignal(job.cancelled, timeout=10000):
        job.cancel()
    assert not target.exists()
    assert not list(tmp_path.glob(".cancelled.pdf.*.cxtmp*"))


def test_excel_round_trip_is_one_undo_step(
    window: MainWindow, opened: dict, tmp_path: Path
) -> None:
    ws = window.workspace
    book_path = tmp_path / "owners.xlsx"
    export_xlsx(ws, opened["journey"], book_path)
    book = openpyxl.load_workbook(book_path)
    sheet = book["Touchpoints"]
    header = [c.value for c in sheet[1]]
    id_col, title_col = header.index("Touchpoint ID") + 1, header.index("Title") + 1
    for row in range(2, sheet.max_row + 1):
        if sheet.cell(row, id_col).value == opened["search"]:
            sheet.cell(row, title_col).value = "Site search"
    book.save(book_path)
    shown = []
    plan = window.transfer.import_xlsx(str(book_path), confirm=lambda p: shown.append(p) or True)
    assert shown and [str(c) for c in plan.changes]
    assert ws.get("touchpoint", opened["search"]).title == "Site search"
    assert window.undo_stack.undoText().startswith("Import updates from owners.xlsx")
    window.undo_stack.undo()
    assert ws.get("touchpoint", opened["search"]).title == "Search"
    window.undo_stack.redo()
    with Workspace.open(ws.path) as again:
        assert again.get("touchpoint", opened["search"]).title == "Site search"
    # declining the preview applies nothing
    before = window.undo_stack.count()
    window.transfer.import_xlsx(str(book_path), confirm=lambda p: False)
    assert window.undo_stack.count() == before


def test_json_import_is_one_undo_step_with_stable_ids(
    window: MainWindow, opened: dict, tmp_path: Path
) -> None:
    source = Workspace.create(tmp_path / "other.cxmap")
    try:
        j = source.add_journey("Onboarding")
        s = source.add_stage(j.id, "Sign up")
        ln = source.add_lane(j.id, "App", "channel")
        owner = source.add_party("Olga")
        source.add_touchpoint(s.id, ln.id, "Create account", owner_id=owner.id)
        export_json(source, [j.id], tmp_path / "onboarding.json")
    finally:
        source.close()
    ws = window.workspace
    journeys = window.transfer.import_json(str(tmp_path / "onboarding.json"))
    assert [x.name for x in journeys] == ["Onboarding"]
    imported = {t.id for t in ws.touchpoints(journeys[0].id)}
    assert "Olga" in {p.name for p in ws.parties()}
    window.undo_stack.undo()
    assert [x.name for x in ws.journeys()] == ["Online purchase"]
    assert "Olga" not in {p.name for p in ws.parties()}
    window.undo_stack.redo()
    assert {t.id for t in ws.touchpoints(journeys[0].id)} == imported


def test_refused_imports_explain_and_leave_no_undo_step(
    window: MainWindow, opened: dict, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        window.transfer, "show_error", lambda title, text: shown.append((title, text))
    )
    bad = tmp_path / "bad.json"
    bad.write_text(
        '{"format": "cxmapper-journey", "version": 99, "journeys": []}', encoding="utf-8"
    )
    before = window.undo_stack.count()
    assert window.transfer.import_json(str(bad)) == []
    assert shown and shown[0][0] == "Cannot import journeys" and "version" in shown[0][1]
    assert window.undo_stack.count() == before
    assert [j.name for j in window.workspace.journeys()] == ["Online purchase"]
