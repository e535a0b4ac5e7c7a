"""Top friction, Paths and Before/after are sortable tables: readable headers, numbers
right-aligned and sorted as numbers, and a card's name selects the card on the map."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from cxmapper.model.workspace import Workspace
from cxmapper.ui.main_window import MainWindow
from tests.ui.analysis_rigs import analyse, make_shop

RIGHT = Qt.AlignmentFlag.AlignRight


def _headers(table: Any) -> list[str]:
    return [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]


def test_numbers_sort_as_numbers_and_sit_right(qtbot: QtBot) -> None:
    from cxmapper.ui.overlay.views.table import ResultTable, number_cell, text_cell

    table = ResultTable(["Name", "Cases"])
    qtbot.addWidget(table)
    values = [9, 100, None, 10]
    table.set_rows(
        [[text_cell(f"n{v}"), number_cell(v, "–" if v is None else f"{v:,}")] for v in values]
    )
    table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    assert table.column_texts(1) == ["–", "9", "10", "100"]  # text order would be 10, 100, 9
    table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    assert table.column_texts(0) == ["n100", "n10", "n9", "nNone"]
    assert table.item(0, 1).textAlignment() & RIGHT
    assert not table.item(0, 0).textAlignment() & RIGHT


@pytest.fixture
def shop_window(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> tuple[MainWindow, dict]:
    path = tmp_path / "shop.cxmap"
    with Workspace.create(path) as ws:
        shop = make_shop(ws, tmp_path)
    assert window.open_path(path)
    window.journey_panel.select_journey(shop["journey"])
    window.analysis_dock.present()
    return window, shop


def test_friction_and_paths_tables_select_cards_on_the_map(
    qtbot: QtBot, shop_window: tuple
) -> None:
    window, shop = shop_window
    panel = window.analysis_dock.ensure_panel()
    analyse(qtbot, panel, shop["log"])
    table = panel.friction.table
    assert _headers(table) == ["#", "Touchpoint", "Stage", "Friction", "Drop-off", "Repeat", "Why"]
    assert table.column_texts(1)[0] == "Cart"  # worst first: half its cases repeat and leave
    assert table.item(0, 3).textAlignment() & RIGHT
    table.sortByColumn(3, Qt.SortOrder.AscendingOrder)
    scores = [float(t) for t in table.column_texts(3)]
    assert scores == sorted(scores) and table.column_texts(1)[-1] == "Cart"
    row = table.column_texts(1).index("Home")
    table.cellClicked.emit(row, 1)
    assert window.scene.selected_entities() == [("touchpoint", shop["home"])]
    assert panel.trend.pick.currentData() == shop["home"]  # the trend follows the pick
    # paths: Cart -> Order is walked but not drawn; clicking "Order" selects Order
    paths = panel.paths.table
    assert _headers(paths) == ["From", "To", "Times", "Cases", "Path"]
    row = paths.column_texts(0).index("Cart")
    assert [paths.item(row, c).text() for c in range(5)] == ["Cart", "Order", "1", "1", "not drawn"]
    paths.cellClicked.emit(row, 1)
    assert window.scene.selected_entities() == [("touchpoint", shop["order"])]
    panel.cancel()


def test_before_after_is_a_table(qtbot: QtBot, shop_window: tuple) -> None:
    window, shop = shop_window
    panel = window.analysis_dock.ensure_panel()
    panel.use_period.setChecked(True)
    panel.use_compare.setChecked(True)
    for edit, day in (
        (panel.period_from, (2026, 3, 9)),
        (panel.period_to, (2026, 3, 16)),
        (panel.compare_from, (2026, 3, 2)),
        (panel.compare_to, (2026, 3, 9)),
    ):
        edit.setDate(QDate(*day))
    panel._dates_from_data = False  # the user chose them
    analyse(qtbot, panel, shop["log"])
    # before/after: c1 and c2 started in week 1, c3 in week 2
    compare = panel.before_after.table
    # one cell per figure, "before → after", sorted by the after value (fits a narrow panel)
    assert _headers(compare)[:3] == ["Touchpoint", "Stage", "Reach"]
    row = compare.column_texts(0).index("Home")
    assert [compare.item(row, c).text() for c in (1, 2)] == ["Browse", "2 → 1"]
    assert compare.item(row, 3).text().endswith("→ 100%")
    assert "Browse" in compare.item(row, 0).toolTip()  # the stage, when its column hides
    assert compare.item(row, 2).textAlignment() & RIGHT
    compare.cellClicked.emit(row, 0)
    assert window.scene.selected_entities() == [("touchpoint", shop["home"])]
    panel.cancel()
