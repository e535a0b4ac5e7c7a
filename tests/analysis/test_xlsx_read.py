"""The first-sheet reader gives pandas' own frame, with blank rows only counted, not listed.

`read_first_sheet` replaces `pd.read_excel(..., dtype=object).infer_objects()`; whatever the
sheet holds (gaps of missing rows, a blank header row, duplicate or blank column names, NA
spellings, numbers that become floats because of the blank rows) both must give the same frame.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from cxmapper.analysis import xlsx_read
from cxmapper.analysis.tasks import import_events
from cxmapper.errors import ImportDataError

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from fuzz_corpus import xlsx_bytes

SHEETS = {
    "gaps": [("A1", "a"), ("B1", "b"), ("A2", "1"), ("A5", "x"), ("C9", "z")],
    "one-column": [("A1", "a"), ("A3", "v"), ("A7", "w")],
    "header-row-missing": [("A3", "a"), ("B3", "b"), ("A4", "x")],
    "names-and-na": [("A1", "a"), ("B1", "a"), ("C1", ""), ("A2", "NA"), ("A40", "q")],
    "offset-column": [("B2", "h"), ("B3", "v"), ("B300", "w")],
    "only-header": [("A1", "a"), ("B1", "b")],
}


def _pandas(path: Path) -> pd.DataFrame:
    return pd.read_excel(path, sheet_name=0, engine="openpyxl", dtype=object).infer_objects()


def _same(path: Path) -> None:
    expected, got = _pandas(path), xlsx_read.read_first_sheet(path)
    pd.testing.assert_frame_equal(got, expected, check_exact=True)
    assert list(got.dtypes) == list(expected.dtypes)
    assert type(got.index) is type(expected.index)


@pytest.mark.parametrize("name", SHEETS)
def test_hand_made_sheets_read_as_pandas_reads_them(name, tmp_path):
    path = tmp_path / f"{name}.xlsx"
    path.write_bytes(xlsx_bytes(SHEETS[name]))
    _same(path)


def test_typed_cells_with_gaps_read_as_pandas_reads_them(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["case_id", "n", "when", "flag", "f"])
    values = [(7, 1.5, dt.datetime(2024, 1, 2), True, 1.0), ("c2", 3, None, False, 2),
              (None, "7", "2024", None, None), (4, 2.0, dt.datetime(2024, 1, 3), True, 3.5)]  # fmt: skip
    for row, cells in zip((2, 3, 60, 61), values, strict=True):
        for col, value in enumerate(cells, start=1):
            sheet.cell(row=row, column=col, value=value)
    path = tmp_path / "typed.xlsx"
    book.save(path)
    _same(path)
    assert xlsx_read.read_first_sheet(path)["n"].dtype == object  # 1.5, 3, NaN..., "7", 2


def test_blank_rows_are_counted_not_converted(tmp_path, monkeypatch):
    """A cell at A1048576 under five rows: six rows converted, not a million (4-8 s before)."""
    cells = [("A1", "case_id"), ("B1", "activity"), ("C1", "timestamp")]
    cells += [
        (f"{c}{r}", v)
        for r in range(2, 7)
        for c, v in zip("ABC", ("c1", "a", "2024-01-01"), strict=True)
    ]
    path = tmp_path / "far.xlsx"
    path.write_bytes(xlsx_bytes([*cells, ("A1048576", "x")]))
    converted = []
    original = xlsx_read._convert_cell

    def counting(cell: object) -> object:
        converted.append(cell)
        return original(cell)

    monkeypatch.setattr(xlsx_read, "_convert_cell", counting)
    frame = xlsx_read.read_first_sheet(path)
    assert (
        frame.shape == (1048575, 3)
        and frame.iloc[-1, 0] == "x"
        and frame.iloc[5:-1].isna().all().all()
    )
    assert len(converted) == 7 * 3 - 2  # the header, five rows, and A1048576 alone
    with pytest.raises(ImportDataError, match=r"row 7, column 'case_id': case id is empty"):
        import_events(path)
