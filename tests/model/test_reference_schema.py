"""Issue 18: opening a workspace builds the reference schema it is checked against once, not
once per table (the migrations ran 120 times on the first open, a fifth of the app's start-up
before its first paint). The reference is the same as before: each table's columns as a
freshly created workspace has them."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from cxmapper.model.persistence import definitions, schema
from cxmapper.model.workspace import Workspace


def _forget_references() -> None:
    for name in ("reference", "reference_columns", "_reference_schema"):
        cached: Any = getattr(definitions, name, None)
        if hasattr(cached, "cache_clear"):  # the cached ones (before issue 18, per table too)
            cached.cache_clear()


def test_the_first_open_builds_one_reference_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "w.cxmap"
    Workspace.create(path).close()
    connect = sqlite3.connect
    in_memory: list[str] = []

    def counting(database: str, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        if database == ":memory:":
            in_memory.append(database)
        conn: sqlite3.Connection = connect(database, *args, **kwargs)
        return conn

    _forget_references()
    monkeypatch.setattr(sqlite3, "connect", counting)  # as definitions calls it
    Workspace.open(path).close()
    assert len(in_memory) == 1


def test_reference_columns_are_those_of_a_new_workspace(tmp_path: Path) -> None:
    _forget_references()
    version = len(schema.MIGRATIONS)
    path = tmp_path / "w.cxmap"
    Workspace.create(path).close()
    conn = sqlite3.connect(path)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        for table in tables:
            if table.startswith("sqlite_"):
                continue
            want = tuple(
                (str(r[1]), str(r[2]), int(r[3]), int(r[5]))
                for r in conn.execute(f"PRAGMA table_info([{table}])")
            )
            assert definitions.reference_columns(version, table) == want, table
    finally:
        conn.close()
    assert definitions.reference_columns(version, "no such table") == ()
