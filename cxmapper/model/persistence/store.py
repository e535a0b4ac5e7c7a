"""SQLite access for one .cxmap file: opening safely, migrations, transactions, row CRUD.

Every public write method runs in a transaction; callers group several writes into one
user-visible operation with `with store.transaction():` (nested blocks join the outer one).
The connection runs in autocommit mode with explicit BEGIN IMMEDIATE so that a second process
waits for the lock instead of failing half-way, and `synchronous=FULL` so a committed edit
survives a killed process or a power cut.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from cxmapper.errors import WorkspaceError
from cxmapper.model.persistence import file_locks, schema
from cxmapper.model.persistence.open_errors import explain, unwritable
from cxmapper.model.persistence.validation import OPEN_WAIT_SECONDS, inspect_file
from cxmapper.tempfiles import sweep, temp_path

Row = dict[str, Any]
CHUNK_BYTES = 8 * 1024 * 1024


class Store:
    """One open workspace database. Not thread-safe: use it from one thread."""

    BUSY_TIMEOUT_MS = 5000  # how long an edit waits for another program's write to finish

    def __init__(self, conn: sqlite3.Connection, path: str) -> None:
        self._live: sqlite3.Connection | None = conn
        self.path = path
        self._depth = 0
        self._columns: dict[str, tuple[str, ...]] = {}
        self._seen_version = self.data_version()
        self._suspended = False
        self._read_only = False
        self._reload_pending = False
        self._replaced = False  # another file was moved into place while released
        self._fingerprint: tuple[Any, ...] = ()
        self._identity = None if path == ":memory:" else file_locks.file_identity(path)
        if self._identity is not None:
            file_locks.register(self)

    @property
    def _conn(self) -> sqlite3.Connection:
        """The live connection; a released store reopens on first use."""
        conn = self._live
        if conn is None:
            if not self._suspended:
                raise WorkspaceError(f"{self.path}: the workspace is closed")
            self.resume()
            conn = self._live
            assert conn is not None
        return conn

    # -- opening -----------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: str | Path,
        *,
        create: bool = False,
        read_only: bool = False,
        require_write: bool = False,
    ) -> Store:
        """Open (or create) a workspace file, migrating it if it is older than this program.

        `read_only` opens it for reading alone (nothing, not even the journal mode, is written);
        `require_write` refuses at once a file that cannot be written or whose write lock
        another program holds, instead of failing at the first change after a timeout.
        """
        path_str = str(path)
        if path_str == ":memory:":
            return cls._create(sqlite3.connect(":memory:", isolation_level=None), path_str)
        p = Path(path_str)
        if not p.exists():
            if not create:
                raise WorkspaceError(f"{p}: no such workspace file")
            if not p.parent.exists():
                raise WorkspaceError(f"{p}: the folder {p.parent} does not exist")
            return cls._create(_connect(p), path_str)
        sweep(p.parent)  # temporary copies a killed Save As or export left beside it
        # Reading the file by path would drop the locks of a workspace this process already
        # has open on it (see file_locks): release those first.
        with file_locks.released(p):
            version = inspect_file(p)  # raises WorkspaceError for anything that is not ours
            if version < schema.CURRENT_VERSION:
                read_only = False  # an older file is brought up to date (with a backup) first
            if (require_write or version < schema.CURRENT_VERSION) and (why := unwritable(p)):
                raise WorkspaceError(f"{p}: {why}")
            if version < schema.CURRENT_VERSION:
                backup = p.with_name(f"{p.name}.v{version}.bak")
                shutil.copy2(p, backup)
        conn = _connect(p)
        try:
            store = cls(conn, path_str)
            store._configure(read_only=read_only)
            if require_write:
                store._probe_write_lock()
            if version < schema.CURRENT_VERSION:
                store._migrate(version)
        except sqlite3.Error as exc:
            conn.close()
            raise explain(p, exc) from exc
        except WorkspaceError:
            conn.close()
            raise
        return store

    @classmethod
    def _create(cls, conn: sqlite3.Connection, path: str) -> Store:
        store = cls(conn, path)
        store._configure()
        store._migrate(0)
        return store

    def _configure(self, *, read_only: bool = False) -> None:
        self._read_only = read_only  # a reopened (resumed) connection is configured the same
        c = self._conn
        c.execute("PRAGMA foreign_keys = ON")
        c.execute("PRAGMA trusted_schema = OFF")
        if read_only:
            # not a mode=ro connection: that would leave empty -wal/-shm files behind, where
            # the last ordinary connection to close removes them
            c.execute("PRAGMA query_only = ON")
        elif self.path != ":memory:":
            # before the long busy timeout: a file another program holds locked is reported
            # after OPEN_WAIT_SECONDS, not after the wait meant for edits
            c.execute("PRAGMA journal_mode = WAL")
            c.execute("PRAGMA synchronous = FULL")
        c.execute(f"PRAGMA busy_timeout = {self.BUSY_TIMEOUT_MS}")

    def _probe_write_lock(self) -> None:
        """Raise SQLITE_BUSY now if another program holds the write lock (nothing is written)."""
        self._conn.execute(f"PRAGMA busy_timeout = {int(OPEN_WAIT_SECONDS * 1000)}")
        try:
            self._conn.execute("BEGIN IMMEDIATE")
            self._conn.execute("ROLLBACK")
        finally:
            self._conn.execute("PRAGMA busy_timeout = 5000")

    def _migrate(self, from_version: int) -> None:
        """Run the missing migrations in one transaction, with foreign keys off.

        A migration that rebuilds a table drops the old one; with foreign keys on, that drop
        would first delete its rows and cascade to every child (all readings, comments...).
        SQLite's documented way: keys off outside the transaction, check them before commit.
        """
        self._conn.execute("PRAGMA foreign_keys = OFF")
        try:
            with self.transaction():
                for number in range(from_version + 1, schema.CURRENT_VERSION + 1):
                    for statement in _statements(schema.MIGRATIONS[number - 1]):
                        self._conn.execute(statement)
                if self._conn.execute("PRAGMA foreign_key_check").fetchone() is not None:
                    raise WorkspaceError(
                        f"{self.path}: migrating the workspace broke a reference; not migrated"
                    )
                self._conn.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
                self._conn.execute(f"PRAGMA user_version = {schema.CURRENT_VERSION}")
        finally:
            self._conn.execute("PRAGMA foreign_keys = ON")
        self._columns.clear()

    def close(self) -> None:
        file_locks.unregister(self)
        self._suspended = False
        if self._live is not None:
            self._live.close()
            self._live = None

    @property
    def closed(self) -> bool:
        return self._live is None and not self._suspended

    def identity(self) -> tuple[int, int] | None:
        return self._identity

    # -- releasing the file (see file_locks) -------------------------------------------------

    def suspend(self) -> bool:
        """Close the connection (so this process holds no lock to lose) until `resume()`.

        Refused (False) inside a transaction, for in-memory and already released stores.
        """
        if self._live is None or self._identity is None or self._depth:
            return False
        self._live.close()
        self._live = None
        self._suspended = True
        self._fingerprint = _fingerprint(self.path)
        return True

    def resume(self) -> None:
        """Reopen after `suspend()`; a commit made meanwhile by another process is reported
        once by `changed_elsewhere()`."""
        if not self._suspended:
            return
        p = Path(self.path)
        identity = file_locks.file_identity(p)
        if identity is None:
            raise WorkspaceError(
                f"{p}: the workspace file was moved or deleted while it was not in use; "
                "reopen it from where it is now"
            )
        replaced = identity != self._identity
        if replaced:  # another file was moved into place: check it is still a workspace
            inspect_file(p)
        conn = _connect(p, must_exist=True)
        self._live = conn
        self._suspended = False
        try:
            self._configure(read_only=self._read_only)
        except sqlite3.DatabaseError as exc:
            self.close()
            raise explain(p, exc) from exc
        self._identity = identity
        if replaced or _fingerprint(self.path) != self._fingerprint:
            self._reload_pending = True
        self._replaced |= replaced
        self._seen_version = self.data_version()

    def schema_version(self) -> int:
        return int(self._conn.execute("PRAGMA user_version").fetchone()[0])

    # -- transactions and change detection ---------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[None]:
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        try:
            self._conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise self._write_error(exc) from exc
        self._depth = 1
        try:
            yield
        except sqlite3.OperationalError as exc:  # read-only file, disk full, lock lost...
            self._depth = 0
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
            raise self._write_error(exc) from exc
        except BaseException:
            self._depth = 0
            self._conn.execute("ROLLBACK")
            raise
        self._depth = 0
        try:
            self._conn.execute("COMMIT")
        except sqlite3.Error as exc:
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
            raise WorkspaceError(f"{self.path}: could not save the change ({exc})") from exc
        self._seen_version = self.data_version()

    def _write_error(self, exc: sqlite3.Error) -> WorkspaceError:
        """Why an edit could not be written, in words; the edit did not happen."""
        primary = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
        if primary in (5, 6):  # SQLITE_BUSY, SQLITE_LOCKED
            return WorkspaceError(
                f"{self.path}: another program has been writing to the workspace for more than "
                f"{self.BUSY_TIMEOUT_MS / 1000:g} s, so the change was not made; try again"
            )
        why = explain(Path(self.path), exc)
        return WorkspaceError(f"{why}; the change was not made")

    def take_replaced(self) -> bool:
        """True once if the file was replaced by another one since the last call (so what
        this store remembered about it, e.g. the last change-log entry seen, is void)."""
        replaced, self._replaced = self._replaced, False
        return replaced

    def data_version(self) -> int:
        return int(self._conn.execute("PRAGMA data_version").fetchone()[0])

    def changed_elsewhere(self) -> bool:
        """True once after another process committed to this file since we last looked."""
        if self._suspended:
            return False  # looking would reopen the file while it is released
        if self._reload_pending:
            self._reload_pending = False
            self._seen_version = self.data_version()
            return True
        version = self.data_version()
        if version != self._seen_version:
            self._seen_version = version
            return True
        return False

    # -- rows --------------------------------------------------------------------------------

    @property
    def db(self) -> Any:
        """A sqlite-utils view of the same connection, for diagnostics and tests.

        Created on demand: sqlite_utils imports pandas and numpy (~0.4 s), which opening a
        workspace or editing it never needs.
        """
        import sqlite_utils

        return sqlite_utils.Database(self._conn)

    def columns(self, table: str) -> tuple[str, ...]:
        cols = self._columns.get(table)
        if cols is None:
            cols = tuple(r[1] for r in self._conn.execute(f"PRAGMA table_info([{table}])"))
            self._columns[table] = cols
        return cols

    def get(self, table: str, id: str) -> Row | None:
        cur = self._conn.execute(f"SELECT * FROM [{table}] WHERE id = ?", (id,))
        return _one(cur)

    def select(
        self,
        table: str,
        where: dict[str, Any] | None = None,
        order_by: Sequence[str] = (),
    ) -> list[Row]:
        clause, params = _where(where)
        order = f" ORDER BY {', '.join(order_by)}" if order_by else ""
        cur = self._conn.execute(f"SELECT * FROM [{table}]{clause}{order}", params)
        return _all(cur)

    def select_in(self, table: str, column: str, values: Iterable[Any]) -> list[Row]:
        values = list(values)
        rows: list[Row] = []
        for start in range(0, len(values), 500):
            part = values[start : start + 500]
            marks = ",".join("?" * len(part))
            cur = self._conn.execute(f"SELECT * FROM [{table}] WHERE [{column}] IN ({marks})", part)
            rows.extend(_all(cur))
        return rows

    def count(self, table: str, where: dict[str, Any] | None = None) -> int:
        clause, params = _where(where)
        return int(
            self._conn.execute(f"SELECT count(*) FROM [{table}]{clause}", params).fetchone()[0]
        )

    def insert(self, table: str, row: Row) -> None:
        self.insert_many(table, [row])

    def insert_many(self, table: str, rows: Sequence[Row]) -> None:
        if not rows:
            return
        cols = list(rows[0])
        sql = (
            f"INSERT INTO [{table}] ({', '.join(f'[{c}]' for c in cols)}) "
            f"VALUES ({', '.join('?' * len(cols))})"
        )
        with self.transaction():
            self._conn.executemany(sql, [tuple(r[c] for c in cols) for r in rows])

    def update(self, table: str, id: str, values: Row) -> None:
        if not values:
            return
        sets = ", ".join(f"[{c}] = ?" for c in values)
        with self.transaction():
            self._conn.execute(f"UPDATE [{table}] SET {sets} WHERE id = ?", (*values.values(), id))

    def update_many(
        self, table: str, columns: Sequence[str], rows: Sequence[tuple[Any, ...]]
    ) -> None:
        """Set `columns` on many rows at once; each row tuple is (*values, id)."""
        sets = ", ".join(f"[{c}] = ?" for c in columns)
        with self.transaction():
            self._conn.executemany(f"UPDATE [{table}] SET {sets} WHERE id = ?", rows)

    def delete(self, table: str, ids: Sequence[str]) -> None:
        with self.transaction():
            for start in range(0, len(ids), 500):
                part = list(ids[start : start + 500])
                marks = ",".join("?" * len(part))
                self._conn.execute(f"DELETE FROM [{table}] WHERE id IN ({marks})", part)

    def set_positions(self, table: str, positions: Sequence[tuple[str, int]]) -> None:
        self.update_many(table, ("position",), [(p, i) for i, p in positions])

    # -- removal snapshots -------------------------------------------------------------------

    def collect_dependents(
        self, table: str, ids: Sequence[str]
    ) -> tuple[dict[str, list[Row]], list[tuple[str, str, str, Any]]]:
        """Rows that removing `ids` from `table` deletes, and the references it sets to NULL.

        Returns ({table: rows}, [(table, id, column, old value)]); used to undo a removal exactly.
        """
        deleted: dict[str, dict[str, Row]] = {
            table: {r["id"]: r for r in self.select_in(table, "id", ids)}
        }
        frontier: list[tuple[str, list[str]]] = [(table, list(deleted[table]))]
        nulled_refs: list[tuple[str, str, str]] = []  # (child table, column, parent id)
        while frontier:
            parent, parent_ids = frontier.pop()
            for rel in schema.RELATIONS:
                if rel.parent != parent or not parent_ids:
                    continue
                if rel.on_delete == "set null":
                    nulled_refs.extend((rel.child, rel.column, pid) for pid in parent_ids)
                    continue
                found = deleted.setdefault(rel.child, {})
                new = [
                    r
                    for r in self.select_in(rel.child, rel.column, parent_ids)
                    if r["id"] not in found
                ]
                for r in new:
                    found[r["id"]] = r
                if new:
                    frontier.append((rel.child, [r["id"] for r in new]))
        nulled: list[tuple[str, str, str, Any]] = []
        by_child: dict[tuple[str, str], list[str]] = {}
        for child, column, pid in nulled_refs:
            by_child.setdefault((child, column), []).append(pid)
        for (child, column), pids in by_child.items():
            gone = deleted.get(child, {})
            for r in self.select_in(child, column, pids):
                if r["id"] not in gone:
                    nulled.append((child, r["id"], column, r[column]))
        return {t: list(rows.values()) for t, rows in deleted.items() if rows}, nulled

    # -- datasets ----------------------------------------------------------------------------

    def write_chunks(self, record_id: str, payload: bytes, owner: str = "datasets") -> None:
        """Store `payload` for a record of `owner` (a table with chunks: datasets, surveys)."""
        table, key = schema.CHUNK_TABLES[owner]
        with self.transaction():
            for seq, start in enumerate(range(0, max(len(payload), 1), CHUNK_BYTES)):
                self._conn.execute(
                    f"INSERT INTO [{table}] ([{key}], seq, data) VALUES (?, ?, ?)",
                    (record_id, seq, payload[start : start + CHUNK_BYTES]),
                )

    def read_chunks(self, record_id: str, owner: str = "datasets") -> bytes:
        table, key = schema.CHUNK_TABLES[owner]
        cur = self._conn.execute(
            f"SELECT data FROM [{table}] WHERE [{key}] = ? ORDER BY seq", (record_id,)
        )
        return b"".join(bytes(r[0]) for r in cur)

    def copy_chunks(self, record_id: str, owner: str = "datasets") -> list[Row]:
        table, key = schema.CHUNK_TABLES[owner]
        return _all(self._conn.execute(f"SELECT * FROM [{table}] WHERE [{key}] = ?", (record_id,)))

    def restore_chunks(self, rows: Sequence[Row], owner: str = "datasets") -> None:
        self.insert_many(schema.CHUNK_TABLES[owner][0], rows)

    # -- meta and copies ---------------------------------------------------------------------

    def get_meta(self, key: str, default: str = "") -> str:
        row = self._conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return default if row is None else str(row[0])

    def set_meta(self, key: str, value: str) -> None:
        with self.transaction():
            self._conn.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    def backup_to(self, target: str | Path) -> None:
        """A consistent copy of the whole workspace, even while this process keeps editing."""
        target = Path(target)
        if target.resolve() == Path(self.path).resolve() or (
            file_locks.file_identity(target) == self._identity
        ):
            raise WorkspaceError(f"{target}: cannot save a workspace as itself")
        if not target.parent.is_dir():
            raise WorkspaceError(f"{target}: the folder {target.parent} does not exist")
        sweep(target.parent)  # what a Save As killed half-way left behind
        tmp = temp_path(target)
        try:
            dest = sqlite3.connect(tmp, isolation_level=None)
            try:
                # The copy is renamed into place only when complete, so it needs no journal:
                # a kill leaves one temporary file (removed by the next sweep), no -journal.
                dest.execute("PRAGMA journal_mode = OFF")
                self._conn.backup(dest)
                dest.execute("PRAGMA journal_mode = DELETE")  # the copy is not left in WAL mode
            finally:
                dest.close()
            with open(tmp, "rb+") as f:
                os.fsync(f.fileno())
            tmp.replace(target)
        except (OSError, sqlite3.Error) as exc:
            for side in ("", "-journal", "-wal", "-shm"):
                Path(f"{tmp}{side}").unlink(missing_ok=True)
            raise WorkspaceError(f"{target}: could not write the copy ({exc})") from exc


def _connect(path: Path, *, must_exist: bool = False) -> sqlite3.Connection:
    try:
        if must_exist:  # never create an empty database where the workspace vanished
            uri = f"{path.resolve().as_uri()}?mode=rw"
            conn = sqlite3.connect(
                uri, uri=True, isolation_level=None, check_same_thread=False,
                timeout=OPEN_WAIT_SECONDS,
            )  # fmt: skip
        else:
            conn = sqlite3.connect(
                path, isolation_level=None, check_same_thread=False, timeout=OPEN_WAIT_SECONDS
            )
    except sqlite3.Error as exc:
        raise explain(path, exc) from exc
    return conn


def _fingerprint(path: str) -> tuple[Any, ...]:
    """What changes on disk when anyone commits: the database and its write-ahead log."""
    out: list[Any] = []
    for name in (path, f"{path}-wal"):
        try:
            st = os.stat(name)
        except OSError:
            out.append(None)
            continue
        # an empty log is no commit: a reader (or a closing writer) leaves one behind
        out.append((st.st_ino, st.st_size, st.st_mtime_ns) if st.st_size else None)
    return tuple(out)


def _statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]


def _where(where: dict[str, Any] | None) -> tuple[str, list[Any]]:
    if not where:
        return "", []
    parts, params = [], []
    for column, value in where.items():
        if value is None:
            parts.append(f"[{column}] IS NULL")
        else:
            parts.append(f"[{column}] = ?")
            params.append(value)
    return " WHERE " + " AND ".join(parts), params


def _one(cur: sqlite3.Cursor) -> Row | None:
    row = cur.fetchone()
    if row is None:
        return None
    return dict(zip([d[0] for d in cur.description], row, strict=True))


def _all(cur: sqlite3.Cursor) -> list[Row]:
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]
