"""Consecutive edits of one field of one entity are one undo step (also through `Guarded`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cxmapper.model.workspace import Workspace
from cxmapper.ui.commands import UpdateCommand
from cxmapper.ui.undo_stack import GuardedUndoStack


def edit(ws: Workspace, card: str, **values: object) -> UpdateCommand:
    return UpdateCommand(ws, "touchpoint", card, "Edit card", **values)


def on_disk(ws: Workspace, card: str, field: str) -> object:
    with Workspace.open(ws.path) as fresh:
        return getattr(fresh.get("touchpoint", card), field)


def test_typing_into_one_field_in_several_goes_is_one_step(
    qapp: object, file_ws: Workspace, small_journey: dict[str, str]
) -> None:
    card = small_journey["home"]
    stack = GuardedUndoStack()
    for text in ("Home", "Home pa", "Home page v2"):
        stack.push(edit(file_ws, card, title=text))
    assert stack.count() == 1
    assert on_disk(file_ws, card, "title") == "Home page v2"
    stack.undo()
    assert on_disk(file_ws, card, "title") == "Home page"  # before the first edit
    stack.redo()
    assert on_disk(file_ws, card, "title") == "Home page v2"


def test_other_fields_and_other_cards_stay_separate_steps(
    qapp: object, file_ws: Workspace, small_journey: dict[str, str]
) -> None:
    home, cart = small_journey["home"], small_journey["cart"]
    stack = GuardedUndoStack()
    stack.push(edit(file_ws, home, title="A"))
    stack.push(edit(file_ws, home, description="about A"))
    stack.push(edit(file_ws, cart, description="about cart"))
    stack.push(edit(file_ws, home, description="about A, longer"))
    assert stack.count() == 4
    stack.undo()
    assert on_disk(file_ws, home, "description") == "about A"
    stack.undo()
    assert on_disk(file_ws, cart, "description") == ""


def test_edits_that_cancel_out_leave_no_step(
    qapp: object, file_ws: Workspace, small_journey: dict[str, str]
) -> None:
    card = small_journey["search"]
    stack = GuardedUndoStack()
    stack.push(edit(file_ws, card, emotion=1))
    stack.push(edit(file_ws, card, emotion=-1))  # back where it started
    assert stack.count() == 0
    assert on_disk(file_ws, card, "emotion") == -1


def test_a_refused_edit_is_not_merged_into_the_previous_one(
    qapp: object,
    file_ws: Workspace,
    small_journey: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    card = small_journey["home"]
    stack = GuardedUndoStack()
    refused: list[str] = []
    stack.refused.connect(refused.append)
    stack.push(edit(file_ws, card, title="First"))
    stack.push(edit(file_ws, card, title=""))  # the model refuses an empty title
    assert refused
    assert stack.count() == 1 and stack.undoText() == "Edit card"
    assert on_disk(file_ws, card, "title") == "First"
    stack.undo()
    assert on_disk(file_ws, card, "title") == "Home page"


def test_another_action_on_the_same_field_is_another_step(
    qapp: object, file_ws: Workspace, small_journey: dict[str, str]
) -> None:
    card = small_journey["home"]
    stack = GuardedUndoStack()
    stack.push(UpdateCommand(file_ws, "touchpoint", card, "Mark as goal", is_goal=True))
    stack.push(UpdateCommand(file_ws, "touchpoint", card, "Unmark goal", is_goal=False))
    assert stack.count() == 2
    stack.undo()
    assert on_disk(file_ws, card, "is_goal") is True


def test_merging_stops_at_another_workspace(
    qapp: object, file_ws: Workspace, small_journey: dict[str, str], tmp_path: Path
) -> None:
    card = small_journey["home"]
    stack = GuardedUndoStack()
    stack.push(edit(file_ws, card, title="One"))
    with Workspace.open(file_ws.path) as other:  # same ids, another connection
        stack.push(edit(other, card, title="Two"))
        assert stack.count() == 2
        stack.clear()
