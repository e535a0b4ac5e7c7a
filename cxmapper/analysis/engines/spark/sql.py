"""A thin handle on one SparkSession's SQL: fresh view names, cached tables, collected rows.

Why: temp views live in the session, which every dataset of the process shares, so names come
from one counter; intermediate tables are persisted DataFrames under a view name (computed once,
kept in executor memory and spilled to disk by Spark) and dropped when a report is done.
"""

from __future__ import annotations

import itertools
import threading
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

_NAMES = itertools.count()
_LOCK = threading.Lock()


class SparkSql:
    """SQL on one session; names are unique in the process."""

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

    def one(self, sql: str) -> tuple[Any, ...]:
        rows = self.rows(sql)
        assert len(rows) == 1, sql  # aggregates without GROUP BY return one row
        return rows[0]

    def cache(self, name: str, sql: str) -> str:
        """`name` as a temp view of `sql`, computed now and kept (memory, else disk); the view
        holds the analysed plan, so the views it was made from may be dropped."""
        frame = self.spark.sql(sql).persist()
        frame.count()
        frame.createOrReplaceTempView(name)
        self._cached[name] = frame
        return name

    def drop(self, name: str) -> None:
        frame = self._cached.pop(name, None)
        if frame is not None:
            frame.unpersist()
        self.spark.catalog.dropTempView(name)


def quote(name: str) -> str:
    """An identifier for Spark SQL, whatever characters the column name has."""
    return "`" + name.replace("`", "``") + "`"


def literal(value: str) -> str:
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"
