"""The analysis panel: choose a dataset and filters, run the analysis in the background, and
show its results as an overlay on the canvas and as charts and lists beside it.

The panel never writes the workspace itself: storing datasets, mapping events to touchpoints
and creating touchpoints from data are undo commands like every other edit.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from cxmapper.model.changes import Change
from cxmapper.model.workspace import Workspace
from cxmapper.present.labels import (
    OVERLAYS,
    dropoff_overlay_label,
    exits_legend,
    no_goal_status,
    overlay_label,
)
from cxmapper.present.overlay import Overlay
from cxmapper.ui.commands import AddCommand, AddManyCommand, RemoveCommand, UpdateCommand
from cxmapper.ui.locale_format import date_edit_format, number
from cxmapper.ui.overlay import link_option, summary_status
from cxmapper.ui.overlay import panel_texts as texts
from cxmapper.ui.overlay.fit_widgets import ElidedCombo
from cxmapper.ui.overlay.jobs import BackgroundJob
from cxmapper.ui.overlay.memory import AnalysisMemory, all_label, apply_state, state_of
from cxmapper.ui.overlay.money_parts import MoneyParts
from cxmapper.ui.overlay.panel_views import build_views
from cxmapper.ui.overlay.views.names import CardNames, has_goal

if TYPE_CHECKING:
    from cxmapper.analysis.bootstrap import TouchpointProposal
    from cxmapper.analysis.tasks import AnalysisRequest, AnalysisResult, StorableDataset
    from cxmapper.model.entities import Touchpoint
    from cxmapper.ui.overlay.views.before_after import BeforeAfterView
    from cxmapper.ui.overlay.views.friction import FrictionView
    from cxmapper.ui.overlay.views.funnel import FunnelView
    from cxmapper.ui.overlay.views.paths import PathsView
    from cxmapper.ui.overlay.views.trend import TrendView
    from cxmapper.ui.overlay.views.unmatched import UnmatchedView
    from cxmapper.ui.overlay.views.version_periods import VersionPeriods


class AnalysisPanel(QWidget):
    overlay_changed = Signal(object)  # Overlay
    touchpoint_activated = Signal(str)
    overlay_labels_changed = Signal(bool)  # whether the journey has a goal card
    # the result views, made by panel_views.build_views
    funnel: FunnelView
    trend: TrendView
    friction: FrictionView
    unmatched: UnmatchedView
    paths: PathsView
    before_after: BeforeAfterView
    version_periods: VersionPeriods

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws: Workspace | None = None
        self.journey_id: str | None = None
        self.stack: QUndoStack | None = None
        self.selected_touchpoints: Callable[[], list[str]] = list
        self.result: AnalysisResult | None = None
        self.job: BackgroundJob | None = None
        self.memory: AnalysisMemory | None = None  # where the last analysis is remembered
        self._restoring = False
        self._dates_from_data = True  # the period fields follow the data until set by the user
        self._build()
        self._set_enabled(False)

    # -- construction ------------------------------------------------------------------------

    def _build(self) -> None:
        self.dataset = _combo()
        self.dataset.currentIndexChanged.connect(self._dataset_changed)
        self.import_button = QPushButton(self.tr("Import events…"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setToolTip(self.tr("Remove the selected dataset (undoable)"))
        self.remove_button.clicked.connect(self.remove_dataset)
        self.overlay = _combo()
        for key in OVERLAYS:
            label = overlay_label(key)
            self.overlay.addItem(label, key)
        self.overlay.currentIndexChanged.connect(self._overlay_chosen)
        self.segment_attr = _combo()
        self.segment_attr.currentIndexChanged.connect(self._fill_segment_values)
        self.segment_value = _combo()
        self.use_period = QCheckBox(self.tr("Period"))
        self.period_from, self.period_to = QDateEdit(), QDateEdit()
        self.use_compare = QCheckBox(self.tr("Compare with"))
        self.compare_from, self.compare_to = QDateEdit(), QDateEdit()
        for edit in (self.period_from, self.period_to, self.compare_from, self.compare_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(date_edit_format())
            edit.setDate(QDate.currentDate())  # until the data or the last session says more
        self.funnel_mode = _combo()
        self.funnel_mode.addItem(self.tr("By stage"), "stage")
        self.funnel_mode.addItem(self.tr("Selected cards"), "selection")
        self.funnel_mode.setToolTip(
            self.tr("One funnel step per stage, or per card selected on the map")
        )
        self.window_days = QSpinBox()
        self.window_days.setRange(0, 3650)
        self.window_days.setSpecialValueText(self.tr("no window"))
        self.window_days.setSuffix(self.tr(" days"))
        self.window_days.setToolTip(self.tr("Conversion window from the first funnel step"))
        self.run_button = QPushButton(self.tr("Analyse"))  # Ctrl+R: Analysis ▸ Analyse
        self.run_button.setToolTip(self.tr("Measure the journey with this dataset (Ctrl+R)"))
        self.run_button.clicked.connect(self.run)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.status = QLabel(
            self.tr("Import an event log to see where customers drop off, loop and wait.")
        )
        self.status.setWordWrap(True)

        # three columns, so the panel fits a side column beside the map
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("Dataset")), 0, 0)
        grid.addWidget(self.dataset, 0, 1, 1, 2)
        files = QHBoxLayout()
        files.addWidget(self.import_button)
        files.addWidget(self.remove_button)
        files.addStretch(1)
        grid.addLayout(files, 1, 1, 1, 2)
        grid.addWidget(QLabel(self.tr("Overlay")), 2, 0)
        grid.addWidget(self.overlay, 2, 1, 1, 2)
        grid.addWidget(QLabel(self.tr("Segment")), 3, 0)
        grid.addWidget(self.segment_attr, 3, 1)
        grid.addWidget(self.segment_value, 3, 2)
        grid.addWidget(self.use_period, 4, 0)
        grid.addWidget(self.period_from, 4, 1)
        grid.addWidget(self.period_to, 4, 2)
        grid.addWidget(self.use_compare, 5, 0)
        grid.addWidget(self.compare_from, 5, 1)
        grid.addWidget(self.compare_to, 5, 2)
        grid.addWidget(QLabel(self.tr("Funnel")), 6, 0)
        grid.addWidget(self.funnel_mode, 6, 1)
        grid.addWidget(self.window_days, 6, 2)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        run_row = QHBoxLayout()
        run_row.addWidget(self.run_button)
        run_row.addWidget(self.progress, 1)
        run_row.addWidget(self.cancel_button)

        self.tabs = build_views(self)  # the result tabs (panel_views.py)

        self.money = MoneyParts(self)  # the Money overlay, channel arcs, Channels tab
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addLayout(run_row)
        layout.addWidget(self.status)
        layout.addWidget(self.tabs.picker)  # instead of the tab bar when the titles do not fit
        layout.addWidget(self.tabs, 1)
        self._show_running(False)

    # -- context -----------------------------------------------------------------------------

    def set_context(
        self, ws: Workspace | None, journey_id: str | None, stack: QUndoStack | None
    ) -> None:
        """Show `journey_id` of `ws`; None clears the panel (workspace closed)."""
        self.cancel()
        self.ws, self.journey_id, self.stack = ws, journey_id, stack
        self.result = None
        self._clear_results()
        self._dates_from_data = True
        self.refresh_datasets()
        self._set_enabled(ws is not None and journey_id is not None)
        self._emit_overlay()
        self.restore()

    def on_change(self, change: Change) -> None:
        """Model observer: keep the dataset list current, flag results as stale."""
        if change.action == "reloaded" or change.kind == "dataset":
            self.refresh_datasets()
        elif (
            self.result is not None
            and change.kind in ("touchpoint", "connector", "reading")
            and change.journey_id in (None, self.journey_id)
        ):
            self.status.setText(
                self.tr("The journey changed since the analysis: press Analyse to update.")
            )

    def refresh_datasets(self) -> None:
        current = self.dataset.currentData()
        self.dataset.blockSignals(True)
        self.dataset.clear()
        if self.ws is not None and not self.ws.closed:
            for ds in self.ws.datasets():
                self.dataset.addItem(
                    self.tr("{name} ({n_events} events, {n_cases} cases)").format(
                        name=ds.name, n_events=number(ds.n_events), n_cases=number(ds.n_cases)
                    ),
                    ds.id,
                )
        index = self.dataset.findData(current)
        self.dataset.setCurrentIndex(index if index >= 0 else self.dataset.count() - 1)
        self.dataset.blockSignals(False)
        self._set_enabled(self.ws is not None and self.journey_id is not None)
        if self.dataset.currentData() != current:
            self._dataset_changed()

    def _set_enabled(self, on: bool) -> None:
        has_data = on and self.dataset.count() > 0
        self.import_button.setEnabled(on)
        for w in (
            self.dataset,
            self.remove_button,
            self.run_button,
            self.overlay,
            self.segment_attr,
            self.segment_value,
            self.unmatched.bootstrap_button,
        ):
            w.setEnabled(has_data)

    # -- datasets ----------------------------------------------------------------------------

    def store_dataset(self, imported: StorableDataset) -> None:
        """Add an imported dataset to the workspace as one undoable step, then analyse it."""
        assert self.ws is not None and self.stack is not None
        ws, journey = self.ws, self.journey_id
        command = AddCommand(
            ws, "dataset", lambda: imported.add_to(ws, journey), texts.import_text(imported.name)
        )
        self.stack.push(command)
        self.refresh_datasets()
        self.dataset.setCurrentIndex(self.dataset.findData(command.entity.id))
        self.status.setText(
            self.tr("Imported {n_events} events of {n_cases} cases.").format(
                n_events=number(imported.n_events), n_cases=number(imported.n_cases)
            )
        )
        summary_status.show(self.status, None, imported.options)  # its bound and notes
        self.run()

    def remove_dataset(self) -> None:
        ds_id = self.dataset.currentData()
        if ds_id and self.ws is not None and self.stack is not None:
            self.stack.push(RemoveCommand(self.ws, "dataset", [ds_id], texts.remove_text()))

    def _dataset_changed(self) -> None:
        self.result = None
        self._dates_from_data = not self._restoring
        self._clear_results()
        self._emit_overlay()
        if self.ws is None or self.dataset.currentData() is None:
            return
        ds = self.ws.find("dataset", self.dataset.currentData())
        if ds is not None and ds.options.get("kind") == summary_status.KIND:
            summary_status.show(self.status, "", ds.options)
        elif ds is not None and ds.options.get("warnings"):
            self.status.setText(texts.notes_text(ds.options["warnings"]))

    # -- running -----------------------------------------------------------------------------

    def request(self) -> AnalysisRequest:
        from cxmapper.analysis.tasks import AnalysisRequest

        assert self.ws is not None and self.journey_id is not None
        segment = None
        if self.segment_attr.currentIndex() > 0 and self.segment_value.currentText():
            segment = (self.segment_attr.currentText(), self.segment_value.currentText())
        period = _period(self.period_from, self.period_to) if self.use_period.isChecked() else None
        compare = (
            _period(self.compare_from, self.compare_to) if self.use_compare.isChecked() else None
        )
        steps = None
        if self.funnel_mode.currentData() == "selection":
            order = {t.id: i for i, t in enumerate(self.ws.touchpoints(self.journey_id))}
            steps = sorted(
                (t for t in self.selected_touchpoints() if t in order), key=order.__getitem__
            )
            if len(steps) < 2:
                raise ValueError(
                    "select at least two cards on the canvas for a funnel of selected cards"
                )
        window = self.window_days.value()
        return AnalysisRequest(
            workspace=self.ws.path,
            journey_id=self.journey_id,
            dataset_id=self.dataset.currentData(),
            segment=segment,
            period=period,
            compare_to=compare,
            funnel_steps=steps,
            funnel_window_days=window or None,
        )

    def run(self) -> None:
        if self.ws is None or self.dataset.currentData() is None or self.ws.path == ":memory:":
            return
        try:
            request = self.request()
        except ValueError as exc:
            self.status.setText(str(exc))
            return
        self.cancel()
        self.remember()
        self.job = BackgroundJob("cxmapper.analysis.tasks.run_analysis", {"request": request}, self)
        self.job.progress.connect(self._on_progress)
        self.job.finished.connect(self.show_result)
        self.job.failed.connect(self._on_failed)
        self.job.cancelled.connect(lambda: self._finish(self.tr("Analysis cancelled.")))
        self._show_running(True)
        self.job.start()

    def cancel(self) -> None:
        if self.job is not None and self.job.running:
            self.job.cancel()

    def _on_progress(self, fraction: float, message: str) -> None:
        self.progress.setValue(int(fraction * 100))
        self.status.setText(message)

    def _on_failed(self, message: str) -> None:
        self._finish(self.tr("Analysis failed: {message}").format(message=message))
        link_option.offer(self, message)  # a linked file moved or changed: "Relink…"

    def _finish(self, message: str) -> None:
        self._show_running(False)
        self.status.setText(message)

    def _show_running(self, on: bool) -> None:
        self.progress.setVisible(on)
        self.cancel_button.setVisible(on)
        self.run_button.setEnabled(not on and self.dataset.count() > 0)
        if on:
            self.progress.setValue(0)

    # -- results -----------------------------------------------------------------------------

    def show_result(self, result: AnalysisResult) -> None:
        self.result = result
        report = result.report
        self._show_running(False)
        reached = int((report.touchpoints["reach"] > 0).sum())
        self.status.setText(
            self.tr(
                "{cases} cases, {events} events (of {total} cases in the dataset); "
                "{reached} touchpoints reached, {unmatched} event names unmatched."
            ).format(
                cases=number(report.n_cases),
                events=number(report.n_events),
                total=number(result.n_cases_total),
                reached=number(reached),
                unmatched=number(len(report.unmatched)),
            )
            + ("" if has_goal(report) else " " + no_goal_status())
        )
        ds = self.ws.find("dataset", self.dataset.currentData()) if self.ws else None
        summary_status.show(self.status, None, ds.options if ds else {}, report.warnings)
        names = CardNames(self.ws, self.journey_id)
        self._fill_segments(result.segment_values)
        self._label_overlays(has_goal(report))
        self.funnel.fill(report, names)
        self.trend.fill(result, [f.touchpoint_id for f in report.friction])
        self.friction.fill(report, names)
        self.unmatched.fill(report, names)
        self.paths.fill(report, names)
        self.before_after.fill(result.comparison, report, names)
        self.money.fill(result)
        self._emit_overlay()

    def _clear_results(self) -> None:
        for view in (
            self.funnel,
            self.trend,
            self.friction,
            self.unmatched,
            self.paths,
            self.before_after,
            self.money,
        ):
            view.clear()

    def current_overlay(self) -> Overlay:
        if self.result is None:
            return Overlay()
        kind = self.overlay.currentData()
        overlay = self.money.overlay(self.result, kind)
        if kind == "dropoff" and not has_goal(self.result.report):
            overlay.legend = exits_legend()  # same numbers: without a goal, drop-off = exits
        return overlay

    def _label_overlays(self, goal: bool) -> None:
        """The drop-off overlay is called what it shows: exits, until a goal card is marked."""
        index = self.overlay.findData("dropoff")
        self.overlay.setItemText(index, dropoff_overlay_label(goal))
        self.overlay_labels_changed.emit(goal)

    def _overlay_chosen(self) -> None:
        self._emit_overlay()
        self.remember()

    def _emit_overlay(self) -> None:
        self.overlay_changed.emit(self.current_overlay())

    def _fill_segments(self, values: dict[str, list[str]]) -> None:
        """Offer the dataset's attributes, keeping the user's (or the restored) choice."""
        self._segment_values = values
        attr, value = self.segment_attr.currentText(), self.segment_value.currentText()
        keep = self.segment_attr.currentIndex() > 0  # the first entry is "no segment"
        self.segment_attr.blockSignals(True)
        self.segment_attr.clear()
        self.segment_attr.addItem(all_label())
        self.segment_attr.addItems(sorted(values))
        self.segment_attr.setCurrentIndex(max(self.segment_attr.findText(attr), 0) if keep else 0)
        self.segment_attr.blockSignals(False)
        self._fill_segment_values()
        self.segment_value.setCurrentIndex(max(self.segment_value.findText(value), 0))
        if self._dates_from_data and self.result is not None and self.result.span:
            self._dates_from_data = False  # once per dataset; later the user's dates stand
            start = datetime.fromisoformat(self.result.span[0]).date()
            end = datetime.fromisoformat(self.result.span[1]).date() + timedelta(days=1)
            middle = start + (end - start) / 2
            for edit, day in (
                (self.period_from, middle),
                (self.period_to, end),
                (self.compare_from, start),
                (self.compare_to, middle),
            ):
                edit.setDate(QDate(day.year, day.month, day.day))

    def _fill_segment_values(self) -> None:
        self.segment_value.clear()
        attr = self.segment_attr.currentText()
        self.segment_value.addItems(getattr(self, "_segment_values", {}).get(attr, []))

    def show_touchpoint_trend(self, tp_id: str) -> None:
        self.trend.show_touchpoint(tp_id)

    def _touchpoint_clicked(self, tp_id: str) -> None:
        self.touchpoint_activated.emit(tp_id)
        self.show_touchpoint_trend(tp_id)

    # -- remembered between sessions ---------------------------------------------------------

    def remember(self) -> None:
        """Store the analysis settings for this workspace and journey (app settings only)."""
        if self.memory is None or self.ws is None or self.journey_id is None or self._restoring:
            return
        if self.dataset.currentData() is None:
            return
        self.memory.save(self.ws.path, self.journey_id, state_of(self))

    def restore(self) -> bool:
        """Bring back the last analysis of this journey and run it again in the background."""
        if self.memory is None or self.ws is None or self.journey_id is None:
            return False
        state = self.memory.load(self.ws.path, self.journey_id)
        if not state or self.dataset.findData(state.get("dataset")) < 0:
            return False
        self._restoring = True
        try:
            apply_state(self, state)
            self._dates_from_data = False
        finally:
            self._restoring = False
        self.run()
        return True

    # -- mapping and bootstrapping -----------------------------------------------------------

    def map_selected_events(self) -> None:
        """Add the selected unmatched event names to their suggested touchpoints: one undo step."""
        if self.ws is None or self.stack is None or self.journey_id is None:
            return
        additions = {
            tp_id: names
            for tp_id, names in self.unmatched.suggested().items()
            if self.ws.find("touchpoint", tp_id) is not None  # not deleted since the analysis
        }
        if not additions:
            self.status.setText(
                self.tr("No suggestion to apply: pick rows that have a suggested touchpoint.")
            )
            return
        self.stack.beginMacro(
            self.tr("Map {value} event names to touchpoints").format(
                value=sum(map(len, additions.values()))
            )
        )
        for tp_id, names in additions.items():
            current = self.ws.get("touchpoint", tp_id).match_events
            self.stack.push(
                UpdateCommand(
                    self.ws,
                    "touchpoint",
                    tp_id,
                    texts.map_events_text(),
                    match_events=[*current, *names],
                )
            )
        self.stack.endMacro()
        self.run()

    def create_from_top_events(self) -> None:
        if self.ws is None or self.journey_id is None or self.dataset.currentData() is None:
            return
        stages, lanes = self.ws.stages(self.journey_id), self.ws.lanes(self.journey_id)
        if not stages or not lanes:
            QMessageBox.information(
                self,
                self.tr("Create touchpoints"),
                self.tr("Add at least one stage and one lane first."),
            )
            return
        kwargs = {
            "workspace": self.ws.path,
            "dataset_id": self.dataset.currentData(),
            "top_n": 12,
            "n_stages": len(stages),
        }
        self.job = BackgroundJob("cxmapper.analysis.tasks.propose_touchpoints", kwargs, self)
        self.job.progress.connect(self._on_progress)
        self.job.finished.connect(self.add_proposals)
        self.job.failed.connect(self._on_failed)
        self._show_running(True)
        self.job.start()

    def add_proposals(self, proposals: list[TouchpointProposal]) -> None:
        """Create the proposed touchpoints (skipping events a touchpoint already matches)."""
        self._show_running(False)
        assert self.ws is not None and self.journey_id is not None and self.stack is not None
        ws = self.ws
        matched = {e for t in ws.touchpoints(self.journey_id) for e in t.match_events}
        fresh = [p for p in proposals if not set(p.match_events) & matched]
        if not fresh:
            self.status.setText(self.tr("Every frequent event already has a touchpoint."))
            return
        stages = ws.stages(self.journey_id)
        lanes = ws.lanes(self.journey_id)
        lane = next((ln for ln in lanes if ln.kind in ("actions", "channel")), lanes[0])

        def create() -> list[Touchpoint]:
            return [
                ws.add_touchpoint(
                    stages[min(p.stage_index, len(stages) - 1)].id,
                    lane.id,
                    p.title,
                    match_events=list(p.match_events),
                    tags=["from data"],
                )
                for p in fresh
            ]

        self.stack.push(AddManyCommand(ws, "touchpoint", create, texts.create_text(len(fresh))))
        self.status.setText(
            self.tr("Created {value} touchpoints in lane {name!r} from the top events.").format(
                value=len(fresh), name=lane.name
            )
        )
        self.run()


def _combo() -> QComboBox:
    """A combo box that does not widen the panel to its longest entry, and elides it."""
    return ElidedCombo()


def _period(start: QDateEdit, end: QDateEdit) -> tuple[datetime, datetime]:
    a, b = start.date(), end.date()
    return (
        datetime(a.year(), a.month(), a.day(), tzinfo=UTC),
        datetime(b.year(), b.month(), b.day(), tzinfo=UTC),
    )


__all__ = ["AnalysisPanel"]
