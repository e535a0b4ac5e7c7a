"""Write a seeded set of hostile workspaces: files an attacker, a crash or another tool made.

`make_all(folder, seed)` builds one healthy workspace (a journey with owners, KPIs, RACI, notes
and an imported dataset), the event log, workbook and JSON that the commands take, and then one
damaged copy per case: NULL in NOT NULL columns, values of the wrong type, malformed JSON in
every JSON column, huge strings, terminal escapes in names, dropped/renamed/retyped columns,
missing or foreign indexes, wrong application id, newer or inconsistent schema versions,
truncated and empty files, a garbage journal or log, and files that are read-only or locked by
another process (`Case.holder` / `Case.read_only` say how the runner must set those up).
The same seed gives the same damage (record ids and timestamps are fresh each time).
"""

from __future__ import annotations

import random
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from cxmapper.model.workspace import Workspace

ESCAPE_NAME = "Pwned\x1b]0;owned terminal\x07\x1b[2J\x9b31m\r\nwarning: fake\u202eevil"
JSON_COLUMNS = (
    ("touchpoints", "tags"),
    ("touchpoints", "match_events"),
    ("touchpoints", "match_patterns"),
    ("datasets", "columns"),
    ("datasets", "options"),
)


@dataclass
class Case:
    """One hostile workspace. `holder`: SQL a second process runs and holds while commands run
    (a write lock); `read_only`: the runner must make these files read-only for the command."""

    name: str
    path: Path
    holder: tuple[str, ...] = ()
    read_only: tuple[str, ...] = ()
    extras: tuple[str, ...] = ()  # files beside the workspace that belong to the case
    notes: str = ""


@dataclass
class HostileSet:
    folder: Path
    base: Path
    events: Path
    workbook: Path
    json: Path
    cases: list[Case] = field(default_factory=list)


def build_base(path: Path, events: Path) -> None:
    """A small but complete workspace, with a dataset imported from `events`."""
    from cxmapper.analysis.tasks import import_events

    with Workspace.create(path) as ws:
        j = ws.add_journey("Online purchase", description="hostile base")
        stages = [ws.add_stage(j.id, n) for n in ("Discover", "Buy", "Use")]
        web = ws.add_lane(j.id, "Web", "channel")
        pains = ws.add_lane(j.id, "Pain points", "pain points")
        ann = ws.add_party("Ann Owner", role="Web lead")
        team = ws.add_party("Support", kind="team")
        csat = ws.add_kpi("CSAT", unit="score", target=4.2, owner_id=ann.id)
        home = ws.add_touchpoint(stages[0].id, web.id, "Home page", owner_id=ann.id,
                                 tags=["web", "entry"], match_events=["home"])  # fmt: skip
        cart = ws.add_touchpoint(stages[1].id, web.id, "Cart", is_goal=True,
                                 match_events=["cart"], match_patterns=["cart_*"])  # fmt: skip
        use = ws.add_touchpoint(stages[2].id, web.id, "Use", match_events=["use"])
        slow = ws.add_touchpoint(stages[1].id, pains.id, "Slow checkout", emotion=-2)
        ws.add_connector(home.id, cart.id, label="buys")
        ws.add_connector(cart.id, use.id)
        ws.add_reading(home.id, csat.id, 3.9, measured_at="2026-01-01T00:00:00+00:00")
        ws.add_reading(cart.id, csat.id, 4.4, measured_at="2026-02-01T00:00:00+00:00")
        ws.assign(home.id, ann.id, "A")
        ws.assign(cart.id, team.id, "R")
        ws.add_comment(slow.id, "Ann", "too slow", created_at="2026-03-01T10:00:00+00:00")
        ws.add_action(cart.id, "Fix the cart", owner_id=ann.id, impact=4, effort=2)
        import_events(events, name="web log").add_to(ws, j.id)


def write_events(path: Path, rng: random.Random) -> None:
    lines = ["case_id,event,timestamp"]
    for case in range(40):
        steps = ["home", "cart", "use"][: rng.randint(1, 3)]
        for n, step in enumerate(steps):
            lines.append(f"c{case},{step},2026-01-{1 + case % 28:02d}T10:{n * 7:02d}:00")
    path.write_text("\n".join(lines) + "\n")


# -- cases ------------------------------------------------------------------------------------

Mutation = Callable[[Path, random.Random], "dict[str, object] | None"]


def _sql(path: Path, *statements: str, params: tuple[object, ...] = ()) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA foreign_keys = OFF")
        for statement in statements:
            conn.execute(statement, params if "?" in statement else ())
    finally:
        conn.close()


