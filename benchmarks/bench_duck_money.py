"""Benchmark: what the money and channel figures add to `analyze --engine duckdb`.

    .venv/bin/python benchmarks/bench_duck_money.py [--events N] [--cases N] [--touchpoints N]
        [--rounds N]

The DuckDB engine computes these figures with the numpy engine's code on the columns they read,
fetched from DuckDB in file order (`engines/duck/impact_frame.py`). This measures, on the log
of `bench_analysis.py` as CSV with a channel drawn per event (the worst case: hops and contacts
everywhere), the DuckDB report without and with the figures, alternating in one process, and
prints ranges over all rounds (the machine is shared: not just the best).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from bench_analysis import generate
from bench_money import mixed_channels

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cxmapper.analysis.dataset_ref import FileRef
from cxmapper.analysis.report import analyze
from cxmapper.analysis.value_model import ValueModel


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--cases", type=int, default=100_000)
    ap.add_argument("--touchpoints", type=int, default=40)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    model = ValueModel(50, "EUR", {"phone": 6.5, "chat": 2.0, "email": 1.5, "store": 12.0})
    with tempfile.TemporaryDirectory() as tmp:
        csv_path, _ = generate(Path(tmp), args.events, args.cases, args.touchpoints)
        path = mixed_channels(csv_path)
        without, with_figures = [], []
        for _ in range(args.rounds):
            t = time.perf_counter()
            analyze(FileRef(path), engine="duckdb")
            without.append(time.perf_counter() - t)
            t = time.perf_counter()
            report = analyze(FileRef(path), engine="duckdb", value_model=model, channels=True)
            with_figures.append(time.perf_counter() - t)
    added = [w - b for w, b in zip(with_figures, without, strict=True)]
    share = [a / b for a, b in zip(added, without, strict=True)]
    print(
        f"{args.events:,} events, {report.channels.contacts:,} contacts (duckdb, {args.rounds} rounds)"
    )
    print(f"  report without figures: {min(without):.2f}–{max(without):.2f} s")
    print(f"  report with figures:    {min(with_figures):.2f}–{max(with_figures):.2f} s")
    print(f"  added: {min(added):.2f}–{max(added):.2f} s = {min(share):.0%}–{max(share):.0%}")


if __name__ == "__main__":
    main()
