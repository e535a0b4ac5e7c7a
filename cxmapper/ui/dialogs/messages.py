"""User-facing messages and questions, in one place so tests can replace them in one go.

Tests monkeypatch these functions (or QMessageBox/file_dialogs) so no modal dialog blocks.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from cxmapper.ui import file_dialogs

WORKSPACE_FILTER = str(
    QT_TRANSLATE_NOOP("Messages", "cxmapper workspaces (*.cxmap);;All files (*)")
)


def show_error(parent: QWidget | None, title: str, message: str) -> None:
    QMessageBox.warning(parent, title, message)


def ask_open_path(parent: QWidget | None, folder: str = "") -> str | None:
    return file_dialogs.open_file_name(
        parent,
        QCoreApplication.translate("Messages", "Open workspace"),
        folder,
        QCoreApplication.translate("Messages", WORKSPACE_FILTER),
    )


def ask_save_path(parent: QWidget | None, title: str, folder: str = "") -> str | None:
    """A path for a new file; `.cxmap` is added when the user typed no extension."""
    path = file_dialogs.save_file_name(
        parent, title, folder, QCoreApplication.translate("Messages", WORKSPACE_FILTER)
    )
    if path and "." not in path.rsplit("/", 1)[-1]:
        path += ".cxmap"
    return path or None


def ask_text(parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
    value, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal, text)
    return value.strip() if ok and value.strip() else None
