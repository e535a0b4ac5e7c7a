"""Find moves to its matches: Enter / F3 / Shift+F3 select the next or previous card and scroll
it into view, clear of the pinned headers."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from cxmapper.model.workspace import Workspace
from cxmapper.ui.canvas import layout
from cxmapper.ui.main_window import MainWindow
from tests.ui.rigs import show_wide_journey


def fully_visible_below_headers(window: MainWindow, tp_id: str) -> bool:
    view, scene = window.view, window.scene
    QApplication.processEvents()
    box = view.mapFromScene(scene.card_rect(tp_id)).boundingRect()
    zoom = view.zoom()
    clear = (
        view.viewport()
        .rect()
        .adjusted(int(layout.LANE_HEADER_W * zoom), int(layout.STAGE_HEADER_H * zoom), 0, 0)
    )
    return clear.contains(box)


def test_enter_and_f3_walk_through_the_matches(
    qtbot: QtBot, window: MainWindow, file_ws: Workspace, ws_path: Path
) -> None:
    show_wide_journey(window, file_ws, ws_path)
    window.resize(900, 600)
    window.view.zoom_100()
    bar = window.find_bar
    window.find_action.trigger()
    bar.edit.setText("Card in Stage 1")  # Stage 1, Stage 10, Stage 11
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
    assert len(bar.matches) == 3 and bar.count.text() == "1 of 3"
    first = bar.matches[0]
    assert window.scene.selected_card_ids() == [first]
    assert fully_visible_below_headers(window, first)

    bar.next_action.trigger()  # F3
    assert bar.count.text() == "2 of 3"
    second = bar.matches[1]
    assert window.scene.selected_card_ids() == [second]
    assert fully_visible_below_headers(window, second)
    assert window.view.horizontalScrollBar().value() > 0  # it scrolled to reach it

    bar.previous_action.trigger()  # Shift+F3
    assert window.scene.selected_card_ids() == [first]
    assert fully_visible_below_headers(window, first)
    bar.previous_action.trigger()  # wraps around
    assert bar.count.text() == "3 of 3"
    assert bar.next_action.shortcut().toString() == "F3"
