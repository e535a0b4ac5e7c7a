"""The journey's events of a dataset in (case, time, file) order, as one DuckDB table.

One window pass numbers each case's mapped events (ties: file order, `_rn`) and puts the next
event's touchpoint and the step's duration beside each event; every metric then reads this
table with linear aggregates. A case is identified by the file row of its first event (`cid`):
a unique integer, so the window partitions and every later grouping sort integers, not text
(a third faster than partitioning by the case id at 10 million events).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from cxmapper.analysis.columns import ACTIVITY, CASE_ID
from cxmapper.analysis.engines.duck.runner import DuckSql
from cxmapper.analysis.engines.sql.runner import RN, TS
from cxmapper.analysis.engines.sql.sequence import Sequence, derive_spec, matching, name_spec
from cxmapper.analysis.matching import JourneySpec


def build(db: DuckSql, view: str, order: str, spec: JourneySpec | None) -> Sequence[DuckSql]:
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
        spec = name_spec(names)
    matched = matching(names, counts, spec)
    mapping = db.name("map")
    pairs = [(n, int(t)) for n, t in zip(names, matched.activity_to_tp, strict=True) if t >= 0]
    # narrow types keep the step table small (at 100 M events it outgrows the memory limit and
    # every pass reads it back from the spill directory): SMALLINT touchpoints while a
    # transition's number tp * n + next_tp fits in one, INTEGER case ids while file rows do
    n_tp = len(spec.touchpoints)
    tp_type = np.int16 if n_tp * n_tp <= np.iinfo(np.int16).max else np.int32
    frame = pd.DataFrame(
        {"activity": [p[0] for p in pairs], "tp": np.asarray([p[1] for p in pairs], tp_type)}
    )
    db.con.register(mapping, frame)
    top = db.one(f"SELECT max(cid) FROM {cases}")[0]
    cid = "CAST(c.cid AS INTEGER)" if top is None or top < 2**31 else "c.cid"
    lengths = None
    if derive:  # every event is mapped: a case's length is its events in the dataset (`cases.n`)
        lengths = db.name("len")
        db.execute(
            f"CREATE TABLE {lengths} AS "
            f"SELECT {cid} AS cid, CAST(n AS INTEGER) AS len FROM {cases} c"
        )
    table = db.name("seq")
    db.execute(
        f"""
        CREATE TABLE {table} AS
        SELECT cid, tp, {TS} AS ts,
               CAST(row_number() OVER w - 1 AS INTEGER) AS pos,
               lead(tp) OVER w AS next_tp, lead({TS}) OVER w - {TS} AS dt
        FROM (SELECT {cid} AS cid, m.tp, e.{TS}, e.{RN} FROM {view} e
              JOIN {mapping} m ON e.{ACTIVITY} = m.activity
              JOIN {cases} c ON e.{CASE_ID} = c.{CASE_ID})
        WINDOW w AS (PARTITION BY cid ORDER BY {TS}, {RN})
        """
    )
    db.execute(f"DROP TABLE {cases}")
    db.con.unregister(mapping)
    seq = Sequence(db, table, spec, matched, int(n_cases), int(n_events), derive, lengths)
    if derive:
        derive_spec(seq, names, counts)
    return seq
