"""Chart value axes write numbers as the app's language does (pyqtgraph's "%g" read "10200"
and "0.5" in the Italian funnel, weekly trend and KPI trend)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication

from cxmapper.ui import translations
from cxmapper.ui.number_axis import LocaleNumberAxis


@pytest.fixture
def italian(qapp: QCoreApplication) -> Iterator[None]:
    translations.install_language(qapp, "it")
    try:
        yield
    finally:
        translations.install_language(qapp, "en")


def test_axis_ticks_in_italian(italian: None) -> None:
    axis = LocaleNumberAxis("left")
    assert axis.tickStrings([10200.0, 0.0, 20000.0], 1.0, 200.0) == ["10.200", "0", "20.000"]
    assert axis.tickStrings([0.5, 1.0, 1.5], 1.0, 0.5) == ["0,5", "1,0", "1,5"]


def test_axis_ticks_in_english(qapp: QCoreApplication) -> None:
    translations.install_language(qapp, "en")
    axis = LocaleNumberAxis("left")
    assert axis.tickStrings([10200.0, 0.5], 1.0, 0.5) == ["10,200.0", "0.5"]


def test_every_analysis_chart_uses_the_locale_axis(qtbot: Any, italian: None) -> None:
    from cxmapper.ui.inspector.trend_chart import TrendChart as KpiTrendChart
    from cxmapper.ui.overlay.charts import FunnelChart, TrendChart

    funnel = FunnelChart()
    trend = TrendChart()
    kpi = KpiTrendChart()
    for widget in (funnel, trend, kpi):
        qtbot.addWidget(widget)
    assert isinstance(funnel.plot.getAxis("left"), LocaleNumberAxis)
    for side in ("left", "right"):
        assert isinstance(trend.plot.getAxis(side), LocaleNumberAxis)
    funnel.set_steps(["A", "B"], [10200, 5100], [float("nan"), 0.5])
    left = funnel.plot.getAxis("left")
    assert left.tickStrings([10200.0], 1.0, 2000.0) == ["10.200"]
    plot = kpi._ensure_plot()
    assert isinstance(plot.getAxis("left"), LocaleNumberAxis)
