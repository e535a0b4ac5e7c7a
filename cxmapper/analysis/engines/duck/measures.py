"""DuckDB's own way to the shared measures (`sql.measures.Measures`): fewer passes over the
step table, which at 100 M events no longer fits the memory limit and is read back from the
spill directory on every pass (README "Scaling", docs/metrics.md).

- Distinct cases per transition: the (case, transition) pairs made distinct as one integer
  `cid * n² + g` (cid is a file row) where it fits in 63 bits, which DuckDB hashes faster than
  `count(DISTINCT cid)` inside the sums query.
- Order statistics of step durations: per touchpoint (median, p90), per transition (median)
  and over the journey (median) from one histogram pass and one fetch of the few buckets that
  hold the ranks read (`buckets.ranked_many`; `near_many`'s picks and counting pass if the
  buckets do not keep the order), instead of one pick-and-count pair of queries per part.
The figures are the shared implementation's, bit for bit (conformance suite).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from cxmapper.analysis.engines.duck.buckets import ranked_many
from cxmapper.analysis.engines.duck.near_many import near_many
from cxmapper.analysis.engines.duck.runner import DuckSql
from cxmapper.analysis.engines.sql.measures import ALL, NS, PAIR, TOUCHPOINT, Measures
from cxmapper.analysis.engines.sql.quantiles import OrderStat

PARTS = {TOUCHPOINT: "tp", PAIR: "pair", ALL: "all"}


def distinct_cases_query(table: str, n: int, n_events: int) -> str:
    """Per transition g: its distinct cases (the packed key where it cannot overflow)."""
    g = f"tp * {n} + next_tp"
    where = "WHERE next_tp IS NOT NULL"
    m = n * n
    if (n_events + 1) * m >= 2**62:
        return f"SELECT {g} AS g, count(DISTINCT cid) FROM {table} {where} GROUP BY g"
    return (
        f"SELECT k % {m} AS g, count(*) FROM "
        f"(SELECT DISTINCT CAST(cid AS BIGINT) * {m} + {g} AS k FROM {table} {where}) GROUP BY g"
    )


class DuckMeasures(Measures[DuckSql]):
    """`Measures` with DuckDB's cheaper passes for the transition sums and the ranks."""

    def pair_rows(self) -> list[tuple[Any, ...]]:
        seq = self.seq
        n, t = seq.n_tp, seq.table
        sums = seq.run.rows(
            f"SELECT tp * {n} + next_tp AS g, count(*), sum(dt // {NS}), sum(dt % {NS}) "
            f"FROM {t} WHERE next_tp IS NOT NULL GROUP BY g"
        )
        cases = {int(g): c for g, c in seq.run.rows(distinct_cases_query(t, n, seq.n_events))}
        return [(g, c, cases[int(g)], s1, s2) for g, c, s1, s2 in sums]

    def ranks(self, part: int) -> dict[int, list[OrderStat]]:
        if not self._ranks:
            seq = self.seq
            n = seq.n_tp
            steps = f"FROM {seq.table} WHERE next_tp IS NOT NULL"
            qs = {"tp": (0.5, 0.9), "pair": (0.5,), "all": (0.5,)}
            got: Mapping[str, Mapping[int, Sequence[OrderStat]]] | None = ranked_many(
                seq.run,
                f"SELECT tp * {n} + next_tp AS g, dt AS v {steps}",
                {"tp": lambda g: g // n, "pair": lambda g: g, "all": np.zeros_like},
                qs,
            )
            if got is None:  # the buckets did not keep the values' order: count around picks
                got = near_many(
                    seq.run,
                    f"SELECT tp, next_tp, dt AS v {steps}",
                    {"tp": "tp", "pair": f"tp * {n} + next_tp", "all": "0"},
                    qs,
                )
            for k, name in PARTS.items():
                self._ranks[k] = {g: list(v) for g, v in got[name].items()}
        return self._ranks[part]
