"""The file dialogs in an Italian app: Qt 6's "&Look in:" and "Files of &type:" are missing
from Qt's Italian catalogue, and our icon provider said "Folder" and "XLSX file" (gallery
export-dialog.png)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QFileInfo
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from cxmapper.ui import file_dialogs, translations


@pytest.fixture
def italian(qapp: QCoreApplication) -> Iterator[None]:
    assert translations.install_language(qapp, "it") == "it"
    yield
    translations.install_language(qapp, "en")


def test_the_file_dialog_reads_italian(italian: None, qtbot: QtBot, tmp_path: object) -> None:
    dialog = file_dialogs.make_dialog(None, "Esporta", "x.xlsx", "Cartella di lavoro (*.xlsx)",
                                      save=True)  # fmt: skip
    qtbot.addWidget(dialog)
    labels = {label.text() for label in dialog.findChildren(QLabel)}
    assert {"&Cerca in:", "File di &tipo:"} <= labels
    assert not {"&Look in:", "Files of &type:"} & labels
    provider = file_dialogs.NameOnlyIconProvider()
    assert provider.type(QFileInfo(str(tmp_path))) == "Cartella"
    assert provider.type(QFileInfo("/nowhere/mappa.xlsx")) == "File XLSX"


def test_no_column_title_is_cut(italian: None, qtbot: QtBot) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QTreeView

    dialog = file_dialogs.make_dialog(None, "Esporta", "x.xlsx", "(*.xlsx)", save=True)
    qtbot.addWidget(dialog)
    dialog.resize(900, 520)
    dialog.show()
    qtbot.waitExposed(dialog)
    view = next(v for v in dialog.findChildren(QTreeView) if v.isVisible())
    header, model = view.header(), view.model()
    for i in range(header.count()):
        title = str(model.headerData(i, Qt.Orientation.Horizontal))
        if not header.isSectionHidden(i):
            assert header.sectionSize(i) >= header.fontMetrics().horizontalAdvance(title), title
