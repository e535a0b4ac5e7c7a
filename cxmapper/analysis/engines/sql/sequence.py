"""The journey's events of a dataset in (case, time, file) order, as one table: its shape and
the steps every SQL engine takes the same way around it.

Each engine builds the table its own way (`duck.sequence.build`, `spark.sequence.build`): one
window pass numbers each case's mapped events (ties: file order, `_rn`) and puts the next
event's touchpoint and the step's duration beside each event, a case identified by the file row
of its first event (`cid`, an integer). Every metric then reads it with linear aggregates.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

import numpy as np
import pandas as pd

from cxmapper.analysis.columns import ACTIVITY
from cxmapper.analysis.engines.sql.quantiles import lerp
from cxmapper.analysis.engines.sql.runner import SqlRunner
from cxmapper.analysis.matching import JourneySpec, Matching, TouchpointSpec, map_activities

R = TypeVar("R", bound=SqlRunner)


@dataclass
class Sequence(Generic[R]):
    """The `seq` table of one (dataset, journey): cid, tp, ts, pos, len (or `lengths`),
    next_tp, dt."""

    run: R
    table: str
    spec: JourneySpec
    matching: Matching
    n_cases: int  # cases in the dataset, including those with no mapped event
    n_events: int  # events in the dataset, mapped or not
    derived: bool = False  # touchpoints derived from event names: the case length is known
    #: a table of (cid, len) holding the case length when `seq` has no `len` column (DuckDB
    #: keeps its step table narrow: the length is per case, not per event)
    lengths: str | None = None
    _per_case: bool = False

    @property
    def n_tp(self) -> int:
        return len(self.spec.touchpoints)

    @property
    def goal_ids(self) -> list[int]:
        return [i for i, tp in enumerate(self.spec.touchpoints) if tp.is_goal]

    def with_lost(self) -> tuple[str, str]:
        """(FROM clause over `seq`, condition): a case's last event, the case never at a goal
        (without goal touchpoints: every case's last event)."""
        goals = self.goal_ids
        if not goals:
            return self.table, "next_tp IS NULL"
        return self.lost_before_goal(", ".join(map(str, goals)))

    def lost_before_goal(self, goals: str) -> tuple[str, str]:
        """`with_lost` when there are goal touchpoints (`goals`: their ids, comma-separated):
        the cases that reached one, joined; a dialect may find them another way."""
        joined = (
            f"{self.table} LEFT JOIN (SELECT DISTINCT cid AS goal_cid FROM {self.table} "
            f"WHERE tp IN ({goals})) gl ON cid = goal_cid"
        )
        return joined, "next_tp IS NULL AND goal_cid IS NULL"

    def per_case(self) -> str:
        """A table (built once) per (touchpoint, case): events `c` and, without a journey, the
        first position `p0` and the case length `len`; reach, repeats and first-seen read it."""
        name = f"{self.table}_tc"
        if not self._per_case:
            grouped = f"SELECT tp, cid, count(*) AS c{{}} FROM {self.table} GROUP BY tp, cid"
            if not self.derived:
                sql = grouped.format("")
            elif self.lengths is None:
                sql = grouped.format(f", min(pos) AS p0, {self.run.dialect.first}(len) AS len")
            else:
                sql = (
                    f"SELECT t.*, l.len FROM ({grouped.format(', min(pos) AS p0')}) t "
                    f"JOIN {self.lengths} l ON t.cid = l.cid"
                )
            self.run.create_table(name, sql)
            self._per_case = True
        return name

    def drop(self) -> None:
        if self._per_case:
            self.run.drop_table(f"{self.table}_tc")
        if self.lengths is not None:
            self.run.drop_table(self.lengths)
        self.run.drop_table(self.table)


def matching(names: list[str], counts: list[int], spec: JourneySpec) -> Matching:
    """`matching.map_activities` over the distinct event names (categories in sorted order)."""
    frame = pd.DataFrame({ACTIVITY: pd.Categorical([], categories=pd.Index(names, dtype="str"))})
    return map_activities(frame, spec, counts=np.asarray(counts, dtype=np.int64))


def name_spec(names: list[str]) -> JourneySpec:
    """Without a journey: each event name its own touchpoint, numbered in name order; the
    stages come from `derive` once the sequence is built."""
    return JourneySpec([TouchpointSpec(n, n, 0, match_events=(n,)) for n in names])


def derive_spec(seq: Sequence[R], names: list[str], counts: list[int]) -> None:
    """The sequence's journey derived from its event names (`prepared._spec_from_sorted`):
    stages by median first-seen position, then name; no suggestions."""
    med = first_seen_medians(seq)
    order = sorted(range(len(names)), key=lambda a: (med[a], names[a]))
    stage_of = {a: i for i, a in enumerate(order)}
    seq.spec = JourneySpec(
        [TouchpointSpec(n, n, stage_of[a], match_events=(n,)) for a, n in enumerate(names)]
    )
    seq.matching = matching(names, counts, seq.spec)
    seq.matching.suggestions = {}


def first_seen_medians(seq: Sequence[R]) -> np.ndarray:
    """Per touchpoint: median over its cases of the relative position of its first event
    (`prepared.first_seen_medians`: 0 first, 1 last, a one-event case 0); NaN if unused."""
    source = (
        f"SELECT tp AS g, CAST(p0 AS DOUBLE) / CAST(greatest(len - 1, 1) AS DOUBLE) AS v "
        f"FROM {seq.per_case()}"
    )
    by_tp = seq.run.order_stats([(source, (0.5,))])[0]
    reach = np.zeros(seq.n_tp, dtype=np.int64)
    for g, (nb,) in by_tp.items():
        reach[g] = nb.n
    starts = np.concatenate(([0], np.cumsum(reach)))
    out = np.full(seq.n_tp, np.nan)
    for g, (nb,) in by_tp.items():
        out[g] = lerp(nb, 0.5, int(starts[g]))
    return out
