"""Keeping SQLite's POSIX locks on an open workspace safe from the rest of the process.

POSIX advisory locks belong to a (process, file) pair, not to a descriptor: when *anything* in
the process closes *any* descriptor of the workspace file (a file dialog sniffing its type, a
thumbnailer, a copy), the kernel drops every lock the process holds on that file. Another
process then believes nobody is reading, checkpoints and deletes the write-ahead log under the
live connection, and edits are lost or the file is corrupted (SQLite's "How To Corrupt An SQLite
Database File", section 2.2).

So whatever is about to open a workspace file by path (a file dialog, inspecting or copying a
file that this process may already have open) runs inside `released()`: every open workspace on
that file closes its connection first (no locks, nothing to drop) and reopens it afterwards,
noticing any commit another process made meanwhile. `held_locks()` reads the kernel's lock
table so tests, and a user's bug report, can check the invariant directly.
"""

from __future__ import annotations

import logging
import os
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Protocol

log = logging.getLogger(__name__)


class Releasable(Protocol):
    path: str

    def identity(self) -> tuple[int, int] | None: ...

    def suspend(self) -> bool: ...

    def resume(self) -> None: ...


_open: weakref.WeakSet[Releasable] = weakref.WeakSet()


def register(store: Releasable) -> None:
    _open.add(store)


def unregister(store: Releasable) -> None:
    _open.discard(store)


def file_identity(path: str | Path) -> tuple[int, int] | None:
    """(device, inode) of a file, None if it does not exist: paths differ, inodes do not."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


@contextmanager
def released(path: str | Path | None = None) -> Iterator[int]:
    """Close the connections of open workspaces (all, or those on `path`'s file) for the block.

    Yields how many were released. Each reopens when the block ends (or earlier, the first time
    the program uses it again); a reopen that fails leaves that workspace released, and its next
    use raises WorkspaceError saying why.
    """
    wanted = None if path is None else file_identity(path)
    if path is not None and wanted is None:
        yield 0
        return
    suspended = [
        s for s in list(_open) if (wanted is None or s.identity() == wanted) and s.suspend()
    ]
    try:
        yield len(suspended)
    finally:
        for store in suspended:
            try:
                store.resume()
            except Exception as exc:  # reported again on the store's next use
                log.warning("could not reopen %s after releasing it: %s", store.path, exc)


def held_locks(path: str | Path, pid: int | None = None) -> int:
    """How many POSIX locks process `pid` (default: this one) holds on `path` (Linux only).

    Returns -1 where the kernel's lock table cannot be read (not Linux).
    """
    identity = file_identity(path)
    if identity is None:
        return 0
    pid = os.getpid() if pid is None else pid
    try:
        with open("/proc/locks", encoding="ascii", errors="replace") as f:
            lines = f.readlines()
    except OSError:
        return -1
    ino = identity[1]  # the device column differs from st_dev on overlay file systems
    count = 0
    for line in lines:
        parts = line.split()
        if "POSIX" not in parts or "->" in parts:
            continue  # "->" marks a process waiting for a lock, not holding one
        i = parts.index("POSIX")
        try:
            owner = int(parts[i + 3])
            l_ino = int(parts[i + 4].rpartition(":")[2])
        except (IndexError, ValueError):
            continue
        if owner == pid and l_ino == ino:
            count += 1
    return count
