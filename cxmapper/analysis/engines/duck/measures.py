"""Per-touchpoint and per-transition metrics of a `Sequence` (definitions: docs/metrics.md).

Counts and duration sums are exact SQL aggregates (sums of int64 nanoseconds are HUGEINT in
DuckDB); medians and p90s come from exact order statistics interpolated as the numpy engine
does (`order_stats`), with each group's offset in the numpy engine's layout: touchpoints and
pairs in index order.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from cxmapper.analysis.engines.duck.near_many import near_many
from cxmapper.analysis.engines.duck.order_stats import Near, int_median, lerp, near, np_median
from cxmapper.analysis.engines.duck.sequence import Sequence
from cxmapper.analysis.metrics import touchpoint_frame

NS = 1_000_000_000


def _fill(n: int, rows: list[tuple[object, ...]], col: int) -> np.ndarray:
    out = np.zeros(n, dtype=np.int64)
    for r in rows:
        out[int(r[0])] = int(r[col])  # type: ignore[call-overload]
    return out


def _distinct_cases(table: str, n: int, n_events: int) -> str:
    """Per transition g: its distinct cases. The (case, transition) pairs are made distinct as
    one integer `cid * n² + g` when it fits in 63 bits (cid is a file row), which DuckDB hashes
    faster than `count(DISTINCT cid)` per group or two grouping columns."""
    g = f"tp * {n} + next_tp"
    where = "WHERE next_tp IS NOT NULL"
    m = n * n
    if (n_events + 1) * m >= 2**62:
        return f"SELECT {g} AS g, count(DISTINCT cid) FROM {table} {where} GROUP BY g"
    return (
        f"SELECT k % {m} AS g, count(*) FROM "
        f"(SELECT DISTINCT cid * {m} + {g} AS k FROM {table} {where}) GROUP BY g"
    )


class Measures:
    """The aggregates of one sequence, each computed once and shared by the metrics."""

    def __init__(self, seq: Sequence) -> None:
        self.seq = seq
        n = seq.n_tp
        t = seq.table
        db = seq.db
        sums = db.rows(
            f"SELECT tp * {n} + next_tp AS g, count(*), sum(dt // {NS}), sum(dt % {NS}) "
            f"FROM {t} WHERE next_tp IS NOT NULL GROUP BY g"
        )
        cases = dict(db.rows(_distinct_cases(t, n, seq.n_events)))
        self.pairs = [(g, c, cases[g], s1, s2) for g, c, s1, s2 in sums]
        self.pairs.sort(key=lambda r: int(r[0]))
        self.pair_counts = np.zeros(n * n, dtype=np.int64)
        for r in self.pairs:
            self.pair_counts[int(r[0])] = int(r[1])
        self._steps: dict[str, dict[int, list[Near]]] | None = None

    def steps(self) -> dict[str, dict[int, list[Near]]]:
        """The step durations' order statistics, per touchpoint (median, p90), per transition
        (median) and over the journey (median), from one set of passes (`near_many`)."""
        if self._steps is None:
            n = self.seq.n_tp
            self._steps = near_many(
                self.seq.db,
                f"SELECT tp, next_tp, dt AS v FROM {self.seq.table} WHERE next_tp IS NOT NULL",
                {"tp": "tp", "pair": f"tp * {n} + next_tp", "all": "0"},
                {"tp": (0.5, 0.9), "pair": (0.5,), "all": (0.5,)},
            )
        return self._steps

    def touchpoints(self) -> pd.DataFrame:
        """`metrics.touchpoint_metrics`: one row per touchpoint in spec order."""
        seq = self.seq
        n, db = seq.n_tp, seq.db
        source, lost = seq.with_lost()
        per_tp = db.rows(
            f"SELECT tp, count(*), count(*) FILTER (pos = 0), count(*) FILTER (next_tp IS NULL), "
            f"count(*) FILTER ({lost}) FROM {source} GROUP BY tp"
        )
        runs = db.rows(
            f"SELECT tp, count(*), count(*) FILTER (c >= 2) FROM {seq.per_case()} GROUP BY tp"
        )
        events, starts, ends, dropoff = (_fill(n, per_tp, k) for k in (1, 2, 3, 4))
        reach, repeat = _fill(n, runs, 1), _fill(n, runs, 2)
        pair_n = self.pair_counts.reshape(n, n)
        with_next = pair_n.sum(axis=1)
        stage = np.asarray([tp.stage_index for tp in seq.spec.touchpoints], dtype=np.int64)
        back = np.where(stage[None, :] < stage[:, None], pair_n, 0).sum(axis=1)
        q = np.full((n, 2), np.nan)
        starts_at = np.concatenate(([0], np.cumsum(with_next)))
        for g, nbs in self.steps()["tp"].items():
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
        med = {
            g: lerp(nbs[0], 0.5, int(starts_at[g])) / NS for g, nbs in self.steps()["pair"].items()
        }
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
        got = self.steps()["all"]
        return int_median(got[0][0]) / NS if got else float("nan")

    def slowness_reference_seconds(self, median: float) -> float:
        """`metrics.slowness_reference_seconds`: the median, else the positive steps' median."""
        if median > 0:
            return median
        source = f"SELECT 0 AS g, dt AS v FROM {self.seq.table} WHERE dt > 0"
        got = near(self.seq.db, source, (0.5,))
        return np_median(got[0][0]) / NS if got else 0.0
