"""The journey's events of a dataset in (case, time, file) order, as one DuckDB table.

One window pass numbers each case's mapped events (ties: file order, `_rn`) and puts the next
event's touchpoint and the step's duration beside each event; every metric then reads this
table with linear aggregates. A case is identified by the file row of its first event (`cid`):
a unique integer, so the window partitions and every later grouping sort integers, not text
(a third faster than partitioning by the case id at 10 million events).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from cxmapper.analysis.columns import ACTIVITY, CASE_ID
from cxmapper.analysis.engines.duck.db import Database
from cxmapper.analysis.engines.duck.order_stats import lerp, near
from cxmapper.analysis.engines.duck.source import RN, TS
from cxmapper.analysis.matching import JourneySpec, Matching, TouchpointSpec, map_activities


@dataclass
class Sequence:
    """The `seq` table of one (dataset, journey): cid, tp, ts, pos, len, next_tp, dt."""

    db: Database
    table: str
    spec: JourneySpec
    matching: Matching
    n_cases: int  # cases in the dataset, including those with no mapped event
    n_events: int  # events in the dataset, mapped or not
    derived: bool = False  # touchpoints derived from event names: `seq` has the case length
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
        inner = ", ".join(map(str, goals))
        joined = (
            f"{self.table} LEFT JOIN (SELECT DISTINCT cid AS goal_cid FROM {self.table} "
            f"WHERE tp IN ({inner})) ON cid = goal_cid"
        )
        return joined, "next_tp IS NULL AND goal_cid IS NULL"

    def per_case(self) -> str:
        """A table (built once) per (touchpoint, case): events `c` and, without a journey, the
        first position `p0` and the case length `len`; reach, repeats and first-seen read it."""
        name = f"{self.table}_tc"
        if not self._per_case:
            first = ", min(pos) AS p0, any_value(len) AS len" if self.derived else ""
            self.db.execute(
                f"CREATE TABLE {name} AS SELECT tp, cid, count(*) AS c{first} "
                f"FROM {self.table} GROUP BY tp, cid"
            )
            self._per_case = True
        return name

    def drop(self) -> None:
        self.db.execute(f"DROP TABLE IF EXISTS {self.table}")
        self.db.execute(f"DROP TABLE IF EXISTS {self.table}_tc")


def _matching(names: list[str], counts: list[int], spec: JourneySpec) -> Matching:
    """`matching.map_activities` over the distinct event names (categories in sorted order)."""
    frame = pd.DataFrame({ACTIVITY: pd.Categorical([], categories=pd.Index(names, dtype="str"))})
    return map_activities(frame, spec, counts=np.asarray(counts, dtype=np.int64))


def build(db: Database, view: str, order: str, spec: JourneySpec | None) -> Sequence:
    """Map event names to touchpoints, then sort and pair the events in one window pass.

    `order` is a query of (activity, k1, k2): the dataset's order of event names, which is the
    order of the touchpoints derived without a journey (the numpy engine's category order).
    """
    cases = db.cases.pop(view, "")  # case id -> its first file row: sorting integers is faster
    if not cases:  # not made while validating (`source._validate`), or taken by a build before
        cases = db.name("cases")
        db.execute(
            f"CREATE TABLE {cases} AS SELECT {CASE_ID}, min({RN}) AS cid, count(*) AS n "
            f"FROM {view} GROUP BY 1"
        )
    n_cases, n_events = db.one(f"SELECT count(*), (SELECT count(*) FROM {view}) FROM {cases}")
    rows = db.rows(
        f"SELECT c.{ACTIVITY}, c.n FROM (SELECT {ACTIVITY}, count(*) AS n FROM {view} "
        f"GROUP BY 1) c LEFT JOIN ({order}) o USING ({ACTIVITY}) ORDER BY o.k1, o.k2, 1"
    )
    names, counts = [str(r[0]) for r in rows], [int(r[1]) for r in rows]
    derive = spec is None
    if spec is None:  # each name its own touchpoint, numbered in name order; stages come later
        spec = JourneySpec([TouchpointSpec(n, n, 0, match_events=(n,)) for n in names])
    matching = _matching(names, counts, spec)
    mapping = db.name("map")
    pairs = [(n, int(t)) for n, t in zip(names, matching.activity_to_tp, strict=True) if t >= 0]
    frame = pd.DataFrame(
        {"activity": [p[0] for p in pairs], "tp": np.asarray([p[1] for p in pairs], np.int32)}
    )
    db.con.register(mapping, frame)
    table = db.name("seq")
    # without a journey every event is mapped, so a case's length is its events in the dataset,
    # counted with its cid (`cases.n`) rather than by a second window over the sorted events
    length = ", CAST(n AS INTEGER) AS len" if derive else ""
    db.execute(
        f"""
        CREATE TABLE {table} AS
        SELECT cid, tp, {TS} AS ts,
               CAST(row_number() OVER w - 1 AS INTEGER) AS pos{length},
               lead(tp) OVER w AS next_tp, lead({TS}) OVER w - {TS} AS dt
        FROM (SELECT c.cid, c.n, m.tp, e.{TS}, e.{RN} FROM {view} e
              JOIN {mapping} m ON e.{ACTIVITY} = m.activity
              JOIN {cases} c ON e.{CASE_ID} = c.{CASE_ID})
        WINDOW w AS (PARTITION BY cid ORDER BY {TS}, {RN})
        """
    )
    db.execute(f"DROP TABLE {cases}")
    db.con.unregister(mapping)
    seq = Sequence(db, table, spec, matching, int(n_cases), int(n_events), derive)
    if derive:
        seq.spec = _derived_spec(seq, names)
        seq.matching = _matching(names, counts, seq.spec)
        seq.matching.suggestions = {}
    return seq


def first_seen_medians(seq: Sequence) -> np.ndarray:
    """Per touchpoint: median over its cases of the relative position of its first event
    (`prepared.first_seen_medians`: 0 first, 1 last, a one-event case 0); NaN if unused."""
    source = (
        f"SELECT tp AS g, CAST(p0 AS DOUBLE) / CAST(greatest(len - 1, 1) AS DOUBLE) AS v "
        f"FROM {seq.per_case()}"
    )
    by_tp = near(seq.db, source, (0.5,))
    reach = np.zeros(seq.n_tp, dtype=np.int64)
    for g, (nb,) in by_tp.items():
        reach[g] = nb.n
    starts = np.concatenate(([0], np.cumsum(reach)))
    out = np.full(seq.n_tp, np.nan)
    for g, (nb,) in by_tp.items():
        out[g] = lerp(nb, 0.5, int(starts[g]))
    return out


def _derived_spec(seq: Sequence, names: list[str]) -> JourneySpec:
    """`prepared._spec_from_sorted`: stage order by median first-seen position, then name."""
    med = first_seen_medians(seq)
    order = sorted(range(len(names)), key=lambda a: (med[a], names[a]))
    stage_of = {a: i for i, a in enumerate(order)}
    return JourneySpec(
        [TouchpointSpec(n, n, stage_of[a], match_events=(n,)) for a, n in enumerate(names)]
    )
