"""Bottom dock: every comment of the current journey, so open questions are not missed.

Clicking one asks the window to select its touchpoint (on the map and in the inspector).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QCheckBox, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from cxmapper.model.changes import Change
from cxmapper.model.workspace import Workspace


class JourneyComments(QWidget):
    touchpoint_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ws: Workspace | None = None
        self._journey_id: str | None = None
        self.show_resolved = QCheckBox(
            QCoreApplication.translate("InspectorJourneyComments", "Show resolved")
        )
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.show_resolved)
        layout.addWidget(self.list, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.refresh)
        self.show_resolved.toggled.connect(lambda _: self.refresh())
        self.list.itemClicked.connect(self._clicked)
        self.list.itemActivated.connect(self._clicked)

    def set_journey(self, workspace: Workspace | None, journey_id: str | None) -> None:
        self._ws, self._journey_id = workspace, journey_id
        self.refresh()

    def on_change(self, change: Change) -> None:
        if change.kind in ("comment", "touchpoint", "") or change.action == "reloaded":
            self._timer.start()

    def refresh(self) -> None:
        self._timer.stop()
        self.list.clear()
        ws, journey_id = self._ws, self._journey_id
        if ws is None or ws.closed or journey_id is None:
            return
        titles = {t.id: t.title for t in ws.touchpoints(journey_id)}
        comments = [c for c in ws.comments() if c.touchpoint_id in titles]
        shown = [c for c in comments if self.show_resolved.isChecked() or not c.resolved]
        for c in sorted(shown, key=lambda c: c.created_at, reverse=True):
            when = c.created_at[:16].replace("T", " ")
            state = " ✓" if c.resolved else ""
            item = QListWidgetItem(
                f"{titles[c.touchpoint_id]}{state} — {c.author}, {when}\n{c.text}"
            )
            item.setData(Qt.ItemDataRole.UserRole, c.touchpoint_id)
            if c.resolved:
                item.setForeground(QBrush(QColor("#8a8a8a")))
            self.list.addItem(item)
        if not shown:
            item = QListWidgetItem(
                QCoreApplication.translate(
                    "InspectorJourneyComments", "No open comments in this journey."
                )
            )
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(item)

    def _clicked(self, item: QListWidgetItem) -> None:
        tp_id = item.data(Qt.ItemDataRole.UserRole)
        if tp_id:
            self.touchpoint_activated.emit(tp_id)
