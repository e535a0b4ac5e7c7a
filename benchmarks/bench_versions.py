"""Versions, diffs and the change log on the big journey (2,000 touchpoints, 3,000 connectors,
built as bench_canvas.py builds it).

Run: .venv/bin/python benchmarks/bench_versions.py [--runs N] [--edits N]
Targets (issue 14): saving a version < 0.5 s, a diff < 0.2 s, the median committed edit
< 5 ms with the change log on. Prints, over the runs: saving a version; the diff of that
version against now after 60 edits (20 renamed, 20 moved to another stage, 20 removed: both
states read, then compared) and of two saved versions; restoring a version; and each
committed edit of a mixed scripted sequence (rename, move to another stage, add a connector,
remove it, change an emotion), each its own transaction with its change-log entries.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_canvas import build

from cxmapper.model.persistence import log_store
from cxmapper.model.versions import CURRENT, find_version, restore_version, save_version
from cxmapper.model.versions_diff import compare
from cxmapper.model.workspace import Workspace

CPU: list[float] = []  # process time of each `timed` call, beside its wall time


def timed(fn: Callable[..., object], *args: Any, **kw: Any) -> float:
    """Wall seconds of fn(*args, **kw); its CPU seconds go to CPU (on a shared machine the
    wall time includes waiting for a core and for the disk)."""
    c0, t0 = time.process_time(), time.perf_counter()
    fn(*args, **kw)
    CPU.append(time.process_time() - c0)
    return time.perf_counter() - t0


def commit_floor(folder: Path, n: int) -> float:
    """Median seconds of a one-row commit in a scratch SQLite file with the workspace's
    durability settings (WAL, synchronous=FULL): the disk's share of any committed edit."""
    conn = sqlite3.connect(folder / "floor.db", isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("CREATE TABLE t (x INTEGER)")
    out = []
    for i in range(n):
        t0 = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO t VALUES (?)", (i,))
        conn.execute("COMMIT")
        out.append(time.perf_counter() - t0)
    conn.close()
    return statistics.median(out)


def edits(ws: Workspace, journey_id: str, n: int) -> list[float]:
    """n committed edits of a mixed sequence; the wall seconds each took."""
    tps, stages = ws.touchpoints(journey_id), ws.stages(journey_id)
    out: list[float] = []
    link = None
    for i in range(n):
        t = tps[100 + i % 1500]
        kind = i % 5
        if kind == 0:
            out.append(timed(ws.update, "touchpoint", t.id, title=f"{t.title} #{i}"))
        elif kind == 1:
            s = stages[(i // 5) % len(stages)]
            out.append(timed(ws.move_touchpoints, [t.id], s.id, t.lane_id, 0))
        elif kind == 2:
            c0, t0 = time.process_time(), time.perf_counter()
            link = ws.add_connector(t.id, tps[100 + (i + 7) % 1500].id)
            CPU.append(time.process_time() - c0)
            out.append(time.perf_counter() - t0)
        elif kind == 3 and link is not None:
            out.append(timed(ws.remove, "connector", link.id))
        else:
            out.append(timed(ws.update, "touchpoint", t.id, emotion=(i % 5) - 2))
    return out


def one_run(n_edits: int) -> dict[str, tuple[float, float]]:
    """name -> (wall seconds, CPU seconds)."""
    res: dict[str, tuple[float, float]] = {}

    def measure(name: str, fn: Callable[..., object], *args: Any) -> None:
        CPU.clear()
        res[name] = (timed(fn, *args), CPU[0])

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.cxmap"
        journey_id = build(path)
        ws = Workspace.open(path)
        try:
            measure("save a version", save_version, ws, journey_id, "As-is")
            tps, stages = ws.touchpoints(journey_id), ws.stages(journey_id)
            for t in tps[:20]:
                ws.update("touchpoint", t.id, title=t.title + " (new)")
            for t in tps[20:40]:
                other = next(s for s in stages if s.id != t.stage_id)
                ws.move_touchpoints([t.id], other.id, t.lane_id, 0)
            ws.remove_many("touchpoint", [t.id for t in tps[40:60]])
            found = []
            measure("diff: version against now", lambda: found.append(
                compare(ws, journey_id, "As-is", CURRENT)))  # fmt: skip
            measure("save a second version", save_version, ws, journey_id, "To-be")
            measure("diff: two versions", lambda: found.append(
                compare(ws, journey_id, "As-is", "To-be")))  # fmt: skip
            assert len(found[0].differences) == len(found[1].differences)
            for log in ("on", "off"):
                CPU.clear()
                if log == "on":
                    walls = edits(ws, journey_id, n_edits)
                else:
                    with no_change_log(ws):
                        walls = edits(ws, journey_id, n_edits)
                res[f"committed edit, log {log} (median)"] = (
                    statistics.median(walls), statistics.median(CPU))  # fmt: skip
            floor = commit_floor(Path(tmp), n_edits)
            res["a bare one-row commit (median)"] = (floor, 0.0)
            as_is = find_version(ws, journey_id, "As-is")
            measure("restore a version", restore_version, ws, as_is.id)
            res["(differences found)"] = (float(len(found[0].differences)), 0.0)
        finally:
            ws.close()
    return res


@contextmanager
def no_change_log(ws: Workspace) -> Iterator[None]:
    """The same edits with the change log switched off: what the log itself costs."""
    append, rows = log_store.append, ws._audit.rows
    log_store.append = lambda store, rows: 0
    ws._audit.rows = lambda *a: []  # type: ignore[method-assign]
    try:
        yield
    finally:
        log_store.append = append
        ws._audit.rows = rows  # type: ignore[method-assign]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--edits", type=int, default=200)
    args = parser.parse_args()
    runs = [one_run(args.edits) for _ in range(args.runs)]
    for name in runs[0]:
        if name.startswith("("):
            print(f"{name}: {', '.join(str(int(r[name][0])) for r in runs)}")
            continue
        wall = [r[name][0] * 1000 for r in runs]
        cpu = [r[name][1] * 1000 for r in runs]
        text = f"{name}: {min(wall):.1f}-{max(wall):.1f} ms"
        if max(cpu):
            text += f" (CPU {min(cpu):.1f}-{max(cpu):.1f} ms)"
        print(f"{text} over {args.runs} runs")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
