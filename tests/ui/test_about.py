"""Help ▸ About names the log file, in the same folder the CLI names without Qt."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QMessageBox

from cxmapper import __version__, logfile
from cxmapper.ui.dialogs.about import app_log_path
from cxmapper.ui.main_window import MainWindow


def test_about_names_version_and_log_file(
    strict_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "about", lambda parent, title, text: shown.append(text))
    strict_window.about_action.trigger()
    assert len(shown) == 1
    assert __version__ in shown[0] and str(app_log_path()) in shown[0]


def test_about_names_the_installed_log_file(tmp_path: Path) -> None:
    path = logfile.install(tmp_path / logfile.LOG_NAME)
    try:
        assert app_log_path() == path
    finally:
        logfile.uninstall()


def test_cli_and_app_agree_on_the_data_folder(
    qapp: QCoreApplication, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    names = qapp.organizationName(), qapp.applicationName()
    test_mode = QStandardPaths.isTestModeEnabled()  # other UI tests turn it on
    qapp.setOrganizationName("cxmapper")
    qapp.setApplicationName("cxmapper")
    QStandardPaths.setTestModeEnabled(False)
    try:
        location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    finally:
        QStandardPaths.setTestModeEnabled(test_mode)
        qapp.setOrganizationName(names[0])
        qapp.setApplicationName(names[1])
    assert Path(location) / logfile.LOG_NAME == logfile.default_log_path()
