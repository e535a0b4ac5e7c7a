"""Temporary files written beside a target, and the clean-up of those a killed process left.

Exports and Save As write to a hidden temporary file in the target's folder and rename it into
place, so readers never see half a file. A process killed in between (kill -9, power cut) leaves
the temporary file behind. Every temporary name carries the writer's process id, so the next
writer into that folder can tell a file whose writer is gone (remove it) from one another
program is writing right now (leave it). Headless on purpose: the model and io both use it.
"""

from __future__ import annotations

import logging
import os
import re
import secrets
import time
from pathlib import Path

log = logging.getLogger(__name__)

# .<target name>.<pid>.<random>.tmp, plus the SQLite side files of such a temporary database
_PATTERN = re.compile(r"^\..+\.(?P<pid>\d+)\.[0-9a-f]{8}\.cxtmp(?:-journal|-wal|-shm)?$")
STALE_AFTER_S = 24 * 3600  # a writer on another machine (shared folder) is trusted for a day


def temp_path(target: Path) -> Path:
    """A fresh hidden name beside `target` that `sweep` recognises as ours."""
    return target.with_name(f".{target.name}.{os.getpid()}.{secrets.token_hex(4)}.cxtmp")


def remove_for(target: Path, since: float) -> None:
    """Remove the temporaries of `target` written since `since` (epoch seconds): what a
    cancelled writer left, whose process may not be reaped yet (so `sweep` would still take it
    for a live writer's)."""
    prefix = f".{target.name}."
    for entry in os.scandir(target.parent):
        if not entry.name.startswith(prefix) or _PATTERN.match(entry.name) is None:
            continue
        try:
            if entry.stat(follow_symlinks=False).st_mtime >= since - 1:
                os.unlink(entry.path)
        except OSError:
            pass


def sweep(folder: Path) -> list[Path]:
    """Remove temporary files in `folder` whose writer is no longer running; returns them."""
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    now = time.time()
    for entry in entries:
        match = _PATTERN.match(entry.name)
        if match is None or not entry.is_file(follow_symlinks=False):
            continue
        try:
            age = now - entry.stat(follow_symlinks=False).st_mtime
        except OSError:
            continue
        if _alive(int(match["pid"])) and age < STALE_AFTER_S:
            continue
        try:
            os.unlink(entry.path)
        except OSError:
            continue
        removed.append(Path(entry.path))
        log.info("removed a temporary file left by an interrupted write: %s", entry.path)
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # exists, owned by someone else
    return True
