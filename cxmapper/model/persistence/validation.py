"""Decide whether a file is a cxmapper workspace before anything writes to it.

The checks go from cheap to thorough: header bytes, size against the page count in the header,
then a read-only look at the schema, the definition of every table and index, an integrity
check, the type of every value and every reference. Nothing here writes to the file, so
refusing a foreign or damaged file leaves it exactly as it was. SQLite's own errors are
explained by `open_errors` (a lock or a read-only log is not damage).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from cxmapper.errors import WorkspaceError
from cxmapper.model.persistence import definitions, schema
from cxmapper.model.persistence.open_errors import explain

# How long the checks wait for another program's lock: long enough to let a commit finish,
# short enough that a lock held for good is reported at once.
OPEN_WAIT_SECONDS = 0.5

SQLITE_MAGIC = b"SQLite format 3\x00"


def inspect_file(path: Path) -> int:
    """Return the schema version of a workspace file, or raise WorkspaceError saying why not."""
    if path.is_dir():
        raise WorkspaceError(f"{path}: is a folder, not a cxmapper workspace file")
    try:
        with path.open("rb") as f:
            header = f.read(100)
        size = path.stat().st_size
    except OSError as exc:
        raise WorkspaceError(f"{path}: cannot read the file ({exc.strerror})") from exc
    if size == 0:
        raise WorkspaceError(f"{path}: the file is empty; it is not a cxmapper workspace")
    if not header.startswith(SQLITE_MAGIC):
        raise WorkspaceError(
            f"{path}: not a cxmapper workspace (the file is not a SQLite database; "
            f"it starts with {header[:16]!r})"
        )
    if len(header) < 100:
        raise WorkspaceError(f"{path}: the file is truncated ({size} bytes, header incomplete)")
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    counter_valid = header[24:28] == header[92:96]
    if counter_valid and pages and size < pages * page_size:
        raise WorkspaceError(
            f"{path}: the file is truncated or damaged: its header promises "
            f"{pages * page_size:,} bytes but only {size:,} are there"
        )
    return _inspect_schema(path)


def _inspect_schema(path: Path) -> int:
    uri = f"{path.resolve().as_uri()}?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=OPEN_WAIT_SECONDS)
    except sqlite3.Error as exc:
        raise explain(path, exc) from exc
    try:
        conn.execute("PRAGMA trusted_schema = OFF")
        app_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        objects = conn.execute("SELECT type, name FROM sqlite_master").fetchall()
        if app_id != schema.APPLICATION_ID:
            tables = sorted(n for t, n in objects if t == "table")
            if not tables:
                raise WorkspaceError(f"{path}: an empty SQLite database, not a cxmapper workspace")
            shown = ", ".join(tables[:6]) + (", ..." if len(tables) > 6 else "")
            raise WorkspaceError(
                f"{path}: a SQLite database of another application (tables: {shown}), "
                "not a cxmapper workspace"
            )
        if version > schema.CURRENT_VERSION:
            raise WorkspaceError(
                f"{path}: written by a newer cxmapper (workspace schema version {version}); "
                f"this cxmapper reads schema versions up to {schema.CURRENT_VERSION}. "
                "Install a newer cxmapper to open it."
            )
        if version < 1:
            raise WorkspaceError(f"{path}: marked as a cxmapper workspace but has no schema")
        for kind, name in objects:
            if kind in ("trigger", "view"):
                raise WorkspaceError(
                    f"{path}: contains a {kind} '{name}' that cxmapper never creates; "
                    "refusing to open a workspace that may have been tampered with"
                )
        present = {n for t, n in objects if t == "table" and not n.startswith("sqlite_")}
        missing = _expected_tables(version) - present
        if missing:
            raise WorkspaceError(
                f"{path}: damaged workspace: tables missing: {', '.join(sorted(missing))}"
            )
        later = sorted(_expected_tables(schema.CURRENT_VERSION) - _expected_tables(version))
        if later and present & set(later):
            raise WorkspaceError(
                f"{path}: damaged workspace: marked as schema version {version} but it already "
                f"has tables of a later version ({', '.join(sorted(present & set(later)))})"
            )
        definitions.check_definitions(conn, version)
        problems = [r[0] for r in conn.execute("PRAGMA quick_check(5)").fetchall()]
        if problems != ["ok"]:
            raise WorkspaceError(f"{path}: the workspace is damaged: {'; '.join(problems)}")
        definitions.check_values(conn, version)
        definitions.check_references(conn)
    except definitions.Damage as exc:
        raise WorkspaceError(f"{path}: damaged workspace: {exc}") from exc
    except sqlite3.Error as exc:
        raise explain(path, exc) from exc
    finally:
        conn.close()
    return version


def _expected_tables(version: int) -> set[str]:
    """The tables the migrations leave (not every CREATE TABLE: a rebuild renames its copy)."""
    return {
        name
        for name, (kind, _, _) in definitions.reference(version).items()
        if kind == "table" and not name.startswith("sqlite_")
    }
