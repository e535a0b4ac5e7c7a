"""File ▸ Export and File ▸ Import: stakeholder files out, owners' updates back in.

Exports run in a worker process behind a progress dialog with Cancel. Imports show what they
will change before anything is written, and apply as one undo step.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QProgressDialog,
    QVBoxLayout,
    QWidget,
)

from cxmapper.errors import CxError
from cxmapper.model.workspace import Workspace
from cxmapper.tempfiles import remove_for
from cxmapper.ui import file_dialogs
from cxmapper.ui.commands import ApplyPlanCommand, ImportJsonCommand, push
from cxmapper.ui.screen_fit import resize_within_screen

log = logging.getLogger(__name__)

IMAGE_FORMATS = ("png", "svg", "pdf")  # made by ui.render; the others by io.tasks
EXPORTS = (
    # format, menu text, shortcut, file filter
    (
        "xlsx",
        str(QT_TRANSLATE_NOOP("Transfer", "&Excel workbook…")),
        "Ctrl+E",
        str(QT_TRANSLATE_NOOP("Transfer", "Excel workbook (*.xlsx)")),
    ),
    (
        "png",
        str(QT_TRANSLATE_NOOP("Transfer", "&PNG image…")),
        "",
        str(QT_TRANSLATE_NOOP("Transfer", "PNG image (*.png)")),
    ),
    (
        "svg",
        str(QT_TRANSLATE_NOOP("Transfer", "&SVG image…")),
        "",
        str(QT_TRANSLATE_NOOP("Transfer", "SVG image (*.svg)")),
    ),
    ("pdf", "P&DF…", "Ctrl+P", str(QT_TRANSLATE_NOOP("Transfer", "PDF document (*.pdf)"))),
    (
        "json",
        str(QT_TRANSLATE_NOOP("Transfer", "&JSON (journey exchange)…")),
        "",
        str(QT_TRANSLATE_NOOP("Transfer", "cxmapper journey JSON (*.json)")),
    ),
)

# the PDF's page option, chosen in the save dialog through its file type (see ui.render.pdf)
PDF_PAGES = (
    ("fit", str(QT_TRANSLATE_NOOP("Transfer", "PDF, the whole journey on one page (*.pdf)"))),
    (
        "tile",
        str(QT_TRANSLATE_NOOP("Transfer", "PDF, tiled across A4 pages for large print (*.pdf)")),
    ),
)


def _tr_text(text: str) -> str:
    """A text marked with str(QT_TRANSLATE_NOOP("Transfer", ...)) above, in the user's language."""
    return QCoreApplication.translate("Transfer", text)


def ask_export_path(parent: QWidget, title: str, suggested: str, file_filter: str) -> str | None:
    return file_dialogs.save_file_name(parent, title, suggested, file_filter)


def ask_pdf_path(parent: QWidget, title: str, suggested: str) -> tuple[str, str] | None:
    """Where to write the PDF and its page mode ("fit" or "tile")."""
    chosen = file_dialogs.save_file_name_and_filter(
        parent, title, suggested, ";;".join(_tr_text(f) for _, f in PDF_PAGES)
    )
    if chosen is None:
        return None
    path, file_filter = chosen
    return path, next((mode for mode, f in PDF_PAGES if _tr_text(f) == file_filter), "fit")


def ask_import_path(parent: QWidget, title: str, file_filter: str, folder: str = "") -> str | None:
    return file_dialogs.open_file_name(parent, title, folder, file_filter)


