"""A main window with private settings and no blocking dialogs, for UI tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths
from pytestqt.qtbot import QtBot

from cxmapper.ui.dialogs import messages
from cxmapper.ui.main_window import MainWindow
from cxmapper.ui.overlay import jobs
from cxmapper.ui.settings import AppSettings, use_settings_dir


@pytest.fixture(autouse=True)
def _no_spare_worker_left() -> Iterator[None]:
    """A finished job leaves a warm worker waiting; it must not outlive its test, and no test
    may find one left by whatever ran before it."""
    jobs.discard_spare()
    yield
    jobs.discard_spare()


@pytest.fixture
def strict_window(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[MainWindow]:
    """Any error dialog fails the test: for flows that must succeed."""
    use_settings_dir(tmp_path / "settings")
    QStandardPaths.setTestModeEnabled(True)
    monkeypatch.setattr(messages, "show_error", lambda *a: pytest.fail(f"error dialog: {a}"))
    window = MainWindow(AppSettings(), poll_ms=0)
    qtbot.addWidget(window)
    window.show()
    yield window
    window.close_workspace()
