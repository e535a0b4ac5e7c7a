"""The touchpoint inspector: its fields, KPIs, RACI, comments and actions as tabs."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QScrollArea, QTabWidget, QVBoxLayout, QWidget

from cxmapper.model import entities as e
from cxmapper.ui.inspector.context import InspectorContext
from cxmapper.ui.inspector.page import EntityPage
from cxmapper.ui.inspector.tab_rows import TabRows
from cxmapper.ui.inspector.touchpoint_actions import TouchpointActions
from cxmapper.ui.inspector.touchpoint_comments import TouchpointComments
from cxmapper.ui.inspector.touchpoint_details import TouchpointDetails
from cxmapper.ui.inspector.touchpoint_history import TouchpointHistory
from cxmapper.ui.inspector.touchpoint_kpis import TouchpointKpis
from cxmapper.ui.inspector.touchpoint_money import TouchpointMoney
from cxmapper.ui.inspector.touchpoint_raci import TouchpointRaci
from cxmapper.ui.inspector.touchpoint_voice import TouchpointVoice
from cxmapper.ui.vertical_scroll import VerticalScrollArea

# The tabs' keys for show_tab, in the order of _tab_labels.
_TAB_NAMES = ("details", "kpis", "raci", "comments", "actions", "voice", "money", "history")


def _tab_labels() -> tuple[str, ...]:
    """The tabs' names, looked up when the page is made (after the language is installed)."""
    return (
        QCoreApplication.translate("TouchpointPage", "Details"),
        QCoreApplication.translate("TouchpointPage", "KPIs"),
        QCoreApplication.translate("TouchpointPage", "RACI"),
        QCoreApplication.translate("TouchpointPage", "Comments"),
        QCoreApplication.translate("TouchpointPage", "Actions"),
        QCoreApplication.translate("TouchpointPage", "Voice"),
        QCoreApplication.translate("TouchpointPage", "Money"),
        QCoreApplication.translate("TouchpointPage", "History"),
    )


def _scrolling(widget: QWidget) -> QScrollArea:
    """Pages keep their natural height at the top; a long one scrolls instead of squeezing."""
    holder = QWidget()
    column = QVBoxLayout(holder)
    column.setContentsMargins(0, 0, 0, 0)
    column.addWidget(widget)
    column.addStretch(1)
    return VerticalScrollArea(holder)  # as wide as the page needs: nothing cut on the right


class TouchpointPage(EntityPage[e.Touchpoint]):
    """Only the visible tab is refreshed on model changes; the others when they are shown."""

    kind = "touchpoint"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.details = TouchpointDetails()
        self.kpis = TouchpointKpis()
        self.raci = TouchpointRaci()
        self.comments = TouchpointComments()
        # not `self.actions`: that would hide QWidget.actions()
        self.actions_tab = TouchpointActions()
        self.voice = TouchpointVoice()
        self.money = TouchpointMoney()
        self.history = TouchpointHistory()
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self._pages: list[EntityPage[e.Touchpoint]] = [
            self.details,
            self.kpis,
            self.raci,
            self.comments,
            self.actions_tab,
            self.voice,
            self.money,
            self.history,
        ]
        self._labels = _tab_labels()
        self._by_name: dict[str, EntityPage[e.Touchpoint]] = dict(
            zip(_TAB_NAMES, self._pages, strict=True)
        )
        for page, label in zip(self._pages, self._labels, strict=True):
            self.tabs.addTab(_scrolling(page), label)
        self.tab_rows = TabRows(self.tabs)  # every title whole: rows, not a scrolling bar
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.tab_rows)
        layout.addWidget(self.tabs)
        self.tabs.currentChanged.connect(lambda _: self.refresh())

    def load(self, ctx: InspectorContext, entity_id: str) -> None:
        self.finish_pending_edit(entity_id)
        for page in self._pages:
            page.ctx, page.entity_id = ctx, entity_id
        super().load(ctx, entity_id)

    def show_entity(self, tp: e.Touchpoint) -> None:
        assert self.ctx is not None
        ws = self.ctx.workspace
        self._pages[self.tabs.currentIndex()].show_entity(tp)
        counts = (len(ws.readings(tp.id)), len(ws.raci(tp.id)),
                  sum(not c.resolved for c in ws.comments(tp.id)), len(ws.actions(tp.id)))  # fmt: skip
        for index, (label, n) in enumerate(zip(self._labels[1:5], counts, strict=True)):
            self.tabs.setTabText(index + 1, f"{label} {n}" if n else label)
        self.tab_rows.sync()

    def show_tab(self, name: str) -> EntityPage[e.Touchpoint]:
        """Bring a tab to the front by name ('details', ..., 'actions', 'voice', 'money')."""
        page = self._by_name[name]
        self.tabs.setCurrentIndex(self._pages.index(page))
        return page
