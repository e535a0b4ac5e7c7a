"""A read-only, sortable results table: numbers sort as numbers and sit right-aligned, and a
click on a row names the touchpoint it is about, so every list can select its card on the map.

The tables sit beside the map in a narrow panel (about 370 px at 1366×768). Columns sized to
their contents ran off to the right there, so the figure a view is about (how often, the
change) was hidden or cut. Numbers keep their whole width; when the columns are wider than the
table, the text columns give up room in proportion, their text elided with the whole of it in
the tooltip.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
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
MIN_TEXT_W = 52  # px a text column keeps however narrow the table: a few letters and "…"
MIN_NAME_W = 120  # ...and the first one, the card or event a row is about: its name readable


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
        names: Sequence[int] | None = None,
        optional: Sequence[int] = (),
    ) -> None:
        super().__init__(0, len(headers), parent)
        self.names = names  # columns that keep MIN_NAME_W; None: the first text column
        self.optional = tuple(optional)  # hidden, in this order, when the rest needs the room
        self.setHorizontalHeaderLabels(list(headers))
        for col, tip in enumerate(tips):
            if tip:
                self.header_cell(col).setToolTip(tip)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)  # sized by fit_columns
        header.setMinimumSectionSize(24)
        if stretch is not None:
            header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        header.setTextElideMode(Qt.TextElideMode.ElideRight)  # a narrowed title ends in "…"
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        header.setSortIndicator(*sort)  # the order the rows arrive in until the user picks one
        self.setSortingEnabled(True)
        header.sortIndicatorChanged.connect(lambda *_: self.fit_columns())  # its arrow moved
        self.cellClicked.connect(self._clicked)
        self.cellActivated.connect(self._clicked)

    def set_rows(self, rows: Sequence[Sequence[QTableWidgetItem]]) -> None:
        """Replace the contents, keeping the user's sort column and order."""
        self.setSortingEnabled(False)
        self.setRowCount(0)
        self.setRowCount(len(rows))
        for r, cells in enumerate(rows):
            for c, cell in enumerate(cells):
                tip, text = cell.toolTip(), cell.text()
                if text and cell.textAlignment() != RIGHT and text not in tip:
                    # the whole text when the column elides it
                    cell.setToolTip(f"{text}\n{tip}" if tip else text)
                self.setItem(r, c, cell)
        self.setSortingEnabled(True)
        for c in range(self.columnCount()):  # a title elided in a narrow panel: whole on hover
            item = self.horizontalHeaderItem(c)
            if item is not None and not item.toolTip():
                item.setToolTip(item.text())
        self.fit_columns()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_columns()

    def fit_columns(self) -> None:
        """Each column at the width its header and cells need; when that is wider than the
        table, the `optional` columns hide, then the text columns shrink in proportion (name
        columns to `MIN_NAME_W`, the others to `MIN_TEXT_W` at least), numbers never; what
        still does not fit scrolls. Room left over goes to the first name column."""
        header = self.horizontalHeader()
        every = list(range(self.columnCount()))
        if not every:
            return
        width = self._natural_widths(every)
        text = [c for c in every if not self._is_numeric(c)]
        names = set(self.names) if self.names is not None else set(text[:1])
        least = {c: min(width[c], MIN_NAME_W if c in names else MIN_TEXT_W) for c in text}
        room = self.viewport().width()
        cols = list(every)
        for c in self.optional:  # the least the others need decides what stays
            if sum(least.get(k, width[k]) for k in cols) <= room:
                break
            cols.remove(c)
        for c in every:
            self.setColumnHidden(c, c not in cols)
        flexible = [c for c in text if c in cols and width[c] > least[c]]
        while flexible:  # share what the fixed columns leave; a column at its minimum drops out
            fixed = sum(width[c] for c in cols if c not in flexible)
            need = sum(width[c] for c in flexible)
            if need <= room - fixed:
                break
            k = max(room - fixed, 0) / need
            floor = [c for c in flexible if width[c] * k < least[c]]
            for c in floor or flexible:
                width[c] = least[c] if floor else int(width[c] * k)
            flexible = [c for c in flexible if c not in floor] if floor else []
        spare = room - sum(width[c] for c in cols)
        first_name = next((c for c in cols if c in names), None)
        if spare > 0 and first_name is not None and not header.stretchLastSection():
            width[first_name] += spare  # the name column stretches
        for c in cols:
            header.resizeSection(c, width[c])

    def _natural_widths(self, cols: Sequence[int]) -> dict[int, int]:
        """What each column's cells and header need. Qt sizes every header for a sort arrow;
        only the sorted column draws one, so the others are measured without it."""
        header = self.horizontalHeader()
        sorted_col = header.sortIndicatorSection()
        with_arrow = {c: header.sectionSizeHint(c) for c in cols}
        header.blockSignals(True)
        shown = header.isSortIndicatorShown()
        header.setSortIndicatorShown(False)
        plain = {c: header.sectionSizeHint(c) for c in cols}
        header.setSortIndicatorShown(shown)
        header.blockSignals(False)
        return {
            c: max(self.sizeHintForColumn(c), with_arrow[c] if c == sorted_col else plain[c])
            for c in cols
        }

    def _is_numeric(self, col: int) -> bool:
        """A column of number cells (right-aligned, see `number_cell`)."""
        return any(
            (item := self.item(r, col)) is not None and item.textAlignment() == RIGHT
            for r in range(self.rowCount())
        )

    def cell(self, row: int, col: int) -> QTableWidgetItem:
        """The cell `set_rows` put there: every row it fills has one in every column."""
        item = self.item(row, col)
        if item is None:
            raise LookupError(f"no cell at row {row}, column {col}")
        return item

    def header_cell(self, col: int) -> QTableWidgetItem:
        """A column's header item: the table makes one for every column it is given."""
        item = self.horizontalHeaderItem(col)
        if item is None:
            raise LookupError(f"no header at column {col}")
        return item

    def column_texts(self, col: int) -> list[str]:
        return [self.cell(r, col).text() for r in range(self.rowCount())]

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
