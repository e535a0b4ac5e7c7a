"""Benchmark: what a value model + the channel figures add to the whole of `cxmapper analyze`.

    .venv/bin/python benchmarks/bench_money_overhead.py [--events N] [--cases N]
        [--touchpoints N] [--data-dir DIR] [--rounds N] [--log plain|mixed|both]

`bench_money.py` isolates the figures inside one process (the file read once, the report
repeated); this one times what a user waits for: each run is a fresh process doing what
`cxmapper analyze EVENTS --json OUT` does (imports, the engine `auto` picks, reading the CSV,
the report, the JSON written), once without money and channels and once with a value per
conversion, contact costs per channel and the channels object. Runs are interleaved (without,
with, with, without, ...) so a noisy spell of the shared machine hits both kinds alike; the
fastest and the median of each kind are printed, with the overhead both ways. Target: the
figures add less than 25 % to the time of `analyze` (the issue's *Done when*).

Logs: the 5 M-event log of `bench_analysis.py` as generated (one channel per case: no hops)
and with a channel drawn per event (`bench_money.mixed_channels`: hops and contacts
everywhere, the worst case).
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from bench_log import add_log_options, log_files, run_child
from bench_money import mixed_channels

CHILD = r"""
import json, os, resource, sys, time
t0 = time.perf_counter()
from pathlib import Path
from cxmapper.analysis.columns import MappingRequest
from cxmapper.analysis.engines import numpy_engine
from cxmapper.analysis.dataset_ref import FileRef
from cxmapper.analysis.engines.choice import choose
from cxmapper.analysis.report import analyze, to_json_dict
from cxmapper.analysis.value_model import ValueModel
from cxmapper.commands.json_out import write_json
path, kind = sys.argv[1], sys.argv[2]
step = [0.0]  # the money + channels step alone, timed where the engine calls it
figures = numpy_engine.impact
def timed(*args):
    t = time.perf_counter()
    try:
        return figures(*args)
    finally:
        step[0] += time.perf_counter() - t
numpy_engine.impact = timed
priced = kind == "with"
model = ValueModel(50, "EUR", {"phone": 6.5, "chat": 2.0, "email": 1.5, "store": 12.0})
ref = FileRef(Path(path), MappingRequest())
report = analyze(ref, None, engine=choose(ref), value_model=model if priced else None,
                 channels=priced)
data = to_json_dict(report)
write_json(data, os.devnull)
seconds = time.perf_counter() - t0
ch = data.get("channels") or {}
print(json.dumps({"seconds": seconds, "step": step[0], "engine": data.get("engine"),
                  "hops": sum(m["hops"] for m in ch.get("matrix", [])),
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

KINDS = ("without", "with")


def measure(label: str, path: Path, rounds: int) -> dict[str, list[float]]:
    """`rounds` pairs of fresh processes, the order of each pair alternating."""
    times: dict[str, list[float]] = {k: [] for k in KINDS}
    peaks: dict[str, list[float]] = {k: [] for k in KINDS}
    steps: list[float] = []  # the step alone, in the runs with money + channels
    hops = 0
    for i in range(rounds):
        for kind in KINDS if i % 2 == 0 else KINDS[::-1]:
            out = run_child(CHILD, str(path), kind)
            times[kind].append(out["seconds"])
            peaks[kind].append(out["peak_mb"])
            if kind == "with":
                steps.append(out["step"])
            hops = max(hops, out["hops"])
    fast = {k: min(v) for k, v in times.items()}
    med = {k: statistics.median(v) for k, v in times.items()}
    pairs = [b / a - 1 for a, b in zip(times["without"], times["with"], strict=True)]
    print(f"{label}  [{hops:,} hops]")
    for k in KINDS:
        print(
            f"  {k:<7} money+channels: fastest {fast[k]:.2f}s, median {med[k]:.2f}s "
            f"(runs {', '.join(f'{t:.2f}' for t in times[k])}); peak {max(peaks[k]):.0f} MB"
        )
    shares = [s / w for s, w in zip(steps, times["without"], strict=True)]
    print(
        f"  the money + channels step alone: {min(steps):.2f}-{max(steps):.2f}s (median "
        f"{statistics.median(steps):.2f}s) = {min(shares):.1%}-{max(shares):.1%} of analyze "
        "without it (the run of the same pair)"
    )
    print(
        f"  overhead: fastest {fast['with'] / fast['without'] - 1:+.1%}, median "
        f"{med['with'] / med['without'] - 1:+.1%}, per pair {min(pairs):+.1%}..{max(pairs):+.1%}"
        " (target < +25%)"
    )
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    add_log_options(parser)
    parser.add_argument("--rounds", type=int, default=4, help="process pairs per log (default 4)")
    parser.add_argument("--log", choices=("plain", "mixed", "both"), default="both")
    args = parser.parse_args()
    started = time.perf_counter()
    with log_files(args) as (csv_path, _):
        if args.log in ("plain", "both"):
            measure("one channel per case", csv_path, args.rounds)
        if args.log in ("mixed", "both"):
            mixed = csv_path.with_name("events_mixed.csv")
            if not mixed.exists():
                mixed = mixed_channels(csv_path)
            measure("a channel per event", mixed, args.rounds)
    print(f"total {time.perf_counter() - started:.0f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
