"""The History tab of the card inspector: after two edits through the inspector (a rename, then
a move to another stage) it lists them newest first, with who and old -> new by name; a
RACI assignment on the card is listed too, and another card's edit is not."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from cxmapper.ui.commands import UpdateCommand
from tests.ui.rigs import Rig, type_into


def test_history_lists_two_edits_newest_first(rig: Rig, qtbot: QtBot) -> None:
    ids = rig.ids
    rig.ws.author = "Ann"
    rig.panel.show_entity("touchpoint", ids["search"])
    type_into(qtbot, rig.tp.details.title, "Find")  # edit 1, through the inspector
    rig.ws.author = "Bob"
    rig.stack.push(UpdateCommand(rig.ws, "touchpoint", ids["search"], "Move", stage_id=ids["buy"]))
    rig.stack.push(UpdateCommand(rig.ws, "touchpoint", ids["home"], "Rename", title="Welcome"))
    rig.ws.move_touchpoints([ids["search"]], ids["buy"], ids["web"], 0)  # only its place in
    # the stack: not an edit worth listing
    rig.flush()
    history = rig.tp.show_tab("history")
    rows = [(r.who, r.what) for r in history.rows]
    assert rows[:2] == [("Bob", "stage: Discover → Buy"), ("Ann", "title: Search → Find")]
    assert rows[2][1] == "added"  # the card's creation, by whoever built the fixture
    assert len(rows) == 3  # neither the reorder nor Home page's rename
    table = history.table
    assert table.rowCount() == 3
    assert table.item(0, 2).text() == "stage: Discover → Buy"
    assert table.item(1, 1).text() == "Ann"
    assert not history.empty.isVisible()


def test_history_names_what_hangs_off_the_card(rig: Rig) -> None:
    ids = rig.ids
    rig.panel.show_entity("touchpoint", ids["home"])
    history = rig.tp.show_tab("history")
    whats = [r.what for r in history.rows]
    assert "RACI assignment added: A" in whats and "KPI reading added: 3.9" in whats
    assert whats[-1] == "added"
