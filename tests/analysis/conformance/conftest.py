"""Every test in this folder runs once per registered engine (`engines.names()`).

The Spark engine's runs share one worker (xdist_group "spark", like the other Spark tests, so
the suite starts one SparkSession) and skip cleanly where pyspark or Java is missing."""

from __future__ import annotations

from pathlib import Path

import pytest
from analysis_helpers import small_csv_text

from cxmapper.analysis import engines
from cxmapper.analysis.dataset_ref import FileRef
from cxmapper.analysis.engines.spark_summary import spark_available


def _param(name: str) -> object:
    if name != "spark":
        return name
    why = spark_available()
    marks = [
        pytest.mark.xdist_group("spark"),
        pytest.mark.skipif(why is not None, reason=why or ""),
    ]
    return pytest.param(name, marks=marks)


@pytest.fixture(params=[_param(n) for n in engines.names()])
def engine(request: pytest.FixtureRequest) -> engines.AnalysisEngine:
    return engines.get(request.param)


@pytest.fixture
def small_ref(tmp_path: Path) -> FileRef:
    """The hand-computed 4-case log (`analysis_helpers.SMALL_ROWS`) as a CSV file."""
    path = tmp_path / "small.csv"
    path.write_text(small_csv_text(), encoding="utf-8")
    return FileRef(path)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The real-log tests of the in-process engines on one worker: each worker that runs one
    parses bpic2012 (twice) and runs pm4py on it, so spread over two workers they cost double.
    (Spark's runs keep their own group, "spark".)"""
    for item in items:
        if item.path.name == "test_conformance_real_logs.py" and not any(
            item.iter_markers("xdist_group")
        ):
            item.add_marker(pytest.mark.xdist_group("real_logs"))
