"""Benchmark: the DuckDB engine on a large Parquet log (time and peak memory), and on the
5-million-event benchmark log against the numpy engine (every figure equal?).

    .venv/bin/python benchmarks/bench_duckdb.py [PARQUET] [--events 100000000]
        [--cases 2000000] [--repeat 3] [--memory 3GB] [--compare-5m]

Without PARQUET a log of --events / --cases is generated with `gen_100m.py` into a temp dir
(about 0.75 GB per 100 million events; it takes about a minute). Each run is a fresh child
process: its wall time (load + every metric, as `cxmapper analyze --engine duckdb` computes
them) and its own peak resident memory (VmHWM, which includes DuckDB's buffers) are printed.
--compare-5m also generates the 5 M events / 200 k cases log of `bench_analysis.py` and checks
that `analyze --json` is identical for both engines (the `engine` key aside) on Parquet and CSV.
Targets (issue 16): 100 M events / 2 M cases in < 60 s with a peak < 4 GB on 2 cores. Each run
also prints its CPU seconds and the load average: on a shared machine the wall time follows
the load, the CPU time much less.

Where the time goes (per-query wall times, 20 M events / 400 k cases; shares of the total):
before, the validation scan (trimming every case id) ~9 %, the second grouping by case id
~2 %, the per-case window sort ~22 %, the (touchpoint, case) table ~9 %, the transition sums
with `count(DISTINCT cid)` ~11 %, three order-statistics query pairs (pick + count) ~26 %,
the funnel's one join per step ~14 %. After: validation and case map are one grouping (~5 %),
the window 26-34 % (it no longer counts the case length), distinct cases per transition ~13 %,
the order statistics are three list `quantile_disc` picks and one counting pass (14-20 %).
At 100 M events / 2 M cases (CPU seconds per query, one process; shares of the CPU time):
before, the step table (40 bytes per event, ~4 GB in memory) outgrew the 3 GB limit and every
pass read it back from the spill directory: the 25 funnel steps (one scan of the step table
each) 32 % (99 of 308 s), the window 20 %, the (touchpoint, case) table 10 %, distinct cases per
transition 10 %, order statistics 18 %. After (narrow types, no per-event case length, the
tables kept compressed in a database file in the spill directory: ~15 bytes per event; the
funnel reads a copy of its steps' events sorted by step): 189 s of CPU, the window 28 %, the
(touchpoint, case) table 12 %, distinct cases 11 %, order statistics 19 %, the funnel 15 %
(29 s), validation 5 %. What is left is the window's sort and three groupings by case.
Order statistics from buckets (`duck.buckets`): one pass counts the step durations per
(transition, 1/128-of-a-power-of-two bucket), a second fetches only the buckets holding the ranks
a median or p90 reads; at 20 M events (CPU seconds, one process, load 5-13 from other jobs) the
order statistics went from ~4.1 s (18 %: three `quantile_disc` picks and a counting pass) to
~1.4 s (7 %), the total from 22.2-22.4 s to 18.8-19.7 s. Now: the window 36 %, the funnel 16 %,
the (touchpoint, case) table 15 %, distinct cases per transition 12 %, validation 6 %. At 100 M
(four interleaved pairs, load 4-13): CPU 106-114 s instead of 124-130 s, peak 3,377-3,565 MB
instead of 3,352-3,641 MB (no change); wall times at that load (118-509 s / 125-569 s) say
little about a quiet machine (the old code's 124-130 s of CPU here against 189-195 s
measured before: compare CPU only within one interleaved series).
Tried and dropped (no gain measured at 20 M): one grouping by (case, transition) for the
distinct cases, the sums and the (touchpoint, case) table (4.8 s against 4.5 s for the two
it replaces); first/last-occurrence bitmasks as window aggregates in the window pass
(+3.5-3.9 s, more than the grouping they replace); the funnel reading the step table per step
instead of a sorted copy (same CPU); cases numbered densely so the distinct key is an INTEGER
(within the noise). Writing the step table compressed costs ~2.5 s of the window's 6.8 s at
20 M but keeps 100 M events under the memory limit.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

CHILD = r"""
import json, os, sys, time
engine, path = sys.argv[1], sys.argv[2]
t0 = time.perf_counter()
from cxmapper.analysis.dataset_ref import FileRef
from cxmapper.analysis.report import analyze, to_json_dict
report = analyze(FileRef(path), engine=engine)
seconds = time.perf_counter() - t0
data = to_json_dict(report)
if len(sys.argv) > 3:
    data.pop("engine")
    with open(sys.argv[3], "w") as fh:
        json.dump(data, fh, sort_keys=True)
