"""The DuckDB engine groups the events by case id once: the load's validation pass makes the
case table (case id -> first file row) that the sequence then reuses, and still names the
first bad row of the file whatever mix of bad values comes first."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from cxmapper.analysis.columns import MappingRequest
from cxmapper.analysis.dataset_ref import FileRef
from cxmapper.analysis.engines.duckdb_engine import DuckDBEngine
from cxmapper.analysis.report import analyze, to_json_dict
from cxmapper.errors import ImportDataError


def _write(tmp_path: Path, frame: pd.DataFrame) -> Path:
    path = tmp_path / "e.parquet"
    frame.to_parquet(path)
    return path


def test_validation_table_is_taken_by_the_report(tmp_path: Path) -> None:
    frame = pd.DataFrame(
        {
            "case_id": ["b", "a", "b", "c", "a", "c"],
            "event": ["A", "A", "B", "A", "C", "B"],
            "ts": [1, 1, 2, 3, 2, 3],
        }
    )
    ref = FileRef(_write(tmp_path, frame), MappingRequest(timestamp="ts"))
    engine = DuckDBEngine()
    data = engine.load(ref)
    table = data.run.cases[data.view]
    assert data.run.rows(f"SELECT case_id, cid FROM {table} ORDER BY cid") == [
        ("b", 0),
        ("a", 1),
        ("c", 3),
    ]
    report = engine.report(data, None)
    assert data.run.cases == {}  # taken (and dropped with the sequence)
    mine, theirs = to_json_dict(report), to_json_dict(analyze(ref, engine="numpy"))
    mine.pop("engine"), theirs.pop("engine")
    assert mine == theirs
    assert engine.report(data, None).n_cases == 3  # a second report groups by itself


@pytest.mark.parametrize(
    ("cases", "events", "message"),
    [
        (["a", "b", None, "  ", "c"], ["A"] * 5, r"row 3, column 'case_id': case id is empty"),
        (["a", "", "b", None, "c"], ["A", "B", "", "C", "D"], r"row 2, column 'case_id'"),
        (["a", "b", "b", "c", "c"], ["A", "B", "", " ", "D"], r"row 3, column 'event': activity"),
    ],
)
def test_first_bad_row_is_named(tmp_path: Path, cases, events, message) -> None:
    frame = pd.DataFrame({"case_id": cases, "event": events, "ts": [1, 2, 3, 4, 5]})
    ref = FileRef(_write(tmp_path, frame), MappingRequest(timestamp="ts"))
    with pytest.raises(ImportDataError, match=message):
        DuckDBEngine().load(ref)
