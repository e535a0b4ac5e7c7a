"""`cxmapper analyze --engine numpy|duckdb|auto`: the same JSON from both engines (the `engine`
key aside) on a small log and on the real logs in ../shared/data, and auto's choice by size."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from analysis_helpers import SHARED_DATA, small_csv_text

from cxmapper.analysis.engines import choice
from cxmapper.cli import main


def cli_json(capsys, *args: str) -> dict:
    assert main(["analyze", *args, "--json", "-"]) == 0
    return json.loads(capsys.readouterr().out)


def same_json(capsys, path: Path, *args: str) -> dict:
    a = cli_json(capsys, str(path), *args, "--engine", "numpy")
    b = cli_json(capsys, str(path), *args, "--engine", "duckdb")
    assert (a.pop("engine"), b.pop("engine")) == ("numpy", "duckdb")
    assert "channels" in a and "channels" in b  # both engines compute the channel figures
    assert b == a
    return b


def test_small_log_csv_and_parquet(write, tmp_path: Path, capsys) -> None:
    csv = write("e.csv", small_csv_text())
    assert same_json(capsys, csv)["n_events"] == 12
    pq_path = tmp_path / "e.parquet"
    pd.read_csv(csv, dtype=str).to_parquet(pq_path)
    assert same_json(capsys, pq_path)["n_cases"] == 4


@pytest.mark.slow
@pytest.mark.parametrize(
    ("name", "args"),
    [("receipt.csv", ()), ("helpdesk.xes.gz", ()), ("bpic2012.xes.gz", ("--lifecycle", "all"))],
)
def test_real_logs(capsys, name: str, args: tuple[str, ...]) -> None:
    path = SHARED_DATA / name
    if not path.is_file():
        pytest.skip(f"real event log {path} not available")
    data = same_json(capsys, path, *args)
    assert data["n_events"] > 8_000


def test_auto_picks_duckdb_above_the_threshold(tmp_path: Path, capsys, monkeypatch) -> None:
    path = tmp_path / "e.parquet"
    rows = [("a", "A", "2024-01-01T00:00Z"), ("a", "B", "2024-01-01T00:01Z")] * 3
    pd.DataFrame(rows, columns=["case_id", "event", "timestamp"]).to_parquet(path)
    assert cli_json(capsys, str(path))["engine"] == "numpy"  # 6 rows: in memory
    monkeypatch.setattr(choice, "DUCKDB_ABOVE_EVENTS", 5)
    assert cli_json(capsys, str(path))["engine"] == "duckdb"
    monkeypatch.setattr(choice, "DUCKDB_ABOVE_CSV_BYTES", 10)
    csv = tmp_path / "e.csv"
    csv.write_text(small_csv_text(), encoding="utf-8")
    assert cli_json(capsys, str(csv))["engine"] == "duckdb"


def test_a_folder_goes_to_duckdb_and_numpy_refuses_it(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "parts"
    folder.mkdir()
    frame = pd.DataFrame({"case_id": ["a", "a"], "event": ["A", "B"], "timestamp": [1, 2]})
    frame.to_parquet(folder / "part-0.parquet")
    data = cli_json(capsys, str(folder))
    assert (data["engine"], data["n_events"]) == ("duckdb", 2)
    assert main(["analyze", str(folder), "--engine", "numpy"]) == 2
    err = capsys.readouterr().err
    assert err == f"cxmapper: error: {folder}: a folder of Parquet files needs --engine duckdb\n"
