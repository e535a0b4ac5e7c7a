"""The weekly trend of a `Sequence` in SQL (definition: docs/metrics.md, `segments.weekly_trend`)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from cxmapper.analysis.engines.sql.sequence import R, Sequence
from cxmapper.analysis.segments import MONDAY_OFFSET_NS, WEEK_NS

TREND_COLUMNS = ["week", "touchpoint_id", "reach", "dropoff_cases", "dropoff_rate"]


def _week(ts: str, div: str) -> str:
    """Floor division of the Monday-shifted time by a week, for negative times too."""
    x = f"({ts} + {MONDAY_OFFSET_NS})"
    return f"CASE WHEN {x} >= 0 THEN {x} {div} {WEEK_NS} ELSE -((-{x} - 1) {div} {WEEK_NS}) - 1 END"


def weekly_trend(seq: Sequence[R]) -> pd.DataFrame:
    """`segments.weekly_trend`: per (week, touchpoint) reach and drop-offs, weeks in order."""
    d = seq.run.dialect
    source, lost = seq.with_lost()
    rows = seq.run.rows(
        f"SELECT w, tp, count(DISTINCT cid), {d.count_if(lost)} "
        f"FROM (SELECT *, {_week('ts', d.int_div)} AS w FROM {source}) x "
        f"GROUP BY w, tp ORDER BY w, tp"
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
