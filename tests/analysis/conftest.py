"""Fixtures for the analysis tests: tiny hand-made logs and writers for fixture files."""

from __future__ import annotations

from pathlib import Path

import pytest
from analysis_helpers import small_csv_text

from cxmapper.analysis.matching import JourneySpec, TouchpointSpec
from cxmapper.analysis.readers import EventLog, read_events


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
def write(tmp_path: Path):
    """write(name, text_or_bytes, encoding='utf-8') -> Path"""

    def _write(name: str, data: str | bytes, encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        if isinstance(data, str):
            path.write_bytes(data.encode(encoding))
        else:
            path.write_bytes(data)
        return path

    return _write
