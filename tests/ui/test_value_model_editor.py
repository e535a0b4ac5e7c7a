"""The value-model editor: the form shows the stored model, OK is one undo step saved to the file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot

from cxmapper.model.value_models import set_value_model, stored_value_model
from cxmapper.model.workspace import Workspace
from cxmapper.ui.commands.value_model import ValueModelCommand
from cxmapper.ui.dialogs.value_model import ValueModelDialog
from cxmapper.ui.undo_stack import GuardedUndoStack


def reopened(path: Path, journey_id: str) -> dict[str, object]:
    with Workspace.open(path, read_only=True) as ws:
        return stored_value_model(ws, journey_id)


def test_edit_is_saved_and_undone(
    qtbot: QtBot, file_ws: Workspace, small_journey: dict[str, str], ws_path: Path
) -> None:
    jid = small_journey["journey"]
    set_value_model(file_ws, jid, {"value_per_conversion": 10, "contact_costs": {"chat": 2}})
    dialog = ValueModelDialog(file_ws, jid)
    qtbot.addWidget(dialog)
    assert dialog.conversion.value() == 10.0
    assert dialog.costs.pairs() == {"chat": "2"}
    dialog.conversion.setValue(50)
    dialog.costs.set_pair(1, "Call centre", "4,50")  # the empty last row; a decimal comma
    stack = GuardedUndoStack()
    stack.push(ValueModelCommand(file_ws, jid, dialog.fields()))
    saved = reopened(ws_path, jid)
    assert saved["value_per_conversion"] == 50.0
    assert saved["contact_costs"] == {"chat": 2.0, "Call centre": 4.5}
    assert stack.count() == 1
    stack.undo()
    assert reopened(ws_path, jid) == {"value_per_conversion": 10.0, "contact_costs": {"chat": 2.0}}
    stack.redo()
    assert reopened(ws_path, jid)["value_per_conversion"] == 50.0


def test_bad_amount_keeps_the_dialog_open(
    qtbot: QtBot, file_ws: Workspace, small_journey: dict[str, str], monkeypatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "warning", lambda *a: None)
    dialog = ValueModelDialog(file_ws, small_journey["journey"])
    qtbot.addWidget(dialog)
    dialog.costs.set_pair(0, "chat", "cheap")
    dialog.accept()
    assert dialog.error is not None and "cheap" in dialog.error
    assert dialog.result() != dialog.DialogCode.Accepted


def test_journey_menu_has_the_editor(window) -> None:
    assert window.findChild(QAction, "action.value_model") in window.journey_menu.actions()
