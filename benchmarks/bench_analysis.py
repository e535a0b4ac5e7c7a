"""Benchmark: import + all journey metrics vs. a bare pyarrow CSV read, with peak memory.

    .venv/bin/python benchmarks/bench_analysis.py [--events N] [--cases N] [--touchpoints N]
        [--repeat N] [--data-dir DIR]

Generates a deterministic clickstream-like log (globally time-sorted, cases interleaved) as CSV
and Parquet in a temp dir. Each measurement runs in a fresh child process and reports that
process's own peak resident memory (Linux VmHWM; pyarrow allocations are invisible to
tracemalloc, and ru_maxrss would include the generating parent's peak, inherited across exec).
Targets (issue 18): CSV import + metrics at most 2x the bare read and at least 1.5x faster than
the DuckDB query below, in the same run; peak memory at most 0.8 GB; Parquet input at most 1.5x
its bare read. Printed twice: "cold"
(each side in a fresh process, library imports included: pandas alone takes ~0.22 s to import)
and "warm" (libraries loaded first, as in the running app). Bare and full runs alternate, and
the ratio of the fastest runs is printed next to the ratio of the medians.

Issue 18 adds, interleaved with the above: the DuckDB query an SQL analyst would write over the
same CSV (a lead() window per case, then group-bys for directly-follows counts and mean
durations, start and end activities, and the case count) and a bare pyarrow Parquet read, with
the ratios "CSV speed-up over DuckDB query" and "Parquet ratio to its bare read".

Where the time goes (5 M events, warm, each function timed with perf_counter; the 2-core machine
was shared with other jobs, so the figures are from its quietest minutes and only roughly fair):

- Before (ae64cc2), CSV: the pyarrow read with the mapped text columns dictionary-encoded costs
  about the bare read (~1.2 s); its conversion to pandas 0.3-0.4 s; `normalise` 0.3 s, nearly
  all of it `readers._is_text` walking the 200 k case ids one by one through Arrow's iterator
  (pandas' "str" dtype reports kind "O") plus pandas' missing and range masks on the already
  parsed timestamps; metrics 0.5-0.9 s: the case sort, touchpoint grouping and stage order on
  the main thread (0.35 s of CPU), the step sorts on the worker thread (0.3 s), funnel 0.08 s,
  the tables < 0.05 s each. Parquet: read 0.1-0.2 s, `to_pandas` of the case-id dictionary
  0.2-0.4 s (half of the import), `normalise` 0.2 s, metrics ~0.5 s.
- After: `normalise` 0.04 s (text categories recognised by their dtype; timestamps checked with
  one min and max, the masks only to name a bad row); Parquet dictionary columns converted as
  the CSV's are (`rawtables._categorical`, half the time of `to_pandas`); the metrics take the
  same time and about 50 MB less memory (the timestamp column read in place instead of an
  `as_unit` copy, the case permutation and run starts int32). What remains is the threaded
  CSV read itself (~70 % of the run) and the metrics (~30 %); the peak (~0.8 GB) is the threaded
  read's, which holds much of the file ahead of its parsers. A streaming read (`open_csv`)
  halves that peak but parses on one thread: slower on a quiet machine, so not used.
- Parquet, before (ed33bcb; best of 5 at load ~5, metrics as CPU seconds with the worker's
  jobs run inline so that they count): Arrow's threaded read with dictionaries 0.34 s (the
  bare read of plain strings 0.77 s in the same minutes), the conversion to pandas 0.22 s, of
  which `unify_dictionaries` of the case ids 0.16: `read_table` returns 39 batches of ~128k
  rows and every batch repeats its row group's 42k case ids, each copy hashed again; the
  rest of the import 0.04 s. Metrics 0.65 s of CPU:
  the case sort and its gathers 0.14, the step work 0.19 (steps 0.04, per-pair duration sort
  0.05, distinct (case, pair) sort 0.06, quantiles 0.04), stage order 0.08, touchpoint
  grouping 0.065 (a uint8 radix argsort, 0.06 of it), funnel 0.05, the tables 0.04. With the
  worker thread the two halves after the case sort are balanced (~0.19 s each).
- Parquet, after (0f5db12 and the next commit): each distinct dictionary is unified once and
  the batches' indices mapped by one numpy take (`dictcodes`: case ids 0.20 -> 0.10 s), the
  case-id column converts on a worker thread while the main thread converts the rest, every
  grouping whose (code, position) fits in 31 bits sorts int32 keys (touchpoint grouping 25 ms
  instead of the radix argsort's 60), and a cold run no longer imports the XES reader (urllib,
  ssl) or the model's entities (module imports 0.465-0.500 s of CPU -> 0.449-0.480 s).
  Old and new alternating in one process 10 times at load 10-13 (so only the CPU figures mean
  much): `read_events` of the Parquet file 0.39-0.72 s of CPU -> 0.30-0.64 s (of the CSV
  unchanged: 1.18-2.22 -> 1.19-1.42), `analyze` 0.73-1.35 s of CPU -> 0.67-0.90 s.
  What remains is Arrow's read (about the bare read: the dictionaries save the string copies,
  decoding is the same) and ~0.6 s of CPU in the metrics, nearly all sorts and gathers over
  5 M events at memory speed, split about evenly over the two threads after the case sort;
  1.5x the bare read would leave them ~0.15 s of wall time, so that target needs less work
  per event (e.g. a sorted file skipping the case sort), not more threads.
- CSV, issue-18 check of today's merges (ed33bcb -> 21b9c0c; 5 M events, load 1.5-3, so only
  the interleaved CPU figures mean much): no regression. One process per run, old and new
  alternating 3 times: `read_events` of the CSV 1.27-2.61 s of CPU (old) vs 1.34-1.48 (new),
  `analyze` 0.73-0.89 vs 0.74-0.75. Two interleaved pairs of this benchmark (--repeat 2): CSV
  warm total 1.04-1.27 s (old) vs 1.85-1.98 s (new, in the noisiest minutes, where the DuckDB
  query also doubled to 3.4 s); speed-up over DuckDB warm 1.38-1.73x vs 1.69-1.83x, cold
  1.32-1.42x vs 1.52-2.07x. The spread between runs (DuckDB 1.65-3.46 s) is far larger than
  any code difference. Cold: the warm path still imported the numpy engine's `dataset_codec`,
  which loaded `pyarrow.parquet` with `pyarrow.fs` and ssl (~11 ms) for a CSV; it now loads
  them only to encode or decode stored data (module imports of the analyze path 0.343-0.359 s
  -> 0.333-0.345 s of CPU, 6 pairs). What remains cold is pandas (~0.24 s) and numpy (~0.10 s).
"""

