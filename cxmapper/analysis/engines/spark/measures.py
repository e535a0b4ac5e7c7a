"""Per-touchpoint and per-transition metrics of a Spark `Sequence` (docs/metrics.md).

The same aggregates as the DuckDB engine's `duck.measures`, in Spark SQL: counts and duration
sums are exact (whole seconds and the nanosecond remainders summed apart, so no sum overflows
or rounds); medians and p90s are exact order statistics (`sequence.ranked`) interpolated with
the numpy engine's formulas (`duck.order_stats`), so every figure equals the numpy engine's.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from cxmapper.analysis.engines.duck.order_stats import int_median, lerp, np_median
from cxmapper.analysis.engines.spark.sequence import Ranked, Sequence, ranked, ranked_many
from cxmapper.analysis.metrics import touchpoint_frame

NS = 1_000_000_000


def _fill(n: int, rows: list[tuple[object, ...]], col: int) -> np.ndarray:
    out = np.zeros(n, dtype=np.int64)
    for r in rows:
        out[int(r[0])] = int(r[col])  # type: ignore[call-overload]
    return out


class Measures:
    """The aggregates of one sequence, each computed once and shared by the metrics."""

    def __init__(self, seq: Sequence) -> None:
        self.seq = seq
        n = seq.n_tp
        self.pairs = seq.sql.rows(
            f"SELECT tp * {n} + next_tp AS g, count(*), count(DISTINCT cid), "
            f"sum(dt DIV {NS}), sum(dt % {NS}) FROM {seq.table} WHERE next_tp IS NOT NULL "
            f"GROUP BY 1"
        )
        self.pairs.sort(key=lambda r: int(r[0]))
        self.pair_counts = np.zeros(n * n, dtype=np.int64)
        for r in self.pairs:
            self.pair_counts[int(r[0])] = int(r[1])
        self._ranks: list[dict[int, Ranked]] | None = None

    def ranks(self) -> list[dict[int, Ranked]]:
        """Order statistics of step durations (one job): per touchpoint (median, p90), per
        pair (median) and over all steps (median)."""
        if self._ranks is None:
            seq = self.seq
            steps = f"FROM {seq.table} WHERE next_tp IS NOT NULL"
            self._ranks = ranked_many(
                seq.sql,
                [
                    (f"SELECT tp AS g, dt AS v {steps}", (0.5, 0.9)),
                    (f"SELECT tp * {seq.n_tp} + next_tp AS g, dt AS v {steps}", (0.5,)),
                    (f"SELECT 0 AS g, dt AS v {steps}", (0.5,)),
                ],
            )
        return self._ranks

    def touchpoints(self) -> pd.DataFrame:
        """`metrics.touchpoint_metrics`: one row per touchpoint in spec order."""
        seq = self.seq
        n, sql = seq.n_tp, seq.sql
        source, lost = seq.with_lost()
        per_tp = sql.rows(
            f"SELECT tp, count(*), count_if(pos = 0), count_if(next_tp IS NULL), "
            f"count_if({lost}) FROM {source} GROUP BY tp"
        )
        runs = sql.rows(f"SELECT tp, count(*), count_if(c >= 2) FROM {seq.per_case()} GROUP BY tp")
        events, starts, ends, dropoff = (_fill(n, per_tp, k) for k in (1, 2, 3, 4))
        reach, repeat = _fill(n, runs, 1), _fill(n, runs, 2)
        pair_n = self.pair_counts.reshape(n, n)
        with_next = pair_n.sum(axis=1)
        stage = np.asarray([tp.stage_index for tp in seq.spec.touchpoints], dtype=np.int64)
        back = np.where(stage[None, :] < stage[:, None], pair_n, 0).sum(axis=1)
        q = np.full((n, 2), np.nan)
        starts_at = np.concatenate(([0], np.cumsum(with_next)))
        for g, nb in self.ranks()[0].items():
            q[g] = [lerp(nb, qq, int(starts_at[g])) / NS for qq in (0.5, 0.9)]  # type: ignore[arg-type]
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
        med = {g: lerp(nb, 0.5, int(starts_at[g])) / NS for g, nb in self.ranks()[1].items()}  # type: ignore[arg-type]
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
        got = self.ranks()[2]
        return int_median(got[0]) / NS if got else float("nan")  # type: ignore[arg-type]

    def slowness_reference_seconds(self, median: float) -> float:
        """`metrics.slowness_reference_seconds`: the median, else the positive steps' median."""
        if median > 0:
            return median
        source = f"SELECT 0 AS g, dt AS v FROM {self.seq.table} WHERE dt > 0"
        got = ranked(self.seq.sql, source, (0.5,))
        return np_median(got[0]) / NS if got else 0.0  # type: ignore[arg-type]
