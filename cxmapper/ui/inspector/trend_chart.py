"""A small KPI trend: readings over time with the target as a dashed line.

pyqtgraph costs ~0.3 s to import, so it is imported the first time a chart is actually drawn,
never at start-up.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from cxmapper.model.entities import Kpi, Reading


def reading_time(reading: Reading) -> float:
    """Seconds since the epoch; readings carry ISO dates with or without a time and zone."""
    text = reading.measured_at.replace("Z", "+00:00")
    try:
        return datetime.fromisoformat(text).timestamp()
    except ValueError:
        return 0.0


CHART_HEIGHT = 160
DAY = 86400.0
MIN_SPAN = 6 * DAY  # a single reading still gets a date axis people can read


class TrendChart(QWidget):
    """Shows the readings of one KPI on one touchpoint; empty text when there is nothing."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._empty = QLabel(QCoreApplication.translate("InspectorTrendChart", "No readings yet"))
        self._empty.setStyleSheet("color: palette(mid);")
        self._layout.addWidget(self._empty)
        self._plot: Any = None
        # one height with or without a plot: the controls below never move under the mouse
        self.setFixedHeight(CHART_HEIGHT)

    @property
    def plotted_points(self) -> int:
        if self._plot is None:
            return 0
        return sum(
            0 if item.xData is None else len(item.xData) for item in self._plot.listDataItems()
        )

    def show_readings(self, kpi: Kpi | None, readings: Sequence[Reading]) -> None:
        if kpi is None or not readings:
            self._empty.show()
            if self._plot is not None:
                self._plot.hide()
            return
        plot = self._ensure_plot()
        self._empty.hide()
        plot.show()
        plot.clear()
        points = sorted((reading_time(r), r.value) for r in readings)
        xs = [p[0] for p in points]
        ys = [p[1] for p in points]
        import pyqtgraph as pg

        plot.plot(xs, ys, pen=pg.mkPen("#1565c0", width=2), symbol="o", symbolSize=6,
                  symbolBrush="#1565c0", symbolPen=None)  # fmt: skip
        if kpi.target is not None:
            line = pg.InfiniteLine(pos=kpi.target, angle=0,
                                   pen=pg.mkPen("#2e7d32", width=1.5, style=_dash()),
                                   label=QCoreApplication.translate("InspectorTrendChart", "target"), labelOpts={"position": 0.02, "color": "#2e7d32",
                                                              "anchors": [(0, 0), (0, 1)]})  # fmt: skip
            # the label starts at the left edge, on the side of the line with room (centred on
            # the edge, it was cut)
            plot.addItem(line)
        plot.setLabel("left", kpi.unit or kpi.name)
        plot.enableAutoRange()
        if xs[-1] - xs[0] < MIN_SPAN:  # otherwise the axis shows seconds around one point
            middle = (xs[0] + xs[-1]) / 2
            plot.setXRange(middle - MIN_SPAN / 2, middle + MIN_SPAN / 2, padding=0)

    def _ensure_plot(self) -> Any:
        if self._plot is None:
            import pyqtgraph as pg

            from cxmapper.ui.date_axis import LocaleDateAxis
            from cxmapper.ui.number_axis import value_axes

            axis = LocaleDateAxis(orientation="bottom")
            self._plot = pg.PlotWidget(axisItems={"bottom": axis, **value_axes()}, background="w")
            self._plot.showGrid(x=True, y=True, alpha=0.2)
            self._plot.setMouseEnabled(x=False, y=False)
            self._plot.hideButtons()
            self._plot.getPlotItem().setMenuEnabled(False)
            self._layout.addWidget(self._plot)
        return self._plot


def _dash() -> Any:
    from PySide6.QtCore import Qt

    return Qt.PenStyle.DashLine
