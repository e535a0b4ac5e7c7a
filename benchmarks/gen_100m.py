"""Generate a large clickstream-like event log as Parquet, one chunk of cases at a time.

    .venv/bin/python benchmarks/gen_100m.py OUT.parquet [--events 100000000] [--cases 2000000]
        [--touchpoints 25] [--chunk-cases 100000] [--seed 42]

Why chunks: 100 million events would take ~10 GB as Python objects; each chunk of cases
(about 5 million events at the defaults) is generated, written as row groups and dropped, so
the generator stays under ~1 GB whatever the total. Within a chunk the events are sorted by
time, so cases interleave as in an export; chunks hold disjoint cases (an export in batches).
Each case walks forward through the touchpoints with repeats and back-steps, as in
`bench_analysis.py`; case ids and event names are dictionary-encoded strings, timestamps UTC
microseconds, plus a 4-valued channel. Deterministic for a given seed.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

T0_US = 1_704_067_200 * 1_000_000  # 2024-01-01 UTC
ROW_GROUP = 1_000_000


def chunk_table(
    rng: np.random.Generator, first_case: int, n_cases: int, mean_events: float, n_tp: int
) -> pa.Table:
    """`n_cases` cases (ids from `first_case`) of about `mean_events` events each."""
    lengths = np.maximum(rng.poisson(mean_events, n_cases), 1)
    n = int(lengths.sum())
    case = np.repeat(np.arange(n_cases, dtype=np.int32), lengths)  # grouped by case
    starts = np.zeros(n, dtype=bool)
    starts[np.concatenate(([0], np.cumsum(lengths)[:-1]))] = True
    step = rng.choice(np.asarray([-1, 0, 1, 1, 1, 2], dtype=np.int64), size=n)
    walk = np.cumsum(step)
    walk -= np.maximum.accumulate(np.where(starts, walk, np.iinfo(np.int64).min))
    tp = np.clip(walk + rng.integers(0, 3, n) * starts, 0, n_tp - 1).astype(np.int32)
    gap = rng.exponential(300e6, n).astype(np.int64)  # µs between a case's events
    gap[starts] = 0
    offset = np.cumsum(gap)
    offset -= np.maximum.accumulate(np.where(starts, offset, 0))
    case_start = rng.integers(0, 180 * 86_400 * 1_000_000, n_cases)
    us = T0_US + case_start[case] + offset
    order = np.argsort(us, kind="stable")  # time-sorted within the chunk: cases interleave
    labels = pa.array([f"u{c:08d}" for c in range(first_case, first_case + n_cases)])
    names = pa.array([f"touchpoint_{i:02d}" for i in range(n_tp)])
    channels = pa.array(["web", "app", "email", "store"])
    case_o = case[order]
    return pa.table(
        {
            "user_id": pa.DictionaryArray.from_arrays(pa.array(case_o), labels),
            "event_name": pa.DictionaryArray.from_arrays(pa.array(tp[order]), names),
            "timestamp": pa.array(us[order], pa.timestamp("us", "UTC")),
            "channel": pa.DictionaryArray.from_arrays(pa.array(case_o % 4), channels),
        }
    )


def generate(
    out: Path, n_events: int, n_cases: int, n_tp: int, chunk_cases: int, seed: int = 42
) -> int:
    """Write the log; returns the number of events written (about `n_events`)."""
    rng = np.random.default_rng(seed)
    mean = n_events / n_cases
    written = 0
    writer: pq.ParquetWriter | None = None
    try:
        for first in range(0, n_cases, chunk_cases):
            table = chunk_table(rng, first, min(chunk_cases, n_cases - first), mean, n_tp)
            if writer is None:
                writer = pq.ParquetWriter(out, table.schema, compression="zstd")
            writer.write_table(table, row_group_size=ROW_GROUP)
            written += table.num_rows
    finally:
        if writer is not None:
            writer.close()
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--events", type=int, default=100_000_000)
    parser.add_argument("--cases", type=int, default=2_000_000)
    parser.add_argument("--touchpoints", type=int, default=25)
    parser.add_argument("--chunk-cases", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    t = time.perf_counter()
    n = generate(args.out, args.events, args.cases, args.touchpoints, args.chunk_cases, args.seed)
    print(
        f"{args.out}: {n:,} events / {args.cases:,} cases in {time.perf_counter() - t:.0f}s, "
        f"{args.out.stat().st_size / 1e6:,.0f} MB"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
