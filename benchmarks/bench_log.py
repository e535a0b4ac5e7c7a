"""What the analysis benchmarks share: the generated log, its options, and the child process.

`bench_analysis.py` and `bench_money.py` (and `bench_duckdb.py`'s 5 M comparison) measure the
same deterministic clickstream-like log, so it is generated here once, with the same
command-line options everywhere (`--events`, `--cases`, `--touchpoints`, `--data-dir` to keep
and reuse the files). Each measurement runs in a fresh child process (`run_child`), which
prints its figures as one JSON line last, so a parent's memory and imports never count.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bytecode import precompile

ROOT = Path(__file__).resolve().parents[1]


def add_log_options(parser: argparse.ArgumentParser) -> None:
    """The options that size the generated log and say where to keep it."""
    parser.add_argument("--events", type=int, default=5_000_000)
    parser.add_argument("--cases", type=int, default=None, help="default: events / 25")
    parser.add_argument("--touchpoints", type=int, default=25)
    parser.add_argument(
        "--data-dir", type=Path, default=None, help="keep/reuse the generated files here"
    )


def n_cases(args: argparse.Namespace) -> int:
    return int(args.cases or max(1, args.events // 25))


@contextmanager
def log_files(args: argparse.Namespace) -> Iterator[tuple[Path, Path]]:
    """The log as CSV and Parquet (generated unless both are in `--data-dir`), the package
    compiled to bytecode first (`bytecode.precompile`); a temporary directory goes at exit."""
    precompile()
    with tempfile.TemporaryDirectory() as tmp:
        directory = args.data_dir or Path(tmp)
        directory.mkdir(parents=True, exist_ok=True)
        csv_path, pq_path = directory / "events.csv", directory / "events.parquet"
        t = time.perf_counter()
        if args.data_dir is None or not (csv_path.exists() and pq_path.exists()):
            csv_path, pq_path = generate(directory, args.events, n_cases(args), args.touchpoints)
        print(
            f"data {args.events:,} events / {n_cases(args):,} cases ready in "
            f"{time.perf_counter() - t:.1f}s (CSV {csv_path.stat().st_size / 1e6:.0f} MB, "
            f"Parquet {pq_path.stat().st_size / 1e6:.0f} MB)"
        )
        yield csv_path, pq_path


def run_child(code: str, *args: str) -> dict:
    """Run `code` in a fresh interpreter from the repository root; its last line of output,
    as JSON. A failing child ends the benchmark with the child's error output."""
    proc = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    if proc.returncode != 0:
        raise SystemExit(proc.stderr)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def generate(
    directory: Path, n_events: int, n_cases: int, n_tp: int, seed: int = 42
) -> tuple[Path, Path]:
    """`n_events` events of `n_cases` cases over `n_tp` touchpoints, time-sorted, as
    events.csv and events.parquet in `directory` (the same files for the same arguments)."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.csv as pacsv
    import pyarrow.parquet as pq

    rng = np.random.default_rng(seed)
    # Each case walks forward through touchpoints with some repeats and back-steps.
    case = rng.integers(0, n_cases, n_events)
    step = rng.choice([-1, 0, 1, 1, 1, 2], size=n_events)
    order = np.argsort(case, kind="stable")
    case_sorted = case[order]
    starts = np.r_[True, case_sorted[1:] != case_sorted[:-1]]
    walk = np.cumsum(step[order])
    walk -= np.maximum.accumulate(np.where(starts, walk, np.iinfo(np.int64).min))
    tp_sorted = np.clip(walk + rng.integers(0, 3, n_events)[order] * starts, 0, n_tp - 1)
    tp = np.empty_like(tp_sorted)
    tp[order] = tp_sorted
    t0 = 1_704_067_200  # 2024-01-01
    case_start = rng.integers(0, 180 * 86400, n_cases)
    gap = rng.exponential(300, n_events).astype(np.int64)
    offset_sorted = np.cumsum(gap[order])
    offset_sorted -= np.maximum.accumulate(np.where(starts, offset_sorted, 0))
    seconds = np.empty_like(offset_sorted)
    seconds[order] = offset_sorted + case_start[case_sorted]
    global_order = np.argsort(seconds, kind="stable")  # exports are usually time-sorted
    names = np.asarray([f"touchpoint_{i:02d}" for i in range(n_tp)], dtype=object)
    channels = np.asarray(["web", "app", "email", "store"], dtype=object)
    table = pa.table(
        {
            "user_id": pa.array([f"u{c:07d}" for c in case[global_order]]),
            "event_name": pa.array(names[tp[global_order]].tolist()),
            "timestamp": pa.array(
                (seconds[global_order] + t0) * 1_000_000_000, pa.timestamp("ns", "UTC")
            ),
            "channel": pa.array(channels[case[global_order] % 4].tolist()),
        }
    )
    csv_path = directory / "events.csv"
    pq_path = directory / "events.parquet"
    pacsv.write_csv(table, csv_path)
    pq.write_table(table, pq_path, compression="zstd")
    return csv_path, pq_path
