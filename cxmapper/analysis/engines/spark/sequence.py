"""The journey's events of a dataset in (case, time, file) order, as one cached Spark table.

As in the DuckDB engine (`duck.sequence`): one window pass numbers each case's mapped events
(ties: file order, `_rn`) and puts the next event's touchpoint and the step's duration beside
each event; a case is identified by the file row of its first event (`cid`, an integer).
Order statistics are exact: `ranked` sorts each group's values in a window and fetches only
the ranks numpy's linear interpolation reads, so quantiles equal the numpy engine's.
"""

from __future__ import annotations

from collections.abc import Sequence as Seq
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from cxmapper.analysis.columns import ACTIVITY, CASE_ID
from cxmapper.analysis.engines.duck.order_stats import lerp
from cxmapper.analysis.engines.spark.source import RN, TS
from cxmapper.analysis.engines.spark.sql import SparkSql
from cxmapper.analysis.matching import JourneySpec, Matching, TouchpointSpec, map_activities


@dataclass
class Ranked:
    """The values of one group at the ranks a quantile reads (duck-typed as `order_stats.Near`)."""

    n: int
    values: dict[int, float | int] = field(default_factory=dict)

    def at(self, rank: int) -> float | int:
        return self.values[rank]


def _near(qs: Seq[float]) -> str:
    return " OR ".join(
        f"(r BETWEEN floor({q!r} * (n - 1)) - 1 AND ceil({q!r} * (n - 1)) + 1)" for q in qs
    )


def ranked_many(sql: SparkSql, parts: Seq[tuple[str, Seq[float]]]) -> list[dict[int, Ranked]]:
    """Per part (a query with integer column g and value column v, and its quantiles q): per
    group, the values at ranks floor(q*(n-1)) - 1 .. ceil(q*(n-1)) + 1 for each q (one to spare
    each side, so a position computed from a block's global offset finds its neighbours too).
    All parts in one Spark job: a job costs far more than its rows on small logs."""
    union = " UNION ALL ".join(
        f"SELECT {k} AS k, g, CAST(v AS DOUBLE) AS v, CAST(v AS BIGINT) AS iv, "
        f"typeof(v) = 'bigint' AS whole FROM ({source}) s{k}"
        for k, (source, _) in enumerate(parts)
    )
    keep = " OR ".join(f"(k = {k} AND ({_near(qs)}))" for k, (_, qs) in enumerate(parts))
    rows = sql.rows(
        f"SELECT k, g, n, r, v, iv, whole FROM (SELECT k, g, v, iv, whole, "
        f"(row_number() OVER (PARTITION BY k, g ORDER BY v, iv)) - 1 AS r, "
        f"count(*) OVER (PARTITION BY k, g) AS n FROM ({union}) u) t WHERE {keep}"
    )
    out: list[dict[int, Ranked]] = [{} for _ in parts]
    for k, g, n, r, v, iv, whole in rows:
        out[int(k)].setdefault(int(g), Ranked(int(n))).values[int(r)] = int(iv) if whole else v
    return out


def ranked(sql: SparkSql, source: str, qs: Seq[float]) -> dict[int, Ranked]:
    """`ranked_many` of one part."""
    return ranked_many(sql, [(source, qs)])[0]


@dataclass
class Sequence:
    """The `seq` table of one (dataset, journey): cid, tp, ts, pos, len, next_tp, dt."""

    sql: SparkSql
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
            f"WHERE tp IN ({inner})) gl ON cid = goal_cid"
        )
        return joined, "next_tp IS NULL AND goal_cid IS NULL"

    def per_case(self) -> str:
        """A table (built once) per (touchpoint, case): events `c` and, without a journey, the
        first position `p0` and the case length `len`."""
        name = f"{self.table}_tc"
        if not self._per_case:
            first = ", min(pos) AS p0, first(len) AS len" if self.derived else ""
            self.sql.cache(
                name, f"SELECT tp, cid, count(*) AS c{first} FROM {self.table} GROUP BY tp, cid"
            )
            self._per_case = True
        return name

    def drop(self) -> None:
        if self._per_case:
            self.sql.drop(f"{self.table}_tc")
        self.sql.drop(self.table)


