"""The analysis panel: choose a dataset and filters, run the analysis in the background, and
show its results as an overlay on the canvas and as charts and lists beside it.

The panel never writes the workspace itself: storing datasets, mapping events to touchpoints
and creating touchpoints from data are undo commands like every other edit.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cxmapper.model.changes import Change
from cxmapper.model.workspace import Workspace
from cxmapper.present.labels import OVERLAYS, overlay_label
from cxmapper.present.overlay import Overlay, build_overlay
from cxmapper.present.units import format_score, format_share
from cxmapper.ui.commands import AddCommand, AddManyCommand, RemoveCommand, UpdateCommand
from cxmapper.ui.overlay.jobs import BackgroundJob

ALL = "(all)"
ROLE_ID = Qt.ItemDataRole.UserRole


class AnalysisPanel(QWidget):
    overlay_changed = Signal(object)  # Overlay
    touchpoint_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws: Workspace | None = None
        self.journey_id: str | None = None
        self.stack: QUndoStack | None = None
        self.selected_touchpoints: Callable[[], list[str]] = list
        self.result: Any = None
        self.job: BackgroundJob | None = None
        self._funnel_ids: list[list[str]] = []
        self._build()
        self._set_enabled(False)

    # -- construction ------------------------------------------------------------------------

    def _build(self) -> None:
        self.dataset = QComboBox()
        self.dataset.currentIndexChanged.connect(self._dataset_changed)
        self.import_button = QPushButton("Import events…")
        self.remove_button = QPushButton("Remove")
        self.remove_button.setToolTip("Remove the selected dataset from the workspace (undoable)")
        self.remove_button.clicked.connect(self.remove_dataset)
        self.overlay = QComboBox()
        for key in OVERLAYS:
            label = overlay_label(key)
            self.overlay.addItem(label, key)
        self.overlay.currentIndexChanged.connect(self._emit_overlay)
        self.segment_attr = QComboBox()
        self.segment_attr.currentIndexChanged.connect(self._fill_segment_values)
        self.segment_value = QComboBox()
        self.use_period = QCheckBox("Period")
        self.period_from, self.period_to = QDateEdit(), QDateEdit()
        self.use_compare = QCheckBox("Compare with")
        self.compare_from, self.compare_to = QDateEdit(), QDateEdit()
        for edit in (self.period_from, self.period_to, self.compare_from, self.compare_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.funnel_mode = QComboBox()
        self.funnel_mode.addItem("Funnel by stage", "stage")
        self.funnel_mode.addItem("Funnel of selected cards", "selection")
        self.window_days = QSpinBox()
        self.window_days.setRange(0, 3650)
        self.window_days.setSpecialValueText("no window")
        self.window_days.setSuffix(" days")
        self.window_days.setToolTip("Conversion window from the first funnel step")
        self.run_button = QPushButton("Analyse")  # Ctrl+R is Analysis ▸ Analyse (one owner)
        self.run_button.setToolTip("Measure the journey with this dataset (Ctrl+R)")
        self.run_button.clicked.connect(self.run)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.clicked.connect(self.cancel)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.status = QLabel("Import an event log to see where customers drop off, loop and wait.")
        self.status.setWordWrap(True)

        grid = QGridLayout()
        grid.addWidget(QLabel("Dataset"), 0, 0)
        grid.addWidget(self.dataset, 0, 1, 1, 3)
        grid.addWidget(self.import_button, 0, 4)
        grid.addWidget(self.remove_button, 0, 5)
        grid.addWidget(QLabel("Overlay"), 1, 0)
        grid.addWidget(self.overlay, 1, 1)
        grid.addWidget(QLabel("Segment"), 1, 2)
        grid.addWidget(self.segment_attr, 1, 3)
        grid.addWidget(self.segment_value, 1, 4, 1, 2)
        grid.addWidget(self.use_period, 2, 0)
        grid.addWidget(self.period_from, 2, 1)
        grid.addWidget(self.period_to, 2, 2)
        grid.addWidget(self.use_compare, 2, 3)
        grid.addWidget(self.compare_from, 2, 4)
        grid.addWidget(self.compare_to, 2, 5)
        grid.addWidget(self.funnel_mode, 3, 0, 1, 2)
        grid.addWidget(self.window_days, 3, 2)
        run_row = QHBoxLayout()
        run_row.addWidget(self.run_button)
        run_row.addWidget(self.progress, 1)
        run_row.addWidget(self.cancel_button)

        self.tabs = QTabWidget()
        from cxmapper.ui.overlay.charts import FunnelChart, TrendChart

        self.funnel_chart = FunnelChart()
        self.funnel_chart.step_clicked.connect(self._funnel_step_clicked)
        self.trend_chart = TrendChart()
        self.trend_pick = QComboBox()
        self.trend_pick.currentIndexChanged.connect(self._show_trend)
        trend = QWidget()
        trend_layout = QVBoxLayout(trend)
        trend_layout.addWidget(self.trend_pick)
        trend_layout.addWidget(self.trend_chart, 1)
        self.friction_list = QListWidget()
        self.friction_list.itemActivated.connect(self._item_activated)
        self.friction_list.itemClicked.connect(self._item_activated)
        self.unmatched = QTableWidget(0, 3)
        self.unmatched.setHorizontalHeaderLabels(["Event name", "Events", "Suggested touchpoint"])
        self.unmatched.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.unmatched.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.map_button = QPushButton("Add selected events to the suggested touchpoints")
        self.map_button.clicked.connect(self.map_selected_events)
        self.bootstrap_button = QPushButton("Create touchpoints from the top events…")
        self.bootstrap_button.clicked.connect(self.create_from_top_events)
        unmatched = QWidget()
        unmatched_layout = QVBoxLayout(unmatched)
        unmatched_layout.addWidget(self.unmatched, 1)
        row = QHBoxLayout()
        row.addWidget(self.map_button)
        row.addWidget(self.bootstrap_button)
        unmatched_layout.addLayout(row)
        self.paths = QListWidget()
        self.paths.itemClicked.connect(self._item_activated)
        self.compare_table = QTableWidget(0, 4)
        self.compare_table.setHorizontalHeaderLabels(
            ["Touchpoint", "Reach before → after", "Drop-off before → after", "Δ drop-off"]
        )
        self.compare_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.compare_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.tabs.addTab(self.funnel_chart, "Funnel")
        self.tabs.addTab(trend, "Weekly trend")
        self.tabs.addTab(self.friction_list, "Top friction")
        self.tabs.addTab(unmatched, "Unmatched events")
        self.tabs.addTab(self.paths, "Paths")
        self.tabs.addTab(self.compare_table, "Before / after")

        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addLayout(run_row)
        layout.addWidget(self.status)
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
        self.refresh_datasets()
        self._set_enabled(ws is not None and journey_id is not None)
        self._emit_overlay()

    def on_change(self, change: Change) -> None:
        """Model observer: keep the dataset list current, flag results as stale."""
        if change.action == "reloaded" or change.kind == "dataset":
            self.refresh_datasets()
        elif (
            self.result is not None
            and change.kind in ("touchpoint", "connector", "reading")
            and change.journey_id in (None, self.journey_id)
        ):
            self.status.setText("The journey changed since the analysis: press Analyse to update.")

    def refresh_datasets(self) -> None:
        current = self.dataset.currentData()
        self.dataset.blockSignals(True)
        self.dataset.clear()
        if self.ws is not None and not self.ws.closed:
            for ds in self.ws.datasets():
                self.dataset.addItem(
                    f"{ds.name} ({ds.n_events:,} events, {ds.n_cases:,} cases)", ds.id
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
            self.bootstrap_button,
        ):
            w.setEnabled(has_data)

    # -- datasets ----------------------------------------------------------------------------

    def store_dataset(self, imported: Any) -> None:
        """Add an imported dataset to the workspace as one undoable step, then analyse it."""
        assert self.ws is not None and self.stack is not None
        ws, journey = self.ws, self.journey_id
        command = AddCommand(
            ws, "dataset", lambda: imported.add_to(ws, journey), f"Import {imported.name}"
        )
        self.stack.push(command)
        self.refresh_datasets()
        self.dataset.setCurrentIndex(self.dataset.findData(command.entity.id))
        self.status.setText(f"Imported {imported.n_events:,} events of {imported.n_cases:,} cases.")
        self.run()

    def remove_dataset(self) -> None:
        ds_id = self.dataset.currentData()
        if ds_id and self.ws is not None and self.stack is not None:
            self.stack.push(RemoveCommand(self.ws, "dataset", [ds_id], "Remove dataset"))

    def _dataset_changed(self) -> None:
        self.result = None
        self._clear_results()
        self._emit_overlay()
        if self.ws is None or self.dataset.currentData() is None:
            return
        ds = self.ws.find("dataset", self.dataset.currentData())
        if ds is not None and ds.options.get("warnings"):
            self.status.setText("Import notes: " + "; ".join(ds.options["warnings"]))

    # -- running -----------------------------------------------------------------------------

    def request(self) -> Any:
        from cxmapper.analysis.tasks import AnalysisRequest

        assert self.ws is not None and self.journey_id is not None
        segment = None
        if self.segment_attr.currentText() not in ("", ALL) and self.segment_value.currentText():
            segment = (self.segment_attr.currentText(), self.segment_value.currentText())
        period = _period(self.period_from, self.period_to) if self.use_period.isChecked() else None
        compare = (
            _period(self.compare_from, self.compare_to) if self.use_compare.isChecked() else None
        )
        steps = None
        if self.funnel_mode.currentData() == "selection":
            order = {t.id: i for i, t in enumerate(self.ws.touchpoints(self.journey_id))}
            steps = sorted((t for t in self.selected_touchpoints() if t in order), key=order.get)
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
        self.job = BackgroundJob("cxmapper.analysis.tasks.run_analysis", {"request": request}, self)
        self.job.progress.connect(self._on_progress)
        self.job.finished.connect(self.show_result)
        self.job.failed.connect(self._on_failed)
        self.job.cancelled.connect(lambda: self._finish("Analysis cancelled."))
        self._show_running(True)
        self.job.start()

    def cancel(self) -> None:
        if self.job is not None and self.job.running:
            self.job.cancel()

    def _on_progress(self, fraction: float, message: str) -> None:
        self.progress.setValue(int(fraction * 100))
        self.status.setText(message)

    def _on_failed(self, message: str) -> None:
        self._finish(f"Analysis failed: {message}")

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

    def show_result(self, result: Any) -> None:
        self.result = result
        report = result.report
        self._show_running(False)
        reached = int((report.touchpoints["reach"] > 0).sum())
        self.status.setText(
            f"{report.n_cases:,} cases, {report.n_events:,} events "
            f"(of {result.n_cases_total:,} cases in the dataset); "
            f"{reached} touchpoints reached, {len(report.unmatched)} event names unmatched."
        )
        self._fill_segments(result.segment_values)
        self._fill_funnel(report)
        self._fill_trend_choices(report)
        self._fill_friction(report)
        self._fill_unmatched(report)
        self._fill_paths(report)
        self._fill_compare(result.comparison)
        self._emit_overlay()

    def _clear_results(self) -> None:
        self.friction_list.clear()
        self.paths.clear()
        self.unmatched.setRowCount(0)
        self.compare_table.setRowCount(0)
        self.trend_pick.clear()
        self.funnel_chart.set_steps([], [], [])

    def current_overlay(self) -> Overlay:
        if self.result is None:
            return Overlay()
        return build_overlay(self.result, self.overlay.currentData())

    def _emit_overlay(self) -> None:
        self.overlay_changed.emit(self.current_overlay())

    def _fill_segments(self, values: dict[str, list[str]]) -> None:
        if self.segment_attr.count():
            return  # keep the user's choice across runs
        self.segment_attr.blockSignals(True)
        self.segment_attr.addItem(ALL)
        self.segment_attr.addItems(sorted(values))
        self.segment_attr.blockSignals(False)
        self._segment_values = values
        self._fill_segment_values()
        if self.result is not None and self.result.span:
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

    def _fill_funnel(self, report: Any) -> None:
        f = report.funnel
        titles = dict(zip(report.touchpoints.index, report.touchpoints["title"], strict=True))
        stages = {}
        if self.ws is not None and self.journey_id is not None:
            stages = {i: s.name for i, s in enumerate(self.ws.stages(self.journey_id))}
        labels = []
        self._funnel_ids = [list(ids) for ids in f["touchpoints"]]
        for ids in self._funnel_ids:
            if len(ids) == 1:
                labels.append(titles.get(ids[0], "?"))
            else:
                stage_index = report.touchpoints.loc[ids[0], "stage_index"]
                labels.append(stages.get(int(stage_index), f"Step {len(labels) + 1}"))
        self.funnel_chart.set_steps(
            labels, [int(c) for c in f["cases"]], [float(c) for c in f["conversion_from_previous"]]
        )

    def _funnel_step_clicked(self, index: int) -> None:
        if not self.result or index >= len(self._funnel_ids):
            return
        tps = self.result.report.touchpoints
        ids = [i for i in self._funnel_ids[index] if i in tps.index]
        if ids:
            self.touchpoint_activated.emit(str(tps.loc[ids, "reach"].idxmax()))

    def _fill_trend_choices(self, report: Any) -> None:
        self.trend_pick.blockSignals(True)
        self.trend_pick.clear()
        tps = report.touchpoints[report.touchpoints["reach"] > 0]
        order = [f.touchpoint_id for f in report.friction] + [i for i in tps.index]
        for tp_id in dict.fromkeys(order):
            self.trend_pick.addItem(str(tps.loc[tp_id, "title"]), tp_id)
        self.trend_pick.blockSignals(False)
        self._show_trend()

    def show_touchpoint_trend(self, tp_id: str) -> None:
        index = self.trend_pick.findData(tp_id)
        if index >= 0:
            self.trend_pick.setCurrentIndex(index)

    def _show_trend(self) -> None:
        if self.result is None or self.trend_pick.currentData() is None:
            return
        weekly = self.result.weekly
        rows = weekly[weekly["touchpoint_id"] == self.trend_pick.currentData()]
        self.trend_chart.set_trend(
            rows, f"{self.trend_pick.currentText()}: reach and drop-off per week"
        )

    def _fill_friction(self, report: Any) -> None:
        self.friction_list.clear()
        for rank, f in enumerate(report.friction, 1):
            why, score = "; ".join(f.reasons) or "no single strong cause", format_score(f.score)
            item = QListWidgetItem(f"{rank}. {f.title} — friction {score}\n    {why}")
            item.setData(ROLE_ID, f.touchpoint_id)
            self.friction_list.addItem(item)

    def _fill_unmatched(self, report: Any) -> None:
        self.unmatched.setRowCount(0)
        for name, count in sorted(report.unmatched.items(), key=lambda kv: -kv[1]):
            row = self.unmatched.rowCount()
            self.unmatched.insertRow(row)
            self.unmatched.setItem(row, 0, QTableWidgetItem(name))
            self.unmatched.setItem(row, 1, QTableWidgetItem(f"{count:,}"))
            suggestions = report.suggestions.get(name, [])
            self.unmatched.setItem(row, 2, QTableWidgetItem(suggestions[0] if suggestions else ""))

    def _fill_paths(self, report: Any) -> None:
        self.paths.clear()
        titles = dict(zip(report.touchpoints.index, report.touchpoints["title"], strict=True))
        unexpected = report.paths.unexpected.sort_values("count", ascending=False)
        for a, b, count, cases in unexpected[["from", "to", "count", "cases"]].itertuples(
            index=False
        ):
            item = QListWidgetItem(
                f"Not drawn: {titles.get(a, a)} → {titles.get(b, b)} "
                f"({count:,} times, {cases:,} cases)"
            )
            item.setData(ROLE_ID, a)
            self.paths.addItem(item)
        for a, b in report.paths.unwalked:
            item = QListWidgetItem(f"Nobody walks: {titles.get(a, a)} → {titles.get(b, b)}")
            item.setData(ROLE_ID, a)
            self.paths.addItem(item)

    def _fill_compare(self, comparison: Any) -> None:
        self.compare_table.setRowCount(0)
        if comparison is None:
            return
        rows = comparison[
            (comparison["reach_before"].fillna(0) + comparison["reach_after"].fillna(0)) > 0
        ]
        rows = rows.sort_values("dropoff_rate_delta", ascending=False, key=lambda s: s.abs())
        for tp_id, r in rows.iterrows():
            row = self.compare_table.rowCount()
            self.compare_table.insertRow(row)
            cells = [
                str(r["title"]),
                f"{_int(r['reach_before'])} → {_int(r['reach_after'])}",
                f"{format_share(r['dropoff_rate_before'])} → {format_share(r['dropoff_rate_after'])}",
                _signed_pct(r["dropoff_rate_delta"]),
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ROLE_ID, tp_id)
                self.compare_table.setItem(row, col, item)

    def _item_activated(self, item: QListWidgetItem) -> None:
        tp_id = item.data(ROLE_ID)
        if tp_id:
            self.touchpoint_activated.emit(str(tp_id))
            self.show_touchpoint_trend(str(tp_id))

    # -- mapping and bootstrapping -----------------------------------------------------------

    def map_selected_events(self) -> None:
        """Add the selected unmatched event names to their suggested touchpoints: one undo step."""
        if self.ws is None or self.stack is None or self.journey_id is None:
            return
        rows = sorted({i.row() for i in self.unmatched.selectedIndexes()}) or range(
            self.unmatched.rowCount()
        )
        by_title = {t.title: t for t in self.ws.touchpoints(self.journey_id)}
        additions: dict[str, list[str]] = {}
        for row in rows:
            name = self.unmatched.item(row, 0).text()
            target = by_title.get(self.unmatched.item(row, 2).text())
            if target is not None:
                additions.setdefault(target.id, []).append(name)
        if not additions:
            self.status.setText(
                "No suggestion to apply: pick rows that have a suggested touchpoint."
            )
            return
        self.stack.beginMacro(f"Map {sum(map(len, additions.values()))} event names to touchpoints")
        for tp_id, names in additions.items():
            current = self.ws.get("touchpoint", tp_id).match_events
            self.stack.push(
                UpdateCommand(
                    self.ws, "touchpoint", tp_id, "Map events", match_events=[*current, *names]
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
                self, "Create touchpoints", "Add at least one stage and one lane first."
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

    def add_proposals(self, proposals: list[Any]) -> None:
        """Create the proposed touchpoints (skipping events a touchpoint already matches)."""
        self._show_running(False)
        assert self.ws is not None and self.journey_id is not None and self.stack is not None
        ws = self.ws
        matched = {e for t in ws.touchpoints(self.journey_id) for e in t.match_events}
        fresh = [p for p in proposals if not set(p.match_events) & matched]
        if not fresh:
            self.status.setText("Every frequent event already has a touchpoint.")
            return
        stages = ws.stages(self.journey_id)
        lanes = ws.lanes(self.journey_id)
        lane = next((ln for ln in lanes if ln.kind in ("actions", "channel")), lanes[0])

        def create() -> list[Any]:
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

        self.stack.push(
            AddManyCommand(ws, "touchpoint", create, f"Create {len(fresh)} touchpoints from data")
        )
        self.status.setText(
            f"Created {len(fresh)} touchpoints in lane {lane.name!r} from the top events."
        )
        self.run()


def _period(start: QDateEdit, end: QDateEdit) -> tuple[datetime, datetime]:
    a, b = start.date(), end.date()
    return (
        datetime(a.year(), a.month(), a.day(), tzinfo=UTC),
        datetime(b.year(), b.month(), b.day(), tzinfo=UTC),
    )


def _int(value: Any) -> str:
    return "–" if value != value or value is None else f"{int(value):,}"


def _signed_pct(value: Any) -> str:
    return "–" if value != value or value is None else f"{value * 100:+.0f} pts"


__all__ = ["AnalysisPanel"]
