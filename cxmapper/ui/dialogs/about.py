"""Help ▸ About: the version, and the log file to attach to a bug report."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QStandardPaths, qVersion
from PySide6.QtWidgets import QMessageBox, QWidget

from cxmapper import __version__
from cxmapper.logfile import LOG_NAME, installed_path


def app_log_path() -> Path:
    """The app's log file: in Qt's AppDataLocation (the same folder `cxmapper --version
    --verbose` names without Qt), unless a log file was installed elsewhere."""
    installed = installed_path()
    if installed is not None:
        return installed
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(folder) / LOG_NAME


def about_text() -> str:
    return (
        f"<p><b>cxmapper {__version__}</b><br>Customer-journey mapping with event-log analysis."
        f"</p><p>Python {sys.version.split()[0]}, Qt {qVersion()}</p>"
        f"<p>Errors in background work are written to the log file<br>"
        f"<code>{app_log_path()}</code><br>Please attach it to a bug report.</p>"
    )


def show_about(parent: QWidget | None) -> None:
    QMessageBox.about(parent, "About cxmapper", about_text())
