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
from cxmapper.model.surveys import pseudonym_key
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
) -> str:
    """Analysis ▸ Import Survey… with `survey` picked, Read then Store clicked in the dialog;
    returns what the dialog said after reading."""
    monkeypatch.setattr(file_dialogs, "open_file_name", lambda *a, **k: str(survey))
    said: list[str] = []

    def drive() -> None:  # the dialog is modal: driven from timers inside its event loop
        dialog = window.findChild(SurveyImportDialog)
        if dialog is None or not dialog.isVisible():
            QTimer.singleShot(20, drive)
            return
        setup(dialog)
        dialog.import_button.click()  # Read
        QTimer.singleShot(20, lambda: store(dialog))

    def store(dialog: SurveyImportDialog) -> None:
        if dialog.job is not None and dialog.job.running:
            QTimer.singleShot(20, lambda: store(dialog))
            return
        said.append(dialog.status.text())
        dialog.import_button.click()  # Store (or closes nothing if reading failed)
        if dialog.isVisible():
            dialog.reject()

    QTimer.singleShot(0, drive)
    action = window.findChild(QAction, "analysis.import-survey")
    assert action is not None and action.isEnabled()
    action.trigger()  # returns when the dialog has closed
    assert said, "the dialog was not shown"
    return said[0]


def expected_responses(survey: Path) -> int:
    with survey.open(encoding="utf-8", newline="") as f:
        return sum(1 for _ in csv.DictReader(f))


def test_menu_import_is_stored_and_one_undo_step(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, demo: Path
) -> None:
    assert window.open_path(demo)
    survey = survey_path_for(demo)
    said = run_menu_import(qtbot, window, monkeypatch, survey)
    # what the dialog says after reading: the CSV's 4,379 rows; its 17 '@' and 25 IBANs
    assert said.startswith("Read 4,379 survey responses; masked in comments: 17 e-mail"), said
    assert "25 IBANs" in said
    after = stored(demo)
    assert [n for _, n, _ in after] == [expected_responses(survey)]  # 4,379 rows in the CSV
    assert any(v for v in after[0][2])  # comments kept by default
    window.undo_stack.undo()
    assert stored(demo) == []
    window.undo_stack.redo()
    again = stored(demo)
    assert [(i, n) for i, n, _ in again] == [(after[0][0], after[0][1])]  # the same record
    # the Voice panel shows the stored survey, not its empty state
    window.voice_dock.present()
    assert window.voice_dock.drivers.import_button.isHidden()
    assert window.voice_dock.topics.table.rowCount() > 0  # topics need no event log


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


def test_pseudonymised_ids_and_a_column_set_to_none(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, demo: Path
) -> None:
    """Ids stored as keyed hashes (the key kept in the file); "(none)" for the language
    column leaves it blank although its name ("lang") would be detected."""

    def setup(dialog: SurveyImportDialog) -> None:
        dialog.pseudonymise.setChecked(True)
        assert dialog.combos["lang"].currentText() == "lang"  # detected
        dialog.combos["lang"].setCurrentIndex(0)  # (none)

    assert window.open_path(demo)
    survey = survey_path_for(demo)
    run_menu_import(qtbot, window, monkeypatch, survey, setup)
    with survey.open(encoding="utf-8", newline="") as f:
        ids = {r["case_id"] for r in csv.DictReader(f)}
    with Workspace.open(demo) as ws:
        [sv] = ws.surveys()
        frame = load_responses(ws.payload("survey", sv.id))
        assert pseudonym_key(ws) != ""
    assert not set(frame["respondent"].astype(str)) & ids
    assert set(frame["lang"].astype(str)) == {""}
    window.undo_stack.undo()  # the key was made by this import: it goes with the survey
    with Workspace.open(demo) as ws:
        assert ws.surveys() == [] and pseudonym_key(ws) == ""
    window.undo_stack.redo()
    with Workspace.open(demo) as ws:
        assert len(ws.surveys()) == 1 and pseudonym_key(ws) != ""
