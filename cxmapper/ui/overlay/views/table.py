"""A read-only, sortable results table: numbers sort as numbers and sit right-aligned, and a
click on a row names the touchpoint it is about, so every list can select its card on the map."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

ROLE_ID = Qt.ItemDataRole.UserRole  # the touchpoint a row (or cell) is about
ROLE_SORT = Qt.ItemDataRole.UserRole + 1  # the number a cell sorts by
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class Cell(QTableWidgetItem):
    """A cell that sorts by its number when it has one (missing values sort first)."""

    def __lt__(self, other: QTableWidgetItem) -> bool:
        a, b = self.data(ROLE_SORT), other.data(ROLE_SORT)
        if a is not None or b is not None:
            return _key(a) < _key(b)
        return self.text().lower() < other.text().lower()


def _key(value: Any) -> float:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return -math.inf
    return float(value)


def text_cell(text: str, tp_id: str | None = None, tip: str = "") -> Cell:
    cell = Cell(text)
    if tp_id:
        cell.setData(ROLE_ID, tp_id)
    if tip:
        cell.setToolTip(tip)
    return cell


def number_cell(value: Any, text: str, tp_id: str | None = None) -> Cell:
    """A right-aligned cell showing `text` and sorting by `value` (None/NaN: a missing number)."""
    cell = Cell(text)
    number = None if value is None or value != value else float(value)
    cell.setData(ROLE_SORT, number)
    cell.setTextAlignment(RIGHT)
    if tp_id:
        cell.setData(ROLE_ID, tp_id)
    return cell


class ResultTable(QTableWidget):
    """Headers that say what a column is, rows the user sorts by clicking a header."""

    touchpoint_clicked = Signal(str)

    def __init__(
        self,
        headers: Sequence[str],
        stretch: int | None = None,
        tips: Sequence[str] = (),
        sort: tuple[int, Qt.SortOrder] = (0, Qt.SortOrder.AscendingOrder),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(0, len(headers), parent)
        self.setHorizontalHeaderLabels(list(headers))
        for col, tip in enumerate(tips):
            if tip:
                self.horizontalHeaderItem(col).setToolTip(tip)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        if stretch is not None:
            header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        header.setSortIndicator(*sort)  # the order the rows arrive in until the user picks one
        self.setSortingEnabled(True)
        self.cellClicked.connect(self._clicked)
        self.cellActivated.connect(self._clicked)

    def set_rows(self, rows: Sequence[Sequence[QTableWidgetItem]]) -> None:
        """Replace the contents, keeping the user's sort column and order."""
        self.setSortingEnabled(False)
        self.setRowCount(0)
        self.setRowCount(len(rows))
        for r, cells in enumerate(rows):
            for c, cell in enumerate(cells):
                self.setItem(r, c, cell)
        self.setSortingEnabled(True)

    def column_texts(self, col: int) -> list[str]:
        return [self.item(r, col).text() for r in range(self.rowCount())]

    def touchpoint_at(self, row: int, col: int) -> str | None:
        item = self.item(row, col)
        value = item.data(ROLE_ID) if item is not None else None
        if value is None and item is not None:  # a row is about the touchpoint of its name cell
            for c in range(self.columnCount()):
                other = self.item(row, c)
                if other is not None and other.data(ROLE_ID):
                    return str(other.data(ROLE_ID))
        return str(value) if value else None

    def _clicked(self, row: int, col: int) -> None:
        tp_id = self.touchpoint_at(row, col)
        if tp_id:
            self.touchpoint_clicked.emit(tp_id)