from __future__ import annotations

import argparse
import statistics
from pathlib import Path

from bench_log import add_log_options, log_files, run_child
from bench_log import generate as generate  # bench_duckdb.py imports it from here

CHILD = r"""
import json, resource, sys, time
kind, path, warm = sys.argv[1], sys.argv[2], sys.argv[3] == "warm"
if warm:  # libraries already loaded, as in the running app: time only the work on the file
    if kind == "bare":
        import pyarrow.csv
    elif kind == "bare_parquet":
        import pyarrow.dataset, pyarrow.parquet  # read_table loads pyarrow.dataset lazily
    elif kind == "duckdb":
        import duckdb
    else:
        import cxmapper.analysis.readers, cxmapper.analysis.report
t0 = time.perf_counter()
if kind == "bare":
    import pyarrow.csv as pacsv
    pacsv.read_csv(path)
    out = {"read": time.perf_counter() - t0}
elif kind == "bare_parquet":
    import pyarrow.parquet as pq
    pq.read_table(path)
    out = {"read": time.perf_counter() - t0}
elif kind == "duckdb":  # the analyst's query of issue 18 (no tiebreak: ties are not stable)
    import duckdb
    con = duckdb.connect()
    src = "read_parquet" if path.endswith(".parquet") else "read_csv_auto"
    con.execute(
        "CREATE TEMP TABLE s AS SELECT user_id AS c, event_name AS a, timestamp AS t, "
        "lead(event_name) OVER w AS na, lead(timestamp) OVER w AS nt, "
        "row_number() OVER w AS rn "
        f"FROM {src}('{path}') WINDOW w AS (PARTITION BY user_id ORDER BY timestamp)"
    )
    dfg = con.execute(
        "SELECT a, na, count(*), avg(epoch(nt) - epoch(t)) FROM s WHERE na IS NOT NULL "
        "GROUP BY 1, 2"
    ).fetchall()
    con.execute("SELECT a, count(*) FROM s WHERE rn = 1 GROUP BY 1").fetchall()
    con.execute("SELECT a, count(*) FROM s WHERE na IS NULL GROUP BY 1").fetchall()
    n_cases = con.execute("SELECT count(*) FROM s WHERE rn = 1").fetchone()[0]
    out = {"read": time.perf_counter() - t0, "cases": n_cases, "transitions": len(dfg)}
else:
    from cxmapper.analysis.readers import read_events
    from cxmapper.analysis.report import analyze
    log = read_events(path)
    t1 = time.perf_counter()
    report = analyze(log)
    t2 = time.perf_counter()
    out = {"import": t1 - t0, "metrics": t2 - t1, "events": log.n_events,
           "cases": report.n_cases, "transitions": len(report.transitions)}
try:  # VmHWM is this process's own peak; ru_maxrss also keeps the parent's peak across exec
    with open("/proc/self/status") as fh:
        hwm = next(line for line in fh if line.startswith("VmHWM:"))
    out["maxrss_mb"] = int(hwm.split()[1]) / 1024
except (OSError, StopIteration):
    out["maxrss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(out))
"""


