"""The workbook's look in one place: fonts (always named, see ENVIRONMENT.md), fills, colours.

Style objects are created once and shared; openpyxl de-duplicates them, and reusing the same
objects keeps a 2,000-card export fast.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable
from copy import copy
from datetime import datetime
from typing import Any, TypeVar, cast

from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.styles.numbers import is_date_format
from openpyxl.worksheet.dimensions import RowDimension
from openpyxl.worksheet.header_footer import HeaderFooterItem
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from cxmapper.io.xlsx_safe import (
    FORMULA_TRIGGERS,
    MAX_CELL_CHARS,
    is_plain_text,
    new_cell,
    put,
)
from cxmapper.present import heat, palette

FONT_NAME = "Calibri"
INK = "1F2937"
MUTED = "6B7280"
ACCENT = "0F4C5C"  # deep teal: headers and titles

TITLE = Font(name=FONT_NAME, size=18, bold=True, color=ACCENT)
SUBTITLE = Font(name=FONT_NAME, size=11, italic=True, color=MUTED)
SECTION = Font(name=FONT_NAME, size=13, bold=True, color=ACCENT)
HEADER = Font(name=FONT_NAME, size=11, bold=True, color="FFFFFF")
BODY = Font(name=FONT_NAME, size=10, color=INK)
BOLD = Font(name=FONT_NAME, size=10, bold=True, color=INK)
SMALL = Font(name=FONT_NAME, size=9, color=MUTED)
WARN = Font(name=FONT_NAME, size=10, color="9C0006")

HEADER_FILL = PatternFill("solid", fgColor=ACCENT)
LANE_FILL = PatternFill("solid", fgColor="E5E7EB")
EMPTY_FILL = PatternFill("solid", fgColor="FAFAFA")
NEUTRAL_CARD = PatternFill("solid", fgColor="F3F4F6")
NOTE_FILL = PatternFill("solid", fgColor="FFF7E6")

WRAP_TOP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")
ID_FONT = Font(
    name=FONT_NAME, size=8, color="9CA3AF"
)  # ids: needed for the round trip, not for reading
WRAP_CENTER = Alignment(wrap_text=True, vertical="center", horizontal="center")
CENTER = Alignment(horizontal="center", vertical="center")
LEFT_CENTER = Alignment(vertical="center", wrap_text=True)

WHITE = Side(style="medium", color="FFFFFF")
LANE_EDGE = Side(style="medium", color="9CA3AF")
THIN = Side(style="thin", color="D1D5DB")
CARD_BORDER = Border(left=WHITE, right=WHITE, top=WHITE, bottom=WHITE)
GRID_BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)

STATUS_COLOURS = {  # fill, text: the traffic-light colours of Excel's own conditional formats
    "green": ("C6EFCE", "006100"),
    "amber": ("FFEB9C", "9C5700"),
    "red": ("FFC7CE", "9C0006"),
    "none": ("F3F4F6", MUTED),
}


def channel_colour(channel: str) -> str | None:
    """A card's fill: the channel's tint from the one palette (`present.palette`)."""
    return palette.channel_tint(channel)


_FILLS: dict[str, PatternFill] = {}


def fill(rgb: str) -> PatternFill:
    if rgb not in _FILLS:
        _FILLS[rgb] = PatternFill("solid", fgColor=rgb)
    return _FILLS[rgb]


def friction_colour(share: float | None) -> str:
    """The overlay heat scale of the canvas (`present.heat`), 0..1; grey without a value."""
    return heat.heat_hex(share)


def friction_ink(share: float | None) -> str:
    """Text on `friction_colour(share)`: dark or white, whichever contrasts more."""
    return heat.hex_of(heat.heat_ink(share))


def landscape(
    ws: Worksheet, *, title_rows: str | None = None, title_cols: str | None = None
) -> None:
    """Print set-up every sheet shares: landscape, fit to one page wide, titles repeated."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    fit = ws.sheet_properties.pageSetUpPr
    if fit is None:  # openpyxl gives every sheet one; its type allows none
        fit = ws.sheet_properties.pageSetUpPr = PageSetupProperties()
    fit.fitToPage = True
    ws.print_options.horizontalCentered = False
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.5
    if title_rows:
        ws.print_title_rows = title_rows
    if title_cols:
        ws.print_title_cols = title_cols
    footer = ws.oddFooter
    if footer is None:  # as above: openpyxl gives every sheet one
        footer = ws.oddFooter = HeaderFooterItem()
    footer.center.text = "&A — page &P of &N"
    footer.center.font = f"{FONT_NAME},Regular"
    footer.center.size = 8


def _combination(
    font: Font | None, fill: PatternFill | None, alignment: Alignment | None,
    border: Border | None, number_format: str | None, quote: int,
) -> tuple[object, ...]:  # fmt: skip
    """A Styler key: the style objects by identity (they are shared constants)."""
    return (id(font), id(fill), id(alignment), id(border), number_format, quote)


_new_object = object.__new__  # see Styler.writer and row_height
_new_array = array.__new__


def row_height(ws: Worksheet, row: int, height: float) -> None:
    """`ws.row_dimensions[row].height = height`, making a new row's dimension as openpyxl's
    constructor would (its nine descriptor sets cost ~5 us a row; a 2,000-touchpoint export
    sizes ~7,000 wrapped rows, issue 18). tests/io/test_xlsx_save.py compares the two."""
    dims: Any = ws.row_dimensions
    dim = dims.get(row)
    if dim is not None:
        dim.height = height
        return
    dim = cast(Any, _new_object(RowDimension))
    dim.parent = ws
    dim._style = None
    dim.__dict__.update(ht=float(height), thickBot=False, thickTop=False, index=row,
                        hidden=False, outlineLevel=0, collapsed=False)  # fmt: skip
    dict.__setitem__(dims, row, dim)


