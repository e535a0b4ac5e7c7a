"""The journey's events of a dataset in (case, time, file) order, as one cached Spark table.

As in the DuckDB engine (`duck.sequence`, the shape in `sql.sequence`): one window pass numbers
each case's mapped events (ties: file order, `_rn`) and puts the next event's touchpoint and
the step's duration beside each event; a case is identified by the file row of its first event
(`cid`, an integer). Spark counts names, events and cases in one job, and builds the table
with no join: a literal map of names to touchpoints and a window for `cid`, so the one shuffle
by case serves every window (each join was a broadcast job of its own, issue 18).
"""

from __future__ import annotations

from cxmapper.analysis.columns import ACTIVITY, CASE_ID
from cxmapper.analysis.engines.spark.measures import SparkSequence
from cxmapper.analysis.engines.spark.sql import SparkSql
from cxmapper.analysis.engines.sql.runner import RN, TS
from cxmapper.analysis.engines.sql.sequence import Sequence, derive_spec, matching, name_spec
from cxmapper.analysis.matching import JourneySpec


def build(
    sql: SparkSql, view: str, order: list[str], spec: JourneySpec | None
) -> Sequence[SparkSql]:
    """Map event names to touchpoints, then sort and pair the events in one window pass.
    `order` is the dataset's order of event names (the numpy engine's category order)."""
    # One job, two plain aggregates: events per name, and the cases (a GROUPING SETS with
    # count(DISTINCT) expanded every row four times: the costliest query of a BPIC 2012 report).
    per_name, cases = sql.batch(
        [
            (f"SELECT {ACTIVITY}, count(*) FROM {view} GROUP BY {ACTIVITY}", "si"),
            (f"SELECT count(DISTINCT {CASE_ID}) FROM {view}", "i"),
        ]
    )
    counted = {str(name): int(events) for name, events in per_name if name is not None}
    n_events = sum(int(events) for _, events in per_name)
    n_cases = int(cases[0][0])
    rank = {name: k for k, name in enumerate(order)}
    names = sorted((str(n) for n in counted), key=lambda n: (rank.get(n, len(rank)), n))
    counts = [int(counted[n]) for n in names]
    derive = spec is None
    if spec is None:
        spec = name_spec(names)
    matched = matching(names, counts, spec)
    pairs = [(n, int(t)) for n, t in zip(names, matched.activity_to_tp, strict=True) if t >= 0]
    tp, join, mapping = _touchpoint(sql, pairs)
    table = sql.name("seq")
    length = f", CAST(count(*) OVER (PARTITION BY {CASE_ID}) AS INT) AS len" if derive else ""
    # One shuffle (by case) for every window: a case is known by the file row of its first
    # event among all its events (mapped or not), so `cid` is computed before the filter.
    sql.create_table(
        table,
        f"""
        SELECT cid, tp, {TS} AS ts, CAST((row_number() OVER w) - 1 AS INT) AS pos{length},
               lead(tp) OVER w AS next_tp, (lead({TS}) OVER w) - {TS} AS dt
        FROM (SELECT e.{CASE_ID}, min(e.{RN}) OVER (PARTITION BY e.{CASE_ID}) AS cid,
                     {tp} AS tp, e.{TS}, e.{RN}
              FROM {view} e{join} WHERE e.{CASE_ID} IS NOT NULL) x
        WHERE tp IS NOT NULL
        WINDOW w AS (PARTITION BY {CASE_ID} ORDER BY {TS}, {RN})
        """,
    )
    if mapping is not None:
        sql.spark.catalog.dropTempView(mapping)
    seq = SparkSequence(sql, table, spec, matched, n_cases, n_events, derive)
    if derive:
        derive_spec(seq, names, counts)
    return seq


#: Up to this many mapped names, an event's touchpoint is looked up in a literal map (no join,
#: so no broadcast job); Spark searches a map literal linearly, so more names take a join.
MAP_LIMIT = 256


def _touchpoint(sql: SparkSql, pairs: list[tuple[str, int]]) -> tuple[str, str, str | None]:
    """The SQL of an event's (`e`) touchpoint, NULL when its name maps to none; the join it
    needs, if any; and the temp view of that join's mapping, to drop once the table is made."""
    from cxmapper.analysis.engines.spark.sql import literal

    if not pairs:
        return "CAST(NULL AS INT)", "", None
    if len(pairs) <= MAP_LIMIT:
        keys = ", ".join(literal(n) for n, _ in pairs)
        values = ", ".join(str(t) for _, t in pairs)
        lookup = f"map_from_arrays(array({keys}), array({values}))"
        return f"CAST(try_element_at({lookup}, e.{ACTIVITY}) AS INT)", "", None
    mapping = sql.name("map")
    schema = f"{ACTIVITY} string, tp int"
    sql.spark.createDataFrame(pairs, schema=schema).createOrReplaceTempView(mapping)
    return "m.tp", f" LEFT JOIN {mapping} m ON e.{ACTIVITY} = m.{ACTIVITY}", mapping
