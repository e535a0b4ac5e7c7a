"""`cxmapper analyze SOURCE --engine spark` without --summary: the Spark engine's report, the
same JSON as the DuckDB engine (which, like it, has no channel figures) with only the `engine`
key differing. The metrics themselves are pinned by tests/analysis/conformance (spark included).

Skips when pyspark or Java is missing; one worker runs every Spark test (one SparkSession).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from analysis_helpers import small_csv_text

from cxmapper.analysis.engines.spark_summary import spark_available
from cxmapper.cli import main

pytestmark = [
    pytest.mark.skipif(spark_available() is not None, reason="pyspark/java missing"),
    pytest.mark.xdist_group("spark"),
]


def _json(capsys, *args: str) -> dict:
    assert main(["analyze", *args, "--json", "-"]) == 0
    return json.loads(capsys.readouterr().out)


def test_engine_spark_gives_the_report_not_a_summary(write, capsys) -> None:
    csv = write("e.csv", small_csv_text())
    duck = _json(capsys, str(csv), "--engine", "duckdb")
    spark = _json(capsys, str(csv), "--engine", "spark", "--master", "local[2]")
    assert (duck.pop("engine"), spark.pop("engine")) == ("duckdb", "spark")
    assert spark == duck
    assert spark["n_events"] == 12 and spark["n_cases"] == 4


def test_segment_without_summary_is_refused(write, capsys) -> None:
    csv = write("e.csv", small_csv_text())
    assert main(["analyze", str(csv), "--engine", "spark", "--segment", "channel"]) == 2
    assert "--summary" in capsys.readouterr().err


def test_master_goes_with_spark_only(write, capsys) -> None:
    csv = write("e.csv", small_csv_text())
    assert main(["analyze", str(csv), "--engine", "duckdb", "--master", "local[2]"]) == 2
    assert "go with --engine spark" in capsys.readouterr().err


def test_dataset_folder_path_is_a_one_line_error(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "parts"
    folder.mkdir()
    assert main(["analyze", str(folder), "--engine", "spark"]) == 2
    assert "needs --engine duckdb" in capsys.readouterr().err
