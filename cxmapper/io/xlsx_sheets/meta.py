"""The hidden `_cxmapper` sheet: what was exported, so an edited workbook can be merged back.

It holds the journey id, the export time and, for every round-trip row, the values as they
were written. On import, cell value != stored value means the owner changed it; workspace
value != stored value means someone changed it in cxmapper meanwhile. Both: a conflict.
The sheet is 'veryHidden' (not listed under Unhide in Excel), one JSON object per row.
"""

from __future__ import annotations

import json
from typing import Any

from openpyxl.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from cxmapper.io.xlsx_safe import put
from cxmapper.io.xlsx_values import fingerprint

META_SHEET = "_cxmapper"
META_FORMAT = "cxmapper-xlsx"
META_VERSION = 1
CHUNK = 30_000  # characters per cell; Excel's limit is 32,767


def write(
    wb: Workbook, header: dict[str, Any], baseline: list[tuple[str, str, dict[str, Any]]]
) -> None:
    ws = wb.create_sheet(META_SHEET)
    ws.sheet_state = "veryHidden"
    put(ws.cell(1, 1), META_FORMAT)
    ws.cell(1, 2).value = META_VERSION
    put(ws.cell(1, 3), json.dumps(header, ensure_ascii=False))
    # One JSON line per row of the export, packed into cells of up to CHUNK characters
    # (a cell per line would be tens of thousands of cells in a large export).
    lines = "\n".join(
        json.dumps(
            [table, str(key), {k: fingerprint(v) for k, v in values.items()}], ensure_ascii=False
        )
        for table, key, values in baseline
    )
    for row, start in enumerate(range(0, len(lines), CHUNK), start=2):
        put(ws.cell(row, 1), lines[start : start + CHUNK])


def read(ws: Worksheet) -> tuple[dict[str, Any], dict[tuple[str, str], dict[str, Any]]]:
    rows = ws.iter_rows(values_only=True)
    first = next(rows, None)
    if not first or first[0] != META_FORMAT:
        raise ValueError("not a cxmapper export")
    if int(first[1] or 0) > META_VERSION:
        raise ValueError(f"written by a newer cxmapper (format version {first[1]})")
    header = json.loads(first[2])
    text = "".join(str(row[0]) for row in rows if row and row[0] is not None)
    baseline: dict[tuple[str, str], dict[str, Any]] = {}
    for line in text.split("\n"):
        if line:
            table, key, values = json.loads(line)
            baseline[(str(table), str(key))] = values
    return header, baseline
