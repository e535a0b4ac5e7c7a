"""Putting user text into cells safely, and saying what a cell will hold.

A touchpoint titled `=HYPERLINK(...)` must reach Excel as text, not as a formula that runs
when a stakeholder opens the file (formula injection). Excel also refuses some content with a
"repair" prompt: control characters, cells longer than 32,767 characters, bad sheet names.
Everything user-typed goes through `put()`; our own formulas never do.

`clean_text()` is the one definition of what a cell shows for a text: the import compares an
owner's cell with `clean_text()` of the stored value, so what the export had to alter (cut,
control characters dropped, line breaks normalised) never counts as an owner's edit.
"""

from __future__ import annotations

import datetime as dt
import re
from array import array
from typing import Any, cast

from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.styles.cell_style import StyleArray
from openpyxl.worksheet.worksheet import Worksheet

MAX_CELL_CHARS = 32_767  # Excel counts UTF-16 code units: an emoji takes two
MAX_SHEET_NAME = 31
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")
# What XML 1.0 cannot carry (openpyxl's list, plus U+FFFE/U+FFFF and lone surrogates, which
# make the save fail outright). Tab and line feed are kept.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
TRUNCATION_MARK = " …[cut]"
_new_object = object.__new__  # see new_cell
_new_array = array.__new__


def legal_text(text: str) -> str:
    """`text` with line breaks as LF (CRLF and lone CR read back as LF from some writers and
    readers, so the export settles it) and the characters a cell cannot hold dropped."""
    if text.isascii() and (  # the common case holds none of them, nor does text whose only
        text.isprintable()  # control characters are line feeds and tabs (the hidden sheet's
        or text.replace("\n", "").replace("\t", "").isprintable()  # 5 MB of JSON lines)
    ):
        return text
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _ILLEGAL.sub("", text)


def utf16_len(text: str) -> int:
    return len(text) if text.isascii() else len(text.encode("utf-16-le")) // 2


def clean_text(text: str) -> str:
    """What a cell holding `text` shows: `legal_text`, cut visibly to Excel's cell limit."""
    text = legal_text(text)
    if len(text) * 2 > MAX_CELL_CHARS and utf16_len(text) > MAX_CELL_CHARS:
        text = _cut(text, MAX_CELL_CHARS - len(TRUNCATION_MARK))
    return text


def restore_cut(edited: str, stored: str) -> str:
    """An owner's edit of a cell the export cut: the part they saw, as edited, plus the rest
    of the stored text, as long as they kept the cut mark at the end. Without the mark, their
    text replaces the whole value."""
    shown = clean_text(stored)
    mark = TRUNCATION_MARK.strip()
    if not (shown.endswith(TRUNCATION_MARK) and edited.endswith(mark)):
        return edited
    head = edited[: -len(TRUNCATION_MARK if edited.endswith(TRUNCATION_MARK) else mark)]
    return head + legal_text(stored)[len(shown) - len(TRUNCATION_MARK) :]


def _cut(text: str, units: int) -> str:
    """The first `units` UTF-16 code units of `text`, and the mark ("ignore" drops half of an
    emoji split at the cut)."""
    return text.encode("utf-16-le")[: units * 2].decode("utf-16-le", "ignore") + TRUNCATION_MARK


def clean_rich_text(text: CellRichText) -> CellRichText:
    """Rich text within the cell limit: every run cleaned; past the limit, the longest runs
    are cut with the mark to an equal length that fits (a Map card whose title is huge keeps
    its owner and KPI lines). Text that needs none of it is returned itself."""
    given: list[tuple[InlineFont | None, str]] = [
        (p.font, p.text) if isinstance(p, TextBlock) else (None, p) for p in text
    ]
    runs = [(font, legal_text(body)) for font, body in given]
    sizes = [utf16_len(body) for _, body in runs]
    if sum(sizes) <= MAX_CELL_CHARS and all(
        new is old for (_, new), (_, old) in zip(runs, given, strict=True)
    ):  # nothing to clean (most cards of a Map): the runs as they are, not made again
        return text
    if sum(sizes) > MAX_CELL_CHARS:
        cap = _fair_cap(sizes, MAX_CELL_CHARS)
        runs = [(f, _cut(b, cap - len(TRUNCATION_MARK)) if n > cap else b)
                for (f, b), n in zip(runs, sizes, strict=True)]  # fmt: skip
    return CellRichText([body if font is None else TextBlock(font, body) for font, body in runs])


