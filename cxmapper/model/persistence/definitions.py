"""Check that a workspace's tables are the ones cxmapper creates, and hold values of their type.

Knowing which tables exist is not enough: a table rebuilt without NOT NULL lets a card have no
title, a column dropped or renamed breaks every insert, and SQLite stores a text in a REAL column
without complaint. Every check here is a read-only query, so a refused file is left untouched,
and each problem is told as one line naming the table, the row and the column.
"""

from __future__ import annotations

import sqlite3
from functools import cache

from cxmapper.model.persistence import schema

EXCERPT = 40  # characters of a bad value quoted in a message


class Damage(Exception):
    """What is wrong with a workspace's tables or values, as one line without the file name."""


Columns = tuple[tuple[str, str, int, int], ...]


@cache
def _reference_schema(version: int) -> tuple[list[tuple[str, str, str, str]], dict[str, Columns]]:
    """The sqlite_master rows and every table's columns of a schema version, from one
    in-memory database built once per process. (Building one per table ran the migrations
    120 times on every open, a fifth of the app's start-up before its first paint; issue 18.)"""
    conn = sqlite3.connect(":memory:")
    try:
        for script in schema.MIGRATIONS[:version]:
            conn.executescript(script)
        rows = conn.execute(
            "SELECT name, type, tbl_name, sql FROM sqlite_master WHERE sql IS NOT NULL"
        ).fetchall()
        columns = {name: _columns(conn, name) for name, kind, _, _ in rows if kind == "table"}
    finally:
        conn.close()
    return rows, columns


@cache
def reference(version: int) -> dict[str, tuple[str, str, str]]:
    """{name: (type, table, normalised SQL)} of the tables and indexes of a schema version."""
    rows, _ = _reference_schema(version)
    return {name: (kind, table, _normal(sql)) for name, kind, table, sql in rows}


def reference_columns(version: int, table: str) -> Columns:
    """(name, declared type, not null, primary key) of each column of a reference table."""
    return _reference_schema(version)[1].get(table, ())


def check_definitions(conn: sqlite3.Connection, version: int) -> None:
    """Raise Damage unless every table and index cxmapper creates is there exactly as created."""
    ref = reference(version)
    actual = {
        name: (kind, table, _normal(sql or ""))
        for name, kind, table, sql in conn.execute(
            "SELECT name, type, tbl_name, sql FROM sqlite_master WHERE type IN ('table', 'index')"
        )
    }
    for name, (kind, _, sql) in ref.items():
        if kind == "table" and actual.get(name, ("", "", ""))[2] != sql:
            raise Damage(_table_difference(conn, version, name))
    for name, (kind, table, sql) in ref.items():
        if kind == "index" and name not in actual:
            raise Damage(f"the index {name} on table {table} is missing")
        if kind == "index" and actual[name][2] != sql:
            raise Damage(f"the index {name} on table {table} is defined differently")
    known = {t for _, (k, t, _) in ref.items() if k == "table"}
    for name, (kind, table, sql) in actual.items():
        if kind == "index" and table in known and name not in ref and sql:
            raise Damage(f"table {table} has an index {name} that cxmapper never creates")


def _table_difference(conn: sqlite3.Connection, version: int, table: str) -> str:
    """The first difference between a table as found and as cxmapper creates it, in words."""
    want = {c[0]: c for c in reference_columns(version, table)}
    have = {c[0]: c for c in _columns(conn, table)}
    for name in want:
        if name not in have:
            return f"table {table} has no column {name}"
    for name in have:
        if name not in want:
            return f"table {table} has a column {name} that cxmapper never creates"
    for name, (_, kind, notnull, pk) in want.items():
        _, got_kind, got_notnull, got_pk = have[name]
        if got_kind.upper() != kind.upper():
            return f"column {table}.{name} is declared {got_kind or 'without a type'}, not {kind}"
        if notnull and not got_notnull:
            return f"column {table}.{name} accepts empty values (NULL) but must not"
        if (notnull, pk) != (got_notnull, got_pk):
            return f"column {table}.{name} has other constraints than cxmapper gives it"
    return f"table {table} is defined differently (its constraints were changed)"


# -- values ------------------------------------------------------------------------------------

STORAGE = {
    "TEXT": ("text",),
    "INTEGER": ("integer",),
    "REAL": ("real", "integer"),
    "BLOB": ("blob",),
}
WANTED = {"text": "text", "integer": "a whole number", "real": "a number", "blob": "binary data"}


