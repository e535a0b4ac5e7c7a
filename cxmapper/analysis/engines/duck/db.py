"""One DuckDB database per loaded dataset, with a memory limit and a spill directory.

Why per dataset: the app analyses in a worker thread while the CLI runs in the main one, and a
DuckDB connection must not be used by two threads at once; a lock per database serialises the
queries of one dataset (and of the selections made from it) without a global lock.
"""

from __future__ import annotations

import itertools
import os
import shutil
import tempfile
import threading
import weakref
from collections.abc import Sequence
from typing import Any

import duckdb

from cxmapper.errors import CxError

#: DuckDB's memory limit unless CXMAPPER_DUCKDB_MEMORY says otherwise (e.g. "8GB"): beyond it,
#: sorts, joins and aggregates spill to the temporary directory instead of failing.
DEFAULT_MEMORY_LIMIT = "3GB"


def memory_limit() -> str:
    return os.environ.get("CXMAPPER_DUCKDB_MEMORY", DEFAULT_MEMORY_LIMIT)


class Database:
    """A DuckDB connection with its spill directory and database file (removed with it) and
    fresh object names."""

    def __init__(self, threads: int | None = None) -> None:
        self.spill_dir = tempfile.mkdtemp(prefix="cxmapper-duckdb-")
        try:
            self.con = duckdb.connect(
                # a database file in the spill directory, not ":memory:": DuckDB compresses the
                # tables of a file (the step table: about 15 bytes per event instead of 33), so at
                # 100 M events it stays under the memory limit instead of being read back from
                # the spill files on every pass; the file goes with the directory
                os.path.join(self.spill_dir, "work.duckdb"),
                config={
                    "memory_limit": memory_limit(),
                    "temp_directory": self.spill_dir,
                    "threads": threads or max(os.cpu_count() or 1, 1),
                    # no query result depends on the order rows were inserted in (file order is
                    # the `_rn` column; `source._csv_table` turns it on while it numbers a CSV),
                    # and DuckDB sorts and materialises faster without keeping it
                    "preserve_insertion_order": False,
                },
            )
        except duckdb.Error as exc:  # e.g. a bad CXMAPPER_DUCKDB_MEMORY: no directory left behind
            shutil.rmtree(self.spill_dir, ignore_errors=True)
            raise CxError(f"cannot start DuckDB: {exc}") from exc
        self.con.execute("SET TimeZone = 'UTC'")
        # DuckDB draws a progress bar on stdout for queries over 2 s: it would corrupt
        # `analyze --json -` and the CLI's table
        self.con.execute("SET enable_progress_bar = false")
        self.lock = threading.RLock()
        #: view -> table of (case_id, cid: the case's first file row) made while validating the
        #: view (`source._validate`), taken by the first `sequence.build` over that view so the
        #: events are grouped by case id once, not twice
        self.cases: dict[str, str] = {}
        self._names = itertools.count()
        self._finalizer = weakref.finalize(self, _close, self.con, self.spill_dir)

    def name(self, prefix: str) -> str:
        """A new object name (views and tables of one database never collide)."""
        return f"{prefix}_{next(self._names)}"

    def execute(self, sql: str, params: Sequence[Any] | None = None) -> duckdb.DuckDBPyConnection:
        with self.lock:
            return self.con.execute(sql, params or [])

    def rows(self, sql: str, params: Sequence[Any] | None = None) -> list[tuple[Any, ...]]:
        with self.lock:
            return self.con.execute(sql, params or []).fetchall()

    def one(self, sql: str, params: Sequence[Any] | None = None) -> tuple[Any, ...]:
        with self.lock:
            row = self.con.execute(sql, params or []).fetchone()
        assert row is not None  # aggregates without GROUP BY always return a row
        return row

    def close(self) -> None:
        self._finalizer()


def _close(con: duckdb.DuckDBPyConnection, spill_dir: str) -> None:
    con.close()
    shutil.rmtree(spill_dir, ignore_errors=True)


def quote(name: str) -> str:
    """An identifier for SQL, whatever characters the source column name has."""
    return '"' + name.replace('"', '""') + '"'


def literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"