with open("/proc/self/status") as fh:
    hwm = next(line for line in fh if line.startswith("VmHWM:"))
import resource
usage = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({"seconds": seconds, "cpu": usage.ru_utime + usage.ru_stime,
                  "load": os.getloadavg()[0], "peak_mb": int(hwm.split()[1]) / 1024,
                  "events": report.n_events, "cases": report.n_cases,
                  "transitions": len(report.transitions)}))
"""


def run_child(engine: str, path: Path, memory: str, out: Path | None = None) -> dict[str, Any]:
    root = Path(__file__).resolve().parents[1]
    env = {**os.environ, "CXMAPPER_DUCKDB_MEMORY": memory, "PYTHONPATH": str(root)}
    args = [sys.executable, "-c", CHILD, engine, str(path)] + ([str(out)] if out else [])
    proc = subprocess.run(args, capture_output=True, text=True, cwd=root, env=env, check=False)
    if proc.returncode != 0:
        raise SystemExit(proc.stderr)
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def compare_5m(directory: Path, memory: str) -> None:
    sys.path.insert(0, str(Path(__file__).parent))
    from bench_analysis import generate

    csv_path, pq_path = generate(directory, 5_000_000, 200_000, 25)
    for label, path in (("Parquet", pq_path), ("CSV", csv_path)):
        outs = {}
        for engine in ("numpy", "duckdb"):
            outs[engine] = directory / f"{engine}-{label}.json"
            r = run_child(engine, path, memory, outs[engine])
            print(f"5M {label:8s} {engine:7s} {r['seconds']:6.1f}s  peak {r['peak_mb']:,.0f} MB")
        same = outs["numpy"].read_bytes() == outs["duckdb"].read_bytes()
        print(f"5M {label}: analyze --json identical for numpy and duckdb: {same}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("parquet", type=Path, nargs="?")
    parser.add_argument("--events", type=int, default=100_000_000)
    parser.add_argument("--cases", type=int, default=2_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--memory", default="3GB", help="DuckDB memory limit (default 3GB)")
    parser.add_argument("--compare-5m", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="cx-bench-duckdb-") as tmp:
        if args.compare_5m:
            compare_5m(Path(tmp), args.memory)
        path = args.parquet
        if path is None:
            sys.path.insert(0, str(Path(__file__).parent))
            from gen_100m import generate

            path = Path(tmp) / "events.parquet"
            t = time.perf_counter()
            generate(path, args.events, args.cases, 25, 100_000)
            print(
                f"generated {path.stat().st_size / 1e6:,.0f} MB in {time.perf_counter() - t:.0f}s"
            )
        runs = [run_child("duckdb", path, args.memory) for _ in range(args.repeat)]
        for r in runs:
            print(
                f"duckdb {r['events']:,} events / {r['cases']:,} cases: {r['seconds']:.1f}s "
                f"(CPU {r['cpu']:.0f}s, load average {r['load']:.1f} at the end), "
                f"peak {r['peak_mb']:,.0f} MB (memory limit {args.memory}), "
                f"{r['transitions']} transitions"
            )
        secs = sorted(r["seconds"] for r in runs)
        peaks = sorted(r["peak_mb"] for r in runs)
        print(
            f"range over {len(runs)} runs: {secs[0]:.1f}-{secs[-1]:.1f}s, "
            f"peak {peaks[0]:,.0f}-{peaks[-1]:,.0f} MB"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
