"""File ▸ Open Demo: the sample workspace opens with its event log and survey already imported.

A newcomer should see what the demo is for (the overlay, the feedback badges, drivers, topics
and verdicts) without knowing that `cxmapper demo` wrote two more files beside the workspace
to import. Writing the workspace stays as before; reading the two files runs in a worker
process (`BackgroundJob`) behind a progress dialog while the map is already on screen, and
the app then stores both as one undoable step ("Import the demo's data"). The feedback
badges are switched on so the survey's figures show on the cards at once.

The data is imported when the demo is written, and also when an existing demo has neither
an event dataset nor a survey (one written by an earlier version) and the files are there.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt
from PySide6.QtGui import QAction, QUndoCommand
from PySide6.QtWidgets import QProgressDialog

from cxmapper.errors import CxError
from cxmapper.model.workspace import Removal, Workspace
from cxmapper.ui.locale_format import number

if TYPE_CHECKING:
    from cxmapper.ui.main_window import MainWindow
    from cxmapper.ui.overlay.jobs import BackgroundJob

log = logging.getLogger(__name__)
TASK = "cxmapper.feedback.demo_inputs.read_demo_inputs"


class AddDemoDataCommand(QUndoCommand):
    """The demo's event dataset and survey added together; undo removes both, redo puts the
    same records back (same ids)."""

    def __init__(self, ws: Workspace, dataset: Any, survey: Any) -> None:
        super().__init__(
            QCoreApplication.translate("DemoData", "Import the demo's event log and survey")
        )
        self._ws = ws
        self._inputs = (dataset, survey)
        self._removals: list[Removal] = []
        self.ids: tuple[str, str] | None = None

    def redo(self) -> None:
        if self.ids is None:
            dataset, survey = self._inputs
            with self._ws.batch():
                self.ids = (dataset.add_to(self._ws).id, survey.add_to(self._ws).id)
            self._inputs = (None, None)  # the payloads now live in the file only
        else:
            for removal in reversed(self._removals):
                self._ws.restore(removal)
            self._removals = []

    def undo(self) -> None:
        assert self.ids is not None
        dataset_id, survey_id = self.ids
        self._removals = [
            self._ws.remove("survey", survey_id),
            self._ws.remove("dataset", dataset_id),
        ]


def demo_path() -> Path:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(folder) / "demo.cxmap"


def open_demo(window: MainWindow) -> bool:
    """Open the sample workspace in the user's data folder, writing it the first time, and
    start importing its data when it has none (see the module docstring)."""
    path = demo_path()
    if not path.exists():
        try:
            from cxmapper.model.demo import write_demo

            path.parent.mkdir(parents=True, exist_ok=True)
            write_demo(path)
        except (CxError, OSError, ImportError) as exc:
            window.show_error(
                QCoreApplication.translate("MainWindow", "Cannot write the demo"), str(exc)
            )
            return False
    if not window.open_path(path):
        return False
    if needs_data(window.workspace, path):
        window.demo_job = import_demo_data(window, path)
    return True


def needs_data(ws: Workspace | None, path: Path) -> bool:
    from cxmapper.model.demo import events_path_for, survey_path_for

    if ws is None or ws.datasets() or ws.surveys():
        return False
    return events_path_for(path).exists() and survey_path_for(path).exists()


def import_demo_data(window: MainWindow, path: Path) -> BackgroundJob:
    """Read the demo's files in a worker with a progress dialog; store them when done."""
    from cxmapper.ui.overlay.jobs import BackgroundJob

    job = BackgroundJob(TASK, {"path": str(path)}, window)
    dialog = QProgressDialog(
        QCoreApplication.translate("DemoData", "Importing the demo's event log and survey…"),
        QCoreApplication.translate("DemoData", "Cancel"),
        0,
        100,
        window,
    )
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    job.progress.connect(lambda f, _m: dialog.setValue(int(f * 100)))

    def finished(result: tuple[Any, Any]) -> None:
        dialog.reset()
        store(window, path, *result)

    def failed(message: str) -> None:
        dialog.reset()
        log.warning("demo data import failed: %s", message.splitlines()[0] if message else "")
        window.show_error(
            QCoreApplication.translate("DemoData", "Cannot import the demo's data"), message
        )

    job.finished.connect(finished)
    job.failed.connect(failed)
    job.cancelled.connect(dialog.reset)
    dialog.canceled.connect(job.cancel)
    job.start()
    return job


def store(window: MainWindow, path: Path, dataset: Any, survey: Any) -> None:
    """Add both to the demo (if it is still the open workspace) as one undoable step."""
    ws = window.workspace
    if ws is None or ws.closed or Path(ws.path) != path:
        return  # closed or replaced meanwhile: the demo stays as it was
    window.undo_stack.push(AddDemoDataCommand(ws, dataset, survey))
    badges = window.findChild(QAction, "view.feedback_badges")
    if badges is not None:  # View ▸ Feedback Badges: the survey's figures on the cards
        badges.setChecked(True)
    window.statusBar().showMessage(
        QCoreApplication.translate(
            "DemoData", "Imported the demo's {events} events and {responses} survey responses"
        ).format(events=number(dataset.n_events), responses=number(survey.n_responses)),
        10000,
    )
