"""Every test in this folder runs once per registered engine (`engines.names()`)."""

from __future__ import annotations

from pathlib import Path

import pytest
from analysis_helpers import small_csv_text

from cxmapper.analysis import engines
from cxmapper.analysis.dataset_ref import FileRef


@pytest.fixture(params=engines.names())
def engine(request: pytest.FixtureRequest) -> engines.AnalysisEngine:
    return engines.get(request.param)


@pytest.fixture
def small_ref(tmp_path: Path) -> FileRef:
    """The hand-computed 4-case log (`analysis_helpers.SMALL_ROWS`) as a CSV file."""
    path = tmp_path / "small.csv"
    path.write_text(small_csv_text(), encoding="utf-8")
    return FileRef(path)
