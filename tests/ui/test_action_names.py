"""Every menu action has a stable object name, so tests and scripts find actions by name and
the menu texts can change (or be translated) without breaking them."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from cxmapper.ui.main_window import MainWindow
from cxmapper.ui.settings import AppSettings

DYNAMIC = ("menu.recent",)  # recent files: one action per file path, named by its data


def walk(menu: QMenu) -> Iterator[tuple[QMenu, QAction]]:
    for action in menu.actions():
        if action.isSeparator():
            continue
        sub = action.menu()
        if isinstance(sub, QMenu):
            yield menu, action
            if sub.objectName() not in DYNAMIC:
                yield from walk(sub)
        else:
            yield menu, action


def test_every_menu_and_action_has_a_unique_object_name(qtbot: QtBot) -> None:
    window = MainWindow(AppSettings(), poll_ms=0)
    qtbot.addWidget(window)
    owners: dict[str, set[int]] = {}  # name -> the actions (by id) that carry it
    for top in window.menuBar().actions():
        menu = top.menu()
        assert isinstance(menu, QMenu) and menu.objectName().startswith("menu."), top.text()
        for parent, action in walk(menu):
            sub = action.menu()
            name = sub.objectName() if isinstance(sub, QMenu) else action.objectName()
            assert name, f"{action.text()!r} in {parent.objectName()} has no object name"
            owners.setdefault(name, set()).add(id(sub if isinstance(sub, QMenu) else action))
    shared = sorted(n for n, ids in owners.items() if len(ids) > 1)
    assert not shared, shared  # one action may sit in two menus; two actions, one name: no
    assert {"file.new", "export.pdf", "import.xlsx", "analysis.run", "overlay.friction",
            "journey.people", "canvas.delete"} <= set(owners)  # fmt: skip


def test_menus_work_with_any_texts(qtbot: QtBot) -> None:
    """Texts replaced (as a translation would) leave every action findable by its name."""
    window = MainWindow(AppSettings(), poll_ms=0)
    qtbot.addWidget(window)
    for top in window.menuBar().actions():
        for _, action in walk(top.menu()):  # type: ignore[arg-type]
            action.setText("?")
    assert window.findChild(QAction, "export.pdf") is window.transfer.export_actions["pdf"]
    assert window.findChild(QAction, "view.find") is window.find_action
