"""A thin handle on one SparkSession's SQL (the Spark engine's `sql.runner.SqlRunner`): fresh
view names, cached tables, collected rows, exact order statistics.

Why: temp views live in the session, which every dataset of the process shares, so names come
from one counter; intermediate tables are persisted DataFrames under a view name (computed once,
kept in executor memory and spilled to disk by Spark) and dropped when a report is done.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from cxmapper.analysis.engines.spark.order_stats import ranked_many
from cxmapper.analysis.engines.sql.quantiles import OrderStat
from cxmapper.analysis.engines.sql.runner import Dialect, StatsPart

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

_NAMES = itertools.count()
#: The column kinds of `SparkSql.batch` and their Spark types.
KINDS = {"i": "BIGINT", "d": "DOUBLE", "b": "BOOLEAN", "s": "STRING"}
_LOCK = threading.Lock()


def quote(name: str) -> str:
    """An identifier for Spark SQL, whatever characters the column name has."""
    return "`" + name.replace("`", "``") + "`"


def literal(value: str) -> str:
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"


SPARK = Dialect(
    name="spark",
    text="STRING",
    int_div="DIV",
    first="first",
    filter_clause=False,
    quote=quote,
    literal=literal,
    batch_order_stats=True,  # a Spark job costs far more than its rows: one job per measure
)


class SparkSql:
    """SQL on one session; names are unique in the process."""

    dialect = SPARK

    def __init__(self, spark: SparkSession) -> None:
        self.spark = spark
        self._cached: dict[str, DataFrame] = {}

    def name(self, prefix: str) -> str:
        with _LOCK:
            return f"cx_{prefix}_{next(_NAMES)}"

    def execute(self, sql: str) -> None:
        self.spark.sql(sql).collect()  # DDL and CACHE TABLE run eagerly; collect for the rest

    def rows(self, sql: str) -> list[tuple[Any, ...]]:
        return [tuple(r) for r in self.spark.sql(sql).collect()]

    def batch(self, parts: Sequence[tuple[str, str]]) -> list[list[tuple[Any, ...]]]:
        """The rows of several queries fetched in one Spark job (a job costs far more than its
        rows on small logs, issue 18). Each part is (query, kinds): one letter per column, i
        for an integer, d a double, b a flag, s a string; the queries are put in one UNION ALL
        over a common row of those kinds (NULL where a part has no such column) and split."""
        slots = {k: max(kinds.count(k) for _, kinds in parts) for k in KINDS}
        selects = []
        for p, (query, kinds) in enumerate(parts):
            cols = [f"c{j}" for j in range(len(kinds))]
            out = [str(p)]
            for k in KINDS:
                mine = [c for c, kind in zip(cols, kinds, strict=True) if kind == k]
                out += [f"CAST({c} AS {KINDS[k]})" for c in mine]
                out += [f"CAST(NULL AS {KINDS[k]})"] * (slots[k] - len(mine))
            selects.append(f"SELECT {', '.join(out)} FROM ({query}) AS q{p}({', '.join(cols)})")
        got: list[list[tuple[Any, ...]]] = [[] for _ in parts]
        start, at = {}, 1
        for k in KINDS:
            start[k], at = at, at + slots[k]
        for row in self.rows(" UNION ALL ".join(selects)):
            kinds = parts[int(row[0])][1]
            seen = dict.fromkeys(KINDS, 0)
            values = []
            for kind in kinds:
                values.append(row[start[kind] + seen[kind]])
                seen[kind] += 1
            got[int(row[0])].append(tuple(values))
        return got

    def one(self, sql: str) -> tuple[Any, ...]:
        rows = self.rows(sql)
        assert len(rows) == 1, sql  # aggregates without GROUP BY return one row
        return rows[0]

    def columns(self, view: str) -> list[str]:
        return list(self.spark.table(view).columns)

    def create_view(self, name: str, sql: str) -> None:
        self.spark.sql(sql).createOrReplaceTempView(name)

    def create_table(self, name: str, sql: str) -> None:
        """`name` as a temp view of `sql`, kept (memory, else disk) once the first query that
        reads it has computed it: no job of its own (a count only to fill the cache cost a job
        per table, issue 18). The view holds the analysed plan, so the views it was made from
        may be dropped."""
        frame = self.spark.sql(sql).persist()
        frame.createOrReplaceTempView(name)
        self._cached[name] = frame

    def drop_table(self, name: str) -> None:
        frame = self._cached.pop(name, None)
        if frame is not None:
            frame.unpersist()
        self.spark.catalog.dropTempView(name)

    def order_stats(self, parts: Sequence[StatsPart]) -> list[dict[int, list[OrderStat]]]:
        """`order_stats.ranked_many`: every part in one job; one `Ranked` holds the ranks of
        all of a group's quantiles, so it stands for each of them."""
        got = ranked_many(self, parts)
        return [
            {g: [nb] * len(qs) for g, nb in by_g.items()}
            for by_g, (_, qs) in zip(got, parts, strict=True)
        ]
