"""Datasets kept by reference: a linked file or folder of Parquet files carries a fingerprint
(size, modification time, hash of head and tail), and every engine refuses a changed or missing
source in one line instead of analysing other data than was linked."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pytest
from analysis_helpers import small_csv_text

from cxmapper.analysis import engines
from cxmapper.analysis.dataset_ref import fingerprint, link
from cxmapper.errors import ImportDataError


@pytest.fixture(params=["numpy", "duckdb"])
def engine(request: pytest.FixtureRequest) -> engines.AnalysisEngine:
    return engines.get(request.param)


def test_unchanged_source_loads(engine, write) -> None:
    ref = link(write("e.csv", small_csv_text()))
    assert ref.fingerprint is not None and ref.fingerprint.startswith("v1:")
    assert engine.load(ref).n_events == 12


def test_appended_rows_are_noticed(engine, write) -> None:
    path = write("e.csv", small_csv_text())
    ref = link(path)
    with path.open("a", encoding="utf-8") as fh:
        fh.write("c9,A,2024-03-01T10:00:00Z,web\n")
    with pytest.raises(ImportDataError, match=r"e\.csv: linked source changed since it was linked"):
        engine.load(ref)


def test_same_size_rewrite_is_noticed_even_with_the_old_time(engine, write) -> None:
    path = write("e.csv", small_csv_text())
    ref = link(path)
    st = path.stat()
    path.write_text(small_csv_text().replace("c1,", "c7,"), encoding="utf-8")
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))  # a copy that keeps the old time
    assert path.stat().st_size == st.st_size
    with pytest.raises(ImportDataError, match="changed since it was linked"):
        engine.load(ref)


def test_missing_source(engine, write) -> None:
    path = write("e.csv", small_csv_text())
    ref = link(path)
    path.unlink()
    with pytest.raises(ImportDataError, match=r"^\S*e\.csv: linked source is missing"):
        engine.load(ref)


def test_folder_fingerprint_notices_a_new_file(tmp_path: Path) -> None:
    folder = tmp_path / "parts"
    folder.mkdir()
    frame = pd.DataFrame({"case_id": ["a"], "event": ["A"], "timestamp": ["2024-01-01T00:00Z"]})
    frame.to_parquet(folder / "part-0.parquet")
    ref = link(folder)
    assert engines.get("duckdb").load(ref).n_events == 1
    before = fingerprint(folder)
    frame.to_parquet(folder / "part-1.parquet")
    assert fingerprint(folder) != before
    with pytest.raises(ImportDataError, match="changed since it was linked"):
        engines.get("duckdb").load(ref)


def test_link_of_nothing_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ImportDataError, match="no such file or folder"):
        link(tmp_path / "nope.parquet")
