"""Analysis ▸ Import Survey…: the app's form of `cxmapper import-survey`.

The Voice panel's empty state used to send the user to the command line. The dialog shows the
first rows and the detected columns (changeable), reads the whole file in a worker process
(cancellable; a bad value is shown as the CLI's one-line error and nothing is stored), then
says what it read (responses, masked details) before the user stores it; storing is
`survey_store`'s one undoable step on the window's stack.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QProgressBar,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cxmapper.errors import CxError
from cxmapper.model.workspace import Workspace
from cxmapper.ui.job_dialog import JobDialog
from cxmapper.ui.overlay.jobs import BackgroundJob, prewarm
from cxmapper.ui.screen_fit import resize_within_screen

if TYPE_CHECKING:
    from cxmapper.feedback.survey_import import ImportedSurvey

TASK = "cxmapper.feedback.survey_task.read_survey_task"
DETECT = str(QT_TRANSLATE_NOOP("SurveyImport", "(detect)"))
NONE = str(QT_TRANSLATE_NOOP("SurveyImport", "(none)"))


class SurveyImportDialog(JobDialog):
    def __init__(self, ws: Workspace, journey_id: str | None, path: str,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("SurveyImport", "Import survey"))
        resize_within_screen(self, 820, 560)
        prewarm()
        self.ws, self.path = ws, path
        self.imported: ImportedSurvey | None = None
        self.new_key = ""
        self.job: BackgroundJob | None = None
        self.combos: dict[str, QComboBox] = {}
        self.scale = QComboBox()
        self.scale.addItem(QCoreApplication.translate("SurveyImport", DETECT), "")
        for key in ("nps", "csat", "ces"):
            self.scale.addItem(key.upper(), key)
        self.journey = QComboBox()
        self.journey.addItem(QCoreApplication.translate("SurveyImport", "(every journey)"), None)
        for j in ws.journeys():
            self.journey.addItem(j.name, j.id)
        self.journey.setCurrentIndex(max(0, self.journey.findData(journey_id)))
        self.no_comments = QCheckBox(QCoreApplication.translate("SurveyImport", "Keep no comments"))
        self.no_comments.setToolTip(QCoreApplication.translate(
            "SurveyImport", "Store the scores only; the comment column is not read"))  # fmt: skip
        self.pseudonymise = QCheckBox(
            QCoreApplication.translate("SurveyImport", "Store respondent ids pseudonymised")
        )
        self.pseudonymise.setToolTip(QCoreApplication.translate("SurveyImport",
            "Keyed hashes instead of the ids; the key stays in the workspace, so the answers "
            "still link to the event log"))  # fmt: skip
        self.preview = QTableWidget()
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.status = QLabel()
        self.status.setObjectName("surveyImport.status")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress = QProgressBar()
        self.progress.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(
            QCoreApplication.translate("SurveyImport", "Read"),
            QDialogButtonBox.ButtonRole.ActionRole,
        )
        self.import_button.clicked.connect(self._read_or_store)
        self.buttons.rejected.connect(self._cancel_or_close)

        grid = QGridLayout()
        for i, (key, label) in enumerate((
            ("case", QCoreApplication.translate("SurveyImport", "Respondent / case id")),
            ("date", QCoreApplication.translate("SurveyImport", "Date")),
            ("score", QCoreApplication.translate("SurveyImport", "Score")),
            ("text", QCoreApplication.translate("SurveyImport", "Comment")),
            ("touchpoint", QCoreApplication.translate("SurveyImport", "Touchpoint")),
            ("lang", QCoreApplication.translate("SurveyImport", "Language")),
        )):  # fmt: skip
            self.combos[key] = QComboBox()
            self.combos[key].setObjectName(f"surveyImport.{key}")
            grid.addWidget(QLabel(label), i // 3, 2 * (i % 3))
            grid.addWidget(self.combos[key], i // 3, 2 * (i % 3) + 1)
            grid.setColumnStretch(2 * (i % 3) + 1, 1)
        self.combos["score"].setToolTip(QCoreApplication.translate("SurveyImport",
            "(detect): every column whose name holds nps, csat, ces, score or rating, each on its "
            "detected scale"))  # fmt: skip
        form = QFormLayout()
        form.addRow(QCoreApplication.translate("SurveyImport", "File"), QLabel(Path(path).name))
        form.addRow(QCoreApplication.translate("SurveyImport", "Columns"), grid)
        form.addRow(QCoreApplication.translate("SurveyImport", "Scale"), self.scale)
        form.addRow(QCoreApplication.translate("SurveyImport", "Journey"), self.journey)
        form.addRow("", self.no_comments)
        form.addRow("", self.pseudonymise)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(QCoreApplication.translate(
            "SurveyImport", "Preview (first rows as read from the file):")))  # fmt: skip
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)
        self._load_preview()
        for combo in (*self.combos.values(), self.scale):
            combo.currentIndexChanged.connect(self._forget)
        for box in (self.no_comments, self.pseudonymise):
            box.toggled.connect(self._forget)

    def _load_preview(self) -> None:
        from cxmapper.analysis.readers import preview
        from cxmapper.feedback.columns import resolve_columns

        try:
            pv = preview(self.path)
        except CxError as exc:
            self.import_button.setEnabled(False)
            self._show_error(str(exc))
            return
        names = [str(c) for c in pv.columns]
        self.preview.setColumnCount(len(names))
        self.preview.setHorizontalHeaderLabels(names)
        self.preview.setRowCount(len(pv.rows))
        for r, row in enumerate(pv.rows.itertuples(index=False)):
            for c, value in enumerate(row):
                self.preview.setItem(r, c, QTableWidgetItem("" if value is None else str(value)))
        self.preview.resizeColumnsToContents()
        try:
            found: Any = resolve_columns(names, self.path)
            detected = {"case": found.case, "date": found.date, "text": found.text,
                        "touchpoint": found.touchpoint, "lang": found.lang,
                        "score": next(iter(found.scores)) if len(found.scores) == 1 else None}  # fmt: skip
        except CxError as exc:
            detected = {}
            self._show_error(str(exc))
        detect = QCoreApplication.translate("SurveyImport", DETECT)
        none = QCoreApplication.translate("SurveyImport", NONE)
        for key, combo in self.combos.items():
            combo.clear()
            optional = key in ("text", "touchpoint", "lang")
            combo.addItems([none if optional else detect, *names])
            if detected.get(key):
                combo.setCurrentText(str(detected[key]))

    def _chosen(self, key: str) -> str | None:
        text = self.combos[key].currentText()
        return text if self.combos[key].currentIndex() > 0 and text else None

    def _read_or_store(self) -> None:
        if self.imported is not None:
            self.accept()
        else:
            self.start_import()

    def _forget(self) -> None:
        """Other columns or options: what was read no longer holds; read again."""
        self.imported = None
        self.import_button.setText(QCoreApplication.translate("SurveyImport", "Read"))

    def start_import(self) -> None:
        from cxmapper.model.surveys import new_pseudonym_key, pseudonym_key

        existing = pseudonym_key(self.ws)
        key = (existing or new_pseudonym_key()) if self.pseudonymise.isChecked() else ""
        self.new_key = key if key and not existing else ""
        columns = {k: self._chosen(k) for k in self.combos}
        columns["scale"] = self.scale.currentData() or None
        kwargs = {
            "path": self.path,
            "columns": columns,
            "keep_verbatims": not self.no_comments.isChecked(),
            "pseudonym_key": key,
            "ignore": [k for k in ("text", "touchpoint", "lang") if columns[k] is None],
        }
        self.run_job(TASK, kwargs)

    def _on_done(self, survey: object) -> None:
        from cxmapper.ui.voice.survey_store import summary

        self.imported = cast("ImportedSurvey", survey)
        self._finish_job(summary(self.imported))
        self.import_button.setText(QCoreApplication.translate("SurveyImport", "Store"))
