"""The value-model editor: the form shows the stored model, OK is one undo step saved to the file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
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


def test_owner_edits_every_field_from_the_menu_as_one_undo_step(
    qtbot: QtBot, window, tmp_path: Path
) -> None:
    """Journey ▸ Value model…: conversion value, currency, a contact cost and a segment value
    typed into the dialog, OK: one undo step, saved; undo puts the old model back, redo again."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialogButtonBox

    path = tmp_path / "priced.cxmap"
    with Workspace.create(path) as ws:
        jid = ws.add_journey("Shop").id
        set_value_model(ws, jid, {"value_per_conversion": 10, "contact_costs": {"chat": 2}})
    assert window.open_path(path)
    window.show_journey(jid)
    before = window.undo_stack.count()
    seen: list[str] = []

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ValueModelDialog):
            QTimer.singleShot(20, fill)
            return
        seen.append(dialog.windowTitle())
        dialog.conversion.selectAll()
        qtbot.keyClicks(dialog.conversion, "85.5")
        dialog.currency.selectAll()
        qtbot.keyClicks(dialog.currency, "usd")
        dialog.costs.set_pair(1, "Phone", "6,50")
        qtbot.keyClicks(dialog.segment_attribute, "tier")
        dialog.segments.set_pair(0, "gold", "120")
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    QTimer.singleShot(20, fill)
    window.findChild(QAction, "action.value_model").trigger()
    assert seen == ["Value model"]
    expected = {
        "value_per_conversion": 85.5,
        "currency": "USD",
        "contact_costs": {"chat": 2.0, "Phone": 6.5},
        "segment_attribute": "tier",
        "segment_values": {"gold": 120.0},
    }
    assert reopened(path, jid) == expected
    assert window.undo_stack.count() == before + 1
    assert window.undo_stack.undoText() == "Edit value model"
    window.undo_stack.undo()
    assert reopened(path, jid) == {"value_per_conversion": 10.0, "contact_costs": {"chat": 2.0}}
    window.undo_stack.redo()
    assert reopened(path, jid) == expected
