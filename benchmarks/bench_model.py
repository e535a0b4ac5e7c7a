"""Workspace speed: open a 2,000-touchpoint workspace, and the cost of one committed edit.

    python benchmarks/bench_model.py [--touchpoints N]

Targets (issue "Foundation"): open under 0.3 s; median committed edit under 5 ms.
Issue "Govern the journey": every edit also appends to the change log (always on); saving a
version of the 2,000-touchpoint journey under 0.5 s, a diff under 0.2 s.
"Open" = validate the file + read everything the canvas needs to draw the journey.
Also (issue "Behavioural overlay"): a workspace holding a 5-million-event dataset opens in
under 1 s; `--dataset-mb` is the size of the stored dataset (an encoded 5 M-event log is
about 50-80 MB, see bench_analysis.py).
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import tempfile
import time
from pathlib import Path

from cxmapper.model.workspace import Workspace


def build(path: Path, n_touchpoints: int) -> str:
    with Workspace.create(path) as ws, ws.batch():
        j = ws.add_journey("Benchmark")
        stages = [ws.add_stage(j.id, f"Stage {i}") for i in range(10)]
        lanes = [ws.add_lane(j.id, f"Lane {i}", "channel") for i in range(10)]
        owner = ws.add_party("Owner")
        kpi = ws.add_kpi("CSAT", target=4.0)
        tps = []
        for n in range(n_touchpoints):
            s, ln = stages[n % 10], lanes[(n // 10) % 10]
            tps.append(ws.add_touchpoint(s.id, ln.id, f"Touchpoint {n}", owner_id=owner.id))
        for a, b in itertools.pairwise(tps):
            ws.add_connector(a.id, b.id)
        for t in tps[::4]:
            ws.add_reading(t.id, kpi.id, 3.8, measured_at="2026-01-01T00:00:00+00:00")
        return j.id


def open_and_load(path: Path, journey_id: str) -> int:
    with Workspace.open(path) as ws:
        ws.stages(journey_id)
        ws.lanes(journey_id)
        n = len(ws.touchpoints(journey_id))
        ws.connectors(journey_id)
        ws.readings()
        ws.kpis()
        ws.parties()
        ws.comments()
        ws.actions()
        ws.raci()
    return n


def govern(ws: Workspace, journey_id: str) -> None:
    """Versions and diffs of the big journey, and reading its change log."""
    from cxmapper.model.versions import save_version
    from cxmapper.model.versions_diff import compare

    saves, diffs = [], []
    tps = ws.touchpoints(journey_id)
    for i in range(5):
        t0 = time.perf_counter()
        save_version(ws, journey_id, f"v{i}")
        saves.append(time.perf_counter() - t0)
        ws.update("touchpoint", tps[i].id, title=f"Changed in v{i + 1}")  # something to find
    for i in range(5):
        t0 = time.perf_counter()
        diff = compare(ws, journey_id, f"v{i}", "current")
        diffs.append(time.perf_counter() - t0)
    ms = [f"{x * 1000:.0f}" for x in saves]
    print(f"save a version ({len(tps)} touchpoints): median {statistics.median(saves) * 1000:.0f} ms "
          f"(runs: {', '.join(ms)})  (target < 500 ms)")  # fmt: skip
    print(f"diff version vs current ({len(diff.differences)} differences): median "
          f"{statistics.median(diffs) * 1000:.0f} ms, max {max(diffs) * 1000:.0f} ms  "
          "(target < 200 ms)")  # fmt: skip
    t0 = time.perf_counter()
    n = len(ws.change_log())
    print(f"read the whole change log ({n:,} entries): {(time.perf_counter() - t0) * 1000:.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--touchpoints", type=int, default=2000)
    parser.add_argument("--edits", type=int, default=300)
    parser.add_argument("--dataset-mb", type=int, default=80)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.cxmap"
        t0 = time.perf_counter()
        journey_id = build(path, args.touchpoints)
        print(
            f"build {args.touchpoints} touchpoints + {args.touchpoints - 1} connectors: "
            f"{time.perf_counter() - t0:.2f} s, file {path.stat().st_size / 1e6:.1f} MB"
        )
        opens = []
        for _ in range(7):
            t0 = time.perf_counter()
            n = open_and_load(path, journey_id)
            opens.append(time.perf_counter() - t0)
        print(
            f"open + load journey ({n} touchpoints): median {statistics.median(opens) * 1000:.1f} ms, "
            f"max {max(opens) * 1000:.1f} ms  (target < 300 ms)"
        )
        with Workspace.open(path) as ws:
            tps = ws.touchpoints(journey_id)
            stages = ws.stages(journey_id)
            lanes = ws.lanes(journey_id)
            timings: dict[str, list[float]] = {"rename": [], "add card": [], "move card": []}
            for i in range(args.edits):
                t0 = time.perf_counter()
                ws.update("touchpoint", tps[i % len(tps)].id, title=f"Renamed {i}")
                timings["rename"].append(time.perf_counter() - t0)
                t0 = time.perf_counter()
                ws.add_touchpoint(stages[i % 10].id, lanes[i % 10].id, f"New {i}")
                timings["add card"].append(time.perf_counter() - t0)
                t0 = time.perf_counter()
                ws.move_touchpoints([tps[i].id], stages[(i + 3) % 10].id, lanes[(i + 5) % 10].id, 0)
                timings["move card"].append(time.perf_counter() - t0)
        with Workspace.open(path) as ws:
            govern(ws, journey_id)
        with Workspace.open(path) as ws:
            import os

            ws.add_dataset(
                "5M events",
                os.urandom(args.dataset_mb * 1024 * 1024),
                n_events=5_000_000,
                n_cases=200_000,
            )
        opens = []
        for _ in range(5):
            t0 = time.perf_counter()
            open_and_load(path, journey_id)
            opens.append(time.perf_counter() - t0)
        print(
            f"open + load journey with a {args.dataset_mb} MB dataset inside: median "
            f"{statistics.median(opens) * 1000:.1f} ms  (target < 1 s)"
        )
        for name, values in timings.items():
            print(
                f"committed edit, {name}: median {statistics.median(values) * 1000:.2f} ms, "
                f"p95 {sorted(values)[int(len(values) * 0.95)] * 1000:.2f} ms  (target median < 5 ms)"
            )


if __name__ == "__main__":
    main()
