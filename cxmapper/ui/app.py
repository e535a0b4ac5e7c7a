"""Desktop entry point: `run_app(path)` builds the QApplication and the main window.

Start-up is kept light on purpose (workshops start the app in front of people): only Qt and
the model are imported here; pyqtgraph, pandas and openpyxl load on first use.
With CXMAPPER_EXIT_AFTER_PAINT=1 the app prints the seconds from process start to the first
painted window and quits, which is what `benchmarks/bench_startup.py` measures.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from cxmapper.ui.settings import APPLICATION, ORGANIZATION, AppSettings, apply_environment

EXIT_AFTER_PAINT_ENV = "CXMAPPER_EXIT_AFTER_PAINT"


def process_age() -> float:
    """Seconds since this process started (Linux /proc), else since this module loaded."""
    try:
        with open("/proc/self/stat") as f:
            start_ticks = int(f.read().rsplit(")", 1)[1].split()[19])
        with open("/proc/uptime") as f:
            uptime = float(f.read().split()[0])
        return uptime - start_ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return time.perf_counter() - _LOADED


_LOADED = time.perf_counter()


class _FirstPaint(QObject):
    """Reports the first paint of the window, then quits (start-up benchmark)."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._app = app
        self._done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._done:
            self._done = True
            print(f"first paint after {process_age():.3f} s", flush=True)
            QTimer.singleShot(0, self._app.quit)
        return False


def make_application(argv: list[str] | None = None) -> QApplication:
    apply_environment()
    running = QApplication.instance()
    if running is not None and not isinstance(running, QApplication):
        raise RuntimeError("a Qt application without widgets is already running")
    app = running or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APPLICATION)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationDisplayName("cxmapper")
    from cxmapper.ui.accessibility import install

    install(app)  # accessible names for every window's controls
    return app


def run_app(workspace: str | Path | None = None) -> int:
    """Open `workspace`, or the last one, or offer New / Open / Demo; returns the exit code."""
    app = make_application()
    from cxmapper.logfile import install
    from cxmapper.ui.language_menu import settings_store
    from cxmapper.ui.translations import chosen_language, install_language

    install_language(app, chosen_language(settings_store()))
    from cxmapper.ui.dialogs.about import app_log_path
    from cxmapper.ui.main_window import MainWindow

    app.aboutToQuit.connect(_discard_spare_worker)  # the idle worker goes with the app
    install(app_log_path())  # workers' tracebacks go here (named in Help ▸ About)
    window = MainWindow(AppSettings())
    if os.environ.get(EXIT_AFTER_PAINT_ENV):
        window.installEventFilter(_FirstPaint(app))
    window.show()
    if workspace is not None:
        window.open_path(workspace)
    else:
        last = window.settings.last_workspace
        if last and Path(last).exists() and window.open_path(last):
            pass
        elif not os.environ.get(EXIT_AFTER_PAINT_ENV):
            QTimer.singleShot(0, lambda: show_start_dialog(window))
    return app.exec()


def _discard_spare_worker() -> None:
    """Stop the idle analysis worker, if one was started. The jobs module (and with it
    multiprocessing) is imported when the first job or import wizard needs it, not at
    start-up (issue 18); if it never was, there is no worker to stop."""
    jobs = sys.modules.get("cxmapper.ui.overlay.jobs")
    if jobs is not None:
        jobs.discard_spare()


def show_start_dialog(window: object) -> None:
    """Ask how to begin; cancelling leaves an empty window with the File menu."""
    from cxmapper.ui.dialogs.start import StartDialog
    from cxmapper.ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    dialog = StartDialog(window.settings.recent_files(), window)
    if not dialog.exec():
        return
    if dialog.choice == "new":
        window.new_workspace()
    elif dialog.choice == "open":
        window.open_dialog()
    elif dialog.choice == "demo":
        window.open_demo()
    elif dialog.choice == "recent" and dialog.path:
        window.open_path(dialog.path)
