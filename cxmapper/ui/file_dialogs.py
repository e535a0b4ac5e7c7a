"""Every file dialog of the app, made so that it can never cost an open workspace its locks.

A file dialog lists a folder and, to show each file's type and icon, reads the first bytes of
every file in it: the workspace, its -wal and its -shm included. Closing those descriptors drops
all of this process's SQLite locks on the workspace (see model/persistence/file_locks.py), and
a second process may then delete the write-ahead log under the app. Two defences, each enough on
its own:

1. the dialog is Qt's own, with an icon provider that judges files by name only, so it opens
   no file at all (a platform's native dialog may sniff whatever it likes);
2. while any dialog is open, every open workspace is released (its connection closed, so there
   is no lock to lose) and reopened when the dialog closes, noticing what another process
   committed meanwhile.

No other module may use QFileDialog: a test walks the package to make sure.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QFileInfo, Qt
from PySide6.QtGui import QAbstractFileIconProvider, QIcon
from PySide6.QtWidgets import QFileDialog, QFileIconProvider, QTreeView, QWidget

from cxmapper.model.persistence.file_locks import released

_Kind = QAbstractFileIconProvider.IconType


class NameOnlyIconProvider(QFileIconProvider):
    """Icons and type names from the file name alone: never opens a file to sniff it."""

    def icon(self, what: QFileInfo | QAbstractFileIconProvider.IconType) -> QIcon:
        if isinstance(what, QFileInfo):
            what = _Kind.Folder if what.isDir() else _Kind.File
        return super().icon(what)

    def type(self, info: QFileInfo) -> str:
        if info.isDir():
            return QCoreApplication.translate("FileDialogs", "Folder")
        suffix = info.suffix()
        if not suffix:
            return QCoreApplication.translate("FileDialogs", "File")
        return QCoreApplication.translate("FileDialogs", "{suffix} file").format(
            suffix=suffix.upper()
        )


_provider: NameOnlyIconProvider | None = None


def _icon_provider() -> NameOnlyIconProvider:
    global _provider
    if _provider is None:
        _provider = NameOnlyIconProvider()
    return _provider


def make_dialog(
    parent: QWidget | None, title: str, folder: str, file_filter: str, *, save: bool
) -> QFileDialog:
    dialog = QFileDialog(parent, title, folder, file_filter)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setIconProvider(_icon_provider())
    dialog.setObjectName("cxFileDialog")
    # Qt 6's own words have mnemonics ("&Look in:") that its Italian catalogue lacks: ours
    dialog.setLabelText(
        QFileDialog.DialogLabel.LookIn, QCoreApplication.translate("FileDialogs", "&Look in:")
    )
    dialog.setLabelText(
        QFileDialog.DialogLabel.FileType,
        QCoreApplication.translate("FileDialogs", "Files of &type:"),
    )
    _fit_column_titles(dialog)
    if save:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    else:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    return dialog


def _fit_column_titles(dialog: QFileDialog) -> None:
    """No column of the detail view narrower than its title ("Dimensioni" was cut)."""
    for view in dialog.findChildren(QTreeView):
        header, model = view.header(), view.model()
        if model is None:
            continue
        titles = [
            str(model.headerData(i, Qt.Orientation.Horizontal)) for i in range(header.count())
        ]
        widest = max((header.fontMetrics().horizontalAdvance(t) for t in titles), default=0)
        header.setMinimumSectionSize(widest + 24)  # the sort arrow and margins


def _run(dialog: QFileDialog) -> str | None:
    chosen = _run_with_filter(dialog)
    return None if chosen is None else chosen[0]


def _run_with_filter(dialog: QFileDialog) -> tuple[str, str] | None:
    """The picked path and the file-type filter selected with it, or None if cancelled."""
    try:
        with released():
            accepted = dialog.exec() == QFileDialog.DialogCode.Accepted
        files = dialog.selectedFiles() if accepted else []
        file_filter = dialog.selectedNameFilter()
    finally:
        dialog.deleteLater()
    return (files[0], file_filter) if files else None


def open_file_name(parent: QWidget | None, title: str, folder: str, file_filter: str) -> str | None:
    """The path of an existing file the user picked, or None if cancelled."""
    return _run(make_dialog(parent, title, folder, file_filter, save=False))


def save_file_name(parent: QWidget | None, title: str, folder: str, file_filter: str) -> str | None:
    """A path to write to (Qt asks before overwriting), or None if cancelled."""
    return _run(make_dialog(parent, title, folder, file_filter, save=True))


def save_file_name_and_filter(
    parent: QWidget | None, title: str, folder: str, file_filter: str
) -> tuple[str, str] | None:
    """Like `save_file_name`, with the filter the user chose: filters that share a suffix
    then double as an option (a PDF on one page or tiled)."""
    return _run_with_filter(make_dialog(parent, title, folder, file_filter, save=True))


def unused_name(folder: Path, stem: str, suffix: str) -> Path:
    """`folder/stem.suffix`, or `stem 2.suffix`… when that is taken: what a save dialog proposes."""
    candidate = folder / f"{stem}{suffix}"
    n = 2
    while candidate.exists():
        candidate = folder / f"{stem} {n}{suffix}"
        n += 1
    return candidate
