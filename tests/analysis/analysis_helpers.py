"""Shared data for the analysis tests (a module, not conftest, so test files can import it)."""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path

import numpy as np
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


def random_log(
    rng: np.random.Generator, n_cases: int, n_names: int, max_events: int, gaps: list[int]
) -> pd.DataFrame:
    """Cases of 1..max_events events named e0..e{n_names-1}, seconds apart by one of `gaps`
    (0 makes ties), rows shuffled so cases interleave and time is not sorted."""
    rows = []
    for c in range(n_cases):
        t = int(rng.integers(0, 10_000))
        for _ in range(int(rng.integers(1, max_events + 1))):
            t += int(rng.choice(gaps))
            rows.append((f"c{c}", f"e{int(rng.integers(0, n_names))}", t))
    order = rng.permutation(len(rows))
    frame = pd.DataFrame([rows[i] for i in order], columns=["case", "event", "ts"])
    frame["ts"] = pd.to_datetime(frame["ts"], unit="s", utc=True)
    return frame


def first_seen_reference(frame: pd.DataFrame) -> dict[str, tuple[int, int, float]]:
    """Per event name of a `random_log`: (reach, events, median relative first position), by a
    per-case loop: position in the case (time, then file order) / (case length - 1)."""
    firsts: dict[str, list[float]] = {}
    for _, events in frame.sort_values("ts", kind="stable").groupby("case", sort=False):
        names = events["event"].tolist()
        span = max(len(names) - 1, 1)
        for name in dict.fromkeys(names):  # each name once, at its first index
            firsts.setdefault(name, []).append(names.index(name) / span)
    counts = frame["event"].value_counts()
    return {n: (len(v), int(counts[n]), float(np.median(v))) for n, v in firsts.items()}


def _need(name: str) -> Path:
    path = SHARED_DATA / name
    if not path.is_file():
        pytest.skip(f"real event log {path} not available")
    return path


_CACHE: dict[tuple[str, str], EventLog] = {}
#: The folder of this test session that every xdist worker sees (`share_parsed_logs`), if set.
_SHARED_DIR: list[Path] = []


def share_parsed_logs(folder: Path) -> None:
    """Parsed real logs are also pickled into `folder` (this session's own temporary root), so
    a second worker loads what the first parsed: BPIC 2012 takes ~6 s to parse per lifecycle
    rule, and the in-memory engines' real-log tests and the Spark ones run on different
    workers. A new session has a new folder, so nothing parsed by older code is ever read."""
    _SHARED_DIR[:] = [folder]


def _parse(path: Path, lifecycle: str) -> EventLog:
    if not _SHARED_DIR:
        return read_events(path, lifecycle=lifecycle)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    cached = _SHARED_DIR[0] / f"{path.name}.{lifecycle}.{digest}.pickle"
    if cached.is_file():
        with cached.open("rb") as f:
            log: EventLog = pickle.load(f)
        return log
    log = read_events(path, lifecycle=lifecycle)
    partial = cached.with_suffix(f".{os.getpid()}.part")
    with partial.open("wb") as f:
        pickle.dump(log, f, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(partial, cached)  # whole or absent for the other worker
    return log


def real_log(name: str, lifecycle: str = "complete") -> EventLog:
    """Each real log is parsed once per test session (bpic2012 takes a few seconds)."""
    key = (name, lifecycle)
    if key not in _CACHE:
        _CACHE[key] = _parse(_need(name), lifecycle)
    return _CACHE[key]
