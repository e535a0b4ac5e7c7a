"""Every text the value-model editor shows is one `pyside6-lupdate` collects for translation.

The dialog used a private `_tr(text)` helper: lupdate only sees literal `tr(...)` /
`QCoreApplication.translate("Context", "...")` calls, so none of its texts reached the catalogue
and the Italian app showed them in English. Here lupdate runs over the dialog's module alone and
every text on the live dialog (title, form labels, table headers, the menu action) must be among
the sources it found, in the `ValueModel` context the undo command already uses.
"""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMainWindow
from pytestqt.qtbot import QtBot

import cxmapper.ui.dialogs.value_model as module
from cxmapper.model.workspace import Workspace
from cxmapper.ui.dialogs.value_model import ValueModelDialog, value_model_action
from tests.ui.test_translations import lupdate


def extracted(tmp_path: Path) -> dict[str, set[str]]:
    """Context -> source texts lupdate finds in the dialog's module."""
    ts = tmp_path / "value_model.ts"
    subprocess.run(
        [
            str(lupdate()),
            "-extensions",
            "py",
            module.__file__,
            "-ts",
            str(ts),
            "-locations",
            "none",
        ],
        check=True,
        capture_output=True,
    )
    found: dict[str, set[str]] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        found[context.findtext("name") or ""] = {
            m.findtext("source") or "" for m in context.iter("message")
        }
    return found


def test_every_shown_text_is_extracted(
    qtbot: QtBot, file_ws: Workspace, small_journey: dict[str, str], tmp_path: Path
) -> None:
    dialog = ValueModelDialog(file_ws, small_journey["journey"])
    qtbot.addWidget(dialog)
    shown = {dialog.windowTitle()}
    shown |= {label.text() for label in dialog.findChildren(QLabel) if label.text()}
    for table in (dialog.costs, dialog.segments):
        shown |= {table.horizontalHeaderItem(c).text() for c in range(table.columnCount())}
    host = QMainWindow()
    qtbot.addWidget(host)
    action = value_model_action(host)
    assert isinstance(action, QAction)
    shown.add(action.text())
    assert len(shown) == 10
    assert shown <= extracted(tmp_path).get("ValueModel", set())
