"""Say what is really wrong when SQLite refuses to open or read a workspace.

SQLite reports a lock held by another program, a read-only write-ahead log and an unfinished
journal all as errors of one class; calling them "damaged" sends users to restore backups of
files that are fine. The extended error code tells them apart; the files beside the workspace
tell which one is in the way. Nothing here opens the workspace file itself (closing any
descriptor of it would drop this process's locks on it).
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from cxmapper.errors import WorkspaceError

# https://www.sqlite.org/rescode.html
BUSY, LOCKED, READONLY, IOERR, CORRUPT, CANTOPEN, FULL, PERM, NOTADB, NOMEM = (
    5, 6, 8, 10, 11, 14, 13, 3, 26, 7,
)  # fmt: skip
READONLY_ROLLBACK = READONLY | (3 << 8)
READONLY_DIRECTORY = READONLY | (6 << 8)
READONLY_CANTINIT = READONLY | (5 << 8)
READONLY_RECOVERY = READONLY | (1 << 8)
JOURNAL_MAGIC = bytes.fromhex("d9d505f920a163d7")


def explain(path: Path, exc: sqlite3.Error) -> WorkspaceError:
    """A WorkspaceError that names the real cause of `exc`, raised while opening `path`."""
    code = getattr(exc, "sqlite_errorcode", None) or 0
    primary = code & 0xFF
    if primary in (BUSY, LOCKED):
        message = (
            "locked by another program that is writing to it; close the workspace there "
            "(or wait for it to finish) and try again"
        )
    elif code == READONLY_ROLLBACK:
        message = _journal_problem(path)
    elif code == READONLY_DIRECTORY or (primary in (READONLY, CANTOPEN) and _wal_blocked(path)):
        message = _read_only_problem(path)
    elif primary == READONLY:
        message = f"read-only: {_read_only_problem(path, short=True)}"
    elif primary in (CORRUPT, NOTADB):
        message = f"the file is damaged or not a database ({exc})"
    elif primary == IOERR:
        message = f"the disk or network reported a read/write error ({exc})"
    elif primary == FULL:
        message = "the disk is full"
    elif primary in (PERM, CANTOPEN):
        message = f"cannot open the file: permission denied or missing ({exc})"
    elif primary == NOMEM:
        message = "not enough memory to open the workspace"
    else:
        message = f"cannot open the workspace ({exc})"
    return WorkspaceError(f"{path}: {message}")


def unwritable(path: Path) -> str | None:
    """Why the workspace cannot be changed by this process (None when it can), from file modes."""
    folder = path.parent
    for suffix in ("", "-wal", "-shm"):
        part = Path(f"{path}{suffix}")
        if part.exists() and not os.access(part, os.W_OK):
            what = "the workspace file" if not suffix else f"its write-ahead log {part.name}"
            return f"read-only: {what} cannot be written; changes cannot be saved"
    missing = [s for s in ("-wal", "-shm") if not Path(f"{path}{s}").exists()]
    if missing and not os.access(folder, os.W_OK):
        return _read_only_problem(path)
    return None


def _read_only_problem(path: Path, *, short: bool = False) -> str:
    for suffix in ("-wal", "-shm"):
        part = Path(f"{path}{suffix}")
        if part.exists() and not os.access(part, os.W_OK):
            return f"read-only: cannot open the write-ahead log ({part.name} cannot be written)"
    if not os.access(path.parent, os.W_OK):
        return (
            f"read-only: cannot open the write-ahead log (the folder {path.parent} cannot be "
            f"written, so {path.name}-wal and {path.name}-shm cannot be created); "
            "copy the workspace to a folder you can write to"
        )
    if short:
        return "the workspace file cannot be written"
    return "read-only: cannot open the write-ahead log"


def _wal_blocked(path: Path) -> bool:
    return any(
        Path(f"{path}{s}").exists() and not os.access(Path(f"{path}{s}"), os.W_OK)
        for s in ("-wal", "-shm")
    ) or not os.access(path.parent, os.W_OK)


def _journal_problem(path: Path) -> str:
    journal = Path(f"{path}-journal")
    try:
        with journal.open("rb") as fh:
            head = fh.read(len(JOURNAL_MAGIC))
    except OSError:
        head = b""
    if head != JOURNAL_MAGIC:
        return (
            f"has an unfinished journal ({journal.name}) that is not valid; it was not written "
            "by SQLite. Move it away if the workspace was closed properly, then open it again"
        )
    return (
        f"has an unfinished journal ({journal.name}): a program stopped while writing to the "
        "workspace. Open it once with that program (or `sqlite3`) to roll the change back"
    )
