"""Discussion on a touchpoint: owners and workshop members leave, resolve and reopen notes."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cxmapper.model import entities as e
from cxmapper.ui.commands import AddCommand, UpdateCommand
from cxmapper.ui.inspector.page import EntityPage


def comment_label(c: e.Comment) -> str:
    when = c.created_at[:16].replace("T", " ")
    mark = "✓ resolved · " if c.resolved else ""
    return f"{c.author} · {when}\n{mark}{c.text}"


class TouchpointComments(EntityPage[e.Touchpoint]):
    kind = "touchpoint"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 8, 8, 8)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        outer.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        self.resolve_button = QPushButton(
            QCoreApplication.translate("InspectorTouchpointComments", "Resolve")
        )
        self.reopen_button = QPushButton(
            QCoreApplication.translate("InspectorTouchpointComments", "Reopen")
        )
        buttons.addStretch(1)
        buttons.addWidget(self.resolve_button)
        buttons.addWidget(self.reopen_button)
        outer.addLayout(buttons)
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(
            QCoreApplication.translate("InspectorTouchpointComments", "Write a comment…")
        )
        self.text.setFixedHeight(self.text.fontMetrics().lineSpacing() * 3 + 14)
        outer.addWidget(self.text)
        self.add_button = QPushButton(
            QCoreApplication.translate(
                "InspectorTouchpointComments", QCoreApplication.translate("UndoText", "Add comment")
            )
        )
        outer.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignRight)

        self.add_button.clicked.connect(self.add_comment)
        self.resolve_button.clicked.connect(lambda: self.set_resolved(True))
        self.reopen_button.clicked.connect(lambda: self.set_resolved(False))
        self.list.itemSelectionChanged.connect(self._update_buttons)
        self._update_buttons()

    def show_entity(self, tp: e.Touchpoint) -> None:
        assert self.ctx is not None
        selected = self.selected_id()
        self.list.blockSignals(True)
        self.list.clear()
        for c in self.ctx.workspace.comments(tp.id):
            item = QListWidgetItem(comment_label(c))
            item.setData(Qt.ItemDataRole.UserRole, c.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, c.resolved)
            if c.resolved:
                item.setForeground(QBrush(QColor("#8a8a8a")))
                font = QFont(item.font())
                font.setItalic(True)
                item.setFont(font)
            self.list.addItem(item)
            if c.id == selected:
                item.setSelected(True)
        self.list.blockSignals(False)
        self._update_buttons()

    def selected_id(self) -> str | None:
        items = self.list.selectedItems()
        return items[0].data(Qt.ItemDataRole.UserRole) if items else None

    def _update_buttons(self) -> None:
        items = self.list.selectedItems()
        resolved = bool(items) and bool(items[0].data(Qt.ItemDataRole.UserRole + 1))
        self.resolve_button.setEnabled(bool(items) and not resolved)
        self.reopen_button.setEnabled(bool(items) and resolved)

    def add_comment(self) -> None:
        text = self.text.toPlainText().strip()
        if not text or self.ctx is None or self.entity_id is None:
            return
        author = self.ctx.ask_author()
        if not author:
            return
        ws, tp_id = self.ctx.workspace, self.entity_id
        command = AddCommand(
            ws,
            "comment",
            lambda: ws.add_comment(tp_id, author, text),
            QCoreApplication.translate("UndoText", "Add comment"),
        )
        if self.ctx.push(command):
            self.text.clear()

    def set_resolved(self, resolved: bool) -> None:
        comment_id = self.selected_id()
        if comment_id is None or self.ctx is None:
            return
        text = (
            QCoreApplication.translate("UndoText", "Resolve comment")
            if resolved
            else QCoreApplication.translate("UndoText", "Reopen comment")
        )
        self.ctx.push(
            UpdateCommand(self.ctx.workspace, "comment", comment_id, text, resolved=resolved)
        )