def _matching(names: list[str], counts: list[int], spec: JourneySpec) -> Matching:
    frame = pd.DataFrame({ACTIVITY: pd.Categorical([], categories=pd.Index(names, dtype="str"))})
    return map_activities(frame, spec, counts=np.asarray(counts, dtype=np.int64))


def build(sql: SparkSql, view: str, order: list[str], spec: JourneySpec | None) -> Sequence:
    """Map event names to touchpoints, then sort and pair the events in one window pass.
    `order` is the dataset's order of event names (the numpy engine's category order)."""
    counted: dict[str, int] = {}
    n_events = n_cases = 0
    for name, events, cases, total in sql.rows(  # one pass: per name, and the whole dataset
        f"SELECT {ACTIVITY}, count(*), count(DISTINCT {CASE_ID}), grouping({ACTIVITY}) "
        f"FROM {view} GROUP BY GROUPING SETS (({ACTIVITY}), ())"
    ):
        if total:
            n_events, n_cases = int(events), int(cases)
        elif name is not None:
            counted[str(name)] = int(events)
    rank = {name: k for k, name in enumerate(order)}
    names = sorted((str(n) for n in counted), key=lambda n: (rank.get(n, len(rank)), n))
    counts = [int(counted[n]) for n in names]
    derive = spec is None
    if spec is None:
        spec = JourneySpec([TouchpointSpec(n, n, 0, match_events=(n,)) for n in names])
    matching = _matching(names, counts, spec)
    pairs = [(n, int(t)) for n, t in zip(names, matching.activity_to_tp, strict=True) if t >= 0]
    mapping = sql.name("map")
    schema = f"{ACTIVITY} string, tp int"
    sql.spark.createDataFrame(pairs, schema=schema).createOrReplaceTempView(mapping)
    cases = f"(SELECT {CASE_ID}, min({RN}) AS cid FROM {view} GROUP BY 1)"  # case -> first row
    table = sql.name("seq")
    length = ", CAST(count(*) OVER (PARTITION BY cid) AS INT) AS len" if derive else ""
    sql.cache(
        table,
        f"""
        SELECT cid, tp, {TS} AS ts, CAST((row_number() OVER w) - 1 AS INT) AS pos{length},
               lead(tp) OVER w AS next_tp, (lead({TS}) OVER w) - {TS} AS dt
        FROM (SELECT c.cid, m.tp, e.{TS}, e.{RN} FROM {view} e
              JOIN {mapping} m ON e.{ACTIVITY} = m.{ACTIVITY}
              JOIN {cases} c ON e.{CASE_ID} = c.{CASE_ID}) x
        WINDOW w AS (PARTITION BY cid ORDER BY {TS}, {RN})
        """,
    )
    sql.spark.catalog.dropTempView(mapping)
    seq = Sequence(sql, table, spec, matching, n_cases, n_events, derive)
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
    by_tp = ranked(seq.sql, source, (0.5,))
    reach = np.zeros(seq.n_tp, dtype=np.int64)
    for g, nb in by_tp.items():
        reach[g] = nb.n
    starts = np.concatenate(([0], np.cumsum(reach)))
    out = np.full(seq.n_tp, np.nan)
    for g, nb in by_tp.items():
        out[g] = lerp(nb, 0.5, int(starts[g]))  # type: ignore[arg-type]
    return out


def _derived_spec(seq: Sequence, names: list[str]) -> JourneySpec:
    """`prepared._spec_from_sorted`: stage order by median first-seen position, then name."""
    med = first_seen_medians(seq)
    order = sorted(range(len(names)), key=lambda a: (med[a], names[a]))
    stage_of = {a: i for i, a in enumerate(order)}
    return JourneySpec(
        [TouchpointSpec(n, n, stage_of[a], match_events=(n,)) for a, n in enumerate(names)]
    )
