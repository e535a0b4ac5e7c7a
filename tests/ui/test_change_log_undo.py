"""The change log through the app: real undo commands on the guarded stack, signed with the
name the user gave once."""

from __future__ import annotations

from pathlib import Path

from cxmapper.model.workspace import Workspace
from cxmapper.ui.commands import MoveCardsCommand, RemoveCommand, UpdateCommand
from cxmapper.ui.main_window import MainWindow


def test_undo_and_redo_on_the_stack_are_logged_in_order_with_the_users_name(
    strict_window: MainWindow, small_journey: dict[str, str], file_ws: Workspace, ws_path: Path
) -> None:
    ids = small_journey
    file_ws.close()
    strict_window.settings.author = "Ann from settings"
    assert strict_window.open_path(ws_path)
    ws = strict_window.workspace
    assert ws is not None and ws.author == "Ann from settings"
    start = ws.change_log()[-1].seq
    stack = strict_window.undo_stack
    stack.push(UpdateCommand(ws, "touchpoint", ids["home"], "Rename", title="Welcome"))
    stack.push(MoveCardsCommand(ws, [ids["search"]], ids["use"], ids["web"], None, "Move"))
    stack.push(RemoveCommand(ws, "touchpoint", [ids["cart"]], "Delete"))
    stack.undo()  # the delete
    stack.undo()  # the move
    stack.redo()  # the move again
    log = ws.change_log(after_seq=start)
    cards = [(x.action, x.entity_id) for x in log if x.kind == "touchpoint" and x.entity_id]
    assert cards == [
        ("changed", ids["home"]),  # rename
        ("changed", ids["search"]),  # move
        ("removed", ids["cart"]),  # delete
        ("added", ids["cart"]),  # undo the delete
        ("changed", ids["search"]),  # undo the move
        ("changed", ids["search"]),  # redo the move
    ]
    assert {x.author for x in log} == {"Ann from settings"}
    assert log[0].fields == {"title": ["Home page", "Welcome"]}
    undo_move, redo_move = [x for x in log if x.entity_id == ids["search"]][1:]
    assert undo_move.fields["stage_id"] == [ids["use"], ids["discover"]]
    assert redo_move.fields["stage_id"] == [ids["discover"], ids["use"]]
