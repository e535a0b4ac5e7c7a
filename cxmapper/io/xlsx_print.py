"""How the finished workbook prints: ids hidden, wide sheets on A3, nothing cut at a page edge.

Run once over the whole workbook (`xlsx_export.build_workbook`), after every sheet is written,
so the rules hold for every sheet without each writer repeating them:

- id columns (UUIDs and setting keys) stay in the workbook, because the import matches rows by
  them, but are hidden, so they appear neither on screen nor on paper; text that sat above a
  table in a hidden column A (a sheet's title, a section heading) moves to the first visible
  column, or it would vanish with the ids;
- the print area starts at the first visible column;
- a sheet printed one page wide is scaled down to fit: a sheet wider than A4 allows at a
  readable size prints on A3 (as the one-page PDF picks A4 or A3 by size).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.utils import get_column_letter, range_boundaries
from openpyxl.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from cxmapper.io import xlsx_style as st
from cxmapper.io.xlsx_safe import cell_bounds

UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
# Characters (Excel column-width units) across a landscape page inside `landscape`'s margins at
# 100 %: a width unit is ~7 px of 96 dpi plus 5 px padding per column, so ~1.85 mm a unit.
A4_WIDTH_UNITS = 150.0
A3_WIDTH_UNITS = 215.0
MIN_SCALE = 0.8  # below this Calibri 10 prints at 8 pt: A3 instead
DEFAULT_WIDTH = 8.43  # Excel's width of a column without one


def bounds(ref: str) -> tuple[int, int, int, int]:
    """left, top, right, bottom of a whole range ("A1:G20"; sheet name and $ allowed)."""
    left, top, right, bottom = range_boundaries(ref.split("!")[-1].replace("$", ""))
    if left is None or top is None or right is None or bottom is None:
        raise ValueError(f"not a whole range: {ref}")
    return left, top, right, bottom


def _is_id(cell: Cell | MergedCell | None, id_font: bool) -> bool | None:
    """True for an id cell, False for a value, None for an empty cell (says nothing)."""
    if cell is None or cell.value is None or cell.value == "":
        return None
    if isinstance(cell.value, str) and UUID.match(cell.value):
        return True
    return id_font and cell.font == st.ID_FONT


def id_columns(ws: Worksheet, id_headers: Iterable[str] = ()) -> list[int]:
    """Columns of `ws`'s tables that hold only ids: every filled cell a UUID or in the id
    font, or (an empty table) a header the export wrote for an `*_id` key."""
    headers = set(id_headers)
    cells = ws._cells  # looked up, not created: ws.cell() would add every empty one
    found: set[int] = set()
    for table in ws.tables.values():
        left, top, right, bottom = bounds(table.ref)
        for col in range(left, right + 1):
            header = cells.get((top, col))
            verdict: bool | None = None  # None: no filled cell yet
            for r in range(top + 1, bottom + 1):
                one = _is_id(cells.get((r, col)), True)
                if one is False:  # a value: not an id column (stop here, most columns do)
                    verdict = False
                    break
                if one:
                    verdict = True
            named = header is not None and header.value in headers
            if verdict or (verdict is None and named):
                found.add(col)
    return sorted(found)


def _move_titles(ws: Worksheet, to_col: int) -> None:
    """Text in column A outside every table (titles, notes, section headings) moves to
    `to_col`, where it shows; a cell there already filled keeps the text where it was."""
    inside: set[int] = set()
    for table in ws.tables.values():
        left, top, _right, bottom = bounds(table.ref)
        if left == 1:
            inside.update(range(top, bottom + 1))
    for row in sorted(r for (r, c) in list(ws._cells) if c == 1 and r not in inside):
        src = ws._cells[(row, 1)]
        taken = (row, to_col) in ws._cells and ws.cell(row, to_col).value
        if src.value is None or taken:
            continue
        ws.move_range(f"A{row}", cols=to_col - 1)


def width_units(ws: Worksheet, first: int, last: int) -> float:
    """The printed width of columns first..last, hidden ones left out."""
    total = 0.0
    for col in range(first, last + 1):
        dim = ws.column_dimensions.get(get_column_letter(col))
        if dim is not None and dim.hidden:
            continue
        total += dim.width if dim is not None and dim.width else DEFAULT_WIDTH
    return total


def _paper(ws: Worksheet, first: int, last: int) -> None:
    """A4 when the sheet fits it at `MIN_SCALE` or more, else A3."""
    if ws.page_setup.orientation != "landscape" or ws.page_setup.fitToWidth != 1:
        return  # not set up by xlsx_style.landscape: leave it alone
    if width_units(ws, first, last) > A4_WIDTH_UNITS / MIN_SCALE:
        ws.page_setup.paperSize = ws.PAPERSIZE_A3


def finish_sheet(ws: Worksheet, id_headers: Iterable[str] = ()) -> None:
    """Hide `ws`'s id columns and set its print area and paper (see the module)."""
    bounds = cell_bounds(ws)  # ws.max_row and max_column, found once (titles move along rows)
    max_row, last_col = (1, 1) if bounds is None else (bounds[2], bounds[3])
    if ws.sheet_state != "visible" or max_row < 1:
        return
    hidden = id_columns(ws, id_headers)
    for col in hidden:
        ws.column_dimensions[get_column_letter(col)].hidden = True
    first = next((c for c in range(1, last_col + 1) if c not in hidden), 1)
    if 1 in hidden:
        _move_titles(ws, first)
    if not ws.print_area:
        ws.print_area = f"{get_column_letter(first)}1:{get_column_letter(last_col)}{max_row}"
    _paper(ws, first, last_col)


def finish(wb: Workbook, id_headers: Iterable[str] = ()) -> None:
    """Every visible sheet of `wb` through `finish_sheet`."""
    names = tuple(id_headers)
    for ws in wb.worksheets:
        finish_sheet(ws, names)
