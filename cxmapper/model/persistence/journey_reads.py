"""SQL of the narrow reads a journey's state needs (versions, diffs): only its own records.

A journey's state names the KPIs read on its cards and the RACI of its cards. Reading every
reading of the workspace to find those KPIs grows with the whole history of measurements
(a weekly reading per card for two years is 200,000 rows for 2,000 cards), so the set of KPI
ids is asked of SQLite, which answers it from the readings' (touchpoint_id, kpi_id) index.
"""

from __future__ import annotations

from cxmapper.model.persistence.store import Row, Store, _all


def kpi_ids_read_on(store: Store, journey_id: str) -> set[str]:
    """Ids of the KPIs with at least one reading on a card of the journey."""
    cur = store._conn.execute(
        "SELECT DISTINCT kpi_id FROM readings WHERE touchpoint_id IN "
        "(SELECT id FROM touchpoints WHERE journey_id = ?)",
        (journey_id,),
    )
    return {r[0] for r in cur.fetchall()}


def raci_rows_of(store: Store, journey_id: str) -> list[Row]:
    """The RACI rows of the journey's cards, in the order `Workspace.raci` lists them."""
    cur = store._conn.execute(
        "SELECT * FROM raci WHERE touchpoint_id IN "
        "(SELECT id FROM touchpoints WHERE journey_id = ?) ORDER BY rowid",
        (journey_id,),
    )
    return _all(cur)
