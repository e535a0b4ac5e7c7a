"""'Done when': the change log holds every operation of a scripted sequence of edits made
through the undo stack, undo and redo included, in order: one operation per model commit,
each with what it did (entity, action, fields old -> new)."""

from __future__ import annotations

from typing import Any

from pytestqt.qtbot import QtBot

from cxmapper.model.versions import versions
from cxmapper.model.workspace import Workspace
from cxmapper.ui.commands import AddCommand, MoveCardsCommand, RemoveCommand, UpdateCommand
from cxmapper.ui.commands.versions import RestoreVersionCommand, SaveVersionCommand
from cxmapper.ui.undo_stack import GuardedUndoStack


def _operations(ws: Workspace, after: int) -> list[list[tuple[str, str, str, Any]]]:
    """The log after entry `after`, one list per operation, entries as
    (action, kind, entity id, fields)."""
    ops: dict[int, list[tuple[str, str, str, Any]]] = {}
    for x in ws.change_log(after_seq=after):
        ops.setdefault(x.operation, []).append((x.action, x.kind, x.entity_id, x.fields))
    return [ops[k] for k in sorted(ops)]


def test_every_step_undo_and_redo_is_one_operation_in_order(
    qtbot: QtBot, file_ws: Workspace, small_journey: dict[str, str]
) -> None:
    ws, ids = file_ws, small_journey
    stack = GuardedUndoStack()
    start = ws.change_log()[-1].seq
    link = AddCommand(ws, "connector", lambda: ws.add_connector(ids["search"], ids["slow"]),
                      "Connect")  # fmt: skip
    stack.push(link)  # 1
    stack.push(UpdateCommand(ws, "touchpoint", ids["home"], "Rename", title="Welcome"))  # 2
    save = SaveVersionCommand(ws, ids["journey"], "To-be")
    stack.push(save)  # 3
    stack.push(MoveCardsCommand(ws, [ids["cart"]], ids["use"], ids["web"], None, "Move"))  # 4
    stack.push(RemoveCommand(ws, "touchpoint", [ids["slow"]], "Delete"))  # 5: its link too
    stack.undo()  # 6: the delete
    stack.undo()  # 7: the move
    stack.redo()  # 8: the move again
    restore = RestoreVersionCommand(ws, save.version_id, "To-be")
    stack.push(restore)  # 9: Cart back in Buy
    kept_name = ws.get("version", restore.kept_id).name
    stack.undo()  # 10 and 11: back to the kept state, then the kept version removed
    c = link.entity.id
    cart_move: dict[str, list[Any]] = {
        "stage_id": [ids["buy"], ids["use"]], "lane_id": [ids["web"], ids["web"]],
        "position": [0, 0],
    }  # fmt: skip
    cart_back = {k: [v[1], v[0]] for k, v in cart_move.items()}
    ops = _operations(ws, start)
    summaries = [sorted({x[:2] for x in op}) for op in ops]
    assert summaries == [
        [("added", "connector")], [("changed", "touchpoint")], [("added", "version")],
        [("changed", "touchpoint")], [("removed", "connector"), ("removed", "touchpoint")],
        [("added", "connector"), ("added", "touchpoint")], [("changed", "touchpoint")],
        [("changed", "touchpoint")], [("summary", "operation")], [("summary", "operation")],
        [("removed", "version")],
    ]  # fmt: skip
    labels = [x.label for x in ws.change_log(after_seq=start) if x.action == "summary"]
    assert labels == ["Restored version 'To-be'", f"Restored version {kept_name!r}"]
    assert ops[0] == [("added", "connector", c, {})]
    assert ops[1] == [("changed", "touchpoint", ids["home"], {"title": ["Home page", "Welcome"]})]
    assert ops[3] == [("changed", "touchpoint", ids["cart"], cart_move)]
    assert sorted(op[:3] for op in ops[4]) == sorted([
        ("removed", "touchpoint", ids["slow"]), ("removed", "connector", c),
    ])  # fmt: skip
    assert sorted(op[:3] for op in ops[5]) == sorted([
        ("added", "touchpoint", ids["slow"]), ("added", "connector", c),
    ])  # fmt: skip
    assert ops[6] == [("changed", "touchpoint", ids["cart"], cart_back)]
    assert ops[7] == [("changed", "touchpoint", ids["cart"], cart_move)]
    assert [x.seq for x in ws.change_log(after_seq=start)] == sorted(
        x.seq for x in ws.change_log(after_seq=start)
    )
    # and the log tells the truth: the map is as the last entries leave it
    assert ws.get("touchpoint", ids["cart"]).stage_id == ids["use"]
    assert ws.get("touchpoint", ids["home"]).title == "Welcome"
    assert [v.name for v in versions(ws, ids["journey"])] == ["To-be"]
