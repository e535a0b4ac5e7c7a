"""The canvas (`scene.find`) and the find bar without a canvas (`match_touchpoints`) find the
same cards: both apply the one rule of cxmapper/model/find.py."""

from __future__ import annotations

from cxmapper.model.find import FIELDS
from cxmapper.model.workspace import Workspace
from tests.model import test_find

cards = test_find.cards  # the same journey as the rule's own tests


def test_canvas_and_find_bar_give_the_same_cards(
    cards: tuple[Workspace, str, dict[str, str]], qapp: object
) -> None:
    from cxmapper.ui.canvas.scene import JourneyScene
    from cxmapper.ui.find_bar import match_touchpoints
    from cxmapper.ui.model_bridge import ModelBridge
    from cxmapper.ui.undo_stack import GuardedUndoStack

    ws, jid, ids = cards
    stack = GuardedUndoStack()
    scene = JourneyScene()
    scene.set_journey(ws, jid, stack, ModelBridge(ws, poll_ms=0))
    try:
        for query, fields in [("STRASSE", FIELDS), ("strasse", ["title"]), ("e", FIELDS),
                              ("changes", ["description"]), ("öztürk", ["owner"])]:  # fmt: skip
            assert scene.find(query, fields) == match_touchpoints(ws, jid, query, fields)
        assert match_touchpoints(ws, jid, "STRASSE", ["title"]) == [ids["street"]]
    finally:
        scene.clear_scene()