def _seconds(run: dict) -> float:
    return run.get("read", run.get("import", 0) + run.get("metrics", 0))


def interleaved(jobs: dict[str, tuple[str, Path]], repeat: int, mode: str) -> dict[str, list]:
    """`repeat` rounds of every job in turn, each round's runs side by side.

    Alternating bare and full runs spreads a noisy spell of a shared machine over both sides
    of the ratio instead of inflating one of them.
    """
    runs: dict[str, list] = {label: [] for label in jobs}
    for _ in range(repeat):
        for label, (kind, path) in jobs.items():
            runs[label].append(run_child(CHILD, kind, str(path), mode))
    return runs


def _fastest_and_median(runs: list[dict]) -> tuple[float, float]:
    times = [_seconds(r) for r in runs]
    return min(times), statistics.median(times)


def _compare(runs: dict[str, list]) -> None:
    """The issue-18 ratios: CSV vs the DuckDB query, Parquet vs its own bare read."""
    duck, duck_med = _fastest_and_median(runs["DuckDB"])
    csv, csv_med = _fastest_and_median(runs["CSV"])
    pq, pq_med = _fastest_and_median(runs["Parquet"])
    bare_pq, bare_pq_med = _fastest_and_median(runs["bare Parquet"])
    d = min(runs["DuckDB"], key=_seconds)
    print(
        f"DuckDB query (lead() per case, group-by): fastest {duck:.2f}s, median {duck_med:.2f}s, "
        f"peak {d['maxrss_mb']:.0f} MB ({d['cases']:,} cases, {d['transitions']} transitions)"
    )
    print(f"CSV speed-up over DuckDB query: {duck / csv:.2f}x (medians {duck_med / csv_med:.2f}x)")
    print(
        f"bare pyarrow.parquet.read_table: fastest {bare_pq:.2f}s, median {bare_pq_med:.2f}s; "
        f"Parquet ratio to its bare read {pq / bare_pq:.2f}x (medians {pq_med / bare_pq_med:.2f}x)"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    add_log_options(parser)
    parser.add_argument(
        "--repeat", type=int, default=3, help="interleaved rounds, best kept (default 3)"
    )
    args = parser.parse_args()
    with log_files(args) as (csv_path, pq_path):
        for mode, meaning in (
            ("cold", "fresh process: library imports count on both sides"),
            ("warm", "libraries already loaded, as in the running app"),
        ):
            print(f"-- {mode} ({meaning})")
            jobs = {"bare": ("bare", csv_path), "CSV": ("full", csv_path)}
            jobs["Parquet"] = ("full", pq_path)
            jobs["DuckDB"] = ("duckdb", csv_path)
            jobs["bare Parquet"] = ("bare_parquet", pq_path)
            runs = interleaved(jobs, args.repeat, mode)
            bare = min(runs["bare"], key=_seconds)
            bare_median = statistics.median(_seconds(r) for r in runs["bare"])
            print(
                f"bare pyarrow.csv.read_csv: {bare['read']:.2f}s, peak {bare['maxrss_mb']:.0f} MB"
            )
            for label in ("CSV", "Parquet"):
                r = min(runs[label], key=_seconds)
                total = _seconds(r)
                median = statistics.median(_seconds(x) for x in runs[label])
                print(
                    f"{label:8s} import {r['import']:.2f}s  metrics {r['metrics']:.2f}s  "
                    f"total {total:.2f}s  ratio to bare CSV read {total / bare['read']:.2f}x "
                    f"(medians {median / bare_median:.2f}x)  peak {r['maxrss_mb']:.0f} MB  "
                    f"({r['events']:,} events, {r['cases']:,} cases, "
                    f"{r['transitions']} transitions)"
                )
            _compare(runs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
