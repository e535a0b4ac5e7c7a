"""What the real file dialogs propose: a file name in an existing folder, never a folder's name."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit
from pytestqt.qtbot import QtBot

from cxmapper.model.workspace import Workspace
from cxmapper.ui.main_window import MainWindow
from cxmapper.ui.settings import AppSettings, use_settings_dir


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    use_settings_dir(tmp_path / "settings")
    QStandardPaths.setTestModeEnabled(True)
    w = MainWindow(AppSettings(), poll_ms=0)
    qtbot.addWidget(w)
    w.show()
    yield w
    w.close_workspace()


def proposed(trigger) -> tuple[str, str]:
    """(folder, file name) the dialog shows when it opens; the dialog is then cancelled."""
    seen: list[tuple[str, str]] = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(30, look)
            return
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        seen.append((dialog.directory().absolutePath(), name.text() if name else ""))
        dialog.reject()

    QTimer.singleShot(30, look)
    trigger()
    return seen[0]


def test_new_workspace_proposes_a_file_name_not_documents(window: MainWindow) -> None:
    folder, name = proposed(window.new_action.trigger)
    assert Path(folder).is_dir()
    assert name == "New workspace.cxmap"


def test_save_as_proposes_a_copy_beside_the_workspace(window: MainWindow, tmp_path: Path) -> None:
    path = tmp_path / "Team map.cxmap"
    Workspace.create(path).close()
    (tmp_path / "Team map copy.cxmap").write_bytes(b"taken")
    assert window.open_path(path)
    folder, name = proposed(window.save_as_action.trigger)
    assert Path(folder) == tmp_path
    assert name == "Team map copy 2.cxmap"
