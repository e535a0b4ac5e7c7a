"""Every interactive widget of the main window and of each dialog has an accessible name and
description (what a screen reader announces), as the app fills them when a window is shown."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from cxmapper.model.demo import write_demo
from cxmapper.ui import accessibility
from cxmapper.ui.dialogs.start import StartDialog
from cxmapper.ui.main_window import MainWindow
from cxmapper.ui.overlay.import_dialog import ImportDialog


def unnamed(root: QWidget) -> list[str]:
    accessibility.name_tree(root)  # what the app does when the window becomes active
    return [
        f"{type(w).__name__} {w.objectName()!r} name={w.accessibleName()!r} "
        f"description={w.accessibleDescription()!r}"
        for w in [root, *root.findChildren(QWidget)]
        if accessibility.is_interactive(w)
        and not (w.accessibleName().strip() and w.accessibleDescription().strip())
    ]


def test_main_window_and_dialogs(window: MainWindow, tmp_path: Path, qtbot: QtBot) -> None:
    events = write_demo(tmp_path / "demo.cxmap")
    assert window.open_path(tmp_path / "demo.cxmap")
    window.analysis_dock.ensure_panel()
    QApplication.processEvents()
    assert unnamed(window) == []
    start = StartDialog([str(tmp_path / "demo.cxmap")], window)
    assert unnamed(start) == []
    wizard = ImportDialog(window, str(events))
    assert unnamed(wizard) == []
    people = window.show_people_dialog()
    assert people is not None and unnamed(people) == []


def test_a_button_is_named_by_its_text_and_a_field_by_its_label(window: MainWindow) -> None:
    accessibility.name_tree(window)
    assert window.find_bar.edit.accessibleName() != ""
    assert window.new_action.text()  # actions are announced by their (translated) text


def test_install_names_the_active_window(qapp: QApplication, qtbot: QtBot) -> None:
    accessibility.install(qapp)
    start = StartDialog([])
    qtbot.addWidget(start)
    start.show()
    start.activateWindow()
    accessibility._name_active_window()
    if QApplication.activeWindow() is start:
        assert start.new_button.accessibleName() == "New workspace…"
