"""The hidden `_cxmapper` sheet: what was exported, so an edited workbook can be merged back.

It holds the journey id, the export time and, for every round-trip row, the values as they
were written (and as they were stored, where the export had to alter them); xlsx_merge
compares them with the workbook and the workspace. The sheet is 'veryHidden' (not listed
under Unhide in Excel), one JSON line per row, ASCII-escaped so that no character counts
twice against Excel's cell limit or is dropped by the cell cleaning.

Format version 2 added the stored forms (a fourth item on a row's line) and lets the header
span several cells. Version 3 keys the baseline by column key instead of English header text
and records the titles and headers written for each key (see xlsx_names); versions 1 and 2
still import.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, TypeGuard

from openpyxl.workbook import Workbook
from openpyxl.worksheet._read_only import ReadOnlyWorksheet
from openpyxl.worksheet.worksheet import Worksheet

from cxmapper.io.xlsx_merge import Sent
from cxmapper.io.xlsx_safe import put

META_SHEET = "_cxmapper"
META_FORMAT = "cxmapper-xlsx"
META_VERSION = 3
CHUNK = 30_000  # characters per cell; Excel's limit is 32,767

#: A sheet with cells, as the import opens it (read-only) or as a workbook in memory has it.
Sheet = Worksheet | ReadOnlyWorksheet


def is_worksheet(sheet: object) -> TypeGuard[Sheet]:
    """True for a sheet of cells; False for a chart sheet, which a workbook may also hold."""
    return isinstance(sheet, Worksheet | ReadOnlyWorksheet)


def row_values(
    sheet: Sheet, min_row: int = 1, max_row: int | None = None
) -> Iterator[tuple[object, ...]]:
    """The sheet's rows from `min_row` as tuples of cell values (None for an empty cell)."""
    if isinstance(sheet, ReadOnlyWorksheet):
        # the stubs bind ReadOnlyWorksheet.iter_rows to Worksheet (openpyxl shares the function)
        return sheet.iter_rows(min_row, max_row, values_only=True)  # type: ignore[misc]
    return sheet.iter_rows(min_row, max_row, values_only=True)


def write(
    wb: Workbook, header: dict[str, Any], baseline: list[tuple[str, str, dict[str, Any]]]
) -> None:
    ws = wb.create_sheet(META_SHEET)
    ws.sheet_state = "veryHidden"
    put(ws.cell(1, 1), META_FORMAT)
    ws.cell(1, 2).value = META_VERSION
    head = json.dumps(header)  # a long journey name must not cut it
    for col, start in enumerate(range(0, len(head), CHUNK), start=3):
        put(ws.cell(1, col), head[start : start + CHUNK])
    # One JSON line per row of the export, packed into cells of up to CHUNK characters
    # (a cell per line would be tens of thousands of cells in a large export).
    lines = "\n".join(_line(table, str(key), Sent.of(values)) for table, key, values in baseline)
    for row, start in enumerate(range(0, len(lines), CHUNK), start=2):
        put(ws.cell(row, 1), lines[start : start + CHUNK])


def _line(table: str, key: str, sent: Sent) -> str:
    return json.dumps(
        [table, key, sent.shown, sent.stored] if sent.stored else [table, key, sent.shown]
    )


def read(ws: Sheet) -> tuple[int, dict[str, Any], dict[tuple[str, str], Sent]]:
    """(format version, header, baseline by (table, row key)) of the hidden sheet."""
    rows = row_values(ws)
    first = next(rows, None)
    if not first or first[0] != META_FORMAT:
        raise ValueError("not a cxmapper export")
    raw = first[1] or 0
    if not isinstance(raw, int | float | str):
        raise ValueError(f"its format version {raw!r} is not a number")
    version = int(raw)
    if version > META_VERSION:
        raise ValueError(f"written by a newer cxmapper (format version {first[1]})")
    header = json.loads("".join(str(x) for x in first[2:] if x is not None))
    text = "".join(str(row[0]) for row in rows if row and row[0] is not None)
    baseline: dict[tuple[str, str], Sent] = {}
    for line in text.split("\n"):
        if line:
            table, key, shown, *stored = json.loads(line)
            baseline[(str(table), str(key))] = Sent(shown, stored[0] if stored else {})
    return version, header, baseline
