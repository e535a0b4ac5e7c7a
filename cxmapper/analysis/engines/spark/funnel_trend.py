"""The funnel of a Spark `Sequence` (definition: docs/metrics.md); the weekly trend is shared
with DuckDB (`sql.trend`).

As `duck.funnel_trend`: step 1 is each case's first event at a step-1 touchpoint; step k its
first event at a step-k touchpoint after its step k-1 event, within the window from step 1 if
one is given (a first candidate too late puts the case out). Spark walks each case's events
once with a higher-order `aggregate` instead of one join per step, so the whole funnel is one
job; the median time from step 1 is an exact order statistic (`order_stats.ranked`), so only a
few values per step leave Spark, not one per case.
"""

from __future__ import annotations

from collections.abc import Mapping
from collections.abc import Sequence as Seq
from datetime import timedelta

import numpy as np
import pandas as pd

from cxmapper.analysis.engines.spark.order_stats import Ranked, ranked
from cxmapper.analysis.engines.spark.sql import SparkSql
from cxmapper.analysis.engines.sql.measures import NS
from cxmapper.analysis.engines.sql.quantiles import np_median
from cxmapper.analysis.engines.sql.runner import StatsPart
from cxmapper.analysis.engines.sql.sequence import Sequence
from cxmapper.analysis.funnel import funnel_table, stage_steps, step_touchpoints


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


def _plan(
    seq: Sequence[SparkSql], steps: Seq[str | Seq[str]] | None, window: timedelta | None
) -> tuple[Seq[str | Seq[str]], str | None]:
    """The funnel's steps, and the query of each case's elapsed times per step reached (g the
    step, v the nanoseconds from step 1; None when no step has a touchpoint)."""
    steps = stage_steps(seq.spec) if steps is None else steps
    step_tps = [list(map(int, t)) for t in step_touchpoints(steps, seq.spec.index_of())]
    window_ns = None if window is None else int(window.total_seconds() * NS)
    used = sorted({tp for tps in step_tps for tp in tps})
    if not used:
        return steps, None
    among = ", ".join(map(str, used))
    cases = (
        f"SELECT {_walk(step_tps, window_ns)} AS out FROM (SELECT cid, "
        f"array_sort(collect_list(struct(pos, tp, ts))) AS evs FROM {seq.table} "
        f"WHERE tp IN ({among}) GROUP BY cid) c"
    )
    return steps, f"SELECT g, v FROM ({cases}) w LATERAL VIEW posexplode(out) x AS g, v"


def funnel_part(
    seq: Sequence[SparkSql], steps: Seq[str | Seq[str]] | None, window: timedelta | None
) -> StatsPart | None:
    """The funnel's order statistics as a part of a batch (`SparkMeasures`), None if empty."""
    source = _plan(seq, steps, window)[1]
    return None if source is None else (source, (0.5,))


def funnel(
    seq: Sequence[SparkSql],
    steps: Seq[str | Seq[str]] | None,
    window: timedelta | None,
    fetched: Mapping[str, dict[int, Ranked]] | None = None,
) -> pd.DataFrame:
    """Every step in one Spark job (none when `fetched`, by query, holds its order statistics
    already): each case's events at funnel touchpoints, in position order, walked once
    (`_walk`); then per step the cases and the median time from step 1."""
    steps, source = _plan(seq, steps, window)
    got: dict[int, Ranked] = {}
    if source is not None:
        known = (fetched or {}).get(source)
        got = ranked(seq.run, source, (0.5,)) if known is None else known
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
