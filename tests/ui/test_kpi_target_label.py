"""The inspector's KPI chart names its target line whole: the "target" label sat centred on the
chart's left edge and showed as ":arget" (seen in the gallery's KPIs tab)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from cxmapper.model.entities import Kpi, Reading
from cxmapper.ui.inspector.trend_chart import TrendChart


def test_the_target_label_lies_inside_the_plot(qtbot: QtBot) -> None:
    import pyqtgraph as pg

    chart = TrendChart()
    qtbot.addWidget(chart)
    chart.resize(380, 160)
    chart.show()
    kpi = Kpi(id="k", name="CES", unit="1-7", target=2.5)
    dates = ["2026-01-28", "2026-02-28", "2026-03-28", "2026-04-28", "2026-05-28", "2026-06-28"]
    readings = [Reading(id=f"r{i}", kpi_id="k", touchpoint_id="t", value=3.35 + 0.1 * i,
                        measured_at=d) for i, d in enumerate(dates)]  # fmt: skip
    chart.show_readings(kpi, readings)
    for _ in range(3):
        QApplication.processEvents()
    chart.grab()
    plot = chart._plot.getPlotItem()
    lines = [i for i in plot.items if isinstance(i, pg.InfiniteLine)]
    assert len(lines) == 1
    label = lines[0].label
    assert label.toPlainText().startswith("target")
    view = plot.vb.sceneBoundingRect()
    box = label.sceneBoundingRect()
    assert view.left() - 0.5 <= box.left() and box.right() <= view.right() + 0.5, (box, view)
