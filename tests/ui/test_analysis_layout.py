"""The map keeps the room: with the analysis open on a 1366×768 laptop at least 60 % of the
window is map, the panels share one tab group beside it, and the layout survives a restart."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from cxmapper.model.demo import write_demo
from cxmapper.ui.main_window import MainWindow
from cxmapper.ui.settings import AppSettings

RIGHT = Qt.DockWidgetArea.RightDockWidgetArea


def _map_fraction(w: MainWindow) -> float:
    vp = w.view.viewport()
    return vp.width() * vp.height() / (w.width() * w.height())


def _open_with_analysis(qtbot: QtBot, w: MainWindow, path: Path, size: tuple[int, int]) -> None:
    w.resize(*size)
    assert w.open_path(path)
    w.analysis_dock.show_action.trigger()
    qtbot.waitUntil(lambda: not w.analysis_dock.visibleRegion().isEmpty())
    for _ in range(3):
        QApplication.processEvents()
    assert (w.width(), w.height()) == size  # no panel's minimum size grew the window


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    path = tmp_path / "demo.cxmap"
    write_demo(path)
    return path


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_map_keeps_60_percent_of_the_window_with_analysis_open(
    qtbot: QtBot, window: MainWindow, demo: Path, size: tuple[int, int]
) -> None:
    _open_with_analysis(qtbot, window, demo, size)
    assert _map_fraction(window) >= 0.60
    # the charts and lists sit beside the map, in the inspector's tab group
    assert window.dockWidgetArea(window.analysis_dock) == RIGHT
    assert window.inspector_dock in window.tabifiedDockWidgets(window.analysis_dock)
    assert window.analysis_dock.width() >= 360  # wide enough for its tables
    assert window.view.viewport().height() >= 0.8 * window.height()  # nothing stacked under it


def test_hiding_the_analysis_gives_the_map_no_less_room(
    qtbot: QtBot, window: MainWindow, demo: Path
) -> None:
    _open_with_analysis(qtbot, window, demo, (1366, 768))
    before = window.view.viewport().size()
    window.analysis_dock.close()
    QApplication.processEvents()
    after = window.view.viewport().size()
    assert after.width() >= before.width() and after.height() >= before.height()
    # Comments did not take the analysis' place under the map
    assert window.dockWidgetArea(window.comments_dock) == RIGHT
    assert window.comments_dock.geometry().top() < window.view.viewport().height() / 2


def test_the_layout_is_remembered(qtbot: QtBot, window: MainWindow, demo: Path) -> None:
    _open_with_analysis(qtbot, window, demo, (1366, 768))
    width = window.analysis_dock.width()
    window.close()  # saves geometry and dock state
    again = MainWindow(AppSettings(), poll_ms=0)
    qtbot.addWidget(again)
    again.resize(1366, 768)  # the offscreen screen is 800 px wide: restoreGeometry clamps to it
    again.show()
    qtbot.waitUntil(lambda: again.analysis_dock.isVisible())
    QApplication.processEvents()
    assert again.dockWidgetArea(again.analysis_dock) == RIGHT
    assert abs(again.analysis_dock.width() - width) <= 2
    assert _map_fraction(again) >= 0.60
