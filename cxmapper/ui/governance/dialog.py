"""One window for governing a journey over time: History (the change log, filterable by
person, text and date), Versions (save, list, restore as an undo step) and Changes (the
differences between two versions, or a version and now, with names instead of ids)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cxmapper.model.lineage import journey_lineage
from cxmapper.model.versions import CURRENT, versions
from cxmapper.model.versions_diff import compare
from cxmapper.model.workspace import Workspace
from cxmapper.present import log_labels
from cxmapper.ui.commands.versions import RestoreVersionCommand, SaveVersionCommand
from cxmapper.ui.dialogs.save_version import SaveVersionDialog
from cxmapper.ui.governance.lineage_tab import LineageTab
from cxmapper.ui.governance.owners_tab import OwnersTab
from cxmapper.ui.governance.tables import fill, table
from cxmapper.ui.screen_fit import resize_within_screen
from cxmapper.ui.undo_stack import GuardedUndoStack


def _count_words(key: str) -> str:
    """'added touchpoint' (a diff count's key: change and kind) in the current language."""
    change, _sep, kind = key.partition(" ")
    return f"{log_labels.action_word(change)} {log_labels.kind_word(kind)}"


def _entity_name(details: dict[str, Any]) -> str:
    """The readable name an entry carries (title, name, role…), not its id."""
    for key in ("title", "name", "role", "value"):
        if details.get(key):
            return str(details[key])
    return ""


class GovernanceDialog(QDialog):
    """Reads the workspace when shown or refreshed; writes only through the undo stack."""

    def __init__(
        self, ws: Workspace, journey_id: str, stack: GuardedUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("governance.dialog")
        self.setWindowTitle(QCoreApplication.translate("GovernanceDialog", "Governance"))
        resize_within_screen(self, 900, 560)
        self.ws, self.journey_id, self.stack = ws, journey_id, stack
        self.tabs = QTabWidget()
        self.tabs.addTab(
            self._history_tab(), QCoreApplication.translate("GovernanceDialog", "History")
        )
        self.tabs.addTab(
            self._versions_tab(), QCoreApplication.translate("GovernanceDialog", "Versions")
        )
        self.tabs.addTab(
            self._changes_tab(), QCoreApplication.translate("GovernanceDialog", "Changes")
        )
        self.lineage = LineageTab()
        self.tabs.addTab(self.lineage, QCoreApplication.translate("GovernanceDialog", "Lineage"))
        self.owners = OwnersTab(ws, journey_id, stack)
        self.tabs.addTab(self.owners, QCoreApplication.translate("GovernanceDialog", "Owners"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self.refresh()

    # -- History ---------------------------------------------------------------------------

    def _history_tab(self) -> QWidget:
        page = QWidget()
        self.person = QComboBox()
        self.text_filter = QLineEdit()
        self.text_filter.setPlaceholderText(
            QCoreApplication.translate("GovernanceDialog", "Card, field or operation contains…")
        )
        self.since = QLineEdit()
        self.since.setPlaceholderText(
            QCoreApplication.translate("GovernanceDialog", "Since (YYYY-MM-DD)")
        )
        self.person.currentIndexChanged.connect(self.refresh_history)
        for line in (self.text_filter, self.since):
            line.textChanged.connect(self.refresh_history)
        row = QHBoxLayout()
        row.addWidget(QLabel(QCoreApplication.translate("GovernanceDialog", "Person")))
        row.addWidget(self.person)
        row.addWidget(self.text_filter, 1)
        row.addWidget(self.since)
        self.history = table(
            [
                QCoreApplication.translate("GovernanceDialog", "When"),
                QCoreApplication.translate("GovernanceDialog", "Who"),
                QCoreApplication.translate("GovernanceDialog", "Operation"),
                QCoreApplication.translate("GovernanceDialog", "What"),
                QCoreApplication.translate("GovernanceDialog", "Fields"),
            ]
        )
        layout = QVBoxLayout(page)
        layout.addLayout(row)
        layout.addWidget(self.history)
        return page

    def refresh_history(self) -> None:
        since = self.since.text().strip()
        filters: dict[str, Any] = {"journey_id": self.journey_id}
        if len(since) >= 10:
            filters["since"] = since
        author = self.person.currentData()
        if author:
            filters["author"] = author
        needle = self.text_filter.text().strip().lower()
        rows = []
        for entry in self.ws.change_log(**filters):
            what = f"{log_labels.action_word(entry.action)} {log_labels.kind_word(entry.kind)}"
            name = _entity_name(entry.details) or entry.summary
            fields = log_labels.fields_text(entry.fields)
            row = [entry.at[:19].replace("T", " "), entry.author, entry.label,
                   f"{what} {name}".strip(), fields]  # fmt: skip
            if needle and needle not in " ".join(row).lower():
                continue
            rows.append(row)
        fill(self.history, rows)

    def _fill_people(self) -> None:
        current = self.person.currentData()
        authors = sorted({e.author for e in self.ws.change_log(journey_id=self.journey_id)})
        self.person.blockSignals(True)
        self.person.clear()
        self.person.addItem(QCoreApplication.translate("GovernanceDialog", "Everyone"), "")
        for a in authors:
            self.person.addItem(a, a)
        self.person.setCurrentIndex(max(0, self.person.findData(current)))
        self.person.blockSignals(False)

    # -- Versions --------------------------------------------------------------------------

    def _versions_tab(self) -> QWidget:
        page = QWidget()
        self.versions = table(
            [
                QCoreApplication.translate("GovernanceDialog", "Name"),
                QCoreApplication.translate("GovernanceDialog", "Saved"),
                QCoreApplication.translate("GovernanceDialog", "By"),
                QCoreApplication.translate("GovernanceDialog", "Live from"),
                QCoreApplication.translate("GovernanceDialog", "Note"),
                QCoreApplication.translate("GovernanceDialog", "Cards"),
                QCoreApplication.translate("GovernanceDialog", "New cards"),
            ]
        )
        self.save_button = QPushButton(
            QCoreApplication.translate("GovernanceDialog", "Save Version…")
        )
        self.restore_button = QPushButton(
            QCoreApplication.translate("GovernanceDialog", "Restore Selected")
        )
        self.save_button.clicked.connect(self._ask_save)
        self.restore_button.clicked.connect(self.restore_selected)
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.restore_button)
        row.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(self.versions)
        layout.addLayout(row)
        return page

    def _ask_save(self) -> None:
        SaveVersionDialog(self.save_version, self).exec()  # name and live-from, checked

    def save_version(self, name: str, live_from: str = "") -> str | None:
        """Push the save as an undo step; the model's refusal message, or None."""
        error = self.stack.push_checked(
            SaveVersionCommand(self.ws, self.journey_id, name, live_from)
        )
        self.refresh()
        return error

    def restore_selected(self) -> str | None:
        rows = self.versions.selectionModel().selectedRows()
        if not rows:
            return QCoreApplication.translate("GovernanceDialog", "Select a version to restore")
        v = self._versions[rows[0].row()]
        error = self.stack.push_checked(RestoreVersionCommand(self.ws, v.id, v.name))
        self.refresh()
        return error

    def refresh_versions(self) -> None:
        self._versions = sorted(versions(self.ws, self.journey_id), key=lambda v: v.created_at)
        lineage = journey_lineage(self.ws, self.journey_id)
        held = {c.version_id: c for c in lineage.versions}
        fill(self.versions, [[v.name, v.created_at[:19].replace("T", " "), v.author,
                               v.live_from, v.note, str(held[v.id].cards),
                               str(held[v.id].new_cards)] for v in self._versions])  # fmt: skip
        self.lineage.show_lineage(lineage)
        for combo in (self.from_ref, self.to_ref):
            keep = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(
                QCoreApplication.translate("GovernanceDialog", "Now (current state)"), CURRENT
            )
            for v in self._versions:
                combo.addItem(v.name, v.id)
            combo.setCurrentIndex(max(0, combo.findData(keep)))
            combo.blockSignals(False)

    # -- Changes ---------------------------------------------------------------------------

    def _changes_tab(self) -> QWidget:
        page = QWidget()
        self.from_ref, self.to_ref = QComboBox(), QComboBox()
        self.from_ref.currentIndexChanged.connect(self.refresh_changes)
        self.to_ref.currentIndexChanged.connect(self.refresh_changes)
        self.counts = QLabel()
        row = QHBoxLayout()
        row.addWidget(QLabel(QCoreApplication.translate("GovernanceDialog", "From")))
        row.addWidget(self.from_ref, 1)
        row.addWidget(QLabel(QCoreApplication.translate("GovernanceDialog", "To")))
        row.addWidget(self.to_ref, 1)
        self.changes = table(
            [
                QCoreApplication.translate("GovernanceDialog", "Change"),
                QCoreApplication.translate("GovernanceDialog", "What"),
                QCoreApplication.translate("GovernanceDialog", "Name"),
                QCoreApplication.translate("GovernanceDialog", "Fields"),
            ]
        )
        layout = QVBoxLayout(page)
        layout.addLayout(row)
        layout.addWidget(self.counts)
        layout.addWidget(self.changes)
        return page

    def refresh_changes(self) -> None:
        a, b = self.from_ref.currentData(), self.to_ref.currentData()
        if not a or not b:
            return
        diff = compare(self.ws, self.journey_id, a, b)
        rows = [[log_labels.action_word(d.change), log_labels.kind_word(d.kind), d.label,
                 "; ".join(f"{f.field}: {f.old!r} → {f.new!r}" for f in d.fields)]
                for d in diff.differences]  # fmt: skip
        fill(self.changes, rows)
        self.counts.setText(
            ", ".join(f"{_count_words(k)}: {n}" for k, n in diff.counts().items())
            or QCoreApplication.translate("GovernanceDialog", "No differences")
        )

    def refresh(self) -> None:
        self._fill_people()
        self.refresh_history()
        self.refresh_versions()
        self.refresh_changes()
        self.owners.refresh()


def show_governance(w: Any) -> None:
    """Open the Governance window for the main window's current journey."""
    if w.workspace is None or not w.journey_id:
        return
    GovernanceDialog(w.workspace, w.journey_id, w.undo_stack, w).exec()
