"""Storing an imported survey as one undoable step, and Analysis ▸ Import Survey… itself.

Kept apart from the dialog (`survey_import_dialog`) so each stays small: the dialog reads and
checks, this module asks for the file, runs the dialog and pushes `AddSurveyCommand` on the
window's undo stack; the Voice panel and the feedback badges refresh from the model's change.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QDialog

from cxmapper.model.surveys import PSEUDONYM_KEY, set_pseudonym_key
from cxmapper.model.workspace import Removal, Workspace
from cxmapper.ui import file_dialogs
from cxmapper.ui.locale_format import number

if TYPE_CHECKING:
    from cxmapper.feedback.survey_import import ImportedSurvey
    from cxmapper.ui.main_window import MainWindow

FILE_FILTER = str(QT_TRANSLATE_NOOP(
    "SurveyImport", "Survey responses (*.csv *.tsv *.txt *.xlsx *.jsonl *.ndjson);;All files (*)"
))  # fmt: skip
MASKS = {  # what feedback.privacy masks in comments
    "email": str(QT_TRANSLATE_NOOP("SurveyImport", "e-mail addresses")),
    "phone": str(QT_TRANSLATE_NOOP("SurveyImport", "phone numbers")),
    "iban": str(QT_TRANSLATE_NOOP("SurveyImport", "IBANs")),
    "card": str(QT_TRANSLATE_NOOP("SurveyImport", "card numbers")),
}


class AddSurveyCommand(QUndoCommand):
    """One imported survey; undo removes it, redo puts the same record back (same id)."""

    def __init__(self, ws: Workspace, survey: ImportedSurvey, journey_id: str | None,
                 new_key: str = "") -> None:  # fmt: skip
        super().__init__(QCoreApplication.translate("SurveyImport", "Import survey {name}")
                         .format(name=survey.name))  # fmt: skip
        self._ws, self._survey, self._journey_id, self._key = ws, survey, journey_id, new_key
        self._removal: Removal | None = None
        self.survey_id: str | None = None

    def redo(self) -> None:
        if self.survey_id is None:
            assert self._survey is not None
            with self._ws.batch():  # the key is stored with the survey, or not at all
                if self._key:
                    set_pseudonym_key(self._ws, self._key)
                self.survey_id = self._survey.add_to(self._ws, self._journey_id).id
            self._survey = None  # type: ignore[assignment]  # the payload lives in the file now
        elif self._removal is not None:
            with self._ws.batch():
                if self._key:
                    self._ws.set_meta(PSEUDONYM_KEY, self._key)
                self._ws.restore(self._removal)
            self._removal = None

    def undo(self) -> None:
        assert self.survey_id is not None
        with self._ws.batch():  # a key this import created goes with it
            self._removal = self._ws.remove("survey", self.survey_id)
            if self._key:
                self._ws.set_meta(PSEUDONYM_KEY, "")


def summary(survey: ImportedSurvey) -> str:
    """'Read 1,234 survey responses; masked in comments: 3 e-mail addresses, 1 IBANs'."""
    masked = ", ".join(
        f"{number(n)} {QCoreApplication.translate('SurveyImport', MASKS[k])}"
        for k, n in survey.masked.items() if n and k in MASKS
    ) or QCoreApplication.translate("SurveyImport", "nothing")  # fmt: skip
    return QCoreApplication.translate(
        "SurveyImport", "Read {n} survey responses; masked in comments: {masked}."
    ).format(n=number(survey.n_responses), masked=masked)


def import_survey(window: MainWindow, path: str | None = None) -> bool:
    """Ask for a file, run the dialog, store the survey as one undoable step."""
    ws = window.workspace
    if ws is None or ws.closed:
        return False
    folder = "" if ws.path == ":memory:" else str(Path(ws.path).parent)
    if path is None:
        path = file_dialogs.open_file_name(
            window, QCoreApplication.translate("SurveyImport", "Import survey"), folder,
            QCoreApplication.translate("SurveyImport", FILE_FILTER),
        )  # fmt: skip
    if not path:
        return False
    from cxmapper.ui.voice.survey_import_dialog import SurveyImportDialog

    dialog = SurveyImportDialog(ws, window.journey_id, path, window)
    survey = dialog.imported if dialog.exec() == QDialog.DialogCode.Accepted else None
    if survey is not None:
        n = number(survey.n_responses)
        journey_id = dialog.journey.currentData()
        window.undo_stack.push(AddSurveyCommand(ws, survey, journey_id, dialog.new_key))
        window.statusBar().showMessage(QCoreApplication.translate(
            "SurveyImport", "Stored {n} survey responses").format(n=n), 10000)  # fmt: skip
    dialog.deleteLater()
    return survey is not None
