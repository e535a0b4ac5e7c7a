"""Without a goal card the analysis shows exits, not drop-off: the overlay, its legend, the
tables and the trend say so and ask for a goal; with a goal they say drop-off. No text speaks of
"visitors"."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from cxmapper.model.workspace import Workspace
from cxmapper.ui.main_window import MainWindow
from tests.ui.analysis_rigs import analyse, make_shop


def _analysed(qtbot: QtBot, window: MainWindow, tmp_path: Path, goal: bool):
    path = tmp_path / "shop.cxmap"
    with Workspace.create(path) as ws:
        shop = make_shop(ws, tmp_path, goal=goal)
    assert window.open_path(path)
    window.journey_panel.select_journey(shop["journey"])
    window.analysis_dock.present()
    panel = window.analysis_dock.ensure_panel()
    analyse(qtbot, panel, shop["log"], overlay="dropoff")
    return panel, shop


def _all_text(panel) -> str:
    texts = [label.text() for label in panel.findChildren(QLabel) if not label.isHidden()]
    for view in (panel.friction, panel.paths, panel.unmatched, panel.before_after):
        t = view.table
        texts += [t.horizontalHeaderItem(c).text() for c in range(t.columnCount())]
        texts += [t.item(r, c).text() for r in range(t.rowCount()) for c in range(t.columnCount())]
    return "\n".join(texts)


def test_no_goal_shows_exits_and_asks_for_a_goal(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    panel, _ = _analysed(qtbot, window, tmp_path, goal=False)
    overlay = panel.current_overlay()
    assert overlay.legend.startswith("Exits") and "goal card" in overlay.legend
    assert window.scene.overlay.caption == overlay.legend  # what the map's legend shows
    assert panel.overlay.currentText() == "Exits (no goal card)"
    assert "Exits" in window.analysis_dock.overlay_actions["dropoff"].text().replace("&", "")
    assert panel.friction.table.horizontalHeaderItem(4).text() == "Exits"
    assert not panel.friction.note.isHidden() and "goal" in panel.friction.note.text()
    assert "mark a goal card" in panel.status.text()
    assert "exits" in panel.trend.chart.title.text()
    # Order is where every converting case ends: 100 % exits, not called a drop-off
    table = panel.friction.table
    row = table.column_texts(1).index("Order")
    assert table.item(row, 4).text() == "100%"
    assert "end here (no goal card)" in table.item(row, 6).text()
    text = _all_text(panel)
    assert "visitor" not in text.lower() and "drop off here" not in text
    panel.cancel()


def test_with_a_goal_it_is_drop_off(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    panel, _ = _analysed(qtbot, window, tmp_path, goal=True)
    assert panel.current_overlay().legend.startswith("Drop-off")
    assert panel.overlay.currentText() == "Drop-off rate"
    assert window.analysis_dock.overlay_actions["dropoff"].text() == "&Drop-off"
    assert panel.friction.table.horizontalHeaderItem(4).text() == "Drop-off"
    assert panel.friction.note.isHidden() and "goal" not in panel.status.text()
    assert "drop-off" in panel.trend.chart.title.text()
    assert "visitor" not in _all_text(panel).lower()
    panel.cancel()


@pytest.fixture(autouse=True)
def _strict(errors: list[str]):
    yield
    assert errors == []
