"""Ctrl+F: find cards by title, owner, channel, tag or description; highlight them, or dim the rest.

Enter / F3 go to the next match, Shift+Enter / Shift+F3 to the previous one: the card is
selected and scrolled into view, clear of the pinned stage and lane headers.

The canvas does the drawing (`scene.find`, `set_highlight`, `set_filter`); the bar only owns
the query. Both match with the one rule in `cxmapper/model/find.py`; `match_touchpoints`
applies it without a canvas, when the canvas is not there (and in tests).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from cxmapper.model.find import DEFAULT_FIELDS, FIELDS, find_touchpoints
from cxmapper.model.workspace import Workspace

#: Check-box labels, one per field of the find rule (cxmapper/model/find.py).
FIELD_LABELS = {
    "title": str(QT_TRANSLATE_NOOP("FindBar", "Title")),
    "owner": str(QT_TRANSLATE_NOOP("FindBar", "Owner")),
    "channel": str(QT_TRANSLATE_NOOP("FindBar", "Channel")),
    "tags": str(QT_TRANSLATE_NOOP("FindBar", "Tag")),
    "description": str(QT_TRANSLATE_NOOP("FindBar", "Description")),
}


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
        self.current = -1  # index in `matches` of the card shown, -1 before Enter / F3
        self._query: tuple[str, tuple[str, ...], bool] | None = None
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(QCoreApplication.translate("FindBar", "Find touchpoints…"))
        self.edit.setClearButtonEnabled(True)
        self.field_boxes = {
            f: QCheckBox(QCoreApplication.translate("FindBar", FIELD_LABELS[f])) for f in FIELDS
        }
        for f, box in self.field_boxes.items():
            box.setChecked(f in DEFAULT_FIELDS)
        self.filter_box = QCheckBox(QCoreApplication.translate("FindBar", "Dim the rest"))
        self.filter_box.setToolTip(
            QCoreApplication.translate("FindBar", "Filter: fade every card that does not match")
        )
        self.count = QLabel()
        self.count.setMinimumWidth(80)
        close = QToolButton()
        close.setText("✕")
        close.setAutoRaise(True)
        close.setToolTip(QCoreApplication.translate("FindBar", "Close (Esc)"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(QLabel(QCoreApplication.translate("FindBar", "Find")))
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
        self.next_action = QAction(QCoreApplication.translate("FindBar", "Find &Next"), self)
        self.next_action.setShortcut(QKeySequence(QKeySequence.StandardKey.FindNext))
        self.next_action.triggered.connect(self.next)
        self.previous_action = QAction(
            QCoreApplication.translate("FindBar", "Find &Previous"), self
        )
        self.previous_action.setShortcut(QKeySequence(QKeySequence.StandardKey.FindPrevious))
        self.previous_action.triggered.connect(self.previous)
        for action in (self.next_action, self.previous_action):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.setEnabled(False)
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
        self._enable_steps()
        self._apply([], None)
        self.closed.emit()

    def fields(self) -> list[str]:
        return [f for f, box in self.field_boxes.items() if box.isChecked()]

    def run(self) -> None:
        self._timer.stop()
        text = self.edit.text().strip()
        self._query = (text, tuple(self.fields()), self.filter_box.isChecked())
        self.current = -1
        if not text:
            self.matches = []
            self.count.setText("")
            self._enable_steps()
            self._apply([], None)
            return
        scene = self._scene()
        if scene is not None and hasattr(scene, "find"):
            self.matches = list(scene.find(text, self.fields()))
        elif self.workspace is not None and self.journey_id is not None:
            self.matches = match_touchpoints(self.workspace, self.journey_id, text, self.fields())
        else:
            self.matches = []
        self._show_count()
        self._enable_steps()
        self._apply(self.matches, self.matches if self.filter_box.isChecked() else None)

    # -- stepping through the matches (Enter / F3 / Shift+F3) ----------------------------------

    def next(self) -> None:
        self._step(1)

    def previous(self) -> None:
        self._step(-1)

    def _step(self, delta: int) -> None:
        if self._query != (
            self.edit.text().strip(),
            tuple(self.fields()),
            self.filter_box.isChecked(),
        ):
            self.run()  # the query changed since the last search: search first
        if not self.matches:
            return
        if self.current < 0:
            self.current = 0 if delta > 0 else len(self.matches) - 1
        else:
            self.current = (self.current + delta) % len(self.matches)
        self._show_count()
        self._reveal(self.matches[self.current])

    def _reveal(self, tp_id: str) -> None:
        """Select the card (the inspector follows) and scroll it clear of the pinned headers."""
        scene = self._scene()
        if scene is None or not hasattr(scene, "card_rect"):
            return
        scene.select_entity("touchpoint", tp_id)
        for view in scene.views():
            if hasattr(view, "reveal"):
                view.reveal(scene.card_rect(tp_id))

    def _show_count(self) -> None:
        n = len(self.matches)
        if n == 0:
            text = "no match"
        elif self.current >= 0:
            text = f"{self.current + 1} of {n}"
        else:
            text = f"{n} match" + ("" if n == 1 else "es")
        self.count.setText(text)

    def _enable_steps(self) -> None:
        for action in (self.next_action, self.previous_action):
            action.setEnabled(bool(self.matches) and self.isVisible())

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
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            (
                self.previous
                if event.modifiers() & Qt.KeyboardModifier.ShiftModifier
                else self.next
            )()
            return
        super().keyPressEvent(event)
