"""The funnel and the weekly trend of a Spark `Sequence` (definitions: docs/metrics.md).

As `duck.funnel_trend`: step 1 is each case's first event at a step-1 touchpoint; step k its
first event at a step-k touchpoint after its step k-1 event, within the window from step 1 if
one is given. The median time from step 1 is an exact order statistic (`sequence.ranked`), so
only a few values per step leave Spark, not one per case.
"""

from __future__ import annotations

from collections.abc import Sequence as Seq
from datetime import timedelta

import numpy as np
import pandas as pd

from cxmapper.analysis.engines.duck.order_stats import np_median
from cxmapper.analysis.engines.spark.sequence import Sequence, ranked
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
    sql, t = seq.sql, seq.table
    current: str | None = None
    rows = []
    try:
        for k, (step, tps) in enumerate(zip(steps, step_tps, strict=True)):
            ids = [step] if isinstance(step, str) else list(step)
            among = ", ".join(map(str, tps)) or "NULL"
            nxt = sql.name("funnel")
            if current is None:
                sql.cache(
                    nxt,
                    f"SELECT cid, min(pos) AS pos, min_by(ts, pos) AS t, min_by(ts, pos) AS t0 "
                    f"FROM {t} WHERE tp IN ({among}) GROUP BY cid",
                )
            else:
                late = "" if window_ns is None else f"WHERE t - t0 <= {window_ns}"
                sql.cache(
                    nxt,
                    f"SELECT * FROM (SELECT f.cid, min(s.pos) AS pos, min_by(s.ts, s.pos) AS t, "
                    f"first(f.t0) AS t0 FROM {current} f JOIN {t} s ON s.cid = f.cid "
                    f"AND s.pos > f.pos WHERE s.tp IN ({among}) GROUP BY f.cid) x {late}",
                )
                sql.drop(current)
            current = nxt
            got = ranked(sql, f"SELECT 0 AS g, t - t0 AS v FROM {current}", (0.5,))
            count = got[0].n if got else 0
            median = np_median(got[0], NS) if got else np.nan  # type: ignore[arg-type]
            rows.append(
                {
                    "step": k + 1,
                    "touchpoints": ids,
                    "cases": count,
                    "median_seconds_from_first": float(median),
                }
            )
    finally:
        if current is not None:
            sql.drop(current)
    return funnel_table(rows)


def _week(ts: str) -> str:
    """Floor division of the Monday-shifted time by a week, for negative times too."""
    x = f"({ts} + {MONDAY_OFFSET_NS})"
    return f"CASE WHEN {x} >= 0 THEN {x} DIV {WEEK_NS} ELSE -((-{x} - 1) DIV {WEEK_NS}) - 1 END"


def weekly_trend(seq: Sequence) -> pd.DataFrame:
    """`segments.weekly_trend`: per (week, touchpoint) reach and drop-offs, weeks in order."""
    source, lost = seq.with_lost()
    rows = seq.sql.rows(
        f"SELECT w, tp, count(DISTINCT cid), count_if({lost}) "
        f"FROM (SELECT *, {_week('ts')} AS w FROM {source}) x GROUP BY w, tp ORDER BY w, tp"
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
