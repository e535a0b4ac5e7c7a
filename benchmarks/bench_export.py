"""Time the Excel export of a 2,000-touchpoint journey (target: under 2 s, issue 18).

    .venv/bin/python benchmarks/bench_export.py [--touchpoints N] [--keep DIR]

Builds a journey of 20 stages x 10 lanes with N cards, each with an owner, two KPI readings,
RACI and a comment or action every few cards, then times snapshot + workbook build + save,
and the plan of re-importing the unchanged file.

Where the time goes (2,000 touchpoints, ~150,000 cells, 16.6 MB of sheet XML; CPU time of a
warm export, 2-core machine under load 4-13, so +-10 %): before the issue-18 session on the
Excel export's leftovers, ~1.25-1.30 s of CPU: the save 0.43 s (its cell loop 0.25 s, zlib at
level 6 0.11 s, a temporary file per sheet), KPIs 0.15, Change log and history 0.15,
Touchpoints 0.10, the hidden sheet 0.10, Map 0.07, Governance 0.06, snapshot 0.05,
print set-up 0.04. After, ~1.0-1.1 s: the save 0.32-0.33 s (cell loop 0.18-0.20 s, zlib at
level 3 0.05 s, sheets in memory), KPIs 0.09, Change log 0.12-0.14 (53,000 cells at the
cost of making an openpyxl cell), the hidden sheet 0.10 (baseline fingerprints and JSON),
Touchpoints 0.07, Map 0.065, snapshot 0.05-0.065, print set-up 0.04, Governance 0.03. About
0.05 s more is the cycle collector's pass over the ~500,000 objects made while it was paused.
The wall time is this CPU time plus whatever the machine's other work takes from it.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cxmapper.io.xlsx_export import build_workbook
from cxmapper.io.xlsx_import import plan_xlsx_import
from cxmapper.io.xlsx_save import save_workbook
from cxmapper.model import entities as e
from cxmapper.model.workspace import Removal, Workspace, new_id

CHANNELS = ("web", "app", "email", "phone", "store", "chat", "")


def build(ws: Workspace, n_touchpoints: int, n_stages: int = 20, n_lanes: int = 10) -> str:
    """Insert everything as rows in one transaction (as fast as the model allows)."""
    rnd = random.Random(7)
    rows: dict[str, list[dict]] = {}

    def add(kind_table: str, entity: object) -> None:
        rows.setdefault(kind_table, []).append(e.to_row(entity))

    parties = [e.Party(new_id(), f"Owner {i:02d}", position=i) for i in range(25)]
    for p in parties:
        add("parties", p)
    kpis = [e.Kpi(new_id(), name, target=t, position=i) for i, (name, t) in
            enumerate((("CSAT", 4.2), ("NPS", 30.0), ("Conversion", 3.0)))]  # fmt: skip
    for k in kpis:
        add("kpis", k)
    journey = e.Journey(new_id(), "Benchmark journey", created_at="2026-01-01T00:00:00+00:00")
    add("journeys", journey)
    stages = [e.Stage(new_id(), journey.id, f"Stage {i + 1}", position=i) for i in range(n_stages)]
    lanes = [
        e.Lane(new_id(), journey.id, f"Lane {i + 1}", "channel", position=i) for i in range(n_lanes)
    ]
    for x in (*stages, *lanes):
        add("stages" if isinstance(x, e.Stage) else "lanes", x)
    for i in range(n_touchpoints):
        s, ln = stages[i % n_stages], lanes[(i // n_stages) % n_lanes]
        tp = e.Touchpoint(new_id(), journey.id, s.id, ln.id, f"Touchpoint {i} with a realistic title",
                          position=i // (n_stages * n_lanes), description="Some description " * 3,
                          channel=CHANNELS[i % len(CHANNELS)], owner_id=parties[i % 25].id,
                          tags=["tag"], emotion=rnd.randint(-2, 2))  # fmt: skip
        add("touchpoints", tp)
        for month in (1, 2):
            k = kpis[i % 3]
            add("readings", e.Reading(new_id(), tp.id, k.id, round(rnd.uniform(0, 5), 2),
                                      f"2026-0{month}-01T00:00:00+00:00"))  # fmt: skip
        add("raci", e.Raci(new_id(), tp.id, parties[i % 25].id, "A"))
        add("raci", e.Raci(new_id(), tp.id, parties[(i + 1) % 25].id, "R"))
        if i % 5 == 0:
            add(
                "comments",
                e.Comment(new_id(), tp.id, "Ann", f"Comment {i}", "2026-03-01T00:00:00+00:00"),
            )
        if i % 7 == 0:
            add("actions", e.Action(new_id(), tp.id, f"Action {i}", impact=rnd.randint(1, 5),
                                    effort=rnd.randint(1, 5), created_at="2026-03-01T00:00:00+00:00"))  # fmt: skip
    ws.restore(Removal(rows=rows))
    return journey.id


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--touchpoints", type=int, default=2000)
    parser.add_argument("--keep", type=Path, help="folder to keep the workbook in")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        ws = Workspace.create(Path(tmp) / "bench.cxmap")
        t0 = time.perf_counter()
        journey_id = build(ws, args.touchpoints)
        t1, c1 = time.perf_counter(), time.process_time()
        wb = build_workbook(ws, journey_id)
        t2 = time.perf_counter()
        out = folder / "bench.xlsx"
        save_workbook(wb, out)  # what export_xlsx does
        t3, c3 = time.perf_counter(), time.process_time()
        plan = plan_xlsx_import(ws, out)
        t4 = time.perf_counter()
        ws.close()
        print(f"touchpoints           {args.touchpoints:>8,}")
        print(f"build workspace       {t1 - t0:8.2f} s")
        print(f"build workbook        {t2 - t1:8.2f} s")
        print(f"save .xlsx            {t3 - t2:8.2f} s   ({out.stat().st_size / 1e6:.1f} MB)")
        print(f"export total          {t3 - t1:8.2f} s   (target < 2 s; CPU time {c3 - c1:.2f} s)")
        print(
            f"plan re-import        {t4 - t3:8.2f} s   ({len(plan.changes)} changes, {len(plan.conflicts)} conflicts)"
        )
    return 0 if t3 - t1 < 2.0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
