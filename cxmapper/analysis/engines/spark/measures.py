"""Spark's way to the shared measures (`sql.measures.Measures`): every aggregate in one job.

Why: on the small logs of the tests and of a workshop a Spark job costs 0.2-0.6 s of JVM
scheduling whatever its rows, and the shared measures read the step table with five queries
(transition sums, per-touchpoint counts, per-case runs, and the order statistics of the step
durations). Here the five go in one UNION ALL (`SparkSql.batch`), one job; the rows, and so the
figures, are the shared queries' own. A case's drop-off is read with a window over its events
rather than a join on the cases that reached a goal (a join is a broadcast: one more job).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from cxmapper.analysis.engines.spark.order_stats import (
    RANKED_KINDS,
    Ranked,
    ranked_rows,
    ranked_sql,
)
from cxmapper.analysis.engines.spark.sql import SparkSql
from cxmapper.analysis.engines.sql.measures import Measures
from cxmapper.analysis.engines.sql.quantiles import OrderStat
from cxmapper.analysis.engines.sql.runner import StatsPart
from cxmapper.analysis.engines.sql.sequence import Sequence


@dataclass
class SparkSequence(Sequence[SparkSql]):
    """`Sequence` whose drop-off test needs no join (see the module doc); `fetched` holds, by
    query, order statistics fetched ahead with the measures (the report's funnel)."""

    fetched: dict[str, dict[int, Ranked]] = field(default_factory=dict)

    def lost_before_goal(self, goals: str) -> tuple[str, str]:
        source = (
            f"(SELECT *, max(CAST(tp IN ({goals}) AS INT)) OVER (PARTITION BY cid) AS at_goal "
            f"FROM {self.table}) s"
        )
        return source, "next_tp IS NULL AND at_goal = 0"


class SparkMeasures(Measures[SparkSql]):
    """`Measures` whose queries all run in one job, with the order statistics of `extra` (the
    report's funnel: `funnel_trend.funnel` finds them in the sequence's `fetched`)."""

    def __init__(self, seq: Sequence[SparkSql], extra: StatsPart | None = None) -> None:
        self.seq = seq
        per_tp, runs = self.touchpoint_sql()
        parts = self.rank_parts()
        n_own = len(parts)
        if extra is not None and isinstance(seq, SparkSequence):
            parts.append(extra)
        pairs, self._per_tp, self._runs, ranks = seq.run.batch(
            [
                (self.pair_sql(), "iiiii"),
                (per_tp, "iiiii"),
                (runs, "iii"),
                (ranked_sql(parts), RANKED_KINDS),
            ]
        )
        self._pairs = pairs
        super().__init__(seq)
        got = ranked_rows(ranks, len(parts))
        for k, by_g in enumerate(got[:n_own]):
            self._ranks[k] = {g: [nb] * len(parts[k][1]) for g, nb in by_g.items()}
        if len(parts) > n_own and isinstance(seq, SparkSequence):
            seq.fetched[parts[n_own][0]] = got[n_own]

    def pair_rows(self) -> list[tuple[Any, ...]]:
        return list(self._pairs)

    def touchpoint_rows(self) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
        return self._per_tp, self._runs

    def ranks(self, part: int) -> dict[int, list[OrderStat]]:
        return self._ranks[part]
