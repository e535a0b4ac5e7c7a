"""The Save Version dialog: a name and the date from which the version was (or will be) live.

The date is checked by `model.versions.check_live_from` as the user confirms; a bad date, or
the model refusing the save (an empty or taken name), is shown as one line in the dialog,
which stays open with what was typed, and nothing is saved."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from cxmapper.errors import ValidationError
from cxmapper.model.versions import check_live_from

Save = Callable[[str, str], "str | None"]  # (name, live from) -> the refusal, or None


class SaveVersionDialog(QDialog):
    def __init__(self, save: Save, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dialog.save_version")
        self.setWindowTitle(QCoreApplication.translate("SaveVersion", "Save Version"))
        self._save = save
        self.name = QLineEdit(self)
        self.name.setAccessibleName(QCoreApplication.translate("SaveVersion", "Version name"))
        self.name.setPlaceholderText(QCoreApplication.translate("SaveVersion", "As-is Q1 2026"))
        self.live_from = QLineEdit(self)
        self.live_from.setAccessibleName(QCoreApplication.translate("SaveVersion", "Live from"))
        self.live_from.setPlaceholderText(
            QCoreApplication.translate("SaveVersion", "YYYY-MM-DD (optional)")
        )
        self.error = QLabel(self)
        self.error.setObjectName("save_version.error")
        self.error.setStyleSheet("color: #b91c1c;")
        self.error.hide()
        form = QFormLayout()
        form.addRow(QCoreApplication.translate("SaveVersion", "Name"), self.name)
        form.addRow(QCoreApplication.translate("SaveVersion", "Live from"), self.live_from)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def accept(self) -> None:
        """Check the date, then save; on any refusal show its one line and stay open."""
        name, live = self.name.text().strip(), self.live_from.text().strip()
        try:
            check_live_from(live)
        except ValidationError as exc:
            self._show(str(exc))
            return
        error = self._save(name, live)
        if error:
            self._show(error)
            return
        super().accept()

    def _show(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
