"""Analysis tables beside the map show every number whole: when the columns are wider than the
panel (about 370 px at 1366×768), the text columns give up room (a card's name keeps 120 px),
their text elided with the whole of it in the tooltip; what still does not fit scrolls. (The
Paths view showed "1,54" for 1,547 with its columns 667 px wide in a 368 px panel.)"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from cxmapper.ui.overlay.views.table import ResultTable, number_cell, text_cell

NAMES = ["Order confirmation e-mail", "Where-is-my-order call", "Checkout: payment",
         "App product page", "Weekly newsletter"]  # fmt: skip


def paths_table(qtbot: QtBot, width: int) -> ResultTable:
    table = ResultTable(["From", "To", "Times", "Cases", "Path"],
                        sort=(2, Qt.SortOrder.DescendingOrder))  # fmt: skip
    table.horizontalHeader().setStretchLastSection(True)  # as the Paths view
    qtbot.addWidget(table)
    table.resize(width, 300)
    table.show()
    rows = []
    for i, (a, b) in enumerate(zip(NAMES, NAMES[1:] + NAMES[:1], strict=True)):
        n = 1547 - 211 * i
        rows.append([text_cell(a, "a"), text_cell(b, "b"), number_cell(n, f"{n:,}", "a"),
                     number_cell(n // 2, f"{n // 2:,}", "a"), text_cell("not drawn", "a")])  # fmt: skip
    table.set_rows(rows)
    QApplication.processEvents()
    return table


def needed(table: ResultTable, col: int) -> int:
    """The width a column's cells and header text need (a sort arrow only where it is drawn)."""
    return table._natural_widths([col])[col]


def test_numbers_are_whole_in_a_narrow_panel(qtbot: QtBot) -> None:
    table = paths_table(qtbot, 370)
    for col in (2, 3):  # Times, Cases
        assert table.columnWidth(col) >= needed(table, col), table.horizontalHeaderItem(col).text()
    visible = sum(table.columnWidth(c) for c in range(table.columnCount()))
    assert visible <= table.viewport().width() + 1  # nothing off to the right
    assert table.horizontalScrollBar().maximum() == 0


def test_elided_names_keep_their_whole_text_in_the_tooltip(qtbot: QtBot) -> None:
    table = paths_table(qtbot, 370)
    assert table.columnWidth(0) < needed(table, 0)  # the From names did give up room
    for row in range(table.rowCount()):
        item = table.item(row, 0)
        assert item.text() in item.toolTip()


def test_a_wide_panel_shows_everything_at_its_natural_width(qtbot: QtBot) -> None:
    table = paths_table(qtbot, 900)
    for col in range(4):
        assert table.columnWidth(col) >= needed(table, col)


def test_the_name_column_stays_readable_when_numbers_crowd_it(qtbot: QtBot) -> None:
    """Top friction has four number columns: the card name keeps MIN_NAME_W, the stage and
    reasons shrink first, and the rest scrolls."""
    from cxmapper.ui.overlay.views.table import MIN_NAME_W

    table = ResultTable(["#", "Touchpoint", "Stage", "Friction", "Drop-off", "Repeat", "Why"])
    qtbot.addWidget(table)
    table.resize(370, 300)
    table.show()
    rows = [[number_cell(i, str(i)), text_cell(name, "t"), text_cell("Purchase", "t"),
             number_cell(28.1, "28.1"), number_cell(0.26, "26%"), number_cell(0.25, "25%"),
             text_cell("26% of cases drop off here; 25% repeat", "t")]
            for i, name in enumerate(NAMES, start=1)]  # fmt: skip
    table.set_rows(rows)
    QApplication.processEvents()
    assert table.columnWidth(1) >= min(MIN_NAME_W, needed(table, 1))
    for col in (0, 3, 4, 5):
        assert table.columnWidth(col) >= needed(table, col)


def test_paths_keep_both_ends_readable(qtbot: QtBot) -> None:
    from cxmapper.ui.overlay.views.paths import PathsView
    from cxmapper.ui.overlay.views.table import MIN_NAME_W

    view = PathsView()
    qtbot.addWidget(view)
    view.resize(370, 300)
    view.show()
    table = view.table
    table.set_rows([[text_cell(a, "a"), text_cell(b, "b"), number_cell(1547, "1,547", "a"),
                     number_cell(1296, "1,296", "a"), text_cell("not drawn", "a")]
                    for a, b in pairwise(NAMES)])  # fmt: skip
    QApplication.processEvents()
    for col in (0, 1):
        assert table.columnWidth(col) >= min(MIN_NAME_W, needed(table, col))
    for col in (2, 3):
        assert table.columnWidth(col) >= needed(table, col)


def test_a_narrowed_header_is_elided_and_whole_in_its_tooltip(qtbot: QtBot) -> None:
    """Unmatched events' "Suggested touchpoint" showed as "ggested touchpoi" (centred, cut)."""
    table = ResultTable(["Event name", "Events", "Suggested touchpoint", "Stage"])
    qtbot.addWidget(table)
    table.resize(300, 300)
    table.show()
    table.set_rows([[text_cell("order_lookup"), number_cell(1787, "1,787"),
                     text_cell("Order confirmation e-mail"), text_cell("Purchase")]])  # fmt: skip
    QApplication.processEvents()
    assert table.horizontalHeader().textElideMode() == Qt.TextElideMode.ElideRight
    assert table.horizontalHeaderItem(2).toolTip() == "Suggested touchpoint"
