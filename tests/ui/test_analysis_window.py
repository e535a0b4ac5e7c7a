"""The behavioural overlay inside the real main window: import, analyse, colour the map."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from cxmapper.analysis.tasks import import_events
from cxmapper.model.demo import write_demo
from cxmapper.model.workspace import Workspace
from cxmapper.ui.main_window import MainWindow
from cxmapper.ui.overlay import jobs
from cxmapper.ui.overlay.import_dialog import ImportDialog


@pytest.fixture
def demo(tmp_path: Path) -> tuple[Path, Path]:
    path = tmp_path / "demo.cxmap"
    return path, write_demo(path)


@pytest.fixture
def window(strict_window: MainWindow) -> MainWindow:
    return strict_window


def test_import_analyse_and_overlay_the_demo(qtbot: QtBot, window: MainWindow, demo: tuple) -> None:
    path, log = demo
    assert window.open_path(path)
    dock = window.analysis_dock
    assert dock.panel is None  # nothing heavy built until needed
    assert dock.import_action.shortcut().toString() == "Ctrl+I"
    panel = dock.ensure_panel()
    assert jobs._spare is not None  # opening the panel starts loading pandas in a worker
    with qtbot.waitSignal(
        panel.overlay_changed, timeout=60000, check_params_cb=lambda o: bool(o.cards)
    ):
        dock.overlay_actions["dropoff"].trigger()
        panel.store_dataset(import_events(log))
    cards = window.scene.cards
    coloured = {tp_id for tp_id, card in cards.items() if card._overlay_label}
    payment = next(
        t for t in window.workspace.touchpoints(window.journey_id) if t.title == "Checkout: payment"
    )
    assert payment.id in coloured
    assert cards[payment.id]._overlay_label.endswith("%")
    assert window.undo_stack.undoText() == "Import demo-events"
    # switching the overlay from the menu recolours without recomputing
    dock.overlay_actions["reach"].trigger()
    assert panel.overlay.currentData() == "reach"
    assert cards[payment.id]._overlay_label.replace(",", "").isdigit()
    # the friction list selects a card on the map
    panel.friction.table.cellClicked.emit(0, 1)
    assert window.scene.selected_entities()[0][0] == "touchpoint"
    dock.overlay_actions["none"].trigger()
    assert not any(card._overlay_label for card in cards.values())
    # Analysis ▸ Analyse (Ctrl+R) measures again in the background
    assert dock.run_action.shortcut().toString() == "Ctrl+R"
    panel.result = None
    with qtbot.waitSignal(panel.overlay_changed, timeout=60000):
        dock.run_action.trigger()
    assert (
        panel.result is not None and panel.result.report.n_events == 57_661
    )  # demo log with its dated change
    # the dataset is saved in the workspace file
    with Workspace.open(path) as ws:
        assert [d.n_events for d in ws.datasets()] == [import_events(log).n_events]


def test_import_wizard_from_the_menu(
    qtbot: QtBot, window: MainWindow, demo: tuple, monkeypatch
) -> None:
    path, log = demo
    assert window.open_path(path)

    def run_wizard(dialog: ImportDialog) -> int:
        dialog.start_import()
        qtbot.waitUntil(lambda: dialog.imported is not None, timeout=60000)
        return ImportDialog.DialogCode.Accepted

    monkeypatch.setattr(ImportDialog, "exec", run_wizard)
    assert window.analysis_dock.import_events(str(log))
    assert window.analysis_dock.isVisible()
    assert len(window.workspace.datasets()) == 1
    window.undo_stack.undo()
    assert window.workspace.datasets() == []


def test_menus_offer_the_analysis(window: MainWindow, demo: tuple) -> None:
    names = [a.objectName() for a in window.analysis_menu.actions()]
    assert "analysis.import-events" in names and "analysis.run" in names
    assert window.analysis_dock.import_action in window.import_menu.actions()
    assert not window.analysis_dock.import_action.isEnabled()  # no workspace yet
    assert window.open_path(demo[0])
    assert window.analysis_dock.import_action.isEnabled()


def test_window_start_loads_no_analysis_libraries(demo: tuple) -> None:
    code = (
        "import os, sys\n"
        "os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from cxmapper.ui.app import make_application\n"
        "app = make_application([])\n"
        "from cxmapper.ui.main_window import MainWindow\n"
        "w = MainWindow(poll_ms=0); w.open_path(sys.argv[1]); w.show(); app.processEvents()\n"
        "bad = [m for m in ('pandas', 'pyqtgraph', 'openpyxl', 'pyarrow') if m in sys.modules]\n"
        "w.close_workspace(); print(bad); sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(demo[0])], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_show_panel_brings_it_to_the_front(window: MainWindow, demo: tuple) -> None:
    assert window.open_path(demo[0])
    window.comments_dock.show()
    window.comments_dock.raise_()
    window.analysis_dock.show_action.trigger()
    assert window.analysis_dock.panel is not None
    assert not window.analysis_dock.visibleRegion().isEmpty()
    assert window.analysis_dock.show_action.shortcut().toString() == "Ctrl+Shift+A"
