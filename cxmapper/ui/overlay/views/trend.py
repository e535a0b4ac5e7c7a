"""Weekly trend view: pick a card (worst friction first), see its reach and drop-off per week."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout, QWidget

from cxmapper.ui.overlay.charts import TrendChart
from cxmapper.ui.overlay.views.names import has_goal

if TYPE_CHECKING:
    from cxmapper.analysis.tasks import AnalysisResult

CHART_MIN_HEIGHT = 200  # both axis titles and four tick labels stay readable


class TrendView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pick = QComboBox()
        self.pick.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.pick.setMinimumContentsLength(16)
        self.pick.setAccessibleName(QCoreApplication.translate("OverlayViewsTrend", "Card"))
        self.pick.currentIndexChanged.connect(self._show)
        self.chart = TrendChart()
        self.chart.setMinimumHeight(CHART_MIN_HEIGHT)
        self.empty = QLabel(
            QCoreApplication.translate(
                "OverlayViewsTrend", "Press Analyse to see how each card changes week by week."
            )
        )
        self.empty.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pick)
        layout.addWidget(self.empty)
        layout.addWidget(self.chart, 1)
        self.result: AnalysisResult | None = None

    def clear(self) -> None:
        self.result = None
        self.pick.clear()
        self.chart.set_trend(self.chart.empty_frame(), "")
        self.empty.show()

    def fill(self, result: AnalysisResult, order: list[str]) -> None:
        """`order`: touchpoint ids, the worst friction first."""
        self.result = result
        tps = result.report.touchpoints
        reached = tps[tps["reach"] > 0]
        self.pick.blockSignals(True)
        self.pick.clear()
        for tp_id in dict.fromkeys([*order, *reached.index]):
            if tp_id in reached.index:
                self.pick.addItem(str(reached.loc[tp_id, "title"]), tp_id)
        self.pick.blockSignals(False)
        self.empty.setVisible(self.pick.count() == 0)
        self._show()

    def show_touchpoint(self, tp_id: str) -> None:
        index = self.pick.findData(tp_id)
        if index >= 0:
            self.pick.setCurrentIndex(index)

    def _show(self) -> None:
        if self.result is None or self.pick.currentData() is None:
            return
        weekly = self.result.weekly
        rows = weekly[weekly["touchpoint_id"] == self.pick.currentData()]
        goal = has_goal(self.result.report)
        title = (
            QCoreApplication.translate("OverlayViewsTrend", "{card}: cases and drop-off per week")
            if goal
            else QCoreApplication.translate("OverlayViewsTrend", "{card}: cases and exits per week")
        )
        rate = (
            QCoreApplication.translate("OverlayViewsTrend", "drop-off (%)")
            if goal
            else QCoreApplication.translate("OverlayViewsTrend", "exits (%)")
        )
        self.chart.set_trend(rows, title.format(card=self.pick.currentText()), rate)


__all__ = ["TrendView"]
