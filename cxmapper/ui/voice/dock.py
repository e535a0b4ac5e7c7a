"""The "Voice of the customer" dock: Drivers, Topics and Improvements of the journey on screen.

A tab beside the analysis panel (Analysis ▸ Voice of the Customer), so the map keeps its size.
The views are built when the dock is first shown and filled from the cached feedback report
(`ui.voice_cache.journey_voice`); a model change marks them stale and, while the dock is
visible, refreshes them once the change's burst is over (the cache recomputes only when what
the report reads has changed). A click on a row selects its card on the map; follow-ups are
pushed on the window's undo stack.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QTabWidget, QVBoxLayout, QWidget

from cxmapper.model.changes import Change
from cxmapper.ui.voice.common import VoicePane
from cxmapper.ui.voice.coverage import coverage_text

if TYPE_CHECKING:
    from cxmapper.ui.inspector.context import InspectorContext

MAX_SHARE = 0.42  # of the window's width at most: the map keeps the larger part
FRAME = 8  # the dock's own frame around its widget


class VoiceDock(QDockWidget):
    def __init__(self, window: QMainWindow, select: Callable[[str], None]) -> None:
        # a short tab title: it shares the right column's tab bar with four other panels
        super().__init__(QCoreApplication.translate("VoiceDock", "Voice"), window)
        self._window = window
        self.setObjectName("voiceDock")
        self._select = select
        self.ctx: InspectorContext | None = None
        self.journey_id: str | None = None
        self.tabs: QTabWidget | None = None
        self.views: list[VoicePane] = []
        self._stale = True
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.refresh)
        placeholder = QLabel()
        placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWidget(placeholder)
        self.visibilityChanged.connect(self._visibility)
        self.show_action = QAction(
            QCoreApplication.translate("VoiceDock", "&Voice of the Customer"), self
        )
        self.show_action.setObjectName("analysis.voice")
        self.show_action.setStatusTip(QCoreApplication.translate(
            "VoiceDock", "Drivers, topics and improvements from the journey's survey"))  # fmt: skip
        self.show_action.triggered.connect(self.present)
        window.addAction(self.show_action)
        self.import_action = QAction(
            QCoreApplication.translate("VoiceDock", "Import &Survey…"), self
        )
        self.import_action.setObjectName("analysis.import-survey")
        self.import_action.setStatusTip(QCoreApplication.translate(
            "VoiceDock", "Read survey responses (CSV/TSV, XLSX, JSON Lines) into the workspace"))  # fmt: skip
        self.import_action.triggered.connect(self.import_survey)
        self.import_action.setEnabled(False)  # until a workspace is open (set_context)
        window.addAction(self.import_action)

    def import_survey(self) -> bool:
        from cxmapper.ui.voice.survey_store import import_survey

        return import_survey(self._window)  # type: ignore[arg-type]  # always the MainWindow

    def ensure_views(self) -> QTabWidget:
        if self.tabs is None:
            from cxmapper.ui.voice.drivers import DriversView
            from cxmapper.ui.voice.improvements import ImprovementsView
            from cxmapper.ui.voice.topics import TopicsView

            self.drivers, self.topics = DriversView(), TopicsView()
            self.improvements = ImprovementsView()
            tabs = QTabWidget()
            tabs.setObjectName("voiceTabs")
            tabs.setAccessibleName(QCoreApplication.translate("VoiceDock", "Voice of the customer"))
            tabs.currentChanged.connect(lambda _: self.widen())
            for view, title in (
                (self.drivers, QCoreApplication.translate("VoiceDock", "Drivers")),
                (self.topics, QCoreApplication.translate("VoiceDock", "Topics")),
                (self.improvements, QCoreApplication.translate("VoiceDock", "Improvements")),
            ):
                tabs.addTab(view, title)
                view.touchpoint_clicked.connect(self._select)
                view.import_button.clicked.connect(self.import_action.trigger)
                self.views.append(view)
            self.tabs = tabs
            # how much of the survey the figures stand on: responses, share linked to a card and
            # to a case; why the rest is not linked in the tooltip (the CLI and workbook say it)
            self.coverage = QLabel()
            self.coverage.setObjectName("voiceCoverage")
            self.coverage.setWordWrap(True)
            self.coverage.setAccessibleName(
                QCoreApplication.translate("VoiceDock", "Responses linked to the journey")
            )
            self.coverage.hide()
            box = QWidget()
            layout = QVBoxLayout(box)
            layout.setContentsMargins(6, 4, 0, 0)
            layout.addWidget(self.coverage)
            layout.addWidget(tabs, 1)
            self.setWidget(box)
            self._stale = True
        return self.tabs

    def present(self) -> None:
        """Show the dock in front, even when it shares a tab group with other panels."""
        self.show()
        self.raise_()
        self.ensure_views()
        self.refresh()
        self.widen()

    def widen(self) -> None:
        """Make the right column as wide as the shown view's columns need, up to `MAX_SHARE`
        of the window, so its figures and the "indicative" word read in full rather than cut;
        the user may narrow it again (the table then hides its optional columns, then
        shortens names)."""
        if self.tabs is None or not self.isVisible():
            return
        view = self.tabs.currentWidget()
        want = view.wanted_width() + FRAME if isinstance(view, VoicePane) else 0
        want = min(want, int(self._window.width() * MAX_SHARE))
        if want > self.width():
            self._window.resizeDocks([self], [want], Qt.Orientation.Horizontal)

    def set_context(self, ctx: InspectorContext | None, journey_id: str | None) -> None:
        self.ctx, self.journey_id = ctx, journey_id
        self.show_action.setEnabled(ctx is not None and journey_id is not None)
        self.import_action.setEnabled(ctx is not None)
        self._changed()

    def on_change(self, change: Change) -> None:
        self._changed()

    def _changed(self) -> None:
        self._stale = True
        if self.tabs is not None and self.isVisible():
            self._timer.start()  # once per burst of changes (an import, an undo sweep)

    def _visibility(self, visible: bool) -> None:
        if not visible:
            return
        self.ensure_views()
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        """Fill every view from the journey's feedback report (recomputed only if stale)."""
        if self.tabs is None:
            return
        self._stale = False
        ctx, journey_id = self.ctx, self.journey_id
        ws = ctx.workspace if ctx is not None and journey_id is not None else None
        voice = None
        if ws is not None and not ws.closed and journey_id is not None:
            from cxmapper.ui.voice_cache import journey_voice

            voice = journey_voice(ws, journey_id)
        else:
            ws = None
        push = ctx.push if ctx is not None and ws is not None else None
        self.coverage.setVisible(voice is not None)
        if voice is not None:
            text, tip = coverage_text(voice.report)
            self.coverage.setText(text)
            self.coverage.setToolTip(tip)
        for view in self.views:
            view.set_context(ws, journey_id if ws is not None else None, push)
            view.show_voice(voice)
