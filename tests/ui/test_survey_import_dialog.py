"""Analysis ▸ Import Survey…: the demo's survey read through the dialog (detected columns) is
stored in the file as one undoable step; "Keep no comments" stores none; a bad score is
shown as the one-line error naming the row, and nothing is stored."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot

from cxmapper.feedback.survey_import import load_responses
from cxmapper.model.demo import survey_path_for, write_demo
from cxmapper.model.workspace import Workspace
from cxmapper.ui import file_dialogs
from cxmapper.ui.main_window import MainWindow
from cxmapper.ui.voice.survey_import_dialog import SurveyImportDialog


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    path = tmp_path / "demo.cxmap"
    write_demo(path)
    return path


def stored(path: Path) -> list[tuple[str, int, list[object]]]:
    """(id, responses, verbatims) of every survey in the file, read afresh."""
    with Workspace.open(path) as ws:
        return [
            (s.id, s.n_responses, list(load_responses(ws.payload("survey", s.id))["verbatim"]))
            for s in ws.surveys()
        ]


def run_menu_import(
    qtbot: QtBot,
    window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
    survey: Path,
    setup: Callable[[SurveyImportDialog], None] = lambda d: None,
) -> None:
    """Analysis ▸ Import Survey… with `survey` picked and Import clicked in the dialog."""
    monkeypatch.setattr(file_dialogs, "open_file_name", lambda *a, **k: str(survey))
    seen: list[SurveyImportDialog] = []

    def drive() -> None:
        dialog = window.findChild(SurveyImportDialog)
        if dialog is None or not dialog.isVisible():
            QTimer.singleShot(20, drive)
            return
        seen.append(dialog)
        setup(dialog)
        dialog.import_button.click()

    QTimer.singleShot(0, drive)
    action = window.findChild(QAction, "analysis.import_survey")
    assert action is not None and action.isEnabled()
    action.trigger()  # returns when the dialog has closed
    assert seen, "the dialog was not shown"


def expected_responses(survey: Path) -> int:
    with survey.open(encoding="utf-8", newline="") as f:
        return sum(1 for _ in csv.DictReader(f))


def test_menu_import_is_stored_and_one_undo_step(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, demo: Path
) -> None:
    assert window.open_path(demo)
    survey = survey_path_for(demo)
    run_menu_import(qtbot, window, monkeypatch, survey)
    after = stored(demo)
    assert [n for _, n, _ in after] == [expected_responses(survey)]  # 4,379 rows in the CSV
    assert any(v for v in after[0][2])  # comments kept by default
    window.undo_stack.undo()
    assert stored(demo) == []
    window.undo_stack.redo()
    again = stored(demo)
    assert [(i, n) for i, n, _ in again] == [(after[0][0], after[0][1])]  # the same record


def test_keep_no_comments_stores_no_verbatims(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, demo: Path
) -> None:
    assert window.open_path(demo)
    survey = survey_path_for(demo)
    run_menu_import(qtbot, window, monkeypatch, survey, lambda d: d.no_comments.setChecked(True))
    [(_, n, verbatims)] = stored(demo)
    assert n == expected_responses(survey)
    assert not any(verbatims)


def test_bad_score_is_one_line_naming_the_row_and_nothing_is_stored(
    qtbot: QtBot, window: MainWindow, demo: Path, tmp_path: Path
) -> None:
    assert window.open_path(demo)
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "case_id,date,nps,comment\n"
        "A1,2026-01-05T12:00:00Z,9,fine\n"
        "A2,2026-01-05T13:00:00Z,11,too high\n",
        encoding="utf-8",
    )
    ws = window.workspace
    assert ws is not None
    dialog = SurveyImportDialog(ws, window.journey_id, str(bad), window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.combos["score"].currentText() == "nps"  # detected from the header
    dialog.import_button.click()
    job = dialog.job
    assert job is not None
    qtbot.waitUntil(lambda: not job.running, timeout=60_000)
    text = dialog.status.text()
    assert "\n" not in text
    assert "bad.csv" in text and "'nps'" in text and "11" in text
    assert "line 3" in text or "row 2" in text, text
    assert dialog.imported is None and dialog.isVisible()
    assert window.undo_stack.count() == 0
    assert stored(demo) == []


def test_voice_empty_state_offers_the_import(window: MainWindow, demo: Path) -> None:
    assert window.open_path(demo)
    window.voice_dock.present()
    window.voice_dock.refresh()
    button = window.voice_dock.drivers.import_button
    assert not button.isHidden()
