"""SQL of the change log (audit trail): append in the caller's transaction, read filtered.

Kept apart from store.py, which is about rows of the map; the log is append-only and read by
ranges (since an entry, since a date, of a journey or an entity).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

from cxmapper.model.persistence.store import Row, Store

_COLUMNS = "at, author, label, action, kind, entity_id, journey_id, details"


def last_seq(store: Store) -> int:
    """The seq of the newest entry (0 for an empty log); cheap: the primary key's maximum.

    0 too for a file opened without migrating (read-only), which has no log yet.
    """
    try:
        value = store._conn.execute("SELECT max(seq) FROM change_log").fetchone()[0]
    except sqlite3.OperationalError:
        return 0
    return int(value or 0)


def append(store: Store, rows: Sequence[tuple[Any, ...]]) -> int:
    """Append entries of one operation (tuples in _COLUMNS order); returns the last seq.

    All entries share `operation` = the seq of the first one, so a commit reads as a unit.
    Inside the write transaction nobody else appends, so the seqs are consecutive.
    """
    if not rows:
        return last_seq(store)
    conn = store._conn
    with store.transaction():
        first = conn.execute(
            f"INSERT INTO change_log (operation, {_COLUMNS}) VALUES "
            "((SELECT ifnull(max(seq), 0) + 1 FROM change_log), ?, ?, ?, ?, ?, ?, ?, ?)",
            rows[0],
        ).lastrowid
        if len(rows) > 1:
            conn.executemany(
                f"INSERT INTO change_log (operation, {_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(first, *r) for r in rows[1:]],
            )
    return int(first or 0) + len(rows) - 1


def select(
    store: Store,
    *,
    after_seq: int | None = None,
    journey_id: str | None = None,
    entity_id: str | None = None,
    since: str | None = None,
    until: str | None = None,
    author: str | None = None,
    card_id: str | None = None,
    limit: int | None = None,
) -> list[Row]:
    """Entries in order, filtered: after an entry, of a journey/entity, at or after `since`
    and before `until` (ISO times; a date means its midnight UTC), by an author, about a card
    (`card_id`: the card's own entries and those of the records on it, whose details name it
    as their touchpoint_id).

    The card filter is decided in SQL: a card's History tab reads a handful of rows instead of
    decoding the whole journey's log in Python (thousands of entries on a big map). `instr`
    passes over the rows that do not mention the card at all before any JSON is parsed.
    """
    parts: list[str] = []
    params: list[Any] = []
    if card_id is not None:
        parts.append(
            "(entity_id = ? OR (entity_id != '' AND instr(details, ?) > 0"
            " AND json_extract(details, '$.touchpoint_id') = ?))"
        )
        params += [card_id, card_id, card_id]
    for clause, value in (
        ("seq > ?", after_seq),
        ("journey_id = ?", journey_id),
        ("entity_id = ?", entity_id),
        ("at >= ?", since),
        ("at < ?", until),
        ("author = ?", author),
    ):
        if value is not None:
            parts.append(clause)
            params.append(value)
    where = f" WHERE {' AND '.join(parts)}" if parts else ""
    tail = f" LIMIT {int(limit)}" if limit else ""
    cur = store._conn.execute(f"SELECT * FROM change_log{where} ORDER BY seq{tail}", params)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]