def _rebuild(path: Path, table: str, old: str, new: str) -> None:
    """Recreate `table` with `old` replaced by `new` in its definition, keeping its rows."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute("PRAGMA legacy_alter_table = ON")  # keep other tables' references as they are
        sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
        assert old in sql, (table, old)
        indexes = [
            r[0]
            for r in conn.execute(
                "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql "
                "IS NOT NULL",
                (table,),
            )
        ]
        conn.execute("BEGIN")
        conn.execute(f"ALTER TABLE {table} RENAME TO old_{table}")
        conn.execute(sql.replace(old, new))
        conn.execute(f"INSERT INTO {table} SELECT * FROM old_{table}")
        conn.execute(f"DROP TABLE old_{table}")
        for index in indexes:
            conn.execute(index)
        conn.execute("COMMIT")
    finally:
        conn.close()


def _null_title(path: Path, rng: random.Random) -> None:
    _rebuild(path, "touchpoints", "title TEXT NOT NULL", "title TEXT")
    _sql(path, "UPDATE touchpoints SET title = NULL WHERE title = 'Cart'")


def _null_name_hidden(path: Path, rng: random.Random) -> None:
    """NULL stored, then the NOT NULL definition put back behind SQLite's back."""
    _rebuild(path, "journeys", "name TEXT NOT NULL", "name TEXT")
    _sql(path, "UPDATE journeys SET name = NULL")
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'journeys'").fetchone()[0]
        conn.execute("PRAGMA writable_schema = ON")
        conn.execute(
            "UPDATE sqlite_master SET sql = ? WHERE name = 'journeys'",
            (sql.replace("name TEXT,", "name TEXT NOT NULL,"),),
        )
    finally:
        conn.close()


def _text_kpi_value(path: Path, rng: random.Random) -> None:
    _sql(path, "UPDATE readings SET value = 'about four' WHERE value < 4")


def _value_of(value: object, table: str, column: str) -> Mutation:
    def mutate(path: Path, rng: random.Random) -> None:
        where = "rowid = (SELECT min(rowid) FROM " + table + ")"
        _sql(path, f"UPDATE {table} SET {column} = ? WHERE {where}", params=(value,))

    return mutate


def _bad_json(text: str, table: str, column: str) -> Mutation:
    return _value_of(text, table, column)


def _huge(path: Path, rng: random.Random) -> None:
    big = "".join(rng.choice("abcdefgh ") for _ in range(200_000)) * 5  # 1 MB
    _sql(path, "UPDATE touchpoints SET title = ?, description = ? WHERE title = 'Home page'",
         params=(big, big))  # fmt: skip
    _sql(path, "UPDATE journeys SET description = ?", params=(big * 3,))


def _escapes(path: Path, rng: random.Random) -> None:
    for table, column in (("journeys", "name"), ("stages", "name"), ("lanes", "name"),
                          ("touchpoints", "title"), ("parties", "name"), ("kpis", "name"),
                          ("datasets", "name")):  # fmt: skip
        _sql(path, f"UPDATE {table} SET {column} = {column} || ?", params=(ESCAPE_NAME,))


def _alter(*statements: str) -> Mutation:
    def mutate(path: Path, rng: random.Random) -> None:
        _sql(path, *statements)

    return mutate


def _truncate(keep: float | int) -> Mutation:
    def mutate(path: Path, rng: random.Random) -> None:
        data = path.read_bytes()
        size = int(len(data) * keep) if isinstance(keep, float) else keep
        path.write_bytes(data[:size])

    return mutate


def _garbage_beside(suffix: str, size: int) -> Mutation:
    def mutate(path: Path, rng: random.Random) -> dict[str, object]:
        Path(f"{path}{suffix}").write_bytes(rng.randbytes(size))
        return {"extras": (suffix,)}

    return mutate


