"""Read an Excel workbook's first sheet exactly as `pd.read_excel(dtype=object)` does, but fast
on sheets that are mostly blank rows.

pandas builds one Python list per row of the sheet, blank ones included, pads every one to the
widest row and parses them all: a workbook with a header, five rows and one stray cell in
A1048576 (4 M cells: under `limits.XLSX_MAX_CELLS`, so allowed) costs 1.6-2.0 s of CPU (4-8 s
on the shared 2-core machine) and a million lists before its first blank row is refused as "case
id is empty"; read here it costs 0.35-0.5 s, mostly the 1 M-row frame. Blank rows are counted:
the rows that hold a value go through the same openpyxl reading, cell conversion and pandas
`TextParser` (same header, names, NA rules and errors), and the blank rows are put back as
all-NaN rows of the same object columns before `infer_objects`, so the frame is the one pandas
returns (`tests/analysis/test_xlsx_read.py` compares both; so did every workbook of the 5,000
input fuzz corpus, 651 files, before this replaced `pd.read_excel`).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd


def _convert_cell(cell: object) -> object:
    """pandas' openpyxl cell conversion (`OpenpyxlReader._convert_cell`), unchanged."""
    from openpyxl.cell.cell import TYPE_ERROR, TYPE_NUMERIC

    value = cell.value  # type: ignore[attr-defined]
    if value is None:
        return ""  # compat with xlrd
    data_type = cell.data_type  # type: ignore[attr-defined]
    if data_type == TYPE_ERROR:
        return np.nan
    if data_type == TYPE_NUMERIC:
        as_int = int(value)
        if as_int == value:
            return as_int
        return float(value)
    return value


def _sheet_rows(sheet: object) -> tuple[list[tuple[int, list[object]]], int]:
    """(row number, converted cells) of every non-blank row, and the number of rows kept.

    Row 0 (the header) is always listed, blank or not; trailing blank rows are dropped, as
    pandas' `get_sheet_data` does.
    """
    sheet.reset_dimensions()  # type: ignore[attr-defined]  # declared dimensions can lie
    kept: list[tuple[int, list[object]]] = []
    last_with_data = -1
    for number, row in enumerate(sheet.rows):  # type: ignore[attr-defined]
        if not row and number:  # a missing row (openpyxl yields an empty tuple): blank
            continue
        converted = [_convert_cell(cell) for cell in row]
        while converted and converted[-1] == "":
            converted.pop()
        if converted:
            last_with_data = number
        if converted or not number:
            kept.append((number, converted))
    return kept, last_with_data + 1


def read_first_sheet(path: Path) -> pd.DataFrame:
    """`pd.read_excel(path, sheet_name=0, engine="openpyxl", dtype=object).infer_objects()`."""
    with pd.ExcelFile(path, engine="openpyxl") as excel:
        book = excel.book
        if not book.worksheets:
            raise ValueError("Worksheet index 0 is invalid, 0 worksheets found")
        sheet = book.worksheets[0]
        kept, n_rows = _sheet_rows(sheet)
    if n_rows == 0:
        return pd.DataFrame()
    width = max(len(cells) for _, cells in kept)
    data = [cells + [""] * (width - len(cells)) for _, cells in kept]
    try:
        parser = pd.io.parsers.TextParser(
            data,
            names=None,
            header=0,
            index_col=None,
            has_index_names=False,
            dtype=object,
            true_values=None,
            false_values=None,
            skiprows=None,
            nrows=None,
            na_values=None,
            skip_blank_lines=False,
            parse_dates=False,
            date_format=None,
            thousands=None,
            decimal=".",
            comment=None,
            skipfooter=0,
            usecols=None,
            dtype_backend=pd.api.extensions.no_default,
            converters=None,
            keep_default_na=True,
            na_filter=True,
        )
        frame = parser.read(nrows=None)
    except pd.errors.EmptyDataError:
        return pd.DataFrame()
    except Exception as err:
        err.args = (f"{err.args[0]} (sheet: 0)", *err.args[1:])
        raise
    if len(kept) < n_rows and width > 0:  # blank rows between header and data: put them back
        values = np.full((n_rows - 1, len(frame.columns)), np.nan, dtype=object)
        values[[n - 1 for n, _ in kept[1:]]] = frame.to_numpy(dtype=object)
        frame = pd.DataFrame(values, columns=frame.columns)
    return frame.infer_objects()
