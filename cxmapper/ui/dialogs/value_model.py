"""The value-model editor of a journey: conversion value, currency, contact cost per channel and
optional value per segment (docs/metrics.md, *Business impact*). Confirming pushes one undoable
`ValueModelCommand`; the fields are checked by the model, whose message is shown if refused."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLineEdit,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cxmapper.model.value_models import checked_fields, stored_value_model
from cxmapper.model.workspace import Workspace
from cxmapper.ui.commands.value_model import ValueModelCommand


class PairTable(QTableWidget):
    """Name = amount rows, with one empty row at the end to type a new pair into."""

    def __init__(self, name_header: str, pairs: dict[str, float], parent: QWidget) -> None:
        super().__init__(0, 2, parent)
        self.setHorizontalHeaderLabels(
            [name_header, QCoreApplication.translate("ValueModel", "Amount")]
        )
        self.horizontalHeader().setStretchLastSection(True)
        for name, amount in pairs.items():
            self._append(name, f"{amount:g}")
        self._append("", "")
        self.itemChanged.connect(self._grow)

    def _append(self, name: str, amount: str) -> None:
        row = self.rowCount()
        self.insertRow(row)
        self.setItem(row, 0, QTableWidgetItem(name))
        self.setItem(row, 1, QTableWidgetItem(amount))

    def _grow(self, item: QTableWidgetItem) -> None:
        if item.row() == self.rowCount() - 1 and item.text().strip():
            self.blockSignals(True)
            self._append("", "")
            self.blockSignals(False)

    def set_pair(self, row: int, name: str, amount: str) -> None:
        """Fill `row` (used by tests and by typing alike; grows the table when it is the last)."""
        for column, text in ((0, name), (1, amount)):
            item = self.item(row, column)
            if item is None:  # a cell never set holds no item
                self.setItem(row, column, QTableWidgetItem(text))
            else:
                item.setText(text)

    def _text(self, row: int, column: int) -> str:
        item = self.item(row, column)
        return item.text().strip() if item is not None else ""

    def pairs(self) -> dict[str, str]:
        """Rows with a name; the amount text is checked by the model."""
        out: dict[str, str] = {}
        for row in range(self.rowCount()):
            name, amount = (self._text(row, column) for column in (0, 1))
            if name:
                out[name] = amount.replace(",", ".")
        return out


class ValueModelDialog(QDialog):
    def __init__(self, ws: Workspace, journey_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dialog.value_model")
        self.setWindowTitle(QCoreApplication.translate("ValueModel", "Value model"))
        stored = stored_value_model(ws, journey_id)
        self.conversion = QDoubleSpinBox(self)
        self.conversion.setRange(0, 1e9)
        self.conversion.setDecimals(2)
        self.conversion.setValue(float(stored.get("value_per_conversion", 0.0)))
        self.currency = QLineEdit(str(stored.get("currency", "EUR")), self)
        self.currency.setMaxLength(3)
        self.costs = PairTable(
            QCoreApplication.translate("ValueModel", "Channel"),
            stored.get("contact_costs", {}),
            self,
        )
        self.segment_attribute = QLineEdit(str(stored.get("segment_attribute", "")), self)
        self.segments = PairTable(
            QCoreApplication.translate("ValueModel", "Segment"),
            stored.get("segment_values", {}),
            self,
        )
        form = QFormLayout()
        form.addRow(
            QCoreApplication.translate("ValueModel", "Value of a conversion"), self.conversion
        )
        form.addRow(QCoreApplication.translate("ValueModel", "Currency"), self.currency)
        form.addRow(
            QCoreApplication.translate("ValueModel", "Cost of a contact per channel"), self.costs
        )
        form.addRow(
            QCoreApplication.translate("ValueModel", "Segment attribute"), self.segment_attribute
        )
        form.addRow(
            QCoreApplication.translate("ValueModel", "Value of a conversion per segment"),
            self.segments,
        )
        self._kept: dict[str, Any] = {
            k: stored[k] for k in ("failure_window_days", "repeat_window_days") if k in stored
        }
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.error: str | None = None

    def fields(self) -> dict[str, Any]:
        """The edited value model, checked (ValidationError naming a bad field)."""
        return checked_fields(
            {
                **self._kept,
                "value_per_conversion": self.conversion.value(),
                "currency": self.currency.text().strip().upper(),
                "contact_costs": self.costs.pairs(),
                "segment_attribute": self.segment_attribute.text().strip() or None,
                "segment_values": self.segments.pairs(),
            }
        )

    def accept(self) -> None:
        from cxmapper.errors import CxError

        try:
            self.fields()
        except CxError as exc:
            self.error = str(exc)
            QMessageBox.warning(
                self, QCoreApplication.translate("ValueModel", "Value model"), self.error
            )
            return
        super().accept()


def edit_value_model(w: Any) -> None:
    """Open the editor for the window's current journey; OK pushes one undo step."""
    if w.workspace is None or not w.journey_id:
        return
    dialog = ValueModelDialog(w.workspace, w.journey_id, w)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        w.undo_stack.push(ValueModelCommand(w.workspace, w.journey_id, dialog.fields()))


def value_model_action(w: Any) -> QAction:
    """Journey ▸ Value model…, for menus.build_menus."""
    action = QAction(QCoreApplication.translate("ValueModel", "&Value model…"), w)
    action.setObjectName("action.value_model")
    action.triggered.connect(lambda: edit_value_model(w))
    return action
