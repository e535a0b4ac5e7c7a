"""The journey canvas driven like a user would: building, rendering, view, find and overlay.

Every edit is checked three ways: the scene shows it, undo/redo restore it as one step, and
the file holds it after the workspace is closed and opened again.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QImage, QPainter, QWheelEvent
from PySide6.QtWidgets import QApplication

from cxmapper.model.workspace import Workspace
from cxmapper.present.heat import heat_hex
from cxmapper.ui.canvas import JourneyScene, OverlayValue
from cxmapper.ui.canvas import layout as L
from cxmapper.ui.canvas.items.card import CardItem
from cxmapper.ui.model_bridge import ModelBridge
from cxmapper.ui.undo_stack import GuardedUndoStack
from tests.ui.rigs import CTRL, LEFT, NOMOD, Canvas

# -- building and rendering --------------------------------------------------------------------


def test_scene_shows_the_journey(canvas: Canvas) -> None:
    s, ids = canvas.scene, canvas.ids
    assert set(s.cards) == {ids["home"], ids["search"], ids["cart"], ids["slow"]}
    assert len(s.connector_items) == 1 and len(s.stage_headers) == 3 and len(s.lane_headers) == 2
    home = s.cards[ids["home"]].content
    assert home.owner == "Ann Owner" and home.channel == "web"
    assert [(b.text, b.status) for b in home.badges] == [("! CSAT 3.9", "amber")]
    search_box = s.card_rect(ids["search"])
    assert search_box.top() > s.card_rect(ids["home"]).bottom()  # stacked in the same cell
    assert s.content_rect().width() == L.LANE_HEADER_W + 3 * 220


def test_scene_renders_headless_without_a_view(
    qtbot, file_ws: Workspace, small_journey: dict[str, str]
) -> None:
    bridge = ModelBridge(file_ws, poll_ms=0)
    scene = JourneyScene()
    scene.set_journey(file_ws, small_journey["journey"], GuardedUndoStack(), bridge)
    rect = scene.content_rect()
    image = QImage(int(rect.width()), int(rect.height()), QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    scene.render(painter, image.rect().toRectF(), scene.itemsBoundingRect())
    painter.end()
    assert image.pixelColor(20, 20).alpha() == 255  # the corner header was painted
    scene.clear_scene()
    bridge.detach()


def test_clear_scene_disconnects(qtbot, file_ws: Workspace, small_journey: dict[str, str]) -> None:
    bridge = ModelBridge(file_ws, poll_ms=0)
    stack = GuardedUndoStack()
    signal = "2changed(PyObject)"
    base_bridge = bridge.receivers(signal)
    base_stack = stack.receivers("2indexChanged(int)")
    base_ws = file_ws.listener_count
    scene = JourneyScene()
    scene.set_journey(file_ws, small_journey["journey"], stack, bridge)
    assert bridge.receivers(signal) == base_bridge + 1
    scene.set_journey(file_ws, small_journey["journey"], stack, bridge)  # switching journeys
    assert bridge.receivers(signal) == base_bridge + 1
    scene.clear_scene()
    assert bridge.receivers(signal) == base_bridge
    assert stack.receivers("2indexChanged(int)") == base_stack
    assert file_ws.listener_count == base_ws
    assert scene.items() == [] and scene.cards == {}
    file_ws.add_touchpoint(small_journey["use"], small_journey["web"], "After clear")
    QApplication.processEvents()
    assert scene.items() == []
    bridge.detach()


def test_external_change_updates_one_card(canvas: Canvas) -> None:
    s, ids = canvas.scene, canvas.ids
    cart_item = s.cards[ids["cart"]]
    home_pos = s.cards[ids["home"]].pos()
    canvas.ws.update("touchpoint", ids["cart"], title="Basket", emotion=2)
    canvas.qtbot.waitUntil(lambda: cart_item.content.title == "Basket")  # type: ignore[attr-defined]
    assert s.cards[ids["cart"]] is cart_item  # updated in place, not rebuilt
    assert s.cards[ids["home"]].pos() == home_pos
    canvas.ws.add_comment(ids["home"], "Ann", "Check wording")
    canvas.qtbot.waitUntil(lambda: s.cards[ids["home"]].content.comments == 1)  # type: ignore[attr-defined]


# -- view -------------------------------------------------------------------------------------


def test_zoom_actions_wheel_fit_and_100(canvas: Canvas) -> None:
    view = canvas.view
    assert view.zoom() == 1.0
    canvas.key(Qt.Key.Key_Equal, CTRL)
    assert view.zoom() == pytest.approx(1.25)
    canvas.act("zoom-out")
    assert view.zoom() == pytest.approx(1.0)
    centre = view.viewport().rect().center()
    wheel = QWheelEvent(
        QPointF(centre), QPointF(view.viewport().mapToGlobal(centre)), QPoint(0, 0), QPoint(0, 240),
        Qt.MouseButton.NoButton, CTRL, Qt.ScrollPhase.NoScrollPhase, False,
    )  # fmt: skip
    QApplication.sendEvent(view.viewport(), wheel)
    assert view.zoom() == pytest.approx(1.25**2)
    view.resize(500, 300)
    canvas.act("fit")
    rect = view.mapFromScene(canvas.scene.content_rect()).boundingRect()
    assert view.viewport().rect().adjusted(-2, -2, 2, 2).contains(rect)
    canvas.act("zoom-100")
    assert view.zoom() == 1.0
    view.set_zoom(100)
    assert view.zoom() == 4.0


def test_actions_are_grouped_and_all_have_shortcuts(canvas: Canvas) -> None:
    groups = canvas.view.canvas_actions()
    assert set(groups) == {"edit", "view", "structure"}
    names = {a.objectName() for g in groups.values() for a in g}
    for expected in ("new-card", "rename", "delete", "copy", "paste", "duplicate", "connect",
                     "select-all", "zoom-in", "zoom-out", "fit", "zoom-100", "add-stage",
                     "rename-stage", "delete-stage", "add-lane", "rename-lane", "delete-lane",
                     "move-left", "move-right", "move-up", "move-down"):  # fmt: skip
        assert f"canvas.{expected}" in names
    assert all(not a.shortcut().isEmpty() for g in groups.values() for a in g)
    canvas.key(Qt.Key.Key_A, CTRL)
    assert len(canvas.scene.selected_entities()) == 4


def test_connect_tool_drags_from_anywhere_on_a_card(canvas: Canvas) -> None:
    s, ids = canvas.scene, canvas.ids
    canvas.act("connect")
    assert canvas.view.action("canvas.connect").isChecked()
    canvas.drag(canvas.card_centre("slow"), canvas.card_centre("search"))
    assert any(
        c.source_id == ids["slow"] and c.target_id == ids["search"]
        for c in s.mirror.connectors.values()
    )


def test_presentation_hides_handles(canvas: Canvas) -> None:
    s, ids = canvas.scene, canvas.ids
    card = s.cards[ids["home"]]
    local = card.handle_centre()
    assert card.on_handle(local)
    canvas.view.set_presentation(True)
    assert not card.on_handle(local)
    canvas.view.set_presentation(False)
    assert card.on_handle(local)


# -- find, filter, overlay ----------------------------------------------------------------------


def test_find_highlight_and_filter(canvas: Canvas) -> None:
    s, ids = canvas.scene, canvas.ids
    canvas.ws.update("touchpoint", ids["cart"], tags=["checkout"])
    canvas.qtbot.waitUntil(lambda: s.mirror.tps[ids["cart"]].tags == ["checkout"])  # type: ignore[attr-defined]
    assert s.find("ann") == [ids["home"]]  # owner
    assert s.find("WEB") == [ids["home"]]  # channel
    assert s.find("check") == [ids["cart"], ids["slow"]]  # tag and title
    assert s.find("check", fields=("title",)) == [ids["slow"]]
    assert s.find("") == []
    s.set_highlight([ids["cart"]])
    assert s.cards[ids["cart"]]._highlight and not s.cards[ids["home"]]._highlight
    s.set_filter([ids["home"], ids["cart"]])
    assert s.cards[ids["search"]].opacity() < 0.5 and s.cards[ids["home"]].opacity() == 1.0
    assert not next(iter(s.connector_items.values())).dimmed
    s.set_filter([ids["home"]])
    assert next(iter(s.connector_items.values())).dimmed
    s.set_filter(None)
    assert all(c.opacity() == 1.0 for c in s.cards.values())


def test_overlay_tints_cards_scales_connectors_and_draws_unexpected_paths(canvas: Canvas) -> None:
    s, ids = canvas.scene, canvas.ids
    s.set_overlay(
        {
            ids["home"]: OverlayValue(1.0, "87%", "87% of cases"),
            ids["cart"]: OverlayValue(0.0, "2%", ""),
        },
        {(ids["home"], ids["cart"]): 40.0, (ids["search"], ids["slow"]): 10.0},
        [(ids["search"], ids["slow"])],
        legend="Share of cases",
        legend_scale=("0%", "87%"),
        tooltips={
            (ids["home"], ids["cart"]): "412 times by 300 cases",
            (ids["search"], ids["slow"]): "9 times by 9 cases",
        },
    )
    home = s.cards[ids["home"]]
    assert home._overlay_label == "87%" and "87% of cases" in home.tooltip_text()
    canvas.qtbot.mouseMove(canvas.view.viewport(), canvas.vp(canvas.card_centre("home")))  # type: ignore[attr-defined]
    assert "87% of cases" in home.toolTip() and "CSAT: 3.9" in home.toolTip()  # hover shows all
    assert home._heat is not None and home._heat.name() == "#" + heat_hex(1.0).lower()
    assert s.cards[ids["cart"]]._heat.name() == "#" + heat_hex(0.0).lower()  # the shared scale
    assert s.cards[ids["search"]]._heat is None
    conn = next(iter(s.connector_items.values()))
    assert conn.pen().widthF() == pytest.approx(5.0)
    assert conn.toolTip() == "412 times by 300 cases"  # hovering an arrow shows its figures
    (path,) = s.overlay_paths
    assert path.pen().style() == Qt.PenStyle.DashLine and "Search" in path.toolTip()
    assert "9 times by 9 cases" in path.toolTip()
    assert s.overlay.legend is not None and s.overlay.legend.text == "Share of cases"
    assert s.overlay.legend.scale_ends == ("0%", "87%") and s.overlay.legend.size()[1] == 74.0
    assert s.overlay.legend.paths == "dashed: a path walked but not drawn"  # a third line
    canvas.drag(canvas.card_centre("slow"), canvas.cell_centre("use", "pains"))  # paths follow
    (moved,) = s.overlay_paths
    path = moved.path()  # a gutter route: its arrow tip is the one but last element
    tip = path.elementAt(path.elementCount() - 2)
    assert s.card_rect(ids["slow"]).contains(QPointF(tip.x, tip.y))  # at the moved card
    s.set_overlay(None)
    assert home._heat is None and not s.overlay_paths and s.overlay.legend is None
    assert conn.pen().widthF() == pytest.approx(1.0)
    assert conn.toolTip() == ""


def test_reloaded_rebuilds_and_keeps_selection(canvas: Canvas) -> None:
    from cxmapper.model.changes import Change

    s, ids = canvas.scene, canvas.ids
    s.select_entity("touchpoint", ids["cart"])
    old = s.cards[ids["cart"]]
    canvas.bridge.changed.emit(Change("reloaded"))
    s.flush()
    assert s.cards[ids["cart"]] is not old
    assert s.selected_entities() == [("touchpoint", ids["cart"])]


def test_removing_the_journey_empties_the_scene(canvas: Canvas) -> None:
    canvas.ws.remove("journey", canvas.ids["journey"])
    canvas.scene.flush()
    assert canvas.scene.items() == [] and canvas.scene.mirror is None


def test_cards_are_cached_for_fast_frames(canvas: Canvas) -> None:
    card = next(iter(canvas.scene.cards.values()))
    assert isinstance(card, CardItem)
    assert card.cacheMode() == card.CacheMode.DeviceCoordinateCache


def test_cells_are_not_cached_so_a_growing_lane_reallocates_no_pixmaps(canvas: Canvas) -> None:
    """A cell is a lane tall: caching it cost ~2.5 ms of the first frame after a lane grew."""
    cells = list(canvas.scene.lane_cells.values())
    assert cells and all(c.cacheMode() == c.CacheMode.NoCache for c in cells)


def test_far_zoom_on_a_big_map_draws_one_overview_item(canvas: Canvas) -> None:
    s, ids, view = canvas.scene, canvas.ids, canvas.view
    with canvas.ws.batch():
        for i in range(300):
            canvas.ws.add_touchpoint(ids["use"] if i % 2 else ids["buy"], ids["pains"], f"Card {i}")
    s.flush()
    view.set_zoom(0.5)
    assert not s.overview
    view.set_zoom(0.1)
    assert s.overview and s._overview_item is not None
    assert s._overview_item.card_count == 304
    assert not any(c.isVisible() for c in s.cards.values())
    canvas.ws.add_touchpoint(ids["use"], ids["web"], "Added while zoomed out")
    s.flush()
    assert s._overview_item.card_count == 305
    canvas.dclick(canvas.cell_centre("use", "web"))
    assert view.zoom() == 1.0 and not s.overview
    assert all(c.isVisible() for c in s.cards.values())


def test_pan_with_middle_drag_and_space_drag(canvas: Canvas) -> None:
    view, vp, bot = canvas.view, canvas.view.viewport(), canvas.qtbot
    view.set_zoom(2.0)
    h = view.horizontalScrollBar()
    h.setValue(200)
    start = h.value()
    mid = Qt.MouseButton.MiddleButton
    bot.mousePress(vp, mid, NOMOD, QPoint(400, 300))  # type: ignore[attr-defined]
    bot.mouseMove(vp, QPoint(350, 300))  # type: ignore[attr-defined]
    bot.mouseMove(vp, QPoint(300, 300))  # type: ignore[attr-defined]
    bot.mouseRelease(vp, mid, NOMOD, QPoint(300, 300))  # type: ignore[attr-defined]
    assert h.value() == start + 100
    bot.keyPress(view, Qt.Key.Key_Space)  # type: ignore[attr-defined]
    assert view.dragMode() == view.DragMode.ScrollHandDrag
    bot.keyRelease(view, Qt.Key.Key_Space)  # type: ignore[attr-defined]
    assert view.dragMode() == view.DragMode.RubberBandDrag
    assert canvas.stack.count() == 0


def test_editing_keys_go_to_the_inline_editor_not_the_canvas(canvas: Canvas) -> None:
    s, ids = canvas.scene, canvas.ids
    canvas.dclick(canvas.card_centre("cart"))
    canvas.key(Qt.Key.Key_End)
    canvas.key(Qt.Key.Key_Backspace)
    canvas.key(Qt.Key.Key_Home)
    canvas.key(Qt.Key.Key_Delete)  # deletes a character, not the card
    canvas.key(Qt.Key.Key_A, CTRL)  # selects the text, not all cards
    canvas.type("Basket", enter=False)
    canvas.key(Qt.Key.Key_Left)
    canvas.key(Qt.Key.Key_Return)
    assert ids["cart"] in s.cards and s.mirror.tps[ids["cart"]].title == "Basket"
    assert canvas.stack.count() == 1


def test_no_cards_are_created_in_an_emotion_lane(canvas: Canvas) -> None:
    s, ids = canvas.scene, canvas.ids
    lane = canvas.ws.add_lane(ids["journey"], "Feelings", "emotions")
    s.flush()
    canvas.dclick(s.cell_rect((ids["use"], lane.id)).center())
    assert s.inline_editor is None and canvas.stack.count() == 0


def test_escape_cancels_a_card_drag(canvas: Canvas) -> None:
    s, ids = canvas.scene, canvas.ids
    start = canvas.card_centre("cart")
    vp, bot = canvas.view.viewport(), canvas.qtbot
    bot.mousePress(vp, LEFT, NOMOD, canvas.vp(start))  # type: ignore[attr-defined]
    for i in range(1, 4):
        bot.mouseMove(vp, canvas.vp(start + QPointF(0, 60 * i)))  # type: ignore[attr-defined]
    assert s.card_rect(ids["cart"]).center() != start
    canvas.key(Qt.Key.Key_Escape)
    assert s.card_rect(ids["cart"]).center() == start
    bot.mouseRelease(vp, LEFT, NOMOD, canvas.vp(start + QPointF(0, 180)))  # type: ignore[attr-defined]
    assert canvas.stack.count() == 0 and s.cell_of(ids["cart"]) == (ids["buy"], ids["web"])


@pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen popups
def test_right_click_offers_the_canvas_actions_for_the_card_under_the_pointer(
    canvas: Canvas,
) -> None:
    from PySide6.QtGui import QContextMenuEvent

    s, ids, view = canvas.scene, canvas.ids, canvas.view
    p = canvas.vp(canvas.card_centre("slow"))
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, p, view.viewport().mapToGlobal(p))
    QApplication.sendEvent(view.viewport(), event)
    assert s.selected_entities() == [("touchpoint", ids["slow"])]
    menu = view.context_menu
    assert menu is not None and view.action("canvas.delete") in menu.actions()
    menu.close()


def test_one_background_item_per_lane_maps_points_to_its_cells(canvas: Canvas) -> None:
    """A lane's cells are one item (issue 18); it still knows each cell's rectangle and stage,
    and marks the current cell in its lane only."""
    s, g = canvas.scene, canvas.scene.grid
    assert g is not None and set(s.lane_cells) == {row.id for row in g.rows}
    for row in g.rows:
        item = s.lane_cells[row.id]
        for col in g.columns:
            rect = item.cell_rect(col.id)
            assert rect == s.cell_rect((col.id, row.id))
            assert rect is not None and item.stage_at(item.mapFromScene(rect.center())) == col.id
        assert item.stage_at(QPointF(-5, 1)) is None
    cell = (g.columns[1].id, g.rows[0].id)
    s.set_current_cell(cell)
    assert {ln: i.current_stage for ln, i in s.lane_cells.items() if i.current_stage} == {
        cell[1]: cell[0]
    }
    s.set_current_cell(None)
    assert not any(i.current_stage for i in s.lane_cells.values())
