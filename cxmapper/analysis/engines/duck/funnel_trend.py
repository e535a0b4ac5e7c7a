"""The funnel of a `Sequence`, in DuckDB SQL (definition: docs/metrics.md); the weekly trend is
shared with Spark (`sql.trend`).

Funnel: step 1 is each case's first event at a step-1 touchpoint; step k its first event at a
step-k touchpoint after its step k-1 event, within the window from step 1 if one is given (the
first such event is the earliest, so a case whose first candidate is too late is out). Each
step joins only the cases still in the funnel. Elapsed times per step are at most one per case
and are fetched to take the median exactly as the numpy engine does.
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
    db, t = seq.run, seq.table
    current = db.name("funnel")
    rows = []
    for k, (step, tps) in enumerate(zip(steps, step_tps, strict=True)):
        ids = [step] if isinstance(step, str) else list(step)
        among = ", ".join(map(str, tps)) or "NULL"
        nxt = db.name("funnel")
        if k == 0:
            db.execute(
                f"CREATE TEMP TABLE {nxt} AS SELECT cid, min(pos) AS pos, "
                f"arg_min(ts, pos) AS t, arg_min(ts, pos) AS t0 FROM {t} "
                f"WHERE tp IN ({among}) GROUP BY cid"
            )
        else:
            late = "" if window_ns is None else f"WHERE t - t0 <= {window_ns}"
            db.execute(
                f"CREATE TEMP TABLE {nxt} AS SELECT * FROM ("
                f"SELECT f.cid, min(s.pos) AS pos, arg_min(s.ts, s.pos) AS t, any_value(f.t0) AS t0 "
                f"FROM {current} f JOIN {t} s ON s.cid = f.cid AND s.pos > f.pos "
                f"WHERE s.tp IN ({among}) GROUP BY f.cid) {late}"
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
    return funnel_table(rows)