def check_values(conn: sqlite3.Connection, version: int) -> None:
    """Raise Damage at the first value whose type or JSON shape the program cannot use."""
    for name, (kind, _, _) in reference(version).items():
        if kind != "table":
            continue
        columns = reference_columns(version, name)
        tests = [_value_test(name, c) for c in columns]
        bad = conn.execute(
            f"SELECT rowid FROM [{name}] WHERE NOT ({' AND '.join(tests)}) LIMIT 1"
        ).fetchone()
        if bad is not None:
            raise Damage(_value_problem(conn, name, columns, tests, bad[0]))


def _value_test(table: str, column: tuple[str, str, int, int]) -> str:
    name, kind, notnull, primary_key = column
    types = ", ".join(f"'{t}'" for t in STORAGE[kind.upper()])
    test = f"typeof([{name}]) IN ({types})"
    if kind.upper() == "REAL":  # SQLite keeps an infinity (1e999); nothing can compute with it
        test += f" AND abs([{name}]) < 9e999"
    shape = schema.JSON_COLUMNS.get((table, name))
    # SQLite does not promise to short-cut AND: json_type() of broken JSON would raise an error
    if shape == "texts":
        test += (
            f" AND CASE WHEN json_valid([{name}]) THEN json_type([{name}]) = 'array' AND NOT "
            f"EXISTS (SELECT 1 FROM json_each([{table}].[{name}]) WHERE type != 'text') ELSE 0 END"
        )
    elif shape == "object":
        test += (
            f" AND CASE WHEN json_valid([{name}]) THEN json_type([{name}]) = 'object' ELSE 0 END"
        )
    if not notnull and not primary_key:  # SQLite lets a TEXT PRIMARY KEY be NULL
        test = f"([{name}] IS NULL OR ({test}))"
    return test


def _value_problem(
    conn: sqlite3.Connection,
    table: str,
    columns: tuple[tuple[str, str, int, int], ...],
    tests: list[str],
    rowid: int,
) -> str:
    has_id = any(c[0] == "id" for c in columns)
    key = "id" if has_id else "NULL"
    row = conn.execute(
        f"SELECT {key}, {', '.join(tests)} FROM [{table}] WHERE rowid = ?", (rowid,)
    ).fetchone()
    where = f"table {table}, row {excerpt(row[0]) if row[0] is not None else f'#{rowid}'}"
    for (name, kind, _, _), ok in zip(columns, row[1:], strict=True):
        if ok:
            continue
        value, stored = conn.execute(
            f"SELECT substr([{name}], 1, {EXCERPT + 1}), typeof([{name}]) FROM [{table}] "
            "WHERE rowid = ?",
            (rowid,),
        ).fetchone()
        if stored == "null":
            return f"{where}, column {name}: empty (NULL) but a value is required"
        want = WANTED[STORAGE[kind.upper()][0]]
        if stored == "real" and kind.upper() == "REAL":
            return f"{where}, column {name}: holds {value} where a finite number is expected"
        if stored not in STORAGE[kind.upper()]:
            return (
                f"{where}, column {name}: holds {stored} {excerpt(value)} where {want} is expected"
            )
        shape = schema.JSON_COLUMNS[(table, name)]
        expected = "a JSON list of texts" if shape == "texts" else "a JSON object"
        return f"{where}, column {name}: {excerpt(value)} is not {expected}"
    return f"{where}: a value cxmapper cannot use"


def check_references(conn: sqlite3.Connection) -> None:
    """Raise Damage at the first reference to a row that does not exist."""
    bad = conn.execute("PRAGMA foreign_key_check").fetchone()
    if bad is None:
        return
    table, rowid, parent, fkid = bad
    column = next(
        (r[3] for r in conn.execute(f"PRAGMA foreign_key_list([{table}])") if r[0] == fkid), "?"
    )
    has_id = any(c[1] == "id" for c in conn.execute(f"PRAGMA table_info([{table}])"))
    ident = (
        excerpt(conn.execute(f"SELECT id FROM [{table}] WHERE rowid = ?", (rowid,)).fetchone()[0])
        if has_id
        else f"#{rowid}"
    )
    raise Damage(
        f"table {table}, row {ident}, column {column}: refers to a row of {parent} "
        "that does not exist"
    )


def excerpt(value: object) -> str:
    """A short, printable quotation of a value for a message (never the whole of a huge one)."""
    if isinstance(value, bytes):
        value = value.decode("latin-1")
    text = str(value)
    short = text[:EXCERPT]
    return repr(short) + ("…" if len(text) > EXCERPT else "")


def _columns(conn: sqlite3.Connection, table: str) -> Columns:
    return tuple(
        (str(r[1]), str(r[2]), int(r[3]), int(r[5]))
        for r in conn.execute(f"PRAGMA table_info([{table}])")
    )


def _normal(sql: str) -> str:
    return " ".join(sql.split())
