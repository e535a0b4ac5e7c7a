"""Putting user text into cells safely.

A touchpoint titled `=HYPERLINK(...)` must reach Excel as text, not as a formula that runs
when a stakeholder opens the file (formula injection). Excel also refuses some content with a
"repair" prompt: control characters, cells longer than 32,767 characters, bad sheet names.
Everything user-typed goes through `put()`; our own formulas never do.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.cell.rich_text import CellRichText

MAX_CELL_CHARS = 32_767
MAX_SHEET_NAME = 31
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")
TRUNCATION_MARK = " …[cut]"


def clean_text(text: str) -> str:
    """Drop characters an .xlsx cannot hold and cut to Excel's cell limit."""
    if not (text.isascii() and text.isprintable()):  # printable ASCII holds none of them
        text = ILLEGAL_CHARACTERS_RE.sub("", text)
    if len(text) > MAX_CELL_CHARS:
        text = text[: MAX_CELL_CHARS - len(TRUNCATION_MARK)] + TRUNCATION_MARK
    return text


def is_formula_like(text: str) -> bool:
    return text.startswith(FORMULA_TRIGGERS)


def put(cell: Cell, value: Any) -> Cell:
    """Write a value; strings always as text (never formulas), other types as they are."""
    if value is None:
        cell.value = None
    elif isinstance(value, CellRichText):
        cell.value = value
    elif isinstance(value, str):
        text = clean_text(value)
        # Set directly: openpyxl's value setter would store "=..." as a formula (and re-scan
        # the text we have just cleaned, which is most of a large export's time).
        cell._value = text
        cell.data_type = "s"
        if is_formula_like(text):
            cell.quotePrefix = True  # Excel keeps it text even after the cell is edited
    elif isinstance(value, bool | int | float | dt.datetime | dt.date):
        cell.value = value
    else:
        put(cell, str(value))
    return cell


def new_cell(ws: Any, row: int, column: int) -> Cell:
    """A fresh cell at (row, column), like `ws.cell()` without its lookup and checks, which
    are a third of a large export's build time. Only for cells not created yet (openpyxl
    3.1 keeps cells in `ws._cells`; the version is pinned)."""
    cell = Cell(ws, row=row, column=column)
    ws._cells[(row, column)] = cell
    return cell


def sheet_title(name: str, taken: set[str] | None = None) -> str:
    """A valid, unique sheet name: no []:*?/\\, not blank, at most 31 characters."""
    title = _BAD_SHEET_CHARS.sub("-", ILLEGAL_CHARACTERS_RE.sub("", name)).strip().strip("'")
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
