"""Presentation mode (F11): the whole screen is map, from the first stage, nothing selected."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QDockWidget
from pytestqt.qtbot import QtBot

from cxmapper.model.workspace import Workspace
from cxmapper.ui.main_window import MainWindow
from tests.ui.rigs import Canvas, show_wide_journey


def test_presentation_starts_at_the_first_stage_with_nothing_selected(
    qtbot: QtBot, window: MainWindow, file_ws: Workspace, ws_path: Path
) -> None:
    show_wide_journey(window, file_ws, ws_path)
    window.analysis_dock.show()
    scene, view = window.scene, window.view
    last = max(scene.cards, key=lambda i: scene.card_rect(i).x())
    scene.select_entity("touchpoint", last)
    view.centerOn(scene.cards[last])
    assert view.horizontalScrollBar().value() > 0 and scene.selectedItems()

    window.presentation_action.trigger()
    QApplication.processEvents()
    assert window.isFullScreen()
    assert not any(d.isVisible() for d in window.findChildren(QDockWidget))
    assert not scene.selectedItems() and scene.current_cell() is None
    assert view.horizontalScrollBar().value() == view.horizontalScrollBar().minimum()
    window.presentation_action.trigger()
    assert window.analysis_dock.isVisible()  # the docks come back as they were


def test_presentation_fits_the_width_the_screen_gives_it(canvas: Canvas) -> None:
    """Full screen arrives after the switch (a window manager resizes later): the map is fitted
    to the final width, not left at the zoom the smaller window had."""
    view = canvas.view
    view.resize(700, 500)
    view.set_presentation(True)
    small = view.zoom()
    view.resize(1300, 800)
    QApplication.processEvents()
    assert view.zoom() > small * 1.5
    view.set_presentation(False)
