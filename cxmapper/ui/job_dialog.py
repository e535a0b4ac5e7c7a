"""What the import dialogs (event log, survey) share while their file is read in a worker:
start the job with progress, say how it ended in the status line (an error in red, one
line), and let Cancel stop a running read before it closes the dialog.

Each dialog builds its own form and sets `status`, `progress`, `import_button` and `job`; it
says what a finished read means in `_on_done`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QLabel, QProgressBar, QPushButton

from cxmapper.ui.overlay.jobs import BackgroundJob

ERROR_STYLE = "color: #b00020;"


class JobDialog(QDialog):
    status: QLabel
    progress: QProgressBar
    import_button: QPushButton
    job: BackgroundJob | None

    def run_job(self, task: Any, kwargs: dict[str, Any]) -> None:
        """Read in a worker (`task` with `kwargs`), the import button off until it ends."""
        self.job = BackgroundJob(task, kwargs, self)
        self.job.progress.connect(self._on_progress)
        self.job.finished.connect(self._on_done)
        self.job.failed.connect(self._on_failed)
        self.job.cancelled.connect(
            lambda: self._finish_job(
                QCoreApplication.translate("JobDialog", "Import cancelled; nothing was imported.")
            )
        )
        self.import_button.setEnabled(False)
        self.status.setStyleSheet("")
        self.progress.setValue(0)
        self.progress.show()
        self.job.start()

    def _on_done(self, result: object) -> None:
        raise NotImplementedError

    def _on_progress(self, fraction: float, message: str) -> None:
        self.progress.setValue(int(fraction * 100))
        self.status.setStyleSheet("")
        self.status.setText(message)

    def _on_failed(self, message: str) -> None:
        self._finish_job("")
        self._show_error(message)

    def _finish_job(self, message: str) -> None:
        self.progress.hide()
        self.import_button.setEnabled(True)
        if message:
            self.status.setText(message)

    def _show_error(self, message: str) -> None:
        self.status.setStyleSheet(ERROR_STYLE)
        self.status.setText(
            QCoreApplication.translate("JobDialog", "Cannot import: {message}").format(
                message=message
            )
        )

    def _cancel_or_close(self) -> None:
        if self.job is not None and self.job.running:
            self.job.cancel()
            return
        self.reject()
