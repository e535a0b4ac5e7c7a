"""Per-touchpoint and per-transition metrics of a `Sequence` (definitions: docs/metrics.md).

Counts and duration sums are exact SQL aggregates (whole seconds and the nanosecond remainders
summed apart, so no sum overflows or rounds); medians and p90s come from exact order statistics
(`SqlRunner.order_stats`) interpolated as the numpy engine does (`quantiles`), with each
group's offset in the numpy engine's layout: touchpoints and pairs in index order.
"""

from __future__ import annotations

from typing import Any, Generic

import numpy as np
import pandas as pd

from cxmapper.analysis.engines.sql.quantiles import OrderStat, int_median, lerp, np_median
from cxmapper.analysis.engines.sql.runner import StatsPart
from cxmapper.analysis.engines.sql.sequence import R, Sequence
from cxmapper.analysis.metrics import touchpoint_frame

NS = 1_000_000_000
TOUCHPOINT, PAIR, ALL = range(3)  # the parts of `Measures.ranks`


def fill(n: int, rows: list[tuple[object, ...]], col: int) -> np.ndarray:
    """Column `col` of rows keyed by their first column (0..n-1), 0 where no row."""
    out = np.zeros(n, dtype=np.int64)
    for r in rows:
        out[int(r[0])] = int(r[col])  # type: ignore[call-overload]
    return out


