"""The diff view on the canvas: three known edits between two versions give exactly three
marks (a changed outline, a moved marker, a ghost), ghosts are never cards, and leaving the
view gives back the map exactly as it was."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QGraphicsItem

from cxmapper.model.versions import CURRENT, find_version, save_version
from cxmapper.ui.canvas.diff_layer import DiffLegendItem, DiffMarkItem, GhostCardItem
from cxmapper.ui.canvas.items.card import CardItem
from cxmapper.ui.main_window import MainWindow
from tests.ui.rigs import Canvas


def _diff_items(canvas: Canvas) -> list[QGraphicsItem]:
    kinds = (DiffMarkItem, GhostCardItem, DiffLegendItem)
    return [i for i in canvas.scene.items() if isinstance(i, kinds)]


def _three_edits(canvas: Canvas) -> None:
    """Rename Home page, move Cart from Buy to Use, delete Search (Home page's neighbour in
    its cell, so its ghost needs room); save as 'To-be'."""
    ws, ids = canvas.ws, canvas.ids
    save_version(ws, ids["journey"], "As-is")
    ws.update("touchpoint", ids["home"], title="Welcome")
    ws.move_touchpoints([ids["cart"]], ids["use"], ids["web"], 0)
    ws.remove("touchpoint", ids["search"])
    save_version(ws, ids["journey"], "To-be")
    canvas.scene.flush()


def test_three_edits_give_exactly_three_marks(canvas: Canvas) -> None:
    _three_edits(canvas)
    scene, ids = canvas.scene, canvas.ids
    rects = {t: scene.card_rect(t) for t in scene.cards}
    grid = scene.grid
    diff = scene.diff.show("As-is", "To-be")
    assert len(diff.select(kind="touchpoint")) == 3
    marks = [i for i in scene.items() if isinstance(i, DiffMarkItem)]
    ghosts = [i for i in scene.items() if isinstance(i, GhostCardItem)]
    assert sorted((m.parentItem().tp_id, sorted(m.changes)) for m in marks) == sorted(
        [(ids["home"], ["changed"]), (ids["cart"], ["moved"])]
    )
    assert [g.ghost.title for g in ghosts] == ["Search"]
    changed = next(m for m in marks if "changed" in m.changes)
    assert "title: Home page → Welcome" in changed.toolTip()
    moved = next(m for m in marks if "moved" in m.changes)
    assert "stage: Buy → Use" in moved.toolTip()
    # the ghost sits in its old cell (Discover / Web), below Home page, on no card
    ghost = ghosts[0]
    ghost_rect = ghost.sceneBoundingRect()
    assert scene.cell_rect((ids["discover"], ids["web"])).contains(ghost_rect)
    assert not any(ghost_rect.intersects(scene.card_rect(t)) for t in scene.cards)
    legend = next(i for i in scene.items() if isinstance(i, DiffLegendItem))
    assert "As-is" in legend.title and "To-be" in legend.title
    assert scene.content_rect().contains(legend.sceneBoundingRect())
    # leaving: nothing of the diff is left, every card where it was, the grid as before
    scene.diff.leave()
    assert _diff_items(canvas) == []
    assert {t: scene.card_rect(t) for t in scene.cards} == rects
    assert scene.grid == grid


def test_ghosts_are_not_cards(canvas: Canvas) -> None:
    _three_edits(canvas)
    scene, ids = canvas.scene, canvas.ids
    scene.diff.show("As-is", CURRENT)
    ghost = next(i for i in scene.items() if isinstance(i, GhostCardItem))
    flags = ghost.flags()
    assert not flags & QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
    assert not flags & QGraphicsItem.GraphicsItemFlag.ItemIsFocusable
    assert ids["search"] not in scene.cards
    centre = ghost.sceneBoundingRect().center()
    canvas.click(centre)
    assert scene.selected_entities() == []
    assert scene.card_at(centre) is None
    canvas.dclick(centre)  # a double click on a ghost is one on its cell: it edits no ghost
    assert canvas.ws.find("touchpoint", ids["search"]) is None and ids["search"] not in scene.cards
    scene.clear_all_selection()
    canvas.key(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)  # select all: cards only
    assert all(isinstance(i, CardItem) for i in scene.selectedItems())
    # a press on a mark is a press on its card
    mark = next(i for i in scene.items() if isinstance(i, DiffMarkItem))
    scene.clear_all_selection()
    canvas.click(mark.parentItem().sceneBoundingRect().center() + QPointF(0, 10))
    assert scene.selected_entities() == [("touchpoint", mark.parentItem().tp_id)]


def test_an_edit_in_the_diff_view_updates_the_marks(canvas: Canvas) -> None:
    _three_edits(canvas)
    scene, ids = canvas.scene, canvas.ids
    scene.diff.show("As-is", CURRENT)
    new = canvas.ws.add_touchpoint(ids["buy"], ids["pains"], "Card declined")
    canvas.qtbot.waitUntil(lambda: new.id in scene.diff.plan.marks)  # type: ignore[attr-defined]
    marks = {m.parentItem().tp_id: m.changes for m in scene.items() if isinstance(m, DiffMarkItem)}
    assert marks == {ids["home"]: {"changed"}, ids["cart"]: {"moved"}, new.id: {"added"}}
    as_is = find_version(canvas.ws, ids["journey"], "As-is")
    canvas.ws.remove("version", as_is.id)  # what it compared is gone: the view ends
    canvas.qtbot.waitUntil(lambda: not scene.diff.active)  # type: ignore[attr-defined]
    assert _diff_items(canvas) == []


def test_journey_menu_has_the_diff_view(strict_window: MainWindow) -> None:
    names = [a.objectName() for a in strict_window.journey_menu.actions()]
    assert "journey.compare_versions" in names and "journey.leave_diff" in names
    assert not strict_window.leave_diff_action.isEnabled()