C = TypeVar("C", bound=Cell | MergedCell)
#: writes one value into a new cell at (row, column) of a sheet, in a fixed style
CellWriter = Callable[[Worksheet, int, int, object], Cell]
_PLAIN_CHARS = MAX_CELL_CHARS // 2  # is_plain_text's length limit


class Styler:
    """Applies a combination of styles to many cells quickly.

    openpyxl's attribute setters (`cell.font = ...`) look the style up in the workbook's lists
    by hashing it, ~60 µs each; a 2,000-card export sets ~300,000 of them. The first cell of
    each combination is styled normally, later ones get a copy of its style array (~1 µs).
    One Styler per workbook (the arrays index that workbook's style lists).
    """

    def __init__(self) -> None:
        self._arrays: dict[tuple[object, ...], StyleArray] = {}

    def __call__(self, cell: C, font: Font | None = None, fill: PatternFill | None = None,
                 alignment: Alignment | None = None, border: Border | None = None,
                 number_format: str | None = None) -> C:  # fmt: skip
        """Style `cell` (a merged range's covered cells too: they draw its borders)."""
        # `_style` (the cell's StyleArray) is a slot of openpyxl's cells the stubs leave out
        style: StyleArray | None = cell._style  # type: ignore[union-attr]
        quote = style.quotePrefix if style is not None else 0
        key = _combination(font, fill, alignment, border, number_format, quote)
        array = self._arrays.get(key)
        if array is not None:
            cell._style = copy(array)  # type: ignore[union-attr]  # as above
            return cell
        if font is not None:
            cell.font = font
        if fill is not None:
            cell.fill = fill
        if alignment is not None:
            cell.alignment = alignment
        if border is not None:
            cell.border = border
        if number_format is not None:
            cell.number_format = number_format
        self._arrays[key] = copy(cell._style)  # type: ignore[union-attr]  # as above
        return cell

    def write(self, ws: Worksheet, row: int, column: int, value: object, font: Font | None = None,
              fill: PatternFill | None = None, alignment: Alignment | None = None,
              border: Border | None = None, number_format: str | None = None) -> Cell:  # fmt: skip
        """A new cell at (row, column) holding `value` (through `put`) in this style.

        Once the combination is known the cell is born with a copy of its style array, instead
        of getting a default array that styling then replaces: a large export makes ~100,000.
        """
        key = (id(font), id(fill), id(alignment), id(border), number_format, 0)  # _combination
        template = self._arrays.get(key)
        if template is None:
            cell = put(new_cell(ws, row, column), value)
            return self(cell, font, fill, alignment, border, number_format)
        cell = new_cell(ws, row, column, template)  # a copy of the array
        if type(value) is str and is_plain_text(value):  # most cells (issue 18: < 2 s)
            cell._value = value  # type: ignore[attr-defined]  # what put() does with it
            cell.data_type = "s"
            return cell
        return put(cell, value)  # may set quotePrefix: on this cell's own copy

    def writer(self, font: Font | None = None, fill: PatternFill | None = None,
               alignment: Alignment | None = None, border: Border | None = None,
               number_format: str | None = None) -> CellWriter:  # fmt: skip
        """`write` in one combination of styles, for the many cells of a table's column.

        The combination's key is made once, and once its style array is known each cell is
        made here as `new_cell` makes it and plain text set as `write` sets it, without the
        three calls per cell: a third of a cell's cost in a 2,000-touchpoint export (issue
        18). tests/io/test_xlsx_save.py compares its cells with `write`'s slot by slot.
        """
        key = _combination(font, fill, alignment, border, number_format, 0)
        arrays = self._arrays
        template: StyleArray | None = arrays.get(key)
        # datetimes keep a date format as they are; other formats take openpyxl's (via put)
        dated = datetime if number_format is not None and is_date_format(number_format) else None

        def write(ws: Worksheet, row: int, column: int, value: object) -> Cell:
            nonlocal template
            if template is None:  # the combination's first cell: styled the usual way
                first = self.write(ws, row, column, value, font, fill, alignment, border,
                                   number_format)  # fmt: skip
                template = arrays.get(key)
                return first
            cell: Any = _new_object(Cell)  # new_cell, inlined
            cell.parent = ws
            cell._style = _new_array(StyleArray, "i", template)
            cell.row = row
            cell.column = column
            cell._hyperlink = None
            cell._comment = None
            ws._cells[(row, column)] = cell  # openpyxl keeps cells here (see new_cell)
            if (  # is_plain_text, inlined: put() would keep the text as it is
                type(value) is str
                and len(value) <= _PLAIN_CHARS
                and value.isascii()
                and value.isprintable()
                and not value.startswith(FORMULA_TRIGGERS)
            ):
                cell._value = value
                cell.data_type = "s"
                return cell  # type: ignore[no-any-return]
            # what openpyxl's value setter (through put) does with a number, nothing, or a
            # date in a column already formatted as dates
            kind = type(value)
            cell._value = value if kind is int or kind is float or kind is dated else None
            cell.data_type = "d" if kind is dated else "n"
            if cell._value is not None or value is None:
                return cell  # type: ignore[no-any-return]
            return put(cell, value)  # may set quotePrefix: on this cell's own copy

        return write
