"""The import wizard's "Link instead of copy" option, and the panel's offer to relink.

Why: a multi-gigabyte log copied into the workspace doubles it on disk; linked, the workspace
keeps only the path and fingerprint (`analysis/linked.py`). A linked file can later change or
vanish; analysis then fails in one line (which file, what changed) and the panel shows a
"Relink…" button beside that line: the user picks the file (moved, or renewed), the link is
renewed as one undoable step and the analysis runs again. Kept out of the wizard and the panel
so each changes by a call or two.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QCheckBox, QFormLayout, QPushButton

from cxmapper.errors import CxError
from cxmapper.ui import file_dialogs
from cxmapper.ui.overlay import summary_wizard

LINK_TASK = "cxmapper.analysis.linked.link_events"
#: Files at least this large are offered linked by default (the user can still copy them).
LARGE_BYTES = 500_000_000
LINK_PROBLEMS = ("linked file", "linked source")  # `linked.check`, `verify_fingerprint`
RELINK_FILTER = str(
    QT_TRANSLATE_NOOP(
        "OverlayImportDialog",
        "Event logs (*.csv *.tsv *.txt *.xlsx *.parquet *.jsonl *.ndjson *.xes *.gz);;All files (*)",
    )
)


def add_checkbox(form: QFormLayout) -> QCheckBox:
    box = QCheckBox(QCoreApplication.translate("OverlayImportDialog", "Link instead of copy"))
    box.setToolTip(
        QCoreApplication.translate(
            "OverlayImportDialog",
            "For large files: the workspace keeps the file's path, size, time and a "
            "fingerprint instead of its events, and analysis reads the file. The file must "
            "stay; if it changes or moves, the app says so and offers to relink it.",
        )
    )
    form.addRow("", box)
    return box


def suggest(box: QCheckBox, path: str) -> None:
    """Tick the box for a large file (an event log, not a summary)."""
    try:
        large = Path(path).stat().st_size >= LARGE_BYTES
    except OSError:
        large = False
    box.setEnabled(not summary_wizard.is_summary(path))
    box.setChecked(large and box.isEnabled())


def task_for(box: QCheckBox, path: str) -> str:
    """The worker task that imports `path`: a summary, a link, or a copy of the events."""
    if summary_wizard.is_summary(path):
        return summary_wizard.SUMMARY_TASK
    return LINK_TASK if box.isChecked() else summary_wizard.EVENTS_TASK


def _button(panel: Any) -> QPushButton:
    button = getattr(panel, "relink_button", None)
    if button is None:
        button = QPushButton(QCoreApplication.translate("OverlayPanel", "Relink…"))
        button.setToolTip(
            QCoreApplication.translate(
                "OverlayPanel", "Choose the linked event file again (moved, or changed)"
            )
        )
        button.clicked.connect(lambda: relink(panel))
        layout = panel.layout()
        layout.insertWidget(layout.indexOf(panel.status) + 1, button)
        panel.relink_button = button
    return button


def offer(panel: Any, message: str) -> bool:
    """After a failed analysis: show "Relink…" when a linked file is missing or changed."""
    wanted = any(p in message for p in LINK_PROBLEMS)
    if wanted or getattr(panel, "relink_button", None) is not None:
        _button(panel).setVisible(wanted)
    return wanted


def relink(panel: Any, path: str | None = None) -> bool:
    """Point the current dataset's link at `path` (asked for when None), as one undoable step,
    and analyse again; False if cancelled or the file cannot be linked (said in the status)."""
    from cxmapper.analysis import linked
    from cxmapper.ui.commands import UpdateCommand

    ds_id = panel.dataset.currentData()
    if panel.ws is None or panel.stack is None or ds_id is None:
        return False
    ds = panel.ws.get("dataset", ds_id)
    if not linked.is_linked(ds.options):
        return False
    if path is None:
        folder = str(Path(ds.options["path"]).parent)
        title = QCoreApplication.translate("OverlayPanel", "Relink event file")
        path = file_dialogs.open_file_name(
            panel, title, folder, QCoreApplication.translate("OverlayImportDialog", RELINK_FILTER)
        )
        if not path:
            return False
    try:
        options = linked.relinked(ds.options, path)
    except CxError as exc:
        panel.status.setText(str(exc))
        return False
    text = QCoreApplication.translate("OverlayPanel", "Relink dataset")
    panel.stack.push(
        UpdateCommand(panel.ws, "dataset", ds_id, text, options=options, source=options["path"])
    )
    _button(panel).hide()
    panel.run()
    return True
