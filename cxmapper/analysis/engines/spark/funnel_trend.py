"""The funnel and the weekly trend of a Spark `Sequence` (definitions: docs/metrics.md).

As `duck.funnel_trend`: step 1 is each case's first event at a step-1 touchpoint; step k its
first event at a step-k touchpoint after its step k-1 event, within the window from step 1 if
one is given (a first candidate too late puts the case out). Spark walks each case's events
once with a higher-order `aggregate` instead of one join per step, so the whole funnel is one
job; the median time from step 1 is an exact order statistic (`sequence.ranked`), so only a
few values per step leave Spark, not one per case.
"""

from __future__ import annotations

from collections.abc import Sequence as Seq
from datetime import timedelta
from typing import Any

import numpy as np
import pandas as pd

from cxmapper.analysis.engines.duck.order_stats import np_median
from cxmapper.analysis.engines.spark.sequence import Sequence, ranked
from cxmapper.analysis.funnel import funnel_table, stage_steps, step_touchpoints
from cxmapper.analysis.segments import MONDAY_OFFSET_NS, WEEK_NS

NS = 1_000_000_000
TREND_COLUMNS = ["week", "touchpoint_id", "reach", "dropoff_cases", "dropoff_rate"]


def _walk(step_tps: list[list[int]], window_ns: int | None) -> str:
    """SQL of one case's funnel walk over its events `evs` (sorted by position): the elapsed
    nanoseconds from step 1 at each step reached, in order. State: k, the step looked for
    (K + 1 once a step came too late: the case is out), t0 and the elapsed times so far."""
    k_all = len(step_tps)
    steps = ", ".join(
        f"array({', '.join(map(str, tps))})" if tps else "CAST(array() AS ARRAY<INT>)"
        for tps in step_tps
    )
    late = "false" if window_ns is None else f"e.ts - acc.t0 > {window_ns}"
    hit = f"acc.k < {k_all} AND array_contains(element_at(array({steps}), acc.k + 1), e.tp)"
    return f"""aggregate(evs,
        named_struct('k', 0, 't0', CAST(0 AS BIGINT), 'out', CAST(array() AS ARRAY<BIGINT>)),
        (acc, e) -> CASE
            WHEN NOT ({hit}) THEN acc
            WHEN acc.k = 0 THEN named_struct('k', 1, 't0', e.ts, 'out', array(CAST(0 AS BIGINT)))
            WHEN {late} THEN named_struct('k', {k_all + 1}, 't0', acc.t0, 'out', acc.out)
            ELSE named_struct('k', acc.k + 1, 't0', acc.t0, 'out', concat(acc.out, array(e.ts - acc.t0)))
        END).out"""


def funnel(
    seq: Sequence, steps: Seq[str | Seq[str]] | None, window: timedelta | None
) -> pd.DataFrame:
    """Every step in one Spark job: each case's events at funnel touchpoints, in position
    order, walked once (`_walk`); then per step the cases and the median time from step 1."""
    steps = stage_steps(seq.spec) if steps is None else steps
    step_tps = [list(map(int, t)) for t in step_touchpoints(steps, seq.spec.index_of())]
    window_ns = None if window is None else int(window.total_seconds() * NS)
    used = sorted({tp for tps in step_tps for tp in tps})
    got: dict[int, Any] = {}
    if used:
        among = ", ".join(map(str, used))
        cases = (
            f"SELECT {_walk(step_tps, window_ns)} AS out FROM (SELECT cid, "
            f"array_sort(collect_list(struct(pos, tp, ts))) AS evs FROM {seq.table} "
            f"WHERE tp IN ({among}) GROUP BY cid) c"
        )
        source = f"SELECT g, v FROM ({cases}) w LATERAL VIEW posexplode(out) x AS g, v"
        got = ranked(seq.sql, source, (0.5,))
    rows = []
    for k, step in enumerate(steps):
        ids = [step] if isinstance(step, str) else list(step)
        nb = got.get(k)
        rows.append(
            {
                "step": k + 1,
                "touchpoints": ids,
                "cases": nb.n if nb else 0,
                "median_seconds_from_first": float(np_median(nb, NS)) if nb else np.nan,
            }
        )
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
