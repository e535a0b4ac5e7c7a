"""The seam between the shared SQL and an engine: its dialect and how it runs a query.

Why a Protocol: the shared queries (`measures`, `trend`, `engine`) need only to run SQL, fetch
rows, name, create and drop views and tables, and fetch exact order statistics; DuckDB runs
them on a connection (`duck.runner.DuckSql`), Spark in a session (`spark.sql.SparkSql`). What
differs in the SQL text itself is the `Dialect`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from cxmapper.analysis.engines.sql.quantiles import OrderStat

#: Columns every SQL engine adds to its event view: the time in int64 nanoseconds (UTC) and the
#: row's file order (ties between equal times keep it).
TS = "_ts"
RN = "_rn"
INTERNAL = (TS, RN)

#: Part of one batch of order statistics: a query with integer column g and value column v, and
#: the quantiles wanted of each group.
StatsPart = tuple[str, Sequence[float]]


@dataclass(frozen=True)
class Dialect:
    """The few words in which the engines' SQL differs."""

    name: str
    text: str  # the string type: VARCHAR, STRING
    int_div: str  # integer division: //, DIV
    first: str  # any value of a group: any_value, first
    filter_clause: bool  # `count(*) FILTER (c)` rather than `count_if(c)`
    quote: Callable[[str], str]  # an identifier, whatever characters it has
    literal: Callable[[str], str]  # a string literal
    batch_order_stats: bool  # fetch a measure's order statistics in one query (a Spark job)

    def count_if(self, condition: str) -> str:
        """The number of rows of a group for which `condition` holds."""
        if self.filter_clause:
            return f"count(*) FILTER ({condition})"
        return f"count_if({condition})"


class SqlRunner(Protocol):
    """Runs one engine's SQL; names are unique among the views and tables it can see."""

    @property
    def dialect(self) -> Dialect: ...

    def name(self, prefix: str) -> str: ...

    def execute(self, sql: str) -> object: ...

    def rows(self, sql: str) -> list[tuple[Any, ...]]: ...

    def one(self, sql: str) -> tuple[Any, ...]:
        """The single row of an aggregate without GROUP BY."""
        ...

    def columns(self, view: str) -> list[str]:
        """The view's column names, the internal ones (`INTERNAL`) too."""
        ...

    def create_view(self, name: str, sql: str) -> None: ...

    def create_table(self, name: str, sql: str) -> None:
        """`sql` computed once and kept under `name` until `drop_table`."""
        ...

    def drop_table(self, name: str) -> None:
        """Drops a table made by `create_table`; nothing if there is none."""
        ...

    def order_stats(self, parts: Sequence[StatsPart]) -> list[dict[int, list[OrderStat]]]:
        """Per part, per group: one `OrderStat` per quantile (in order), holding the values at
        the ranks numpy's linear interpolation of that quantile reads."""
        ...
