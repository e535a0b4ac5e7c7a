"""The funnel and the weekly trend of a `Sequence`, in SQL (definitions: docs/metrics.md).

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

from cxmapper.analysis.engines.duck.sequence import Sequence
from cxmapper.analysis.funnel import funnel_table, stage_steps, step_touchpoints
from cxmapper.analysis.segments import MONDAY_OFFSET_NS, WEEK_NS

NS = 1_000_000_000
TREND_COLUMNS = ["week", "touchpoint_id", "reach", "dropoff_cases", "dropoff_rate"]


def funnel(
    seq: Sequence, steps: Seq[str | Seq[str]] | None, window: timedelta | None
) -> pd.DataFrame:
    steps = stage_steps(seq.spec) if steps is None else steps
    step_tps = step_touchpoints(steps, seq.spec.index_of())
    window_ns = None if window is None else int(window.total_seconds() * NS)
    db, t = seq.db, seq.table
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


def _week(ts: str) -> str:
    """Floor division of the Monday-shifted time by a week, for negative times too."""
    x = f"({ts} + {MONDAY_OFFSET_NS})"
    return f"CASE WHEN {x} >= 0 THEN {x} // {WEEK_NS} ELSE -((-{x} - 1) // {WEEK_NS}) - 1 END"


def weekly_trend(seq: Sequence) -> pd.DataFrame:
    """`segments.weekly_trend`: per (week, touchpoint) reach and drop-offs, weeks in order."""
    source, lost = seq.with_lost()
    rows = seq.db.rows(
        f"SELECT w, tp, count(DISTINCT cid), count(*) FILTER ({lost}) "
        f"FROM (SELECT *, {_week('ts')} AS w FROM {source}) GROUP BY w, tp ORDER BY w, tp"
    )
    if not rows:
        return pd.DataFrame(columns=TREND_COLUMNS)
    ids = np.asarray([tp.id for tp in seq.spec.touchpoints], dtype=object)
    weeks = np.asarray([int(r[0]) for r in rows], dtype=np.int64) * WEEK_NS - MONDAY_OFFSET_NS
    out = pd.DataFrame(
        {
            "week": pd.to_datetime(weeks, utc=True),
            "touchpoint_id": ids[[int(r[1]) for r in rows]],
            "reach": np.asarray([int(r[2]) for r in rows], dtype=np.int64),
            "dropoff_cases": np.asarray([int(r[3]) for r in rows], dtype=np.int64),
        }
    )
    out["dropoff_rate"] = out["dropoff_cases"] / out["reach"]
    return out
