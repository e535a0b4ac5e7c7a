"""File ▸ Open Recent: the recent workspaces as numbered entries, filled each time the menu opens.

Apart from main_window.py, which keeps the window's state; this only reads the settings' list
and calls the window's `open_path`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from cxmapper.ui.main_window import MainWindow


def fill_recent_menu(window: MainWindow) -> None:
    """Rebuild the menu from the settings' recent files (disabled while there are none)."""
    menu = window.recent_menu
    menu.clear()
    files = window.settings.recent_files()
    for i, path in enumerate(files):
        label = f"&{i + 1}  {Path(path).stem}" if i < 9 else Path(path).stem
        action = menu.addAction(label)
        action.setToolTip(path)
        action.setStatusTip(path)
        action.triggered.connect(lambda _=False, p=path: window.open_path(p))
    if files:
        menu.addSeparator()
        menu.addAction(
            QCoreApplication.translate("MainWindow", "Clear List"), lambda: clear_recent(window)
        )
    menu.setEnabled(bool(files))


def clear_recent(window: MainWindow) -> None:
    window.settings.clear_recent()
    fill_recent_menu(window)
