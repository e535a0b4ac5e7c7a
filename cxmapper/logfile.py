"""The log file a user can send with a bug report: `cxmapper.log` in the user's data folder.

Unexpected errors in background work (analysis and import jobs, exports) happen in worker
processes whose output nobody sees; their tracebacks come back to the app, which writes them
here. The file rotates (1 MB, three old files kept), so it never grows without bound.

The folder is Qt's AppDataLocation for organisation and application "cxmapper". The app asks
Qt; the command line (`cxmapper --version --verbose`), which must not load Qt, computes the
same folder by hand with `data_folder()`. Help ▸ About and that command name the file.
"""

from __future__ import annotations

import logging
import os
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path

LOG_NAME = "cxmapper.log"
MAX_BYTES = 1_000_000
BACKUPS = 3
#: Every cxmapper module logs under this name (`logging.getLogger(__name__)`).
ROOT_LOGGER = "cxmapper"
_FORMAT = "%(asctime)s %(levelname)s %(name)s [pid %(process)d]: %(message)s"

log = logging.getLogger(__name__)


def data_folder(environ: dict[str, str] | None = None, platform: str | None = None) -> Path:
    """Where Qt's AppDataLocation puts cxmapper's data on this platform, without Qt."""
    env = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    home = Path(env.get("HOME") or Path.home())
    if platform.startswith("win"):
        base = Path(env.get("APPDATA") or home / "AppData" / "Roaming")
    elif platform == "darwin":
        base = home / "Library" / "Application Support"
    else:
        base = Path(env.get("XDG_DATA_HOME") or home / ".local" / "share")
    return base / "cxmapper" / "cxmapper"


def default_log_path() -> Path:
    return data_folder() / LOG_NAME


class _Handler(RotatingFileHandler):
    """Ours, so a second `install` replaces it instead of logging everything twice."""


def install(path: Path) -> Path:
    """Send cxmapper's warnings and errors to the rotating file at `path`; returns it.

    The file is opened only when the first record is written (`delay`), so an app that never
    meets an error leaves no empty file behind.
    """
    logger = logging.getLogger(ROOT_LOGGER)
    uninstall()
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = _Handler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True)
    handler.setLevel(logging.INFO)
    handler.setFormatter(logging.Formatter(_FORMAT))
    logger.addHandler(handler)
    if logger.level == logging.NOTSET or logger.level > logging.INFO:
        logger.setLevel(logging.INFO)
    return path


def uninstall() -> None:
    logger = logging.getLogger(ROOT_LOGGER)
    for handler in list(logger.handlers):
        if isinstance(handler, _Handler):
            logger.removeHandler(handler)
            handler.close()


def installed_path() -> Path | None:
    """The file the app is logging to, if `install` was called."""
    for handler in logging.getLogger(ROOT_LOGGER).handlers:
        if isinstance(handler, _Handler):
            return Path(handler.baseFilename)
    return None