class Measures(Generic[R]):
    """The aggregates of one sequence, each computed once and shared by the metrics."""

    def __init__(self, seq: Sequence[R]) -> None:
        self.seq = seq
        n = seq.n_tp
        self.pairs = self.pair_rows()
        self.pairs.sort(key=lambda r: int(r[0]))
        self.pair_counts = np.zeros(n * n, dtype=np.int64)
        for r in self.pairs:
            self.pair_counts[int(r[0])] = int(r[1])
        self._ranks: dict[int, dict[int, list[OrderStat]]] = {}

    def pair_sql(self) -> str:
        """Per transition g = tp * n + next_tp: (g, steps, distinct cases, whole seconds,
        nanosecond remainders)."""
        seq = self.seq
        n, div = seq.n_tp, seq.run.dialect.int_div
        return (
            f"SELECT tp * {n} + next_tp AS g, count(*), count(DISTINCT cid), "
            f"sum(dt {div} {NS}), sum(dt % {NS}) FROM {seq.table} WHERE next_tp IS NOT NULL "
            "GROUP BY 1"
        )

    def pair_rows(self) -> list[tuple[Any, ...]]:
        """The rows of `pair_sql`: one aggregate query; an engine may count the cases apart."""
        return self.seq.run.rows(self.pair_sql())

    def rank_parts(self) -> list[StatsPart]:
        """The order statistics of `ranks`, in part order (TOUCHPOINT, PAIR, ALL)."""
        seq = self.seq
        steps = f"FROM {seq.table} WHERE next_tp IS NOT NULL"
        return [
            (f"SELECT tp AS g, dt AS v {steps}", (0.5, 0.9)),
            (f"SELECT tp * {seq.n_tp} + next_tp AS g, dt AS v {steps}", (0.5,)),
            (f"SELECT 0 AS g, dt AS v {steps}", (0.5,)),
        ]

    def ranks(self, part: int) -> dict[int, list[OrderStat]]:
        """Order statistics of step durations: per touchpoint (median, p90), per pair (median)
        or over all steps (median). A dialect that batches fetches the three at once (one Spark
        job costs far more than its rows on small logs); the others only the part asked for."""
        if part not in self._ranks:
            seq = self.seq
            parts = self.rank_parts()
            wanted = list(range(len(parts))) if seq.run.dialect.batch_order_stats else [part]
            got = seq.run.order_stats([parts[k] for k in wanted])
            self._ranks.update(zip(wanted, got, strict=True))
        return self._ranks[part]

    def touchpoint_sql(self) -> tuple[str, str]:
        """Per touchpoint: (tp, events, starts, ends, drop-offs) and (tp, reach, repeats)."""
        seq = self.seq
        d = seq.run.dialect
        source, lost = seq.with_lost()
        per_tp = (
            f"SELECT tp, count(*), {d.count_if('pos = 0')}, {d.count_if('next_tp IS NULL')}, "
            f"{d.count_if(lost)} FROM {source} GROUP BY tp"
        )
        runs = f"SELECT tp, count(*), {d.count_if('c >= 2')} FROM {seq.per_case()} GROUP BY tp"
        return per_tp, runs

    def touchpoint_rows(self) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
        """The rows of the two `touchpoint_sql` queries."""
        per_tp, runs = self.touchpoint_sql()
        return self.seq.run.rows(per_tp), self.seq.run.rows(runs)

    def touchpoints(self) -> pd.DataFrame:
        """`metrics.touchpoint_metrics`: one row per touchpoint in spec order."""
        seq = self.seq
        n = seq.n_tp
        per_tp, runs = self.touchpoint_rows()
        events, starts, ends, dropoff = (fill(n, per_tp, k) for k in (1, 2, 3, 4))
        reach, repeat = fill(n, runs, 1), fill(n, runs, 2)
        pair_n = self.pair_counts.reshape(n, n)
        with_next = pair_n.sum(axis=1)
        stage = np.asarray([tp.stage_index for tp in seq.spec.touchpoints], dtype=np.int64)
        back = np.where(stage[None, :] < stage[:, None], pair_n, 0).sum(axis=1)
        q = np.full((n, 2), np.nan)
        starts_at = np.concatenate(([0], np.cumsum(with_next)))
        for g, nbs in self.ranks(TOUCHPOINT).items():
            q[g] = [
                lerp(nb, qq, int(starts_at[g])) / NS for nb, qq in zip(nbs, (0.5, 0.9), strict=True)
            ]
        tps = seq.spec.touchpoints
        goal = np.asarray([tp.is_goal for tp in tps], dtype=bool)
        return touchpoint_frame(
            tps, stage, goal, reach, events, repeat, starts, ends, dropoff, q, with_next, back
        )

    def transitions(self) -> pd.DataFrame:
        """`metrics.transition_metrics`: count, distinct cases, mean and median seconds."""
        seq = self.seq
        n = seq.n_tp
        counts = self.pair_counts
        starts_at = np.cumsum(counts) - counts
        med = {g: lerp(nbs[0], 0.5, int(starts_at[g])) / NS for g, nbs in self.ranks(PAIR).items()}
        ids = [tp.id for tp in seq.spec.touchpoints]
        rows = self.pairs
        return pd.DataFrame(
            {
                "from": [ids[int(r[0]) // n] for r in rows],
                "to": [ids[int(r[0]) % n] for r in rows],
                "count": np.asarray([int(r[1]) for r in rows], dtype=np.int64),
                "cases": np.asarray([int(r[2]) for r in rows], dtype=np.int64),
                "mean_seconds": np.asarray(
                    [(float(int(r[3])) + float(int(r[4])) / NS) / int(r[1]) for r in rows],
                    dtype=np.float64,
                ),
                "median_seconds": np.asarray([med[int(r[0])] for r in rows], dtype=np.float64),
            }
        ).sort_values(["count", "from", "to"], ascending=[False, True, True], ignore_index=True)

    def journey_median_seconds(self) -> float:
        """`metrics.journey_median_seconds`: median of every step's duration."""
        got = self.ranks(ALL)
        return int_median(got[0][0]) / NS if got else float("nan")

    def slowness_reference_seconds(self, median: float) -> float:
        """`metrics.slowness_reference_seconds`: the median, else the positive steps' median."""
        if median > 0:
            return median
        source = f"SELECT 0 AS g, dt AS v FROM {self.seq.table} WHERE dt > 0"
        got = self.seq.run.order_stats([(source, (0.5,))])[0]
        return np_median(got[0][0]) / NS if got else 0.0
