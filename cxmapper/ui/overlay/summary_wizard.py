"""The import wizard's handling of a Spark summary file (`analyze --engine spark --summary`).

Why here and not in the wizard: a summary has no columns to map and no rows to preview; the
wizard recognises it (`summary_import.looks_like_summary`), says what it is in its status line
(the error bound and notes in the tooltip, `summary_status`) and imports it in the worker with
the summary task instead of the event reader (`link_option.task_for` picks the task).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from cxmapper.errors import CxError
from cxmapper.ui.locale_format import number
from cxmapper.ui.overlay import summary_status

EVENTS_TASK = "cxmapper.analysis.tasks.import_events"
SUMMARY_TASK = "cxmapper.analysis.summary_job.import_summary_file"


def is_summary(path: str) -> bool:
    from cxmapper.analysis.summary_import import looks_like_summary

    return bool(path) and looks_like_summary(path)


def preview(dialog: Any, path: str) -> bool:
    """If `path` is a summary: check it whole (it is small), show what it holds and enable
    Import; True. False for any other file (the wizard previews it as events)."""
    if not is_summary(path):
        return False
    from cxmapper.analysis.summary_import import import_summary

    dialog.preview.setRowCount(0)
    dialog.preview.setColumnCount(0)
    try:
        imported = import_summary(path)
    except CxError as exc:
        dialog._show_error(str(exc))
        return True
    if not dialog.name_edit.text():
        dialog.name_edit.setText(Path(path).stem)
    dialog.status.setStyleSheet("")
    base = QCoreApplication.translate(
        "OverlayImportDialog", "Spark summary of {events} events, {cases} cases."
    ).format(events=number(imported.n_events), cases=number(imported.n_cases))
    summary_status.show(dialog.status, base, imported.options)
    dialog.import_button.setEnabled(True)
    return True
