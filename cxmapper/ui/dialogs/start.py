"""First-run choice when there is no workspace to reopen: new, open, demo or a recent file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cxmapper.ui.screen_fit import resize_within_screen


class StartDialog(QDialog):
    """`choice` is "new", "open", "demo" or "recent" (then `path` is set) after accept()."""

    def __init__(self, recent: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("DialogsStart", "Welcome to cxmapper"))
        self.choice: str | None = None
        self.path: str | None = None
        title = QLabel("<h2 style='margin:0'>cxmapper</h2>")
        intro = QLabel(
            QCoreApplication.translate(
                "DialogsStart",
                "Map customer journeys live in the workshop; owners annotate their touchpoints later "
                "in the same file.",
            )
        )
        intro.setWordWrap(True)
        self.new_button = QPushButton(QCoreApplication.translate("DialogsStart", "New workspace…"))
        self.open_button = QPushButton(
            QCoreApplication.translate("DialogsStart", "Open workspace…")
        )
        self.demo_button = QPushButton(QCoreApplication.translate("DialogsStart", "Open the demo"))
        self.demo_button.setToolTip(
            QCoreApplication.translate(
                "DialogsStart", "A sample workspace with journeys, KPIs and comments"
            )
        )
        for b in (self.new_button, self.open_button, self.demo_button):
            b.setMinimumHeight(34)
        buttons = QHBoxLayout()
        for b in (self.new_button, self.open_button, self.demo_button):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addSpacing(8)
        layout.addLayout(buttons)
        self.recent = QListWidget()
        existing = [p for p in recent if Path(p).exists()]
        if existing:
            layout.addSpacing(8)
            layout.addWidget(
                QLabel(QCoreApplication.translate("DialogsStart", "Recent workspaces"))
            )
            for p in existing:
                item = QListWidgetItem(f"{Path(p).stem}   —   {p}")
                item.setData(Qt.ItemDataRole.UserRole, p)
                self.recent.addItem(item)
            layout.addWidget(self.recent)
        else:
            self.recent.hide()
        self.new_button.clicked.connect(lambda: self._choose("new"))
        self.open_button.clicked.connect(lambda: self._choose("open"))
        self.demo_button.clicked.connect(lambda: self._choose("demo"))
        self.recent.itemActivated.connect(
            lambda item: self._choose("recent", item.data(Qt.ItemDataRole.UserRole))
        )
        resize_within_screen(self, 560, 200 if not existing else 360)

    def _choose(self, choice: str, path: str | None = None) -> None:
        self.choice, self.path = choice, path
        self.accept()
