"""The DuckDB engine's `SqlRunner`: a `Database` that also names DuckDB's dialect, creates and
drops views and tables and fetches order statistics (`buckets.ranked_many`, else
`order_stats.near`).

Why a subclass rather than a change to `Database`: the connection's settings (memory limit,
spill directory, threads) stay in `db.py`; what the shared SQL base needs sits here.
"""

from __future__ import annotations

from collections.abc import Sequence

from cxmapper.analysis.engines.duck.buckets import ranked_many
from cxmapper.analysis.engines.duck.db import Database, literal, quote
from cxmapper.analysis.engines.duck.order_stats import near
from cxmapper.analysis.engines.sql.quantiles import OrderStat
from cxmapper.analysis.engines.sql.runner import Dialect, StatsPart

DUCKDB = Dialect(
    name="duckdb",
    text="VARCHAR",
    int_div="//",
    first="any_value",
    filter_clause=True,
    quote=quote,
    literal=literal,
    batch_order_stats=False,  # a query costs little: fetch only what a metric reads
)


class DuckSql(Database):
    """A DuckDB database that the SQL engine base (`engines.sql`) runs its queries on."""

    dialect = DUCKDB

    def columns(self, view: str) -> list[str]:
        return [str(r[0]) for r in self.rows(f"DESCRIBE {view}")]

    def create_view(self, name: str, sql: str) -> None:
        self.execute(f"CREATE VIEW {name} AS {sql}")

    def create_table(self, name: str, sql: str) -> None:
        self.execute(f"CREATE TABLE {name} AS {sql}")

    def drop_table(self, name: str) -> None:
        self.execute(f"DROP TABLE IF EXISTS {name}")

    def order_stats(self, parts: Sequence[StatsPart]) -> list[dict[int, list[OrderStat]]]:
        out: list[dict[int, list[OrderStat]]] = []
        for source, qs in parts:
            # a histogram pass and a fetch of the buckets holding the ranks; if the buckets do
            # not keep the values' order, a pick and a counting pass
            got = ranked_many(self, source, {"g": lambda g: g}, {"g": qs})
            found = near(self, source, qs) if got is None else got["g"]
            out.append({g: list(nbs) for g, nbs in found.items()})
        return out
