"""The funnel of a `Sequence`, in DuckDB SQL (definition: docs/metrics.md); the weekly trend is
shared with Spark (`sql.trend`).

Funnel: step 1 is each case's first event at a step-1 touchpoint; step k its first event at a
step-k touchpoint after its step k-1 event, within the window from step 1 if one is given (the
first such event is the earliest, so a case whose first candidate is too late is out). Each
step joins only the cases still in the funnel, and only its own events: those of every step are
copied once from the step table, narrow and sorted by step, so a step's join reads its own row
groups (zone maps) instead of the whole step table (at 100 M events the step table outgrows
memory, and 25 steps read it back 25 times: 37 % of the time before). Elapsed times per step
are at most one per case and are fetched to take the median exactly as the numpy engine does.
"""

from __future__ import annotations

from collections.abc import Sequence as Seq
from datetime import timedelta

import numpy as np
import pandas as pd

from cxmapper.analysis.engines.duck.runner import DuckSql
from cxmapper.analysis.engines.sql.measures import NS
from cxmapper.analysis.engines.sql.sequence import Sequence
from cxmapper.analysis.funnel import funnel_table, stage_steps, step_touchpoints


def funnel(
    seq: Sequence[DuckSql], steps: Seq[str | Seq[str]] | None, window: timedelta | None
) -> pd.DataFrame:
    steps = stage_steps(seq.spec) if steps is None else steps
    step_tps = step_touchpoints(steps, seq.spec.index_of())
    window_ns = None if window is None else int(window.total_seconds() * NS)
    db = seq.run
    # the events each step reads, once, narrow and clustered by step: each step's join then
    # reads only its own rows (zone maps) instead of scanning the whole step table again
    t, stepmap = db.name("funnel_events"), db.name("funnel_steps")
    ks = [k for k, tps in enumerate(step_tps) for _ in tps]
    tps = [tp for step in step_tps for tp in step]
    frame = pd.DataFrame({"k": np.asarray(ks, np.int32), "tp": np.asarray(tps, np.int32)})
    db.con.register(stepmap, frame)
    db.execute(
        f"CREATE TEMP TABLE {t} AS SELECT m.k, s.cid, s.pos, s.ts FROM {seq.table} s "
        f"JOIN {stepmap} m ON s.tp = m.tp ORDER BY m.k"
    )
    db.con.unregister(stepmap)
    current = db.name("funnel")
    rows = []
    for k, step in enumerate(steps):
        ids = [step] if isinstance(step, str) else list(step)
        nxt = db.name("funnel")
        if k == 0:
            db.execute(
                f"CREATE TEMP TABLE {nxt} AS SELECT cid, min(pos) AS pos, "
                f"arg_min(ts, pos) AS t, arg_min(ts, pos) AS t0 FROM {t} "
                f"WHERE k = {k} GROUP BY cid"
            )
        else:
            late = "" if window_ns is None else f"WHERE t - t0 <= {window_ns}"
            db.execute(
                f"CREATE TEMP TABLE {nxt} AS SELECT * FROM ("
                f"SELECT f.cid, min(s.pos) AS pos, arg_min(s.ts, s.pos) AS t, "
                f"any_value(f.t0) AS t0 FROM {current} f JOIN {t} s "
                f"ON s.cid = f.cid AND s.pos > f.pos WHERE s.k = {k} GROUP BY f.cid) {late}"
            )
            db.execute(f"DROP TABLE {current}")
        current = nxt
        with db.lock:
            elapsed = db.con.execute(f"SELECT t - t0 FROM {current}").fetchnumpy()
        values = np.asarray(next(iter(elapsed.values())), dtype=np.int64) / NS
        count = int(values.size)
        rows.append(
            {
                "step": k + 1,
                "touchpoints": ids,
                "cases": count,
                "median_seconds_from_first": float(np.median(values)) if count else np.nan,
            }
        )
    db.execute(f"DROP TABLE IF EXISTS {current}")
    db.execute(f"DROP TABLE {t}")
    return funnel_table(rows)
