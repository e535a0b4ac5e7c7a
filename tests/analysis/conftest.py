"""Fixtures for the analysis tests: tiny hand-made logs and writers for fixture files."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from analysis_helpers import share_parsed_logs, small_csv_text

from cxmapper.analysis.matching import JourneySpec, TouchpointSpec
from cxmapper.analysis.readers import EventLog, read_events


@pytest.fixture(scope="session", autouse=True)
def _parsed_logs_folder(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The session's temporary root, shared by its xdist workers (each has a folder in it)."""
    root = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent
    folder = root / "parsed-real-logs"
    folder.mkdir(exist_ok=True)
    share_parsed_logs(folder)


@pytest.fixture
def small_log(tmp_path: Path) -> EventLog:
    path = tmp_path / "small.csv"
    path.write_text(small_csv_text(), encoding="utf-8")
    return read_events(path)


@pytest.fixture
def small_spec() -> JourneySpec:
    return JourneySpec(
        touchpoints=[
            TouchpointSpec("tA", "Awareness", 0, match_events=["A"]),
            TouchpointSpec("tB", "Browse", 1, match_patterns=["b*"]),
            TouchpointSpec("tC", "Checkout", 2, match_events=["C"], is_goal=True),
        ],
        connectors=[("tA", "tB"), ("tB", "tC"), ("tA", "tC")],
    )


@pytest.fixture
def write(tmp_path: Path) -> Callable[..., Path]:
    """write(name, text_or_bytes, encoding='utf-8') -> Path"""

    def _write(name: str, data: str | bytes, encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        if isinstance(data, str):
            path.write_bytes(data.encode(encoding))
        else:
            path.write_bytes(data)
        return path

    return _write


def _in_spark_group(item: pytest.Item) -> bool:
    return any(m.args[:1] == ("spark",) for m in item.iter_markers("xdist_group"))


def _set_codegen(mode: str) -> None:
    """`spark.sql.codegen.factoryMode` of the running session; nothing before one is started."""
    if "pyspark" not in sys.modules:
        return
    from pyspark.sql import SparkSession

    session = SparkSession.getActiveSession()
    if session is not None:
        session.conf.set("spark.sql.codegen.factoryMode", mode)


@pytest.fixture(autouse=True)
def _spark_codegen(request: pytest.FixtureRequest) -> Iterator[None]:
    """Spark tests on hand-made logs (a few to a few hundred events) evaluate expressions
    interpreted, with no Java generated and compiled per query: a report costs about a third
    less JVM time (issue 18, measured on the 2-core machine). The real-log ones (marked slow:
    262,200 events of BPIC 2012) keep Spark's default, as interpreting made their report take
    several times longer. The answers are the same either way, and each test asserts them."""
    if not _in_spark_group(request.node):
        yield
        return
    _set_codegen("FALLBACK" if request.node.get_closest_marker("slow") else "NO_CODEGEN")
    yield
    _set_codegen("NO_CODEGEN")
