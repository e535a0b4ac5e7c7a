"""pyqtgraph charts of the analysis panel: funnel bars (clickable) and weekly trends."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from cxmapper.ui.date_axis import LocaleDateAxis
from cxmapper.ui.locale_format import number, percent
from cxmapper.ui.number_axis import value_axes
from cxmapper.ui.overlay.step_axis import StepAxis

pg.setConfigOptions(antialias=True, background="w", foreground="#333")
BAR = "#4a78c2"
BAR_SELECTED = "#e07b39"


class FunnelChart(QWidget):
    """Cases per funnel step; clicking a bar emits the step index."""

    step_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.axis = StepAxis()  # step names wrapped or staggered, never overlapping
        self.plot = pg.PlotWidget(axisItems={"bottom": self.axis, **value_axes()})
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.getPlotItem().hideButtons()
        self.plot.setLabel("left", QCoreApplication.translate("OverlayCharts", "cases"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)
        self.bars: pg.BarGraphItem | None = None
        self.cases: list[int] = []
        self.labels: list[str] = []
        self.plot.scene().sigMouseClicked.connect(self._clicked)

    def set_steps(self, labels: list[str], cases: list[int], conversions: list[float]) -> None:
        self.plot.clear()
        self.labels, self.cases = labels, cases
        x = np.arange(len(cases))
        self.bars = pg.BarGraphItem(x=x, height=cases, width=0.6, brush=BAR, pen=pg.mkPen(None))
        self.plot.addItem(self.bars)
        for i, (n, conv) in enumerate(zip(cases, conversions, strict=True)):
            text = number(n) if i == 0 or np.isnan(conv) else f"{number(n)}\n{percent(conv)}"
            label = pg.TextItem(text, color="#222", anchor=(0.5, 1.0))
            label.setPos(i, n)
            self.plot.addItem(label)
        self.axis.set_labels(labels)
        self.plot.setToolTip(
            "\n".join(
                QCoreApplication.translate("OverlayCharts", "{step}: {n} cases").format(
                    step=t, n=number(n)
                )
                for t, n in zip(labels, cases, strict=True)
            )
        )
        top = max(cases) if cases else 1
        self.plot.setYRange(0, top * 1.2)
        self.plot.setXRange(-0.6, max(len(cases) - 0.4, 0.6))

    def highlight(self, index: int | None) -> None:
        if self.bars is None:
            return
        brushes = [BAR_SELECTED if i == index else BAR for i in range(len(self.cases))]
        self.bars.setOpts(brushes=brushes)

    def _clicked(self, event: object) -> None:
        if not self.cases:
            return
        point = self.plot.getPlotItem().vb.mapSceneToView(event.scenePos())  # type: ignore[attr-defined]
        index = round(point.x())
        if 0 <= index < len(self.cases) and 0 <= point.y() <= self.cases[index] * 1.2:
            self.highlight(index)
            self.step_clicked.emit(index)

    def click_step(self, index: int) -> None:
        """What a click on bar `index` does (used by tests and the keyboard)."""
        self.highlight(index)
        self.step_clicked.emit(index)


class TrendChart(QWidget):
    """Weekly reach (bars) and drop-off rate (line, right axis) of one touchpoint."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot = pg.PlotWidget(
            axisItems={"bottom": LocaleDateAxis(), **value_axes("left", "right")}
        )
        self.plot.setMenuEnabled(False)
        self.plot.setLabel("left", QCoreApplication.translate("OverlayCharts", "cases per week"))
        self.plot.showAxis("right")
        self.plot.setLabel("right", QCoreApplication.translate("OverlayCharts", "drop-off (%)"))
        self.plot.getAxis("right").enableAutoSIPrefix(False)
        self.rate_box = pg.ViewBox()
        self.plot.scene().addItem(self.rate_box)
        self.plot.getAxis("right").linkToView(self.rate_box)
        self.rate_box.setXLink(self.plot)
        self.plot.getViewBox().sigResized.connect(self._sync)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.plot, 1)
        self.n_points = 0

    def _sync(self) -> None:
        self.rate_box.setGeometry(self.plot.getViewBox().sceneBoundingRect())

    @staticmethod
    def empty_frame() -> pd.DataFrame:
        return pd.DataFrame({"week": [], "reach": [], "dropoff_rate": []})

    def set_trend(self, weekly: pd.DataFrame, title: str, rate_label: str = "") -> None:
        self.plot.clear()
        self.rate_box.clear()
        self.title.setText(title)  # a wrapping label: a plot title would widen and clip the plot
        self.plot.setLabel(
            "right", rate_label or QCoreApplication.translate("OverlayCharts", "drop-off (%)")
        )
        self.n_points = len(weekly)
        if weekly.empty:
            return
        x = weekly["week"].astype("int64").to_numpy() / 1e9
        self.plot.addItem(
            pg.BarGraphItem(
                x=x,
                height=weekly["reach"].to_numpy(),
                width=5 * 86400,
                brush="#9bb7e0",
                pen=pg.mkPen(None),
            )
        )
        rate = weekly["dropoff_rate"].to_numpy(dtype=float) * 100
        self.rate_box.addItem(pg.PlotCurveItem(x, rate, pen=pg.mkPen("#c0392b", width=2)))
        known = rate[np.isfinite(rate)]  # a Spark summary has no weekly drop-off: all NaN
        self.rate_box.setYRange(0, max(float(known.max()) if len(known) else 100.0, 5.0) * 1.1)
        self._sync()
