"""Help ▸ About: the version, and the log file to attach to a bug report."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, qVersion
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
    what = QCoreApplication.translate("About", "Customer-journey mapping with event-log analysis.")
    log = QCoreApplication.translate(
        "About", "Errors in background work are written to the log file"
    )
    attach = QCoreApplication.translate("About", "Please attach it to a bug report.")
    return (
        f"<p><b>cxmapper {__version__}</b><br>{what}"
        f"</p><p>Python {sys.version.split()[0]}, Qt {qVersion()}</p>"
        f"<p>{log}<br>"
        f"<code>{app_log_path()}</code><br>{attach}</p>"
    )


def show_about(parent: QWidget | None) -> None:
    QMessageBox.about(parent, QCoreApplication.translate("About", "About cxmapper"), about_text())