def _kept_wal(path: Path, rng: random.Random) -> dict[str, object]:
    """A write-ahead log with committed changes not yet copied into the file, made read-only."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("UPDATE touchpoints SET description = 'in the log'")
    wal, shm = Path(f"{path}-wal").read_bytes(), Path(f"{path}-shm").read_bytes()
    conn.close()  # checkpoints and deletes the log; put it back as it was
    Path(f"{path}-wal").write_bytes(wal)
    Path(f"{path}-shm").write_bytes(shm)
    return {"extras": ("-wal", "-shm"), "read_only": ("-wal",)}


def _journal_mode(mode: str) -> Mutation:
    def mutate(path: Path, rng: random.Random) -> None:
        _sql(path, f"PRAGMA journal_mode = {mode}")

    return mutate


def _lock(mode: str, *holder: str) -> Mutation:
    def mutate(path: Path, rng: random.Random) -> dict[str, object]:
        _sql(path, f"PRAGMA journal_mode = {mode}")
        return {"holder": holder}

    return mutate


def _not_sqlite(path: Path, rng: random.Random) -> None:
    path.write_bytes(rng.randbytes(8192))


def _scribble(path: Path, rng: random.Random) -> None:
    data = bytearray(path.read_bytes())
    for offset in range(4096, len(data), 4096):
        data[offset : offset + 64] = rng.randbytes(64)
    path.write_bytes(bytes(data))


CASES: dict[str, Mutation] = {
    "healthy": lambda path, rng: None,
    "null-title-nullable-column": _null_title,
    "null-name-behind-not-null": _null_name_hidden,
    "text-kpi-value": _text_kpi_value,
    "text-stage-position": _value_of("first", "stages", "position"),
    "blob-touchpoint-title": _value_of(b"\x00\xffbinary", "touchpoints", "title"),
    "text-stage-width": _value_of("wide", "stages", "width"),
    "integer-comment-text-as-blob": _value_of(b"\x01", "comments", "text"),
    "text-is-goal": _value_of("yes", "touchpoints", "is_goal"),
    "infinite-kpi-target": _value_of(float("inf"), "kpis", "target"),
    "null-id": _value_of(None, "parties", "id"),
    "huge-strings": _huge,
    "escape-sequences-in-names": _escapes,
    "dropped-column": _alter("ALTER TABLE touchpoints DROP COLUMN channel"),
    "renamed-column": _alter("ALTER TABLE touchpoints RENAME COLUMN title TO name"),
    "extra-column": _alter("ALTER TABLE readings ADD COLUMN note TEXT NOT NULL DEFAULT ''"),
    "retyped-column": lambda p, r: _rebuild(
        p, "readings", "value REAL NOT NULL", "value TEXT NOT NULL"
    ),
    "check-removed": lambda p, r: _rebuild(
        p, "touchpoints", "CHECK (emotion BETWEEN -2 AND 2)", ""
    ),
    "missing-index": _alter("DROP INDEX touchpoints_owner"),
    "foreign-unique-index": _alter("CREATE UNIQUE INDEX mine ON touchpoints(title)"),
    "dangling-reference": _alter("UPDATE touchpoints SET stage_id = 'gone' WHERE title = 'Use'"),
    "missing-table": _alter("DROP TABLE comments"),
    "trigger": _alter("CREATE TRIGGER t AFTER INSERT ON comments BEGIN DELETE FROM actions; END"),
    "wrong-application-id": _alter("PRAGMA application_id = 1234"),
    "newer-user-version": _alter("PRAGMA user_version = 99"),
    "older-version-with-newer-tables": _alter("PRAGMA user_version = 1"),
    "user-version-zero": _alter("PRAGMA user_version = 0"),
    "truncated-half": _truncate(0.5),
    "truncated-header": _truncate(60),
    "zero-length": _truncate(0),
    "not-sqlite": _not_sqlite,
    "scribbled-pages": _scribble,
    "garbage-hot-journal": _garbage_beside("-journal", 4096),
    "garbage-wal": _garbage_beside("-wal", 8192),
    "read-only-wal": _kept_wal,
    "rollback-journal-mode": _journal_mode("DELETE"),
    "locked-rollback-mode": _lock("DELETE", "BEGIN EXCLUSIVE"),
    "locked-wal-mode": _lock("WAL", "BEGIN EXCLUSIVE", "UPDATE meta SET value = value"),
    "locked-exclusive-locking-mode": _lock(
        "WAL", "PRAGMA locking_mode = EXCLUSIVE", "BEGIN EXCLUSIVE"
    ),
}
for _table, _column in JSON_COLUMNS:
    for _label, _text in (("malformed", "[\"a\", oops"), ("wrong-shape", '{"a": 1}'),
                          ("deep", "[" * 3000 + "]" * 3000), ("huge-number", "[" + "9" * 5000 + "]"),
                          ("numbers", "[1, 2]")):  # fmt: skip
        if _column == "options" and _label == "wrong-shape":
            _text = '["a"]'
        if _column == "options" and _label in ("deep", "huge-number"):
            _text = '{"a": ' + _text + "}"
        CASES[f"json-{_label}-{_table}.{_column}"] = _bad_json(_text, _table, _column)


def make_all(folder: Path, seed: int = 9) -> HostileSet:
    """Write the base workspace, its inputs and every hostile case into `folder`."""
    from cxmapper.io.json_format import export_json
    from cxmapper.io.xlsx_export import export_xlsx

    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    events = folder / "events.csv"
    write_events(events, rng)
    base = folder / "base.cxmap"
    build_base(base, events)
    hostile = HostileSet(folder, base, events, folder / "base.xlsx", folder / "base.json")
    with Workspace.open(base) as ws:
        journey = ws.journeys()[0].id
        export_xlsx(ws, journey, hostile.workbook)
        export_json(ws, [journey], hostile.json)
    for name, mutate in CASES.items():
        path = folder / f"{name}.cxmap"
        shutil.copyfile(base, path)
        found = mutate(path, random.Random(f"{seed}:{name}")) or {}
        hostile.cases.append(Case(name, path, **found))  # type: ignore[arg-type]
    return hostile


if __name__ == "__main__":
    import sys

    out = Path(sys.argv[1] if len(sys.argv) > 1 else "hostile-workspaces")
    made = make_all(out, int(sys.argv[2]) if len(sys.argv) > 2 else 9)
    print(f"wrote {len(made.cases)} hostile workspaces to {out}")
