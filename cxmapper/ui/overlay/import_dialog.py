"""The event-import wizard: pick a file, check the preview and column mapping, import.

The file is read in a worker process (cancellable); the dialog stays open on errors and shows
them where the user is looking. Storing the dataset is left to the caller, as one undo step.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cxmapper.errors import CxError
from cxmapper.ui import file_dialogs
from cxmapper.ui.job_dialog import JobDialog
from cxmapper.ui.overlay import link_option, summary_wizard
from cxmapper.ui.overlay.jobs import BackgroundJob, prewarm
from cxmapper.ui.screen_fit import resize_within_screen

if TYPE_CHECKING:
    from cxmapper.analysis.tasks import StorableDataset

FILE_FILTER = str(
    QT_TRANSLATE_NOOP(
        "OverlayImportDialog",
        "Event logs and Spark summaries (*.csv *.tsv *.txt *.xlsx *.parquet *.jsonl *.ndjson *.xes "
        "*.xes.gz *.gz *.json);;All files (*)",
    )
)
# the "let the import decide" / "no such column" entries of the combos (compared as text, in
# the language the dialog was opened in)
AUTO = str(QT_TRANSLATE_NOOP("OverlayImportDialog", "(detect)"))
NONE = str(QT_TRANSLATE_NOOP("OverlayImportDialog", "(none)"))


def _tr(text: str) -> str:
    return QCoreApplication.translate("OverlayImportDialog", text)


class ImportDialog(JobDialog):
    def __init__(
        self, parent: QWidget | None = None, path: str | None = None, folder: str = ""
    ) -> None:
        super().__init__(parent)
        self.start_folder = folder  # where Browse starts: the workspace's folder
        self.setWindowTitle(QCoreApplication.translate("OverlayImportDialog", "Import event data"))
        resize_within_screen(self, 860, 560)
        prewarm()  # the import will run in a worker that loads pandas meanwhile
        self.imported: StorableDataset | None = None
        self.job: BackgroundJob | None = None
        self._columns: list[str] = []

        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(
            QCoreApplication.translate(
                "OverlayImportDialog", "CSV, TSV, XLSX, Parquet, JSON Lines or XES file"
            )
        )
        self.path_edit.editingFinished.connect(self._load_preview)
        browse = QPushButton(QCoreApplication.translate("OverlayImportDialog", "Browse…"))
        browse.clicked.connect(self._browse)
        self.preset = QComboBox()
        from cxmapper.analysis.columns import PRESETS

        auto = _tr(AUTO)
        self.preset.addItems([auto, *PRESETS])
        self.preset.currentIndexChanged.connect(self._load_preview)
        self.case_col, self.activity_col, self.time_col, self.channel_col = (
            QComboBox() for _ in range(4)
        )
        self.lifecycle = QComboBox()
        for key, word in (
            ("complete", QCoreApplication.translate("OverlayImportDialog", "complete events")),
            ("all", QCoreApplication.translate("OverlayImportDialog", "all events")),
        ):
            self.lifecycle.addItem(word, key)  # the key is what the import reads
        self.lifecycle.setToolTip(
            QCoreApplication.translate(
                "OverlayImportDialog",
                "With a lifecycle column, keep only 'complete' events (default) or all",
            )
        )
        self.name_edit = QLineEdit()
        self.preview = QTableWidget()
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(
            QCoreApplication.translate("OverlayImportDialog", "Import"),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.start_import)
        self.buttons.rejected.connect(self._cancel_or_close)

        file_row = QHBoxLayout()
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(browse)
        form = QFormLayout()
        form.addRow(QCoreApplication.translate("OverlayImportDialog", "File"), file_row)
        form.addRow(QCoreApplication.translate("OverlayImportDialog", "Preset"), self.preset)
        mapping = QHBoxLayout()
        for label, combo in (
            (QCoreApplication.translate("OverlayImportDialog", "Case id"), self.case_col),
            (QCoreApplication.translate("OverlayImportDialog", "Event"), self.activity_col),
            (QCoreApplication.translate("OverlayImportDialog", "Timestamp"), self.time_col),
            (QCoreApplication.translate("OverlayImportDialog", "Channel"), self.channel_col),
        ):
            mapping.addWidget(QLabel(label))
            mapping.addWidget(combo, 1)
        form.addRow(QCoreApplication.translate("OverlayImportDialog", "Columns"), mapping)
        form.addRow(QCoreApplication.translate("OverlayImportDialog", "Lifecycle"), self.lifecycle)
        self.link_box = link_option.add_checkbox(form)
        form.addRow(
            QCoreApplication.translate("OverlayImportDialog", "Dataset name"), self.name_edit
        )
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(
            QLabel(
                QCoreApplication.translate(
                    "OverlayImportDialog", "Preview (first rows as read from the file):"
                )
            )
        )
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)
        if path:
            self.path_edit.setText(path)
            self._load_preview()

    def _browse(self) -> None:
        path = file_dialogs.open_file_name(
            self,
            QCoreApplication.translate("OverlayImportDialog", "Import event data"),
            self.start_folder,
            QCoreApplication.translate("OverlayImportDialog", FILE_FILTER),
        )
        if path:
            self.path_edit.setText(path)
            self._load_preview()

    def _load_preview(self) -> None:
        from cxmapper.analysis.readers import preview

        path = self.path_edit.text().strip()
        self.import_button.setEnabled(False)
        link_option.suggest(self.link_box, path)
        if not path or summary_wizard.preview(self, path):
            return
        try:
            pv = preview(path)
        except CxError as exc:
            self._show_error(str(exc))
            return
        self._columns = [str(c) for c in pv.columns]
        self.preview.setColumnCount(len(pv.columns))
        self.preview.setHorizontalHeaderLabels(self._columns)
        self.preview.setRowCount(len(pv.rows))
        for r, row in enumerate(pv.rows.itertuples(index=False)):
            for c, value in enumerate(row):
                self.preview.setItem(r, c, QTableWidgetItem("" if value is None else str(value)))
        self.preview.resizeColumnsToContents()
        mapping = pv.mapping
        auto, none = _tr(AUTO), _tr(NONE)
        choices = [auto, *self._columns]
        for combo, chosen in (
            (self.case_col, mapping.case[0] if mapping else None),
            (self.activity_col, mapping.activity if mapping else None),
            (self.time_col, mapping.timestamp if mapping else None),
            (self.channel_col, mapping.channel if mapping else None),
        ):
            combo.clear()
            combo.addItems(
                choices if combo is not self.channel_col else [auto, none, *self._columns]
            )
            if chosen:
                combo.setCurrentText(chosen)
        if not self.name_edit.text():
            self.name_edit.setText(Path(path).name.split(".")[0])
        details = ", ".join(
            x for x in (pv.format, pv.encoding, repr(pv.delimiter) if pv.delimiter else "") if x
        )
        found = (
            QCoreApplication.translate("OverlayImportDialog", "columns detected")
            if mapping
            else QCoreApplication.translate("OverlayImportDialog", "choose the columns")
        )
        self.status.setStyleSheet("")
        self.status.setText(
            QCoreApplication.translate(
                "OverlayImportDialog", "{value} columns ({details}); {found}."
            ).format(value=len(self._columns), details=details, found=found)
        )
        self.import_button.setEnabled(True)

    def _columns_chosen(self) -> dict[str, str | None]:
        def value(combo: QComboBox) -> str | None:
            text = combo.currentText()
            return None if text in (_tr(AUTO), _tr(NONE), "") else text

        return {
            "case": value(self.case_col),
            "activity": value(self.activity_col),
            "timestamp": value(self.time_col),
            "channel": value(self.channel_col),
        }

    def start_import(self) -> None:
        preset = self.preset.currentText()
        kwargs = {
            "path": self.path_edit.text().strip(),
            "preset": None if preset == _tr(AUTO) else preset,
            "columns": self._columns_chosen(),
            "lifecycle": self.lifecycle.currentData(),
            "name": self.name_edit.text().strip() or None,
        }
        task = link_option.task_for(self.link_box, str(kwargs["path"]))
        self.run_job(task, kwargs)

    def _on_done(self, imported: object) -> None:
        # the import tasks (`link_option.task_for`) each return a StorableDataset
        self.imported = cast("StorableDataset", imported)
        self._finish_job("")
        self.accept()
