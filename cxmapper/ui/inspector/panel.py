"""Chooses the inspector page for the current selection and keeps it in step with the model.

Model changes arrive one per row (a journey removal can be hundreds), so refreshing is
coalesced into one re-read per event-loop turn; `flush()` forces it (tests, focus changes).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from cxmapper.model.changes import Change
from cxmapper.present.labels import kind_label
from cxmapper.ui.inspector.context import InspectorContext
from cxmapper.ui.inspector.page import EntityPage, entity_name
from cxmapper.ui.inspector.structure import ConnectorPage, JourneyPage, LanePage, StagePage
from cxmapper.ui.inspector.touchpoint import TouchpointPage


def kind_title(kind: str) -> str:
    """'Touchpoint': the kind's label (present.labels) as a heading."""
    label = kind_label(kind)
    return label[:1].upper() + label[1:]


def _top_aligned(page: QWidget) -> QWidget:
    holder = QWidget()
    column = QVBoxLayout(holder)
    column.setContentsMargins(0, 0, 0, 0)
    column.addWidget(page)
    column.addStretch(1)
    return holder


class InspectorPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx: InspectorContext | None = None
        self.header = QLabel()
        self.header.setObjectName("inspectorHeader")
        self.header.setStyleSheet(
            "#inspectorHeader { font-weight: 600; font-size: 11pt; padding: 8px 10px;"
            " border-bottom: 1px solid palette(mid); }"
        )
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.header.setWordWrap(True)
        self.stack = QStackedWidget()
        self.placeholder = QLabel(
            QCoreApplication.translate(
                "InspectorPanel",
                "Select a journey, or a card, stage, lane or connector on the map.",
            )
        )
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setStyleSheet("color: palette(mid); padding: 24px;")
        self.pages: dict[str, EntityPage[Any]] = {  # one page per kind, each its own entity
            "journey": JourneyPage(), "stage": StagePage(), "lane": LanePage(),
            "connector": ConnectorPage(), "touchpoint": TouchpointPage(),
        }  # fmt: skip
        self.stack.addWidget(self.placeholder)
        # what the stack shows for each kind: the touchpoint page scrolls its own tabs
        self._shown: dict[str, QWidget] = {
            kind: page if kind == "touchpoint" else _top_aligned(page)
            for kind, page in self.pages.items()
        }
        for widget in self._shown.values():
            self.stack.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.stack, 1)
        self._current: tuple[str, str] | None = None
        self._fallback: tuple[str, str] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.flush)
        self._show_placeholder()

    # -- what to show ------------------------------------------------------------------------

    def set_context(self, ctx: InspectorContext | None) -> None:
        self.ctx = ctx
        self._current = self._fallback = None
        self._show_placeholder()

    @property
    def current(self) -> tuple[str, str] | None:
        return self._current

    @property
    def touchpoint_page(self) -> TouchpointPage:
        page = self.pages["touchpoint"]
        assert isinstance(page, TouchpointPage)
        return page

    def set_journey(self, journey_id: str | None) -> None:
        """The journey is what the inspector shows when nothing on the map is selected."""
        self._fallback = ("journey", journey_id) if journey_id else None
        if self._current is None or self._current[0] == "journey":
            self.show_selection([])

    def show_selection(self, selection: Sequence[tuple[str, str]]) -> None:
        if len(selection) > 1:
            self._current = None
            self._show_placeholder(f"{len(selection)} items selected")
            return
        target = selection[0] if selection else self._fallback
        if target is None:
            self._current = None
            self._show_placeholder()
            return
        self.show_entity(*target)

    def show_entity(self, kind: str, entity_id: str) -> None:
        page = self.pages.get(kind)
        if page is None or self.ctx is None or self.ctx.workspace.find(kind, entity_id) is None:
            self._current = None
            self._show_placeholder()
            return
        self._current = (kind, entity_id)
        self.stack.setCurrentWidget(self._shown[kind])
        page.load(self.ctx, entity_id)
        self._update_header()

    def _show_placeholder(self, text: str = "Nothing selected") -> None:
        self.header.setText(text)
        self.stack.setCurrentWidget(self.placeholder)

    def _update_header(self) -> None:
        if self._current is None or self.ctx is None:
            return
        kind, entity_id = self._current
        entity = self.ctx.workspace.find(kind, entity_id)
        name = entity_name(entity)
        self.header.setText(f"{kind_title(kind)}: {name}" if name else kind_title(kind))

    # -- following the model -----------------------------------------------------------------

    def on_change(self, change: Change) -> None:
        """Bridge slot: schedule one refresh for this batch of changes."""
        if not self._timer.isActive():
            self._timer.start()

    def flush(self) -> None:
        self._timer.stop()
        if self.ctx is None or self.ctx.workspace.closed:
            return
        if self._current is None:
            if self._fallback is not None and self.header.text() == "Nothing selected":
                self.show_selection([])
            return
        kind, entity_id = self._current
        if self.ctx.workspace.find(kind, entity_id) is None:  # removed (here or elsewhere)
            self._current = None
            if self._fallback and self.ctx.workspace.find(*self._fallback) is None:
                self._fallback = None
            self.show_selection([])
            return
        self.pages[kind].refresh()
        self._update_header()
