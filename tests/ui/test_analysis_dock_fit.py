"""The analysis panel read without scrolling sideways at 1366×768: the Before/after and Paths
tables fit the dock (figures whole, headers whole, names elided with the whole name in the
tooltip), the dataset's long name ends in "…" with all of it in the tooltip, and every result
view can be picked although seven tab titles do not fit the dock's width."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pandas as pd
import pytest
from PySide6.QtWidgets import QApplication, QStyle
from pytestqt.qtbot import QtBot

from cxmapper.model.demo import write_demo
from cxmapper.ui.main_window import MainWindow
from cxmapper.ui.overlay.views.names import CardNames
from cxmapper.ui.overlay.views.table import ResultTable

LONG_DATASET = "demo-events (57,661 events, 10,200 cases)"


@pytest.fixture
def panel(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> Any:
    """The analysis panel of the demo at 1366×768, docked beside the map as the app lays it."""
    path = tmp_path / "demo.cxmap"
    write_demo(path)
    window.resize(1366, 768)
    assert window.open_path(path)
    window.analysis_dock.show_action.trigger()
    qtbot.waitUntil(lambda: not window.analysis_dock.visibleRegion().isEmpty())
    for _ in range(3):
        QApplication.processEvents()
    assert 300 <= window.analysis_dock.width() <= 420  # the narrow side column of this size
    panel: Any = window.analysis_dock.ensure_panel()  # Any: the test's names and cards ride on it
    ws, journey = window.workspace, window.journey_id
    assert ws is not None and journey is not None
    panel.test_names = CardNames(ws, journey)
    panel.test_dock_width = window.analysis_dock.width()
    panel.test_cards = [t for t in ws.touchpoints(journey) if t.lane_id and t.channel][:12]
    return panel


def _show(panel: Any, view: Any) -> ResultTable:
    panel.tabs.setCurrentWidget(view)
    for _ in range(3):
        QApplication.processEvents()
    table: ResultTable = view.table
    return table


def _dock(widget: Any) -> Any:
    return widget.window().analysis_dock


def _assert_fits(table: ResultTable, dock_width: int) -> None:
    dock = _dock(table)
    assert dock.width() <= dock_width + 2  # no line of the view widened the dock
    viewport = table.viewport()
    assert viewport.mapTo(dock, viewport.rect().topRight()).x() <= dock.width()  # not clipped
    cols = [c for c in range(table.columnCount()) if not table.isColumnHidden(c)]
    assert sum(table.columnWidth(c) for c in cols) <= table.viewport().width() + 1
    assert table.horizontalScrollBar().maximum() == 0  # nothing to scroll sideways to
    header = table.horizontalHeader()
    margin = 2 * table.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin)
    for c in cols:
        text = table.horizontalHeaderItem(c).text()
        need = header.fontMetrics().horizontalAdvance(text) + margin
        assert table.columnWidth(c) >= need, f"header {text!r} cut"
        assert table.horizontalHeaderItem(c).toolTip() or c == 1  # what the short title means
    for r in range(table.rowCount()):
        for c in cols:
            item = table.item(r, c)
            if item.data(256 + 1) is not None or item.text()[:1].isdigit():  # a figure
                need = table.fontMetrics().horizontalAdvance(item.text())
                assert table.columnWidth(c) >= need, f"figure {item.text()!r} cut"
            else:  # a name: elided at worst, whole in the tooltip
                assert item.text() in item.toolTip()


def test_before_after_fits_the_dock(panel: Any) -> None:
    cards = panel.test_cards
    comparison = pd.DataFrame(
        {
            "title": [t.title for t in cards],
            "reach_before": [1923 - 97 * i for i in range(len(cards))],
            "reach_after": [1402 + 13 * i for i in range(len(cards))],
            "dropoff_rate_before": [0.26 + 0.01 * i for i in range(len(cards))],
            "dropoff_rate_after": [0.221 - 0.01 * i for i in range(len(cards))],
            "dropoff_rate_delta": [-0.04 - 0.02 * i for i in range(len(cards))],
        },
        index=[t.id for t in cards],
    )
    report = SimpleNamespace(touchpoints=pd.DataFrame({"is_goal": [True]}))
    panel.before_after.fill(comparison, report, panel.test_names)
    table = _show(panel, panel.before_after)
    assert panel.version_periods.note.text()  # "Save two versions ...": wraps, not widens
    _assert_fits(table, panel.test_dock_width)
    assert table.item(0, 2).text().count("→") == 1  # "1,923 → 1,402": one column per figure
    stage_shown = not table.isColumnHidden(1)
    for r in range(table.rowCount()):  # the stage is readable, in its column or the tooltip
        stage = panel.test_names.stage(table.item(r, 0).data(256))
        assert stage_shown or stage in table.item(r, 0).toolTip()


def test_paths_fit_the_dock(panel: Any) -> None:
    cards = panel.test_cards
    pairs = list(pairwise(cards))
    unexpected = pd.DataFrame(
        {
            "from": [a.id for a, _ in pairs[:-2]],
            "to": [b.id for _, b in pairs[:-2]],
            "count": [1547 - 100 * i for i in range(len(pairs) - 2)],
            "cases": [1296 - 90 * i for i in range(len(pairs) - 2)],
        }
    )
    report = SimpleNamespace(
        paths=SimpleNamespace(unexpected=unexpected, unwalked=[(a.id, b.id) for a, b in pairs[-2:]])
    )
    panel.paths.fill(report, panel.test_names)
    table = _show(panel, panel.paths)
    _assert_fits(table, panel.test_dock_width)
    last = table.rowCount() - 1
    if table.isColumnHidden(4):  # the kind of path is still said, in the names' tooltips
        assert "Unwalked" in table.item(last, 0).toolTip()
        assert "Not drawn" in table.item(0, 1).toolTip()


def test_long_dataset_name_is_elided_with_the_whole_name_in_the_tooltip(panel: Any) -> None:
    combo = panel.dataset
    combo.addItem(LONG_DATASET, "x")
    combo.setCurrentIndex(combo.count() - 1)
    QApplication.processEvents()
    dock = _dock(panel)
    right = combo.mapTo(dock, combo.rect().topRight()).x()
    assert right <= dock.width()  # the combo ends inside the dock
    shown = combo.shown_text()
    assert shown.endswith("…") and shown != LONG_DATASET
    assert LONG_DATASET in combo.tip_text()


def test_every_view_can_be_picked_in_the_dock(panel: Any) -> None:
    tabs = panel.tabs
    titles = [tabs.tabText(i).replace("&", "") for i in range(tabs.count())]
    if tabs.tabBar().isVisible():  # all titles whole in the bar
        bar = tabs.tabBar()
        assert sum(bar.tabRect(i).width() for i in range(tabs.count())) <= tabs.width()
        for i in range(tabs.count()):
            assert bar.tabRect(i).width() >= bar.tabSizeHint(i).width()
        return
    picker = tabs.picker
    assert picker.isVisible()
    assert [picker.itemText(i) for i in range(picker.count())] == titles
    picker.setCurrentIndex(titles.index("Paths"))
    picker.activated.emit(titles.index("Paths"))
    assert tabs.currentWidget() is panel.paths
    tabs.setCurrentWidget(panel.friction)  # a click on a card's trend switches views too
    assert picker.currentText() == tabs.tabText(tabs.currentIndex()).replace("&", "")
    dock = _dock(panel)
    assert picker.mapTo(dock, picker.rect().topRight()).x() <= dock.width()
