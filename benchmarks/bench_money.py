"""Benchmark: what the money and channel figures add to `cxmapper analyze`.

    .venv/bin/python benchmarks/bench_money.py [--events N] [--cases N] [--touchpoints N]
        [--repeat N] [--data-dir DIR]

Uses the log of `bench_analysis.py` (5 M events by default) as CSV, twice: as generated (each
case stays in one channel: web, app, email or store, so there are no hops) and with a channel
drawn per event from six (web, app, email, store, phone, chat: hops, contacts and repeats
everywhere, the worst case). Each child process reads the CSV once and computes the report
without and with the figures in turn (a value per conversion and a contact cost per channel,
as `analyze --value-per-conversion 50 --contact-cost ...` does), then the figures alone on the
prepared log. Comparing within one process keeps the noise of reading the file (seconds, on a
shared machine) out of a difference of a fraction of a second. Target: the figures add less than 25 % to
the time of `analyze` (import + metrics). Ranges over all runs are printed, not just the best.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from bench_log import add_log_options, log_files, run_child

CHILD = r"""
import json, sys, time
from concurrent.futures import ThreadPoolExecutor
from cxmapper.analysis.engines.base import ReportOptions
from cxmapper.analysis.impact import impact
from cxmapper.analysis.metrics import prefetch
from cxmapper.analysis.prepared import prepare
from cxmapper.analysis.readers import read_events
from cxmapper.analysis.report import analyze
from cxmapper.analysis.value_model import ValueModel
path, rounds = sys.argv[1], int(sys.argv[2])
model = ValueModel(50, "EUR", {"phone": 6.5, "chat": 2.0, "email": 1.5, "store": 12.0})
t0 = time.perf_counter()
log = read_events(path)
out = {"import": time.perf_counter() - t0, "without": [], "with": [], "figures": []}
for _ in range(rounds):  # alternate, so a noisy spell of the machine hits both kinds
    t = time.perf_counter()
    analyze(log)
    out["without"].append(time.perf_counter() - t)
    t = time.perf_counter()
    report = analyze(log, value_model=model, channels=True)
    out["with"].append(time.perf_counter() - t)
# the figures alone, on a log already prepared as the engine has it when it computes them
with ThreadPoolExecutor(max_workers=1) as pool:
    p = prepare(log.frame, None, pool)
    prefetch(p, pool)
for _ in range(rounds):
    t = time.perf_counter()
    impact(p, log.frame, ReportOptions(value_model=model, channels=True))
    out["figures"].append(time.perf_counter() - t)
out |= {"events": log.n_events, "hops": int(report.channels.matrix["hops"].sum()),
        "contacts": report.channels.contacts}
print(json.dumps(out))
"""


def mixed_channels(csv_path: Path, seed: int = 7) -> Path:
    """The same log with a channel drawn per event, written beside it."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.csv as pacsv

    table = pacsv.read_csv(csv_path)
    rng = np.random.default_rng(seed)
    names = np.asarray(["web", "app", "email", "store", "phone", "chat"], dtype=object)
    channel = pa.array(names[rng.integers(0, names.size, table.num_rows)].tolist())
    table = table.set_column(table.schema.get_field_index("channel"), "channel", channel)
    out = csv_path.with_name("events_mixed.csv")
    pacsv.write_csv(table, out)
    return out


def _range(values: list[float], fmt: str = "{:.2f}") -> str:
    return f"{fmt.format(min(values))}–{fmt.format(max(values))}"


def measure(label: str, path: Path, repeat: int, rounds: int) -> None:
    """`repeat` processes, each reading the log once and analysing it `rounds` times each way.

    The time of `analyze` is the import plus the report without the figures; what the figures
    add is read two ways: the report with them minus the report without them (same process,
    same data), and the figures computed alone on the prepared log."""
    runs = [run_child(CHILD, str(path), str(rounds)) for _ in range(repeat)]
    base = [r["import"] + w for r in runs for w in r["without"]]
    diff = [a - b for r in runs for a, b in zip(r["with"], r["without"], strict=True)]
    alone = [f for r in runs for f in r["figures"]]
    share_diff = [
        d / (r["import"] + w)
        for r in runs
        for d, w in zip(
            [a - b for a, b in zip(r["with"], r["without"], strict=True)], r["without"], strict=True
        )
    ]
    share_alone = [
        f / (r["import"] + w) for r in runs for f, w in zip(r["figures"], r["without"], strict=True)
    ]
    last = runs[-1]
    print(
        f"{label}  [{last['events']:,} events, {last['hops']:,} hops, {last['contacts']:,} contacts]"
    )
    print(
        f"  analyze (import + report) {_range(base)}s; import {_range([r['import'] for r in runs])}s, "
        f"report {_range([w for r in runs for w in r['without']])}s"
    )
    print(
        f"  figures alone {_range(alone)}s = {_range(share_alone, '{:.1%}')} of analyze (target < 25%)"
    )
    print(f"  report with - without {_range(diff)}s = {_range(share_diff, '{:.1%}')} of analyze")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    add_log_options(parser)
    parser.add_argument("--repeat", type=int, default=3, help="processes per log (default 3)")
    parser.add_argument("--rounds", type=int, default=3, help="reports per process and kind")
    args = parser.parse_args()
    with log_files(args) as (csv_path, _):
        mixed = csv_path.with_name("events_mixed.csv")
        if not mixed.exists():
            mixed = mixed_channels(csv_path)
        measure("one channel per case", csv_path, args.repeat, args.rounds)
        measure("a channel per event", mixed, args.repeat, args.rounds)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
