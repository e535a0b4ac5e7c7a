"""SQLite's refusals at open say what is really wrong: locked, read-only, unfinished journal.

Before, a lock held by another program was reported after the 5 s edit timeout as "damaged or
not a database", and so were a read-only write-ahead log and a garbage hot journal.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from cxmapper.errors import WorkspaceError
from cxmapper.model.workspace import Workspace
from tests.hostile.runner import _in_subprocess


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def path(tmp_path: Path) -> Path:
    path = tmp_path / "w.cxmap"
    with Workspace.create(path) as ws:
        j = ws.add_journey("J")
        ws.add_stage(j.id, "S")
    return path


def run_sql(path: Path, *statements: str, crash: bool = False) -> None:
    code = (
        f"import os, sqlite3\nconn = sqlite3.connect({str(path)!r}, isolation_level=None)\n"
        f"for s in {statements!r}:\n    conn.execute(s)\n"
        + ("os._exit(9)\n" if crash else "conn.close()\n")
    )
    subprocess.run([sys.executable, "-c", code], check=not crash, timeout=60)


@contextmanager
def held(path: Path, *statements: str) -> Iterator[None]:
    """Another process runs `statements` on `path` and keeps its locks meanwhile."""
    code = (
        f"import sqlite3, sys\nconn = sqlite3.connect({str(path)!r}, isolation_level=None)\n"
        f"for s in {statements!r}:\n    conn.execute(s)\n"
        "print('holding', flush=True)\nsys.stdin.read()\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)  # fmt: skip
    assert proc.stdout is not None and proc.stdin is not None
    assert proc.stdout.readline().strip() == "holding"
    try:
        yield
    finally:
        proc.stdin.close()
        proc.wait(timeout=30)
        proc.stdout.close()


def refusal(path: Path, **options: bool) -> str:
    with pytest.raises(WorkspaceError) as info:
        Workspace.open(path, **options)
    return str(info.value)


def test_a_locked_rollback_journal_file_is_locked_not_damaged(path: Path) -> None:
    run_sql(path, "PRAGMA journal_mode = DELETE")
    before = digest(path)
    with held(path, "BEGIN EXCLUSIVE"):
        for options in ({}, {"read_only": True}, {"require_write": True}):
            message = refusal(path, **options)
            assert "locked by another program" in message and "damaged" not in message
    assert digest(path) == before


def test_exclusive_locking_mode_in_wal_is_locked_not_damaged(path: Path) -> None:
    with held(path, "PRAGMA locking_mode = EXCLUSIVE", "BEGIN EXCLUSIVE"):
        message = refusal(path, read_only=True)
    assert "locked by another program" in message and "damaged" not in message


def test_a_writer_in_wal_mode_lets_readers_in_but_writers_are_told_at_once(path: Path) -> None:
    with held(path, "BEGIN IMMEDIATE", "UPDATE meta SET value = value"):
        with Workspace.open(path, read_only=True) as ws:
            assert [j.name for j in ws.journeys()] == ["J"]
        message = refusal(path, require_write=True)
    assert "locked by another program" in message
    with Workspace.open(path, require_write=True) as ws:  # the lock is gone: fine again
        ws.add_journey("K")


def test_a_garbage_hot_journal_is_named(path: Path) -> None:
    journal = Path(f"{path}-journal")
    # a first byte of 0 makes SQLite treat the journal as not hot (1 in 256 random draws): never 0
    journal.write_bytes(b"\xff" + os.urandom(4095))
    before = digest(path), digest(journal)
    message = refusal(path)
    assert f"unfinished journal ({journal.name}) that is not valid" in message
    assert "damaged" not in message
    assert (digest(path), digest(journal)) == before


def test_a_real_hot_journal_says_a_program_stopped_while_writing(path: Path) -> None:
    run_sql(path, "PRAGMA journal_mode = DELETE")
    run_sql(path, "PRAGMA cache_size = 1", "BEGIN",
            "UPDATE journeys SET description = hex(randomblob(20000))", crash=True)  # fmt: skip
    assert Path(f"{path}-journal").exists()
    message = refusal(path, read_only=True)
    assert "unfinished journal" in message and "stopped while writing" in message


def _read_only_setup(path: Path) -> None:
    run_sql(path, "PRAGMA wal_autocheckpoint = 0")
    wal = Path(f"{path}-wal")
    # keep a log with a committed change (closing the last connection would fold it in)
    code = (
        "import shutil, sqlite3\n"
        f"conn = sqlite3.connect({str(path)!r}, isolation_level=None)\n"
        "conn.execute('PRAGMA wal_autocheckpoint = 0')\n"
        "conn.execute(\"UPDATE journeys SET description = 'logged'\")\n"
        f"shutil.copyfile({str(wal)!r}, {str(wal) + '.keep'!r})\n"
        f"shutil.copyfile({str(path) + '-shm'!r}, {str(path) + '-shm.keep'!r})\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
    os.replace(f"{wal}.keep", wal)
    os.replace(f"{path}-shm.keep", f"{path}-shm")
    wal.chmod(0o444)


def test_a_read_only_write_ahead_log(path: Path, tmp_path: Path) -> None:
    """Runs as a process: as root, file modes only bind once the override right is dropped."""
    _read_only_setup(path)
    before = digest(path)
    events = tmp_path / "e.csv"
    events.write_text("case_id,event,timestamp\n1,a,2026-01-01T00:00:00\n")
    code, out, err = _in_subprocess(["import", str(path), str(events)], unprivileged=True)
    assert code == 2 and "read-only" in err and "write-ahead log" in err, err
    assert "damaged" not in err and "Traceback" not in err
    code, out, err = _in_subprocess(["info", str(path)], unprivileged=True)
    assert code == 0 and "Journey: J" in out, err
    assert digest(path) == before


def test_a_read_only_folder(path: Path) -> None:
    Workspace.open(path).close()  # no -wal/-shm left beside it
    folder = path.parent
    folder.chmod(0o555)
    try:
        code, _, err = _in_subprocess(["info", str(path)], unprivileged=True)
    finally:
        folder.chmod(0o755)
    assert code == 2 and "read-only" in err and "cannot be created" in err, err
    assert "damaged" not in err
