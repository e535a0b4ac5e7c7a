"""The journey canvas driven like a user would: mouse on the viewport, keys, actions.

Every edit is checked three ways: the scene shows it, undo/redo restore it as one step, and
the file holds it after the workspace is closed and opened again.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QImage, QPainter, QUndoStack, QWheelEvent
from PySide6.QtWidgets import QApplication

from cxmapper.model.workspace import Workspace
from cxmapper.ui.canvas import JourneyScene, JourneyView, OverlayValue
from cxmapper.ui.canvas import layout as L
from cxmapper.ui.canvas.items.card import CardItem
from cxmapper.ui.canvas.items.connector import curve_point
from cxmapper.ui.model_bridge import ModelBridge
from cxmapper.ui.undo_stack import GuardedUndoStack

LEFT = Qt.MouseButton.LeftButton
CTRL = Qt.KeyboardModifier.ControlModifier
NOMOD = Qt.KeyboardModifier.NoModifier


@dataclass
class Canvas:
    ws: Workspace
    ids: dict[str, str]
    scene: JourneyScene
    view: JourneyView
    stack: QUndoStack
    bridge: ModelBridge
    path: Path
    qtbot: object

    # -- geometry ------------------------------------------------------------------------
    def vp(self, p: QPointF) -> QPoint:
        return self.view.mapFromScene(p)

    def card_centre(self, key: str) -> QPointF:
        return self.scene.card_rect(self.ids.get(key, key)).center()

    def cell_centre(self, stage: str, lane: str) -> QPointF:
        return self.scene.cell_rect((self.ids[stage], self.ids[lane])).center()

    # -- gestures ------------------------------------------------------------------------
    def click(self, p: QPointF, mod: Qt.KeyboardModifier = NOMOD) -> None:
        self.qtbot.mouseClick(self.view.viewport(), LEFT, mod, self.vp(p))  # type: ignore[attr-defined]

    def dclick(self, p: QPointF) -> None:
        self.qtbot.mouseDClick(self.view.viewport(), LEFT, NOMOD, self.vp(p))  # type: ignore[attr-defined]

    def drag(
        self, a: QPointF, b: QPointF, mod: Qt.KeyboardModifier = NOMOD, steps: int = 6
    ) -> None:
        vp, bot = self.view.viewport(), self.qtbot
        bot.mousePress(vp, LEFT, mod, self.vp(a))  # type: ignore[attr-defined]
        for i in range(1, steps + 1):
            p = a + (b - a) * (i / steps)
            bot.mouseMove(vp, self.vp(p))  # type: ignore[attr-defined]
        bot.mouseRelease(vp, LEFT, mod, self.vp(b))  # type: ignore[attr-defined]

    def type(self, text: str, enter: bool = True) -> None:
        self.qtbot.keyClicks(self.view, text)  # type: ignore[attr-defined]
        if enter:
            self.qtbot.keyClick(self.view, Qt.Key.Key_Return)  # type: ignore[attr-defined]

    def key(self, key: Qt.Key, mod: Qt.KeyboardModifier = NOMOD) -> None:
        self.qtbot.keyClick(self.view, key, mod)  # type: ignore[attr-defined]

    def act(self, name: str) -> None:
        self.view.action(f"canvas.{name}").trigger()

    def reopen(self) -> Workspace:
        """Close everything and open the file again: what was saved."""
        self.scene.clear_scene()
        self.bridge.detach()
        self.ws.close()
        ws = Workspace.open(self.path)
        self._reopened = ws
        return ws


@pytest.fixture
def canvas(
    qtbot, file_ws: Workspace, small_journey: dict[str, str], ws_path: Path
) -> Iterator[Canvas]:
    stack = GuardedUndoStack()
    bridge = ModelBridge(file_ws, poll_ms=0)
    scene = JourneyScene()
    view = JourneyView(scene)
    scene.setParent(view)
    qtbot.addWidget(view)
    scene.set_journey(file_ws, small_journey["journey"], stack, bridge)
    view.resize(1200, 800)
    view.show()
    qtbot.waitExposed(view)
    view.setFocus()
    c = Canvas(file_ws, small_journey, scene, view, stack, bridge, ws_path, qtbot)
    yield c
    if scene.mirror is not None:
        scene.clear_scene()
        bridge.detach()
    reopened = getattr(c, "_reopened", None)
    if reopened is not None:
        reopened.close()


def undo_redo(c: Canvas, check_before, check_after) -> None:  # type: ignore[no-untyped-def]
    """Undo restores the state before the action, redo the state after it."""
    c.stack.undo()
    check_before()
    c.stack.redo()
    check_after()


# -- building and rendering --------------------------------------------------------------------


def test_scene_shows_the_journey(canvas: Canvas) -> None:
    s, ids = canvas.scene, canvas.ids
    assert set(s.cards) == {ids["home"], ids["search"], ids["cart"], ids["slow"]}
    assert len(s.connector_items) == 1 and len(s.stage_headers) == 3 and len(s.lane_headers) == 2
    home = s.cards[ids["home"]].content
    assert home.owner == "Ann Owner" and home.channel == "web"
    assert [(b.text, b.status) for b in home.badges] == [("CSAT 3.9", "amber")]
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


# -- cards ---------------------------------------------------------------------------------------


def test_create_card_by_double_clicking_an_empty_cell(canvas: Canvas) -> None:
    s, ids = canvas.scene, canvas.ids
    canvas.dclick(canvas.cell_centre("use", "web"))
    assert s.inline_editor is not None
    canvas.type("Unbox")
    assert s.inline_editor is None
    (new_id,) = set(s.cards) - {ids["home"], ids["search"], ids["cart"], ids["slow"]}
    assert s.mirror.tps[new_id].title == "Unbox"
    assert s.selected_entities() == [("touchpoint", new_id)]
    assert s.cell_of(new_id) == (ids["use"], ids["web"])
    assert canvas.stack.count() == 1
    undo_redo(canvas, lambda: new_id not in s.cards, lambda: new_id in s.cards)
    ws = canvas.reopen()
    assert ws.get("touchpoint", new_id).title == "Unbox"


def test_create_card_with_insert_key_and_esc_cancels(canvas: Canvas) -> None:
    s, ids = canvas.scene, canvas.ids
    canvas.click(canvas.cell_centre("use", "pains"))
    assert s.current_cell() == (ids["use"], ids["pains"])
    canvas.key(Qt.Key.Key_Insert)
    assert s.inline_editor is not None
    canvas.type("Abandoned", enter=False)
    canvas.key(Qt.Key.Key_Escape)
    assert s.inline_editor is None and len(s.cards) == 4 and canvas.stack.count() == 0
    canvas.key(Qt.Key.Key_Return)  # Enter on the selected (current) cell also creates
    canvas.type("Returns item")
    assert len(s.cards) == 5 and canvas.ws.cell(ids["use"], ids["pains"])[0].title == "Returns item"


def test_rename_card_in_place(canvas: Canvas) -> None:
    s, ids = canvas.scene, canvas.ids
    canvas.dclick(canvas.card_centre("cart"))
    assert s.inline_editor is not None
    assert s.inline_editor.toPlainText() == "Cart"
    canvas.type("Shopping basket")
    assert s.cards[ids["cart"]].content.title == "Shopping basket"
    canvas.click(canvas.card_centre("home"))
    canvas.key(Qt.Key.Key_F2)
    canvas.type("Ignored", enter=False)
    canvas.key(Qt.Key.Key_Escape)
    assert s.mirror.tps[ids["home"]].title == "Home page" and canvas.stack.count() == 1
    undo_redo(
        canvas,
        lambda: s.cards[ids["cart"]].content.title == "Cart",
        lambda: s.cards[ids["cart"]].content.title == "Shopping basket",
    )
    assert canvas.reopen().get("touchpoint", ids["cart"]).title == "Shopping basket"


def test_move_card_by_drag_shows_drop_indicator(canvas: Canvas) -> None:
    s, ids = canvas.scene, canvas.ids
    src, dst = canvas.card_centre("cart"), canvas.cell_centre("use", "pains")
    vp = canvas.view.viewport()
    canvas.qtbot.mousePress(vp, LEFT, NOMOD, canvas.vp(src))  # type: ignore[attr-defined]
    for i in range(1, 6):
        canvas.qtbot.mouseMove(vp, canvas.vp(src + (dst - src) * (i / 5)))  # type: ignore[attr-defined]
    assert s.gestures.drop_target == ((ids["use"], ids["pains"]), 0)
    canvas.qtbot.mouseRelease(vp, LEFT, NOMOD, canvas.vp(dst))  # type: ignore[attr-defined]
    assert s.cell_of(ids["cart"]) == (ids["use"], ids["pains"])
    assert s.gestures.drop_target is None
    assert s.card_rect(ids["cart"]).intersects(s.cell_rect((ids["use"], ids["pains"])))
    assert canvas.stack.count() == 1
    cart = s.cards[ids["cart"]]
    undo_redo(
        canvas,
        lambda: s.cell_of(ids["cart"]) == (ids["buy"], ids["web"]),
        lambda: s.cell_of(ids["cart"]) == (ids["use"], ids["pains"]),
    )
    assert s.cards[ids["cart"]] is cart
    t = canvas.reopen().get("touchpoint", ids["cart"])
    assert (t.stage_id, t.lane_id) == (ids["use"], ids["pains"])


def test_drop_in_place_makes_no_undo_step(canvas: Canvas) -> None:
    p = canvas.card_centre("cart")
    canvas.drag(p, p + QPointF(12, 6))
    assert canvas.stack.count() == 0
    assert canvas.scene.card_rect(canvas.ids["cart"]).center() == p


def test_multi_select_and_move_is_one_undo_step(canvas: Canvas) -> None:
    s, ids = canvas.scene, canvas.ids
    canvas.click(canvas.card_centre("home"))
    canvas.click(canvas.card_centre("cart"), CTRL)
    assert {i for _, i in s.selected_entities()} == {ids["home"], ids["cart"]}
    canvas.drag(canvas.card_centre("cart"), canvas.cell_centre("use", "web"))
    target = (ids["use"], ids["web"])
    assert s.cell_of(ids["home"]) == target and s.cell_of(ids["cart"]) == target
    assert canvas.stack.count() == 1 and canvas.stack.text(0) == "Move 2 cards"
    assert s.mirror.cells[target] == [ids["home"], ids["cart"]]  # map order kept
    conn = next(iter(s.connector_items.values()))
    start = conn.mapToScene(curve_point(conn.path(), 0))
    assert s.card_rect(ids["home"]).adjusted(-1, -1, 1, 1).contains(start)  # arrow followed
    canvas.stack.undo()
    assert s.cell_of(ids["home"]) == (ids["discover"], ids["web"])
    assert s.cell_of(ids["cart"]) == (ids["buy"], ids["web"])
    canvas.stack.redo()
    ws = canvas.reopen()
    assert [t.id for t in ws.cell(*target)] == [ids["home"], ids["cart"]]


def test_rubber_band_selects_cards(canvas: Canvas) -> None:
    s, ids = canvas.scene, canvas.ids
    a = s.cell_rect((ids["discover"], ids["web"])).topLeft() + QPointF(3, 3)
    b = s.card_rect(ids["search"]).center()
    canvas.drag(a, b)
    assert {i for _, i in s.selected_entities()} == {ids["home"], ids["search"]}


def test_connect_cards_by_dragging_the_handle(canvas: Canvas) -> None:
    s, ids = canvas.scene, canvas.ids
    r = s.card_rect(ids["search"])
    handle = QPointF(r.right(), r.center().y())
    canvas.click(canvas.card_centre("search"))  # hover/selection shows the handle
    vp, bot, end = canvas.view.viewport(), canvas.qtbot, canvas.card_centre("slow")
    bot.mousePress(vp, LEFT, NOMOD, canvas.vp(handle))  # type: ignore[attr-defined]
    for i in range(1, 5):
        bot.mouseMove(vp, canvas.vp(handle + (end - handle) * (i / 4)))  # type: ignore[attr-defined]
    assert s.cards[ids["slow"]]._link_target  # the card it would connect to is outlined
    bot.mouseRelease(vp, LEFT, NOMOD, canvas.vp(end))  # type: ignore[attr-defined]
    assert not s.cards[ids["slow"]]._link_target
    assert canvas.stack.count() == 1
    new = [c for c in s.mirror.connectors.values() if c.source_id == ids["search"]]
    assert len(new) == 1 and new[0].target_id == ids["slow"]
    assert s.selected_entities() == [("connector", new[0].id)]
    undo_redo(
        canvas,
        lambda: new[0].id not in s.connector_items,
        lambda: new[0].id in s.connector_items,
    )
    assert canvas.reopen().find("connector", new[0].id) is not None


def test_connector_label_kind_and_delete_with_cards(canvas: Canvas) -> None:
    s, ids = canvas.scene, canvas.ids
    (c_id,) = s.connector_items
    item = s.connector_items[c_id]
    assert item.label == "buys"
    canvas.click(item.mapToScene(curve_point(item.path(), 0.25)))
    assert s.selected_entities() == [("connector", c_id)]
    canvas.ws.update("connector", c_id, kind="alternative")
    canvas.qtbot.waitUntil(lambda: item.pen().style() == Qt.PenStyle.DashLine)  # type: ignore[attr-defined]
    canvas.dclick(item.label_rect().center())
    assert s.inline_editor is not None
    canvas.type("pays")
    assert s.connector_items[c_id].label == "pays"
    canvas.click(item.mapToScene(curve_point(item.path(), 0.25)))
    canvas.click(canvas.card_centre("slow"), CTRL)
    assert set(s.selected_entities()) == {("connector", c_id), ("touchpoint", ids["slow"])}
    n = canvas.stack.count()
    canvas.key(Qt.Key.Key_Delete)
    assert canvas.stack.count() == n + 1
    assert c_id not in s.connector_items and ids["slow"] not in s.cards
    undo_redo(
        canvas,
        lambda: c_id in s.connector_items and ids["slow"] in s.cards,
        lambda: c_id not in s.connector_items and ids["slow"] not in s.cards,
    )
    ws = canvas.reopen()
    assert ws.find("connector", c_id) is None and ws.find("touchpoint", ids["slow"]) is None


def test_delete_cards_removes_their_connectors_and_undo_restores(canvas: Canvas) -> None:
    s, ids = canvas.scene, canvas.ids
    canvas.click(canvas.card_centre("home"))
    canvas.act("delete")
    assert ids["home"] not in s.cards and not s.connector_items
    canvas.stack.undo()
    assert ids["home"] in s.cards and len(s.connector_items) == 1
    assert s.cards[ids["home"]].content.badges  # KPI history restored too
    canvas.stack.redo()
    assert canvas.reopen().count("touchpoint") == 3


def test_copy_paste_and_duplicate(canvas: Canvas) -> None:
    s, ids = canvas.scene, canvas.ids
    canvas.click(canvas.card_centre("home"))
    canvas.click(canvas.card_centre("cart"), CTRL)
    canvas.key(Qt.Key.Key_C, CTRL)
    canvas.click(canvas.cell_centre("use", "pains"))
    canvas.key(Qt.Key.Key_V, CTRL)
    pasted = s.mirror.cells[(ids["use"], ids["pains"])]
    assert [s.mirror.tps[i].title for i in pasted] == ["Home page", "Cart"]
    assert not set(pasted) & {ids["home"], ids["cart"]}  # new ids
    assert (
        s.mirror.tps[pasted[0]].owner_id == ids["ann"] and s.mirror.tps[pasted[0]].channel == "web"
    )
    link = [c for c in s.mirror.connectors.values() if c.source_id == pasted[0]]
    assert len(link) == 1 and link[0].target_id == pasted[1] and link[0].label == "buys"
    assert canvas.stack.count() == 1
    assert {i for _, i in s.selected_entities()} == set(pasted)
    canvas.stack.undo()
    assert (ids["use"], ids["pains"]) not in s.mirror.cells or not s.mirror.cells[
        (ids["use"], ids["pains"])
    ]
    canvas.stack.redo()
    assert s.mirror.cells[(ids["use"], ids["pains"])] == pasted
    canvas.click(canvas.card_centre("home"))
    canvas.key(Qt.Key.Key_D, CTRL)
    cell = s.mirror.cells[(ids["discover"], ids["web"])]
    assert len(cell) == 3 and cell[0] == ids["home"] and s.mirror.tps[cell[1]].title == "Home page"
    assert canvas.stack.count() == 2
    canvas.stack.undo()
    assert s.mirror.cells[(ids["discover"], ids["web"])] == [ids["home"], ids["search"]]
    canvas.stack.redo()
    ws = canvas.reopen()
    assert [t.title for t in ws.cell(ids["discover"], ids["web"])] == [
        "Home page",
        "Home page",
        "Search",
    ]
    assert len(ws.cell(ids["use"], ids["pains"])) == 2


def test_paste_plain_text_makes_cards(canvas: Canvas) -> None:
    QApplication.clipboard().setText("First idea\n\nSecond idea\n")
    canvas.scene.set_current_cell((canvas.ids["use"], canvas.ids["web"]))
    canvas.act("paste")
    titles = [
        canvas.scene.mirror.tps[i].title
        for i in canvas.scene.mirror.cells[(canvas.ids["use"], canvas.ids["web"])]
    ]
    assert titles == ["First idea", "Second idea"]


def test_arrow_keys_move_between_cards_and_cells(canvas: Canvas) -> None:
    s, ids = canvas.scene, canvas.ids
    canvas.click(canvas.card_centre("home"))
    canvas.key(Qt.Key.Key_Down)
    assert s.selected_entities() == [("touchpoint", ids["search"])]
    canvas.key(Qt.Key.Key_Right)
    assert s.selected_entities() == [("touchpoint", ids["cart"])]
    canvas.key(Qt.Key.Key_Down)
    assert s.selected_entities() == [("touchpoint", ids["slow"])]
    canvas.key(Qt.Key.Key_Right)
    assert s.selected_entities() == [] and s.current_cell() == (ids["use"], ids["pains"])
    canvas.key(Qt.Key.Key_Up)
    assert s.current_cell() == (ids["use"], ids["web"])


def test_select_entity_and_selection_signal(canvas: Canvas) -> None:
    s, ids = canvas.scene, canvas.ids
    seen: list[list[tuple[str, str]]] = []
    s.selectionChanged.connect(lambda: seen.append(s.selected_entities()))
    assert s.select_entity("stage", ids["buy"])
    assert s.selected_entities() == [("stage", ids["buy"])]
    assert s.select_entity("touchpoint", ids["slow"])
    assert s.current_cell() == (ids["buy"], ids["pains"])
    (c_id,) = s.connector_items
    assert s.select_entity("connector", c_id)
    assert seen[-1] == [("connector", c_id)]
    assert not s.select_entity("touchpoint", "nope")
    s.selectionChanged.disconnect()


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
    assert new_id in s.stage_headers and (new_id, ids["web"]) in s.cell_items
    assert canvas.stack.count() == 2  # add, then rename
    header = s.stage_headers[ids["buy"]]
    canvas.dclick(header.sceneBoundingRect().center())
    canvas.type("Purchase")
    assert s.stage_headers[ids["buy"]].name == "Purchase"
    s.select_entity("stage", new_id)
    canvas.act("delete-stage")
    assert new_id not in s.stage_headers and (new_id, ids["web"]) not in s.cell_items
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
    assert [p.tp_id for p in points] == [ids["home"], ids["search"], ids["cart"], ids["slow"]]
    index = 1  # "Search", emotion -1
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
    assert home._heat is not None and home._heat.red() == 255 and home._heat.green() < 150
    assert s.cards[ids["cart"]]._heat.name() == "#ffffff"
    assert s.cards[ids["search"]]._heat is None
    conn = next(iter(s.connector_items.values()))
    assert conn.pen().widthF() == pytest.approx(5.0)
    assert conn.toolTip() == "412 times by 300 cases"  # hovering an arrow shows its figures
    (path,) = s.overlay_paths
    assert path.pen().style() == Qt.PenStyle.DashLine and "Search" in path.toolTip()
    assert "9 times by 9 cases" in path.toolTip()
    assert s.overlay.legend is not None and s.overlay.legend.text == "Share of cases"
    assert s.overlay.legend.scale == ("0%", "87%") and s.overlay.legend.size()[1] == 58.0
    canvas.drag(canvas.card_centre("slow"), canvas.cell_centre("use", "pains"))  # paths follow
    (moved,) = s.overlay_paths
    assert curve_point(moved.path(), 1).x() > s.cell_rect((ids["use"], ids["pains"])).left() - 1
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
