"""Editing in a workshop: the canvas tools behave the way a facilitator expects."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.rigs import Canvas


def test_escape_releases_the_connect_tool_button(canvas: Canvas) -> None:
    """Esc used to leave the tool's button pressed, so the next click on it did nothing."""
    action = canvas.view.action("canvas.connect")
    action.trigger()
    assert action.isChecked() and canvas.scene.gestures.connect_mode
    canvas.key(Qt.Key.Key_Escape)
    assert not canvas.scene.gestures.connect_mode
    assert not action.isChecked()
    action.trigger()  # the next click turns the tool on again
    assert action.isChecked() and canvas.scene.gestures.connect_mode


def test_rename_box_sits_on_the_title_and_hides_it(canvas: Canvas) -> None:
    """The box used to be offset, with the old title showing beside and under it."""
    card = canvas.scene.cards[canvas.ids["home"]]
    canvas.click(canvas.card_centre("home"))
    canvas.key(Qt.Key.Key_F2)
    editor = canvas.scene._inline
    assert editor is not None
    title, size = card.title_area()
    box = editor.mapRectToScene(editor.boundingRect())
    assert box.contains(title)  # painted opaque over the whole title area
    assert abs(editor.font().pointSizeF() - size) < 0.01  # same size as the title it replaces
    text_left = editor.mapToScene(editor.boundingRect().topLeft()).x()
    assert abs(editor.pos().x() - (title.x() + 3)) < 0.5 and text_left <= title.x() + 3
    canvas.key(Qt.Key.Key_Escape)


def test_a_card_typed_into_a_channel_lane_shows_that_channel(canvas: Canvas) -> None:
    ws, s = canvas.ws, canvas.scene
    lane = ws.add_lane(ws.get("journey", canvas.ids["journey"]).id, "Store", kind="channel")
    stage_id = ws.stages(canvas.ids["journey"])[0].id
    card_id = s.editor.create_card((stage_id, lane.id), "Fitting room")
    assert card_id is not None
    assert ws.get("touchpoint", card_id).channel == "Store"
    assert s.cards[card_id]._content.channel == "Store"  # drawn with the store's glyph and colour
