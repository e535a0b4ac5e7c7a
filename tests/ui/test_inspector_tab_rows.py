"""The touchpoint inspector's tab titles read whole at the default side-column width, in
English and Italian: no title elided ("Voic…"), no scroll arrows. The titles wrap into rows
(the QTabWidget's own bar, which scrolled them, is hidden); a click on one shows its page."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QTabBar, QToolButton
from pytestqt.qtbot import QtBot

from cxmapper.model.demo import write_demo
from cxmapper.ui import translations
from cxmapper.ui.dock_layout import side_width, size_side
from cxmapper.ui.inspector.tab_rows import SIDE
from cxmapper.ui.main_window import MainWindow


@pytest.fixture(params=["en", "it"])
def lang(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    code = str(request.param)
    assert translations.install_language(qapp, code) == code
    yield code
    translations.install_language(qapp, "en")


def _elided(button: QToolButton) -> bool:
    text = button.text().replace("&", "")
    return "…" in text or button.width() < button.sizeHint().width()


def test_every_tab_title_reads_whole_at_the_default_width(
    qtbot: QtBot, lang: str, window: MainWindow, tmp_path: Path
) -> None:
    """`lang` before `window`: the window is made in that language, as the app makes it."""
    window.resize(1366, 768)
    path = tmp_path / "demo.cxmap"
    write_demo(path, lang=lang)
    assert window.open_path(path)
    ws, journey = window.workspace, window.journey_id
    assert ws is not None and journey is not None
    # the card with the most KPI readings: the longest titles ("KPIs 12")
    card = max(ws.touchpoints(journey), key=lambda t: (len(ws.readings(t.id)), len(ws.raci(t.id))))
    window.select_touchpoint(card.id)
    dock = window.inspector_dock
    size_side(window, dock)  # as the app does once the window has its size
    # the default: the side column's width, or the pages' minimum where that is wider (the
    # Italian Details form, 485 px)
    default = max(side_width(1366), dock.minimumSizeHint().width())
    qtbot.waitUntil(lambda: abs(dock.width() - default) <= 12)
    for _ in range(4):
        QApplication.processEvents()
    page = window.inspector.touchpoint_page
    tabs = page.tabs
    assert tabs.count() == 8
    for bar in page.findChildren(QTabBar):  # a bar still shown: whole titles, no arrows
        if bar.isVisible():
            assert all(
                bar.tabRect(i).width() >= bar.tabSizeHint(i).width() for i in range(bar.count())
            )
            assert not [b for b in bar.findChildren(QToolButton) if b.isVisible()]
    assert not tabs.tabBar().isVisible()
    rows = page.tab_rows
    assert [b.text() for b in rows.buttons] == [tabs.tabText(i) for i in range(tabs.count())]
    assert any(" " in b.text() for b in rows.buttons)  # a count in a title: "KPIs 12"
    right = dock.mapFromGlobal(rows.mapToGlobal(QPoint(rows.width(), 0))).x()
    assert right <= dock.width()  # the rows end inside the dock
    for button in rows.buttons:
        assert button.isVisible() and not _elided(button), button.text()
        assert rows.rect().contains(button.geometry()), button.text()
        assert not button.visibleRegion().isEmpty()
    ys = sorted({b.y() for b in rows.buttons})
    assert len(ys) <= 2  # two rows at most at the default width
    layout = rows.rows_layout  # and at the side column's own width, the Italian titles too
    narrow = (
        side_width(1366)
        - 2 * window.style().pixelMetric(window.style().PixelMetric.PM_DockWidgetFrameWidth)
        - 4
        - 2 * SIDE
    )
    planned = layout.rows(narrow)
    assert len(planned) <= 2
    for row in planned:
        hints = [rows.buttons[i].sizeHint().width() for i in row]
        assert sum(hints) + 2 * (len(row) - 1) <= narrow, [rows.buttons[i].text() for i in row]
    voice = rows.buttons[5]
    QTest.mouseClick(voice, Qt.MouseButton.LeftButton)
    assert tabs.currentIndex() == 5 and voice.isChecked()
    tabs.setCurrentIndex(1)  # and the other way: the page shown checks its title
    assert rows.buttons[1].isChecked() and not voice.isChecked()