class PlanDialog(QDialog):
    """Shows an Excel import plan (changes and conflicts) before it is applied."""

    def __init__(self, parent: QWidget | None, plan: Any) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("Transfer", "Import updates from Excel"))
        resize_within_screen(self, 760, 480)
        summary = QLabel(
            QCoreApplication.translate(
                "Transfer",
                "{value} change(s) will be applied as one step (Edit ▸ Undo reverts them). {value2} conflict(s) will not be applied.",
            ).format(value=len(plan.changes), value2=len(plan.conflicts))
        )
        summary.setWordWrap(True)
        text = QPlainTextEdit(plan.report())
        text.setReadOnly(True)
        text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        apply = buttons.addButton(
            QCoreApplication.translate("Transfer", "Apply changes"),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        apply.setEnabled(bool(plan.changes))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(text, 1)
        layout.addWidget(buttons)


class TransferController:
    """Owns the export/import actions of a main window."""

    def __init__(
        self,
        window: QMainWindow,
        context: Callable[[], tuple[Workspace | None, str | None]],
        stack: QUndoStack,
        overlay: Callable[[], tuple[Any, Any]],
        show_error: Callable[[str, str], None],
    ) -> None:
        self.window = window
        self.context = context
        self.stack = stack
        self.overlay = overlay  # () -> (analysis result or None, Overlay or None)
        self.show_error = show_error
        self.job: Any = None
        self.export_actions: dict[str, QAction] = {}
        for fmt, text, keys, _ in EXPORTS:
            action = QAction(_tr_text(text), window)
            action.setObjectName(f"export.{fmt}")
            if keys:
                action.setShortcut(QKeySequence(keys))
            action.triggered.connect(lambda _=False, f=fmt: self.export_dialog(f))
            self.export_actions[fmt] = action
        self.xlsx_import_action = QAction(
            QCoreApplication.translate("Transfer", "&Updates from Excel…"), window
        )
        self.xlsx_import_action.setObjectName("import.xlsx")
        self.xlsx_import_action.setShortcut(QKeySequence("Ctrl+Shift+I"))
        self.xlsx_import_action.triggered.connect(self.import_xlsx_dialog)
        self.json_import_action = QAction(
            QCoreApplication.translate("Transfer", "Journeys from &JSON…"), window
        )
        self.json_import_action.setObjectName("import.json")
        self.json_import_action.triggered.connect(self.import_json_dialog)
        window.addActions(list(self.export_actions.values()))

    def fill_menus(self, export_menu: QMenu, import_menu: QMenu) -> None:
        export_menu.addActions([self.export_actions[f] for f in ("xlsx", "png", "svg", "pdf")])
        export_menu.addSeparator()
        export_menu.addAction(self.export_actions["json"])
        import_menu.addSeparator()
        import_menu.addActions([self.xlsx_import_action, self.json_import_action])

    def update_enabled(self) -> None:
        ws, journey_id = self.context()
        for action in self.export_actions.values():
            action.setEnabled(ws is not None and journey_id is not None and ws.path != ":memory:")
        self.xlsx_import_action.setEnabled(ws is not None)
        self.json_import_action.setEnabled(ws is not None)

    # -- export ------------------------------------------------------------------------------

    def export_dialog(self, fmt: str) -> None:
        ws, journey_id = self.context()
        if ws is None or journey_id is None:
            return
        _, text, _, file_filter = next(e for e in EXPORTS if e[0] == fmt)
        journey = ws.get("journey", journey_id)
        suggested = str(Path(ws.path).with_name(f"{_safe(journey.name)}.{fmt}"))
        what = _tr_text(text).replace("&", "").rstrip("…")
        title = QCoreApplication.translate("Transfer", "Export {what}").format(what=what)
        file_filter = _tr_text(file_filter)
        pages = "fit"
        if fmt == "pdf":
            chosen = ask_pdf_path(self.window, title, suggested)
            path, pages = chosen if chosen is not None else (None, pages)
        else:
            path = ask_export_path(self.window, title, suggested, file_filter)
        if path:
            if not path.lower().endswith(f".{fmt}"):
                path += f".{fmt}"
            self.export(fmt, path, pages=pages)

    def export(self, fmt: str, path: str, dpi: int = 200, pages: str = "fit") -> Any:
        """Start exporting the current journey to `path`; returns the running job."""
        from cxmapper.ui.overlay.jobs import BackgroundJob

        ws, journey_id = self.context()
        assert ws is not None and journey_id is not None
        analysis, overlay = self.overlay()
        kwargs: dict[str, Any] = {"workspace": ws.path, "journey_id": journey_id, "path": path,
                                  "fmt": fmt}  # fmt: skip
        if fmt in IMAGE_FORMATS:  # drawn by the canvas: a task of the UI's renderer
            task = "cxmapper.ui.render.tasks.export_image_file"
            kwargs.update(dpi=dpi, overlay=overlay)
            if fmt == "pdf":
                kwargs.update(pages=pages)
        else:
            task = "cxmapper.io.tasks.export_file"
            kwargs.update(analysis=analysis if fmt == "xlsx" else None)
        job = BackgroundJob(task, kwargs, self.window)
        dialog = QProgressDialog(
            QCoreApplication.translate("Transfer", "Exporting {name}…").format(
                name=Path(path).name
            ),
            QCoreApplication.translate("Transfer", "Cancel"),
            0,
            100,
            self.window,
        )
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        started = time.time()
        job.progress.connect(lambda f, m: _step(dialog, f, m))
        job.finished.connect(lambda p: self._exported(dialog, p))

        def failed(message: str) -> None:
            _dismiss(dialog)
            self._export_failed(path, message)

        def cancelled() -> None:
            _dismiss(dialog)
            remove_for(Path(path), started)

        job.failed.connect(failed)
        job.cancelled.connect(cancelled)
        dialog.canceled.connect(job.cancel)
        self.job = job
        job.start()
        return job

    def _export_failed(self, path: str, message: str) -> None:
        log.warning("export to %s failed: %s", path, message.splitlines()[0] if message else "")
        self.show_error(QCoreApplication.translate("Transfer", "Export failed"), message)

    def _exported(self, dialog: QProgressDialog, path: str) -> None:
        _dismiss(dialog)
        self.window.statusBar().showMessage(
            QCoreApplication.translate("Transfer", "Exported {path}").format(path=path), 10000
        )

    # -- import ------------------------------------------------------------------------------

    def import_xlsx_dialog(self) -> None:
        path = ask_import_path(
            self.window,
            QCoreApplication.translate("Transfer", "Import updates from Excel"),
            QCoreApplication.translate("Transfer", "Excel workbook (*.xlsx)"),
            self._folder(),
        )
        if path:
            self.import_xlsx(path, confirm=self._confirm_plan)

    def _confirm_plan(self, plan: Any) -> bool:
        dialog = PlanDialog(self.window, plan)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        return accepted

    def import_xlsx(self, path: str, confirm: Callable[[Any], bool]) -> Any:
        """Plan the round trip, let the user confirm, then apply as one undo step."""
        from cxmapper.io.xlsx_import import plan_xlsx_import

        ws, _ = self.context()
        if ws is None:
            return None
        try:
            plan = plan_xlsx_import(ws, path)
        except CxError as exc:
            self.show_error(
                QCoreApplication.translate("Transfer", "Cannot import the workbook"), str(exc)
            )
            return None
        if confirm(plan) and plan.changes:
            push(
                self.stack,
                ApplyPlanCommand(ws, plan),
                self._refused(QCoreApplication.translate("Transfer", "Cannot import the workbook")),
            )
        return plan

    def import_json_dialog(self) -> None:
        path = ask_import_path(
            self.window, QCoreApplication.translate("Transfer", "Import journeys from JSON"),
            QCoreApplication.translate("Transfer", "cxmapper journey JSON (*.json)"),
            self._folder(),
        )  # fmt: skip
        if path:
            self.import_json(path)

    def import_json(self, path: str) -> list[Any]:
        ws, _ = self.context()
        if ws is None:
            return []
        command = ImportJsonCommand(ws, path)
        if not push(
            self.stack,
            command,
            self._refused(QCoreApplication.translate("Transfer", "Cannot import journeys")),
        ):
            return []
        return command.journeys

    def _folder(self) -> str:
        """Files to import usually sit beside the workspace: start the dialog there."""
        ws, _ = self.context()
        return "" if ws is None or ws.path == ":memory:" else str(Path(ws.path).parent)

    def _refused(self, title: str) -> Callable[[str], None]:
        return lambda message: self.show_error(title, message)


def _step(dialog: QProgressDialog, fraction: float, message: str) -> None:
    """The export's progress and what it is doing ("Scrittura di mappa.xlsx"), worded by the
    job in the app's language."""
    dialog.setValue(int(fraction * 100))
    if message:
        dialog.setLabelText(message)


def _dismiss(dialog: QWidget) -> None:
    dialog.close()
    dialog.deleteLater()


def _safe(name: str) -> str:
    return "".join(c if c.isalnum() or c in " -_" else "_" for c in name).strip() or "journey"
