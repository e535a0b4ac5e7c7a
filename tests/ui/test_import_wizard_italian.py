"""The import wizard in an Italian app: the column labels ("Case id", "Event", "Timestamp",
"Channel") and the preview's "columns detected" were English (gallery import-wizard.png)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from cxmapper.ui import translations
from cxmapper.ui.overlay.import_dialog import ImportDialog


@pytest.fixture
def italian(qapp: QCoreApplication) -> Iterator[None]:
    assert translations.install_language(qapp, "it") == "it"
    yield
    translations.install_language(qapp, "en")


def test_the_wizard_reads_italian(italian: None, qtbot: QtBot, tmp_path: Path) -> None:
    log = tmp_path / "e.csv"
    log.write_text("case_id,event,timestamp\nc1,A,2026-03-02T10:00:00Z\n", encoding="utf-8")
    dialog = ImportDialog(None, str(log))
    qtbot.addWidget(dialog)
    labels = {label.text() for label in dialog.findChildren(QLabel)}
    assert {"Id del caso", "Evento", "Orario", "Canale"} <= labels
    assert not {"Case id", "Event", "Timestamp", "Channel"} & labels
    assert dialog.status.text().endswith("colonne riconosciute.")
