"""Stages, lanes and the emotion curve on the canvas."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, Qt

from cxmapper.ui.canvas import layout as L
from tests.ui.rigs import Canvas, undo_redo

# -- structure -------------------------------------------------------------------------------


def test_add_rename_delete_stage(canvas: Canvas) -> None:
    s, ids = canvas.scene, canvas.ids
    canvas.click(canvas.card_centre("home"))
    canvas.act("add-stage")
    assert s.inline_editor is not None
    canvas.type("Compare")
    stages = s.mirror.stage_order()
    assert [x.name for x in stages] == ["Discover", "Compare", "Buy", "Use"]
    new_id = stages[1].id
    assert new_id in s.stage_headers and s.lane_cells[ids["web"]].cell_rect(new_id) is not None
    assert canvas.stack.count() == 2  # add, then rename
    header = s.stage_headers[ids["buy"]]
    canvas.dclick(header.sceneBoundingRect().center())
    canvas.type("Purchase")
    assert s.stage_headers[ids["buy"]].name == "Purchase"
    s.select_entity("stage", new_id)
    canvas.act("delete-stage")
    assert new_id not in s.stage_headers and s.lane_cells[ids["web"]].cell_rect(new_id) is None
    canvas.stack.undo()
    assert new_id in s.stage_headers
    canvas.stack.redo()
    ws = canvas.reopen()
    assert [x.name for x in ws.stages(ids["journey"])] == ["Discover", "Purchase", "Use"]


def test_delete_stage_takes_its_cards_and_undo_brings_them_back(canvas: Canvas) -> None:
    s, ids = canvas.scene, canvas.ids
    s.select_entity("stage", ids["buy"])
    canvas.key(Qt.Key.Key_Delete)
    assert ids["cart"] not in s.cards and ids["slow"] not in s.cards and not s.connector_items
    canvas.stack.undo()
    assert ids["cart"] in s.cards and len(s.connector_items) == 1
    assert s.cell_of(ids["cart"]) == (ids["buy"], ids["web"])


def test_reorder_stage_by_dragging_its_header(canvas: Canvas) -> None:
    s, ids = canvas.scene, canvas.ids
    a = s.stage_headers[ids["discover"]].sceneBoundingRect().center()
    b = s.stage_headers[ids["use"]].sceneBoundingRect().center()
    canvas.drag(a, b)
    assert [x.id for x in s.mirror.stage_order()] == [ids["buy"], ids["use"], ids["discover"]]
    assert s.card_rect(ids["home"]).left() > s.card_rect(ids["cart"]).left()  # cards follow
    assert canvas.stack.count() == 1
    canvas.stack.undo()
    assert [x.id for x in s.mirror.stage_order()] == [ids["discover"], ids["buy"], ids["use"]]
    canvas.stack.redo()
    canvas.act("move-left")  # keyboard/menu equivalent on the selected stage
    assert [x.id for x in s.mirror.stage_order()] == [ids["buy"], ids["discover"], ids["use"]]
    ws = canvas.reopen()
    assert [x.id for x in ws.stages(ids["journey"])] == [ids["buy"], ids["discover"], ids["use"]]


def test_resize_stage_by_dragging_the_header_edge(canvas: Canvas) -> None:
    s, ids = canvas.scene, canvas.ids
    r = s.stage_headers[ids["discover"]].sceneBoundingRect()
    edge = QPointF(r.right() - 2, r.center().y())
    canvas.drag(edge, edge + QPointF(80, 0))
    assert s.mirror.stages[ids["discover"]].width == pytest.approx(300, abs=2)
    assert s.card_rect(ids["home"]).width() == pytest.approx(300 - 2 * L.CELL_PAD, abs=2)
    assert s.stage_headers[ids["buy"]].pos().x() == pytest.approx(L.LANE_HEADER_W + 300, abs=2)
    undo_redo(
        canvas,
        lambda: s.mirror.stages[ids["discover"]].width == 220,
        lambda: s.mirror.stages[ids["discover"]].width > 290,
    )
    assert canvas.reopen().get("stage", ids["discover"]).width == pytest.approx(300, abs=2)


def test_add_rename_reorder_resize_delete_lane(canvas: Canvas) -> None:
    s, ids = canvas.scene, canvas.ids
    s.select_entity("lane", ids["web"])
    canvas.act("add-lane")
    canvas.type("Backstage")
    lanes = s.mirror.lane_order()
    assert [x.name for x in lanes] == ["Web", "Backstage", "Pain points"]
    new_id = lanes[1].id
    header = s.lane_headers[new_id]
    canvas.dclick(header.sceneBoundingRect().center())
    canvas.type("Back office")
    assert s.lane_headers[new_id].name == "Back office"
    r = s.lane_headers[new_id].sceneBoundingRect()
    edge = QPointF(r.center().x(), r.bottom() - 2)
    canvas.drag(edge, edge + QPointF(0, 60))
    assert s.mirror.lanes[new_id].height == pytest.approx(200, abs=2)
    a = s.lane_headers[new_id].sceneBoundingRect().center()
    b = s.lane_headers[ids["web"]].sceneBoundingRect().center()
    canvas.drag(a, b)
    assert [x.id for x in s.mirror.lane_order()] == [new_id, ids["web"], ids["pains"]]
    assert s.card_rect(ids["home"]).top() > s.lane_headers[new_id].sceneBoundingRect().bottom()
    s.select_entity("lane", ids["pains"])
    canvas.act("move-up")
    assert [x.id for x in s.mirror.lane_order()] == [new_id, ids["pains"], ids["web"]]
    s.select_entity("lane", new_id)
    canvas.act("delete-lane")
    assert new_id not in s.lane_headers
    # add, rename (typing the name twice is one step), resize, reorder, move up, delete
    assert canvas.stack.count() == 6
    for _ in range(6):
        canvas.stack.undo()
    assert [x.name for x in s.mirror.lane_order()] == ["Web", "Pain points"]
    for _ in range(5):
        canvas.stack.redo()
    ws = canvas.reopen()
    saved = ws.lanes(ids["journey"])
    assert [x.name for x in saved] == ["Back office", "Pain points", "Web"]
    assert saved[0].height == pytest.approx(200, abs=2)


def test_headers_stay_pinned_while_scrolling(canvas: Canvas) -> None:
    s, ids, view = canvas.scene, canvas.ids, canvas.view
    for i in range(12):
        canvas.ws.add_touchpoint(ids["use"], ids["web"], f"Card {i}")
    canvas.qtbot.waitUntil(lambda: len(s.cards) == 16)  # type: ignore[attr-defined]
    view.set_zoom(1.5)
    view.verticalScrollBar().setValue(400)
    view.horizontalScrollBar().setValue(200)
    visible = view.visible_scene_rect()
    assert s.stage_headers[ids["buy"]].pos().y() == pytest.approx(visible.top(), abs=1)
    assert s.lane_headers[ids["web"]].pos().x() == pytest.approx(visible.left(), abs=1)


# -- emotion curve ---------------------------------------------------------------------------


def test_emotion_curve_point_drag_changes_the_score(canvas: Canvas) -> None:
    s, ids = canvas.scene, canvas.ids
    canvas.ws.add_lane(ids["journey"], "Feelings", "emotions")
    canvas.qtbot.waitUntil(lambda: len(s.emotion_items) == 1)  # type: ignore[attr-defined]
    curve = next(iter(s.emotion_items.values()))
    points = curve.points
    assert [p.tp_id for p in points] == [ids["search"]]  # the only scored card
    index = 0  # "Search", emotion -1
    start = curve.mapToScene(curve.point_pos(index))
    target = curve.mapToScene(QPointF(points[index].x, curve.score_to_y(2))) + QPointF(0, 3)
    canvas.drag(start, target)
    assert s.mirror.tps[ids["search"]].emotion == 2
    assert canvas.stack.count() == 1
    assert curve.points[index].score == 2
    undo_redo(
        canvas,
        lambda: s.mirror.tps[ids["search"]].emotion == -1,
        lambda: s.mirror.tps[ids["search"]].emotion == 2,
    )
    assert canvas.reopen().get("touchpoint", ids["search"]).emotion == 2
