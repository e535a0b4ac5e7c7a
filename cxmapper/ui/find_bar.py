"""Ctrl+F: find cards by title, owner, channel, tag or description; highlight them, or dim the rest.

The canvas does the drawing (`scene.find`, `set_highlight`, `set_filter`); the bar only owns
the query. Both match with the one rule in `cxmapper/model/find.py`; `match_touchpoints`
applies it without a canvas, when the canvas is not there (and in tests).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from cxmapper.model.find import DEFAULT_FIELDS, FIELDS, find_touchpoints
from cxmapper.model.workspace import Workspace

#: Check-box labels, one per field of the find rule (cxmapper/model/find.py).
FIELD_LABELS = {
    "title": "Title", "owner": "Owner", "channel": "Channel", "tags": "Tag",
    "description": "Description",
}  # fmt: skip


def match_touchpoints(
    ws: Workspace, journey_id: str, text: str, fields: Sequence[str]
) -> list[str]:
    """Ids of the journey's cards whose chosen fields contain `text` (the one find rule)."""
    owners = {p.id: p.name for p in ws.parties()}
    return find_touchpoints(text, ws.touchpoints(journey_id), owners, fields)


class FindBar(QWidget):
    """Sits above the canvas; Esc closes it and clears highlight and filter."""

    closed = Signal()

    def __init__(self, scene_getter: Callable[[], Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._scene = scene_getter
        self.workspace: Workspace | None = None
        self.journey_id: str | None = None
        self.matches: list[str] = []
        self.edit = QLineEdit()
        self.edit.setPlaceholderText("Find touchpoints…")
        self.edit.setClearButtonEnabled(True)
        self.field_boxes = {f: QCheckBox(FIELD_LABELS[f]) for f in FIELDS}
        for f, box in self.field_boxes.items():
            box.setChecked(f in DEFAULT_FIELDS)
        self.filter_box = QCheckBox("Dim the rest")
        self.filter_box.setToolTip("Filter: fade every card that does not match")
        self.count = QLabel()
        self.count.setMinimumWidth(80)
        close = QToolButton()
        close.setText("✕")
        close.setAutoRaise(True)
        close.setToolTip("Close (Esc)")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(QLabel("Find"))
        layout.addWidget(self.edit, 2)
        for box in self.field_boxes.values():
            layout.addWidget(box)
        layout.addWidget(self.filter_box)
        layout.addWidget(self.count)
        layout.addStretch(1)
        layout.addWidget(close)
        self.setObjectName("findBar")
        self.setStyleSheet("#findBar { border-bottom: 1px solid palette(mid); }")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)  # search while typing, but not on every keystroke
        self._timer.timeout.connect(self.run)
        self.edit.textChanged.connect(lambda _: self._timer.start())
        self.edit.returnPressed.connect(self.run)
        for box in (*self.field_boxes.values(), self.filter_box):
            box.toggled.connect(lambda _: self.run())
        close.clicked.connect(self.dismiss)

    def set_journey(self, workspace: Workspace | None, journey_id: str | None) -> None:
        self.workspace, self.journey_id = workspace, journey_id
        if self.isVisible():
            self.run()

    def open(self) -> None:
        self.show()
        self.edit.setFocus()
        self.edit.selectAll()
        self.run()

    def dismiss(self) -> None:
        self.hide()
        self._apply([], None)
        self.closed.emit()

    def fields(self) -> list[str]:
        return [f for f, box in self.field_boxes.items() if box.isChecked()]

    def run(self) -> None:
        self._timer.stop()
        text = self.edit.text().strip()
        if not text:
            self.matches = []
            self.count.setText("")
            self._apply([], None)
            return
        scene = self._scene()
        if scene is not None and hasattr(scene, "find"):
            self.matches = list(scene.find(text, self.fields()))
        elif self.workspace is not None and self.journey_id is not None:
            self.matches = match_touchpoints(self.workspace, self.journey_id, text, self.fields())
        else:
            self.matches = []
        n = len(self.matches)
        self.count.setText("no match" if n == 0 else f"{n} match" + ("" if n == 1 else "es"))
        self._apply(self.matches, self.matches if self.filter_box.isChecked() else None)

    def _apply(self, highlight: list[str], filter_ids: list[str] | None) -> None:
        scene = self._scene()
        if scene is None:
            return
        if hasattr(scene, "set_highlight"):
            scene.set_highlight(highlight)
        if hasattr(scene, "set_filter"):
            scene.set_filter(filter_ids)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.dismiss()
            return
        super().keyPressEvent(event)