def _fair_cap(sizes: list[int], limit: int) -> int:
    """The largest run length c (at least the mark's) with sum(min(size, c)) <= limit."""
    low, high = len(TRUNCATION_MARK), max(sizes)
    while low < high:
        mid = (low + high + 1) // 2
        if sum(min(n, mid) for n in sizes) <= limit:
            low = mid
        else:
            high = mid - 1
    return low


def is_formula_like(text: str) -> bool:
    return text.startswith(FORMULA_TRIGGERS)


def is_plain_text(text: str) -> bool:
    """True for text `put()` writes as it is: printable ASCII (`clean_text` keeps it), short
    enough never to be cut, not looking like a formula. A writer may set it without `put()`."""
    return (
        len(text) <= MAX_CELL_CHARS // 2
        and text.isascii()
        and text.isprintable()
        and not text.startswith(FORMULA_TRIGGERS)
    )


def put(cell: Cell | MergedCell, value: object) -> Cell:
    """Write a value; strings always as text (never formulas), other types as they are.

    `cell` is what `Worksheet.cell()` gives; a merged cell's covered part holds nothing, so
    writing there is a bug in the sheet's layout (TypeError, rather than a value lost)."""
    if not isinstance(cell, Cell):
        raise TypeError(f"cannot write into {cell.coordinate}: it is covered by a merged cell")
    if value is None:
        cell.value = None
    elif isinstance(value, CellRichText):
        cell.value = clean_rich_text(value)
    elif isinstance(value, str):
        text = clean_text(value)
        # Set directly: openpyxl's value setter would store "=..." as a formula (and re-scan
        # the text we have just cleaned, which is most of a large export's time).
        cell._value = text  # type: ignore[attr-defined]  # a slot of Cell the stubs leave out
        cell.data_type = "s"
        if is_formula_like(text):
            cell.quotePrefix = True  # Excel keeps it text even after the cell is edited
    elif isinstance(value, bool | int | float | dt.datetime | dt.date):
        cell.value = value
    else:
        put(cell, str(value))
    return cell


def new_cell(ws: Worksheet, row: int, column: int, style: StyleArray | None = None) -> Cell:
    """A fresh cell at (row, column), like `ws.cell()` without its lookup and checks, which
    are a third of a large export's build time; `style`, when given, is copied into it. Only
    for cells not created yet (openpyxl 3.1 keeps cells in `ws._cells`; the version is
    pinned).

    The cell's slots are filled as `Cell.__init__` fills them, without its two Python calls
    (the cell's and the style array's constructors): half the cost of a cell in an export of
    ~150,000 (issue 18). tests/io/test_xlsx_save.py compares it with `Cell(...)` slot by slot.
    """
    cell: Any = _new_object(Cell)
    cell.parent = ws
    cell._style = None if style is None else _new_array(StyleArray, "i", style)
    cell.row = row
    cell.column = column
    cell._value = None
    cell._hyperlink = None
    cell.data_type = "n"
    cell._comment = None
    ws._cells[(row, column)] = cell
    return cast(Cell, cell)


def cell_bounds(ws: Worksheet) -> tuple[int, int, int, int] | None:
    """(min row, min column, max row, max column) of the cells `ws` holds, None without any:
    what openpyxl's calculate_dimension, max_row and max_column find by adding every cell's
    row and column to sets (~150,000 in a large export), in one pass in C."""
    cells: Any = ws._cells
    if not cells:
        return None
    rows, columns = zip(*cells, strict=True)
    return min(rows), min(columns), max(rows), max(columns)


def sheet_title(name: str, taken: set[str] | None = None) -> str:
    """A valid, unique sheet name: no []:*?/\\, not blank, at most 31 characters."""
    title = _BAD_SHEET_CHARS.sub("-", _ILLEGAL.sub("", name)).strip().strip("'")
    title = title[:MAX_SHEET_NAME] or "Sheet"
    if taken is None:
        return title
    base, n = title, 2
    while title.lower() in {t.lower() for t in taken}:
        suffix = f" ({n})"
        title = base[: MAX_SHEET_NAME - len(suffix)] + suffix
        n += 1
    taken.add(title)
    return title
