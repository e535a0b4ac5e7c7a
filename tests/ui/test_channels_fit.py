"""The Channels view read at 1366×768 with the analysis open: every column, the last one (the
median time between two channels) too, fits the narrow dock beside the map; its header reads
whole, nothing scrolls sideways. The gallery showed that column cut at the dock's right edge.
The figures are the demo's (its channels, its largest counts, its longest median)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pandas as pd
from PySide6.QtWidgets import QApplication, QStyle
from pytestqt.qtbot import QtBot

from cxmapper.model.demo import write_demo
from cxmapper.ui.main_window import MainWindow
from cxmapper.ui.overlay.views.channels import ChannelsView

PAIRS = [("web", "chat"), ("web", "call centre"), ("chat", "web"), ("app", "chat"),
         ("call centre", "web"), ("chat", "app"), ("app", "call centre"), ("web", "store"),
         ("call centre", "app"), ("social", "e-mail")]  # fmt: skip


def _figures() -> Any:
    n = len(PAIRS)
    matrix = pd.DataFrame(
        {
            "from": [a for a, _ in PAIRS],
            "to": [b for _, b in PAIRS],
            "hops": [12080 - 1000 * i for i in range(n)],
            "cases": [10207 - 900 * i for i in range(n)],
            "case_rate": [0.1234 - 0.01 * i for i in range(n)],
            "median_seconds": [3 * 86400 + 7 * 3600 + 60 * i for i in range(n)],
        }
    )
    return SimpleNamespace(matrix=matrix, n_cases=10200, hop_cases=553, hop_rate=0.079,
                           switched_share=0.023, repeat_contact_rate=0.083, fcr=0.917)  # fmt: skip


def test_every_channels_column_fits_the_dock_at_1366x768(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    path = tmp_path / "demo.cxmap"
    write_demo(path)
    window.resize(1366, 768)
    assert window.open_path(path)
    window.analysis_dock.show_action.trigger()
    qtbot.waitUntil(lambda: not window.analysis_dock.visibleRegion().isEmpty())
    panel: Any = window.analysis_dock.ensure_panel()
    view = panel.findChild(ChannelsView)
    assert view is not None
    view.fill(_figures())
    panel.tabs.setCurrentWidget(view)
    for _ in range(3):
        QApplication.processEvents()
    dock = window.analysis_dock
    assert 300 <= dock.width() <= 420  # the narrow side column of this size
    table = view.table
    viewport = table.viewport()
    assert viewport.mapTo(dock, viewport.rect().topRight()).x() <= dock.width()
    cols = list(range(table.columnCount()))
    assert not any(table.isColumnHidden(c) for c in cols)
    assert sum(table.columnWidth(c) for c in cols) <= viewport.width() + 1
    assert table.horizontalScrollBar().maximum() == 0  # nothing to scroll sideways to
    header = table.horizontalHeader()
    margin = 2 * table.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin)
    for c in cols:  # every header whole, the last one too
        text = table.horizontalHeaderItem(c).text()
        need = header.fontMetrics().horizontalAdvance(text) + margin
        if c == header.sortIndicatorSection():
            need += table.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize)
        assert table.columnWidth(c) >= need, f"header {text!r} cut: {table.columnWidth(c)} < {need}"
        assert table.horizontalHeaderItem(c).toolTip()  # what the short title means
    last = table.columnCount() - 1
    for r in range(table.rowCount()):  # the figures whole; names elided at worst, whole on hover
        for c in cols:
            item = table.item(r, c)
            if c >= 2:
                need = table.fontMetrics().horizontalAdvance(item.text())
                assert table.columnWidth(c) >= need, f"figure {item.text()!r} cut"
            else:
                assert item.text() in item.toolTip()
    assert table.item(0, last).text()  # the median is shown
