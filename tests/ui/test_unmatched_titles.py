"""Unmatched events: the suggested touchpoint is shown by its card's title and stage, never by
its id, and mapping the row adds the event to that card (one undo step)."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from cxmapper.model.workspace import Workspace
from cxmapper.ui.overlay.panel import AnalysisPanel
from cxmapper.ui.undo_stack import GuardedUndoStack
from tests.ui.analysis_rigs import analyse, make_shop


def test_suggestion_shows_title_and_stage(qtbot: QtBot, file_ws: Workspace, tmp_path: Path) -> None:
    shop = make_shop(file_ws, tmp_path)
    stack = GuardedUndoStack()
    panel = AnalysisPanel()
    qtbot.addWidget(panel)
    panel.set_context(file_ws, shop["journey"], stack)
    analyse(qtbot, panel, shop["log"])
    table = panel.unmatched.table
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert headers == ["Event name", "Events", "Suggested touchpoint", "Stage"]
    row = table.column_texts(0).index("cart")
    assert [table.item(row, c).text() for c in range(4)] == ["cart", "1", "Cart", "Buy"]
    ids = set(shop.values())
    assert not any(
        table.item(r, c).text() in ids for r in range(table.rowCount()) for c in range(4)
    )
    clicked: list[str] = []
    panel.touchpoint_activated.connect(clicked.append)
    table.cellClicked.emit(row, 2)  # the suggested card's name selects it on the map
    assert clicked == [shop["cart"]]
    table.selectRow(row)
    panel.map_selected_events()
    assert file_ws.get("touchpoint", shop["cart"]).match_events == ["cart_view", "cart"]
    stack.undo()
    assert file_ws.get("touchpoint", shop["cart"]).match_events == ["cart_view"]
    panel.cancel()
