"""The journey's events of a dataset in (case, time, file) order, as one cached Spark table.

As in the DuckDB engine (`duck.sequence`, the shape in `sql.sequence`): one window pass numbers
each case's mapped events (ties: file order, `_rn`) and puts the next event's touchpoint and
the step's duration beside each event; a case is identified by the file row of its first event
(`cid`, an integer). Spark counts names, events and cases in one pass (GROUPING SETS).
"""

from __future__ import annotations

from cxmapper.analysis.columns import ACTIVITY, CASE_ID
from cxmapper.analysis.engines.spark.sql import SparkSql
from cxmapper.analysis.engines.sql.runner import RN, TS
from cxmapper.analysis.engines.sql.sequence import Sequence, derive_spec, matching, name_spec
from cxmapper.analysis.matching import JourneySpec


def build(
    sql: SparkSql, view: str, order: list[str], spec: JourneySpec | None
) -> Sequence[SparkSql]:
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
        spec = name_spec(names)
    matched = matching(names, counts, spec)
    pairs = [(n, int(t)) for n, t in zip(names, matched.activity_to_tp, strict=True) if t >= 0]
    mapping = sql.name("map")
    schema = f"{ACTIVITY} string, tp int"
    sql.spark.createDataFrame(pairs, schema=schema).createOrReplaceTempView(mapping)
    cases = f"(SELECT {CASE_ID}, min({RN}) AS cid FROM {view} GROUP BY 1)"  # case -> first row
    table = sql.name("seq")
    length = ", CAST(count(*) OVER (PARTITION BY cid) AS INT) AS len" if derive else ""
    sql.create_table(
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
    seq = Sequence(sql, table, spec, matched, n_cases, n_events, derive)
    if derive:
        derive_spec(seq, names, counts)
    return seq
