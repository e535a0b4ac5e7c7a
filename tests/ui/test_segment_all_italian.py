"""The segment combo's "no segment" entry is in the app's language even though the panel's
module is imported before the catalogue is installed, and the remembered state stores no
segment as "" (not the entry's text), so it reads right in either language."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from cxmapper.ui import translations
from cxmapper.ui.overlay.memory import apply_state, state_of
from cxmapper.ui.overlay.panel import AnalysisPanel


@pytest.fixture
def italian(qapp: QCoreApplication) -> Iterator[None]:
    assert translations.install_language(qapp, "it") == "it"
    yield
    translations.install_language(qapp, "en")


def test_no_segment_reads_italian_and_is_stored_as_empty(italian: None, qtbot: QtBot) -> None:
    panel = AnalysisPanel()
    qtbot.addWidget(panel)
    panel._fill_segments({"channel": ["web", "app"]})
    assert panel.segment_attr.itemText(0) == "(tutti)"
    assert state_of(panel)["segment"][0] == ""
    panel.segment_attr.setCurrentIndex(panel.segment_attr.findText("channel"))
    assert state_of(panel)["segment"] == ["channel", "web"]
    panel._fill_segments({"channel": ["web", "app"]})  # a new dataset keeps the choice
    assert panel.segment_attr.currentText() == "channel"


@pytest.mark.parametrize("old", ["(all)", "(tutti)", ""])
def test_an_older_state_in_either_language_reads_as_no_segment(old: str, qtbot: QtBot) -> None:
    panel = AnalysisPanel()
    qtbot.addWidget(panel)
    apply_state(panel, {"segment": [old, ""]})
    assert panel.segment_attr.currentIndex() <= 0
