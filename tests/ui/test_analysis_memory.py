"""The last analysis of a journey survives a restart: dataset, overlay, segment and periods come
back from the app settings (not the workspace file) and the analysis runs again by itself."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from cxmapper.model.workspace import Workspace
from cxmapper.ui.main_window import MainWindow
from cxmapper.ui.settings import AppSettings
from tests.ui.analysis_rigs import analyse, make_shop


def _window(qtbot: QtBot) -> MainWindow:
    w = MainWindow(AppSettings(), poll_ms=0)
    qtbot.addWidget(w)
    w.show()
    return w


def test_last_analysis_comes_back_after_a_restart(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, errors: list[str]
) -> None:
    path = tmp_path / "shop.cxmap"
    with Workspace.create(path) as ws:
        shop = make_shop(ws, tmp_path)
    assert window.open_path(path)
    panel = window.analysis_dock.ensure_panel()
    analyse(qtbot, panel, shop["log"], overlay="reach")  # the first run offers the segments
    panel.segment_attr.setCurrentText("channel")
    panel.segment_value.setCurrentText("web")
    panel.use_period.setChecked(True)
    panel.period_from.setDate(QDate(2026, 3, 2))
    panel.period_to.setDate(QDate(2026, 3, 16))
    panel.use_compare.setChecked(True)
    panel.compare_from.setDate(QDate(2026, 2, 16))
    panel.compare_to.setDate(QDate(2026, 3, 2))
    panel.overlay.setCurrentIndex(panel.overlay.findData("friction"))
    panel.result = None
    panel.run()
    qtbot.waitUntil(lambda: panel.result is not None, timeout=60000)
    assert panel.result.report.n_cases == 3  # c1, c3 and c4 use the web channel
    dataset_id = panel.dataset.currentData()
    window.close()  # quit: the window state is saved, the workspace closed

    again = _window(qtbot)
    assert again.open_path(path)
    restored = again.analysis_dock.panel
    assert restored is not None  # built because this journey was analysed before
    assert restored.dataset.currentData() == dataset_id
    assert restored.overlay.currentData() == "friction"
    assert (restored.segment_attr.currentText(), restored.segment_value.currentText()) == (
        "channel",
        "web",
    )
    assert restored.use_period.isChecked() and restored.use_compare.isChecked()
    days = [
        e.date().toString("yyyy-MM-dd")
        for e in (
            restored.period_from,
            restored.period_to,
            restored.compare_from,
            restored.compare_to,
        )
    ]
    assert days == ["2026-03-02", "2026-03-16", "2026-02-16", "2026-03-02"]
    # ...and it is measured again in the background, with the same filters
    qtbot.waitUntil(lambda: restored.result is not None, timeout=60000)
    assert restored.result.report.n_cases == 3  # c1, c3 and c4 use the web channel
    cards = again.scene.cards
    assert cards[shop["cart"]]._overlay_label  # the friction overlay is back on the map
    # the segment list is complete again after the run, the choice kept
    assert restored.segment_attr.findText("channel") > 0
    assert restored.segment_attr.currentText() == "channel"
    # view state lives in the app settings; restoring made no edit to the workspace
    from cxmapper.ui.overlay.memory import AnalysisMemory

    key = AnalysisMemory.key(str(path), shop["journey"])
    assert '"overlay": "friction"' in again.settings.analysis_state(key)
    assert again.undo_stack.count() == 0
    restored.cancel()
    assert errors == []


def test_nothing_is_restored_for_a_journey_never_analysed(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    path = tmp_path / "fresh.cxmap"
    with Workspace.create(path) as ws:
        make_shop(ws, tmp_path)
    assert window.open_path(path)
    assert window.analysis_dock.panel is None  # nothing heavy loaded for a plain map
