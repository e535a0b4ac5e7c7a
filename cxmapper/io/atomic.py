"""Write a file so that readers see the old file or the complete new one, never half of it.

The data goes to a temporary file in the target's own folder (same file system, so the final
`os.replace` is atomic) and is moved into place only after it was written completely. Any
failure removes the temporary file and leaves the target untouched. OS errors become CxError
with a message a user can act on (folder missing, no permission, file open in Excel).
"""

from __future__ import annotations

import errno
import logging
import os
from collections.abc import Callable
from pathlib import Path

from cxmapper.errors import CxError
from cxmapper.tempfiles import sweep, temp_path

log = logging.getLogger(__name__)


def atomic_write(target: str | Path, write: Callable[[Path], object]) -> Path:
    """Call `write(tmp_path)` (what it returns is ignored) and move the result to `target`;
    returns the target path."""
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    if target.is_dir():
        raise CxError(f"{target}: is a folder; give a file name to write to")
    if not folder.is_dir():
        raise CxError(f"{target}: the folder {folder} does not exist")
    sweep(folder)  # what a killed earlier export left behind
    tmp = temp_path(target)
    try:
        os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except OSError as exc:
        raise CxError(f"{target}: cannot write in {folder} ({_reason(exc)})") from exc
    try:
        write(tmp)
        _keep_mode(target, tmp)
        os.replace(tmp, target)
    except CxError:
        tmp.unlink(missing_ok=True)
        raise
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise CxError(f"{target}: could not write the file ({_reason(exc)})") from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return target


def _keep_mode(target: Path, tmp: Path) -> None:
    """The temporary file is created 0600; give the new file the old file's mode, or the usual 0644."""
    try:
        mode = target.stat().st_mode & 0o777 if target.exists() else 0o666 & ~_umask()
        os.chmod(tmp, mode)
    except OSError as exc:  # the file is still written, only with the private 0600 mode
        log.warning("cannot set the mode of %s: %s", tmp, exc)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _reason(exc: OSError) -> str:
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied, or the file is open in another program such as Excel; close it and try again"
    if exc.errno == errno.ENOSPC:
        return "the disk is full"
    if exc.errno == errno.EROFS:
        return "the file system is read-only"
    if exc.errno == errno.EBUSY or getattr(exc, "winerror", None) in (32, 33):
        return "the file is open in another program such as Excel; close it and try again"
    return exc.strerror or str(exc)
