"""Journey ▸ Compare Versions on the Map…: pick two versions (or a version and now) and see
their differences drawn on the canvas (`ui.canvas.diff_layer`); Journey ▸ Leave Diff View goes
back to the plain map. Read-only: nothing here writes to the workspace."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from cxmapper.errors import CxError
from cxmapper.model.versions import CURRENT, versions
from cxmapper.model.workspace import Workspace


class CompareVersionsDialog(QDialog):
    """From (a version) and To (now or a version); defaults: the latest version -> now."""

    def __init__(self, ws: Workspace, journey_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dialog.compare_versions")
        self.setWindowTitle(
            QCoreApplication.translate("CompareVersions", "Compare Versions on the Map")
        )
        found = sorted(versions(ws, journey_id), key=lambda v: v.created_at)
        self.from_ref, self.to_ref = QComboBox(self), QComboBox(self)
        self.from_ref.setAccessibleName(
            QCoreApplication.translate("CompareVersions", "Compare from")
        )
        self.to_ref.setAccessibleName(QCoreApplication.translate("CompareVersions", "Compare to"))
        self.to_ref.addItem(
            QCoreApplication.translate("CompareVersions", "Now (current state)"), CURRENT
        )
        for v in found:
            self.from_ref.addItem(v.name, v.id)
            self.to_ref.addItem(v.name, v.id)
        self.from_ref.setCurrentIndex(len(found) - 1)
        form = QFormLayout()
        form.addRow(QCoreApplication.translate("CompareVersions", "From"), self.from_ref)
        form.addRow(QCoreApplication.translate("CompareVersions", "To"), self.to_ref)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            QCoreApplication.translate("CompareVersions", "Show on the Map")
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(found))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if not found:
            layout.addWidget(
                QLabel(
                    QCoreApplication.translate(
                        "CompareVersions", "This journey has no saved versions yet."
                    ),
                    self,
                )
            )
        layout.addLayout(form)
        layout.addWidget(buttons)

    def refs(self) -> tuple[str, str]:
        return self.from_ref.currentData(), self.to_ref.currentData()


def show_diff(w: Any, from_ref: str, to_ref: str) -> str | None:
    """Enter the diff view on the window's canvas; the one-line reason it could not, or None."""
    scene = getattr(w, "scene", None)
    if scene is None or scene.mirror is None:
        return QCoreApplication.translate("CompareVersions", "Open a journey first")
    try:
        scene.diff.show(from_ref, to_ref)
    except CxError as exc:
        return str(exc)
    w.leave_diff_action.setEnabled(True)
    return None


def leave_diff(w: Any) -> None:
    if getattr(w, "scene", None) is not None:
        w.scene.diff.leave()
    w.leave_diff_action.setEnabled(False)


def _ask(w: Any) -> None:
    if w.workspace is None or not w.journey_id:
        return
    dialog = CompareVersionsDialog(w.workspace, w.journey_id, w)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        error = show_diff(w, *dialog.refs())
        if error:
            w.show_error(QCoreApplication.translate("CompareVersions", "Compare Versions"), error)


def diff_view_actions(w: Any) -> list[QAction]:
    """Journey ▸ Compare Versions on the Map… and Leave Diff View, for menus.build_menus."""
    compare = QAction(
        QCoreApplication.translate("CompareVersions", "Compare &Versions on the Map…"), w
    )
    compare.setObjectName("journey.compare_versions")
    compare.triggered.connect(lambda: _ask(w))
    w.leave_diff_action = QAction(
        QCoreApplication.translate("CompareVersions", "&Leave Diff View"), w
    )
    w.leave_diff_action.setObjectName("journey.leave_diff")
    w.leave_diff_action.setEnabled(False)
    w.leave_diff_action.triggered.connect(lambda: leave_diff(w))
    return [compare, w.leave_diff_action]
