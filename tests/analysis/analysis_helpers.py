"""Shared data for the analysis tests (a module, not conftest, so test files can import it)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from cxmapper.analysis.readers import EventLog, read_events

SHARED_DATA = Path(__file__).resolve().parents[3] / "shared" / "data"

# Hand-computed reference log (minutes after 2024-03-01 09:00 UTC); X matches no touchpoint.
SMALL_ROWS = [
    ("c1", "A", 0),
    ("c2", "A", 0),
    ("c1", "B", 10),
    ("c3", "A", 0),
    ("c2", "B", 5),
    ("c2", "A", 6),
    ("c3", "A", 2),
    ("c2", "B", 8),
    ("c1", "C", 20),
    ("c4", "B", 0),
    ("c4", "X", 1),
    ("c4", "C", 3),
]


def small_csv_text() -> str:
    base = pd.Timestamp("2024-03-01 09:00", tz="UTC")
    lines = ["case_id,event,timestamp,channel"]
    for case, act, minute in SMALL_ROWS:
        ts = (base + pd.Timedelta(minutes=minute)).strftime("%Y-%m-%dT%H:%M:%SZ")
        lines.append(f"{case},{act},{ts},{'web' if case in ('c1', 'c2') else 'app'}")
    return "\n".join(lines) + "\n"


def _need(name: str) -> Path:
    path = SHARED_DATA / name
    if not path.is_file():
        pytest.skip(f"real event log {path} not available")
    return path


_CACHE: dict[tuple[str, str], EventLog] = {}


def real_log(name: str, lifecycle: str = "complete") -> EventLog:
    """Each real log is parsed once per test session (bpic2012 takes a few seconds)."""
    key = (name, lifecycle)
    if key not in _CACHE:
        _CACHE[key] = read_events(_need(name), lifecycle=lifecycle)
    return _CACHE[key]
