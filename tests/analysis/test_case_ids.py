"""Case ids are identifiers: text exactly as written, numbers in one canonical text, in every
reader, and never depending on the other rows of the file."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from cxmapper.analysis.readers import preview, read_events

TEXT_IDS = ["7", "007", " 7", "7 ", "7.0", "1e3"]


def times(n: int) -> list[str]:
    return [f"2024-01-01T00:{i:02d}:00Z" for i in range(n)]


def case_ids(path: Path) -> list[str]:
    return [str(c) for c in read_events(path).frame["case_id"]]


@pytest.mark.parametrize("sep", [",", "\t"])
def test_csv_and_tsv_keep_the_text(tmp_path: Path, sep: str) -> None:
    path = tmp_path / ("e.csv" if sep == "," else "e.tsv")
    lines = [sep.join(["case", "activity", "timestamp"])]
    lines += [sep.join([f'"{c}"', "a", t]) for c, t in zip(TEXT_IDS, times(6), strict=True)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert case_ids(path) == TEXT_IDS


def write_xlsx(path: Path, cases: list[object]) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["case", "activity", "timestamp"])
    for c, t in zip(cases, times(len(cases)), strict=True):
        ws.append([c, "a", t])
    wb.save(path)
    return path


def test_xlsx_text_cells_stay_apart(tmp_path: Path) -> None:
    assert case_ids(write_xlsx(tmp_path / "t.xlsx", TEXT_IDS)) == TEXT_IDS


def test_xlsx_007_does_not_depend_on_other_rows(tmp_path: Path) -> None:
    only_digits = case_ids(write_xlsx(tmp_path / "a.xlsx", ["007", "7"]))
    with_text = case_ids(write_xlsx(tmp_path / "b.xlsx", ["007", "7", "x1"]))
    assert only_digits == ["007", "7"] and with_text[:2] == ["007", "7"]


def test_xlsx_number_cells_are_canonical(tmp_path: Path) -> None:
    from cxmapper.analysis.readers import canonical_text

    path = write_xlsx(tmp_path / "n.xlsx", [7, 7.0, 7.5, "7", 12345678901])
    assert case_ids(path) == ["7", "7", "7.5", "7", "12345678901"]
    assert [canonical_text(v) for v in preview(path).rows["case"]] == case_ids(path)


def test_json_lines_numbers_are_canonical(tmp_path: Path) -> None:
    path = tmp_path / "e.jsonl"
    values: list[object] = [7, "7", 7.0, "007", 7.5, "7.0", " 7", True]
    records = [
        json.dumps({"case": v, "activity": "a", "timestamp": t})
        for v, t in zip(values, times(len(values)), strict=True)
    ]
    path.write_text("\n".join(records) + "\n", encoding="utf-8")
    assert case_ids(path) == ["7", "7", "7", "007", "7.5", "7.0", " 7", "true"]


def test_json_array_whole_float_column(tmp_path: Path) -> None:
    """All rows floats, some fractional: 7.0 still reads "7" (not "7.0"), 1e20 all its digits."""
    path = tmp_path / "e.json"
    values = [7.0, 8.5, 1e20, -3.0]
    rows = [
        {"case": v, "activity": "a", "timestamp": t}
        for v, t in zip(values, times(len(values)), strict=True)
    ]
    path.write_text(json.dumps(rows), encoding="utf-8")
    assert case_ids(path) == ["7", "8.5", "100000000000000000000", "-3"]


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ([7, 70, 7], ["7", "70", "7"]),
        ([7.0, 7.5, 100.0], ["7", "7.5", "100"]),
        (TEXT_IDS[:3], TEXT_IDS[:3]),
    ],
)
def test_parquet(tmp_path: Path, values: list[object], expected: list[str]) -> None:
    path = tmp_path / "e.parquet"
    n = len(values)
    pd.DataFrame({"case": values, "activity": ["a"] * n, "timestamp": times(n)}).to_parquet(path)
    assert case_ids(path) == expected


def test_xes_trace_names_as_written(tmp_path: Path) -> None:
    traces = "".join(
        f'<trace><string key="concept:name" value="{c}"/><event>'
        '<string key="concept:name" value="a"/>'
        f'<date key="time:timestamp" value="{t}"/></event></trace>'
        for c, t in zip(["007", " 7", "7"], times(3), strict=True)
    )
    path = tmp_path / "e.xes"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<log xes.version="1.0" xmlns="http://www.xes-standard.org/">{traces}</log>',
        encoding="utf-8",
    )
    assert sorted(case_ids(path)) == sorted(["007", " 7", "7"])


def test_blank_case_id_is_still_an_error(tmp_path: Path) -> None:
    from cxmapper.errors import ImportDataError

    path = tmp_path / "e.csv"
    path.write_text("case,activity,timestamp\n  ,a,2024-01-01T00:00:00Z\n", encoding="utf-8")
    with pytest.raises(ImportDataError, match=r"line 2.*case id is empty"):
        read_events(path)
