"""A main window with private settings and no blocking dialogs, for UI tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths
from pytestqt.qtbot import QtBot

from cxmapper.model.workspace import Workspace
from cxmapper.ui.canvas import JourneyScene, JourneyView
from cxmapper.ui.dialogs import messages
from cxmapper.ui.inspector import InspectorContext, InspectorPanel
from cxmapper.ui.main_window import MainWindow
from cxmapper.ui.model_bridge import ModelBridge
from cxmapper.ui.overlay import jobs
from cxmapper.ui.settings import AppSettings, use_settings_dir
from cxmapper.ui.undo_stack import GuardedUndoStack
from tests.ui.rigs import Canvas, Rig, make_window


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


@pytest.fixture(autouse=True)
def temp_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No UI test reads or writes the user's settings or data folder, nor shares them with a
    test running at the same time (Qt's test-mode folders live under $HOME)."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    folder = tmp_path / "settings"
    use_settings_dir(folder)
    QStandardPaths.setTestModeEnabled(True)
    return folder


@pytest.fixture
def errors(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Error dialogs are collected instead of shown."""
    shown: list[str] = []
    monkeypatch.setattr(messages, "show_error", lambda parent, title, text: shown.append(text))
    return shown


@pytest.fixture
def window(qtbot: QtBot, errors: list[str]) -> Iterator[MainWindow]:
    w = make_window(qtbot)
    yield w
    w.close_workspace()


@pytest.fixture
def canvas(
    qtbot, file_ws: Workspace, small_journey: dict[str, str], ws_path: Path
) -> Iterator[Canvas]:
    stack = GuardedUndoStack()
    bridge = ModelBridge(file_ws, poll_ms=0)
    scene = JourneyScene()
    view = JourneyView(scene)
    scene.setParent(view)
    qtbot.addWidget(view)
    scene.set_journey(file_ws, small_journey["journey"], stack, bridge)
    view.resize(1200, 800)
    view.show()
    qtbot.waitExposed(view)
    view.setFocus()
    c = Canvas(file_ws, small_journey, scene, view, stack, bridge, ws_path, qtbot)
    yield c
    if scene.mirror is not None:
        scene.clear_scene()
        bridge.detach()
    reopened = getattr(c, "_reopened", None)
    if reopened is not None:
        reopened.close()


@pytest.fixture
def rig(
    qtbot: QtBot, small_journey: dict[str, str], file_ws: Workspace, ws_path: Path
) -> Iterator[Rig]:
    stack = GuardedUndoStack()
    errors: list[str] = []
    panel = InspectorPanel()
    qtbot.addWidget(panel)
    panel.resize(460, 800)
    panel.show()
    bridge = ModelBridge(file_ws, poll_ms=0)
    bridge.changed.connect(panel.on_change)
    panel.set_context(InspectorContext(file_ws, stack, errors.append, lambda: "Tess Tester"))
    yield Rig(file_ws, stack, panel, errors, ws_path, small_journey)
    bridge.detach()
