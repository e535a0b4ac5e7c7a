"""Funnel view: cases per step as clickable bars; a click selects the step's busiest card."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from cxmapper.ui.overlay.charts import FunnelChart
from cxmapper.ui.overlay.views.names import CardNames

if TYPE_CHECKING:
    from cxmapper.analysis.report import JourneyReport


class FunnelView(QWidget):
    touchpoint_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart = FunnelChart()
        self.chart.step_clicked.connect(self._step_clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.chart)
        self._ids: list[list[str]] = []
        self._reach: dict[str, int] = {}

    def clear(self) -> None:
        self._ids, self._reach = [], {}
        self.chart.set_steps([], [], [])

    def fill(self, report: JourneyReport, names: CardNames) -> None:
        f = report.funnel
        tps = report.touchpoints
        self._reach = {str(i): int(r) for i, r in zip(tps.index, tps["reach"], strict=True)}
        self._ids = [list(ids) for ids in f["touchpoints"]]
        labels = []
        for ids in self._ids:
            if len(ids) == 1:
                labels.append(names.title(ids[0]))
            else:
                index = int(tps.loc[ids[0], "stage_index"]) if ids[0] in tps.index else -1
                labels.append(names.stage_at(index) or f"Step {len(labels) + 1}")
        self.chart.set_steps(
            labels, [int(c) for c in f["cases"]], [float(c) for c in f["conversion_from_previous"]]
        )

    def _step_clicked(self, index: int) -> None:
        if index >= len(self._ids):
            return
        ids = [i for i in self._ids[index] if i in self._reach]
        if ids:
            self.touchpoint_clicked.emit(max(ids, key=lambda i: self._reach[i]))


__all__ = ["FunnelView"]
