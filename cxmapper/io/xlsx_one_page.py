"""The Map and Friction map sheets print on ONE page, as the one-page PDF does.

A map is a picture: split over two pages it loses what it is for (the whole journey at a
glance), and LibreOffice split the demo's map in two because every sheet printed one page wide
and as many tall as it needed (`xlsx_style.landscape`). A map sheet is fitted 1 page wide and
1 tall, landscape; the paper is chosen by size like the PDF's: A4 when the map keeps at least
`xlsx_print.MIN_SCALE` of its size there, else A3 (the largest sheet office printers take),
at whatever scale it fits.
"""

from __future__ import annotations

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from cxmapper.io.xlsx_print import A3_WIDTH_UNITS, A4_WIDTH_UNITS, MIN_SCALE, width_units

DEFAULT_ROW_PT = 15.0  # the height of a row without one (Calibri 11)
# Points down a landscape page at 100 % inside `xlsx_style.landscape`'s 0.5" margins, less the
# footer's line: A4 210 mm = 595 pt - 72 - ~23; A3 297 mm = 842 pt - 72 - ~23.
A4_HEIGHT_PT = 500.0
A3_HEIGHT_PT = 747.0


def height_points(ws: Worksheet, first: int, last: int) -> float:
    """The printed height of rows first..last, hidden ones left out."""
    total = 0.0
    for row in range(first, last + 1):
        dim = ws.row_dimensions.get(row)
        if dim is not None and dim.hidden:
            continue
        total += dim.height if dim is not None and dim.height else DEFAULT_ROW_PT
    return total


def one_page(ws: Worksheet, last_col: int, last_row: int) -> float:
    """Print `ws` (A1 to last_col x last_row) on one landscape page; the scale it prints at."""
    ws.print_area = f"A1:{get_column_letter(last_col)}{last_row}"
    setup = ws.page_setup
    setup.orientation = "landscape"
    setup.fitToWidth = 1
    setup.fitToHeight = 1
    fit = ws.sheet_properties.pageSetUpPr
    if fit is not None:
        fit.fitToPage = True
    wide, tall = width_units(ws, 1, last_col), height_points(ws, 1, last_row)
    on_a4 = min(1.0, A4_WIDTH_UNITS / wide, A4_HEIGHT_PT / tall)
    if on_a4 >= MIN_SCALE:
        setup.paperSize = ws.PAPERSIZE_A4
        return on_a4
    setup.paperSize = ws.PAPERSIZE_A3
    return min(1.0, A3_WIDTH_UNITS / wide, A3_HEIGHT_PT / tall)
