"""The DuckDB engine's own sources: Parquet files and folders scanned in place, CSV copied in
file order, the lifecycle and time-zone rules in SQL, and one-line errors naming the row. Each
source must give the numpy engine's report exactly (the JSON, `engine` aside)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from cxmapper.analysis.columns import MappingRequest
from cxmapper.analysis.dataset_ref import FileRef
from cxmapper.analysis.report import analyze, to_json_dict
from cxmapper.errors import ImportDataError

# Ties across the whole log: each case's events in file order decide the transitions.
ROWS = [
    ("k2", "B", "2024-01-01T10:00:00Z"),
    ("k1", "A", "2024-01-01T10:00:00Z"),
    ("k1", "C", "2024-01-01T10:00:00Z"),
    ("k2", "A", "2024-01-01T10:00:00Z"),
    ("k1", "B", "2024-01-01T10:00:00Z"),
    ("k2", "C", "2024-01-01T10:05:00Z"),
    ("k3", "A", "2024-01-02T09:00:00Z"),
    ("k3", "C", "2024-01-02T09:00:00Z"),
    ("k1", "C", "2024-01-01T10:07:30Z"),
    ("k3", "B", "2024-01-02T09:00:00Z"),
]


def frame() -> pd.DataFrame:
    out = pd.DataFrame(ROWS, columns=["case_id", "event", "timestamp"])
    out["timestamp"] = pd.to_datetime(out["timestamp"], utc=True)
    return out


def both(ref: FileRef, numpy_ref: FileRef | None = None) -> tuple[dict, dict]:
    a = to_json_dict(analyze(numpy_ref or ref, engine="numpy"))
    b = to_json_dict(analyze(ref, engine="duckdb"))
    assert (a.pop("engine"), b.pop("engine")) == ("numpy", "duckdb")
    return a, b


def test_parquet_file_equals_numpy(tmp_path: Path) -> None:
    path = tmp_path / "e.parquet"
    frame().to_parquet(path)
    a, b = both(FileRef(path))
    assert b == a
    pairs = {(t["from"], t["to"]): t["count"] for t in b["transitions"]}
    assert pairs == {("A", "C"): 3, ("C", "B"): 2, ("B", "C"): 1, ("B", "A"): 1}


def test_folder_of_parquet_files_keeps_file_order_across_files(tmp_path: Path) -> None:
    whole = tmp_path / "whole.parquet"
    frame().to_parquet(whole)
    folder = tmp_path / "parts"
    folder.mkdir()
    table = pa.Table.from_pandas(frame(), preserve_index=False)
    for i, (start, stop) in enumerate([(0, 3), (3, 4), (4, 10)]):  # ties split across files
        pq.write_table(table.slice(start, stop - start), folder / f"part-{i:03d}.parquet")
    a, b = both(FileRef(folder), FileRef(whole))
    assert b == a and b["n_events"] == 10


def test_numbers_as_case_ids_and_epoch_seconds(tmp_path: Path) -> None:
    path = tmp_path / "e.parquet"
    data = pd.DataFrame(
        {
            "case_id": [7.0, 7.5, 7.0, 7.5, 8.0],
            "event": ["A", "A", "B", "B", " A "],
            "timestamp": [1_700_000_000, 1_700_000_000, 1_700_000_060, 1_700_000_030, 5],
        }
    )
    data.to_parquet(path)
    a, b = both(FileRef(path))
    assert b == a and b["n_cases"] == 3


@pytest.mark.parametrize("lifecycle", ["complete", "all"])
def test_csv_lifecycle_and_time_zone(write, lifecycle: str) -> None:
    text = (
        "case,activity,time,lifecycle,device\n"
        "a,Call,2024-03-31 01:30,start,m\n"
        "a,Call,2024-03-31 03:30,COMPLETE ,m\n"
        "b,Call,2024-03-31 09:00,start,d\n"
        "a,Mail,2024-03-31 04:00,,m\n"
        "b,Call,2024-03-31 09:10:00,complete,d\n"
    )
    path = write("e.csv", text)
    ref = FileRef(path, lifecycle=lifecycle, tz="Europe/Amsterdam")
    a, b = both(ref)
    assert b == a
    assert analyze(ref, engine="duckdb").warnings == analyze(ref, engine="numpy").warnings


def test_unreadable_timestamp_names_line_and_column(write) -> None:
    path = write("e.csv", "case_id,event,timestamp\nc,A,2024-01-01T10:00:00Z\nc,B,yesterday\n")
    with pytest.raises(ImportDataError, match=r"e\.csv: line 3, column 'timestamp': cannot read "):
        analyze(FileRef(path), engine="duckdb")


def test_empty_case_id_names_the_row(tmp_path: Path) -> None:
    path = tmp_path / "e.parquet"
    pd.DataFrame({"case_id": ["a", "  "], "event": ["A", "B"], "ts": [1, 2]}).to_parquet(path)
    with pytest.raises(ImportDataError, match=r"row 2, column 'case_id': case id is empty"):
        analyze(FileRef(path, MappingRequest(timestamp="ts")), engine="duckdb")


def test_no_progress_bar_on_stdout() -> None:
    """DuckDB draws a progress bar on stdout for queries over 2 s, which broke the benchmark's
    and `analyze --json -`'s output on large logs."""
    from cxmapper.analysis.engines.duck.db import Database

    db = Database(threads=1)
    assert db.one("SELECT current_setting('enable_progress_bar')") == (False,)
    db.close()


def test_bad_memory_limit_is_one_line_and_leaves_no_spill_directory(monkeypatch, tmp_path) -> None:
    import tempfile

    from cxmapper.analysis.engines.duck.db import Database
    from cxmapper.errors import CxError

    monkeypatch.setenv("CXMAPPER_DUCKDB_MEMORY", "lots")
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    with pytest.raises(CxError, match=r"^cannot start DuckDB: "):
        Database(threads=1)
    assert list(tmp_path.iterdir()) == []
