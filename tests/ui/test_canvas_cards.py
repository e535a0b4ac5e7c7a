"""Cards on the canvas: create, rename, move, select, copy, delete and connect them."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QApplication

from cxmapper.ui.canvas.items.connector import curve_point
from tests.ui.rigs import CTRL, LEFT, NOMOD, Canvas, undo_redo

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
    shown = {ln: item.drop_stage for ln, item in s.lane_cells.items() if item.drop_stage}
    assert shown == {ids["pains"]: ids["use"]}  # one lane item marks the one target cell
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


def test_card_bounds_are_read_in_cpp_and_follow_its_size(qapp) -> None:
    """Qt asks for a card's bounds for every card that moves or is drawn; a Python override
    would be a call into the interpreter each time (issue 18: the frame after a lane grows)."""
    from PySide6.QtCore import QRectF

    from cxmapper.ui.canvas.items.card import FOCUS_GAP, HANDLE_R, CardContent, CardItem

    assert "boundingRect" not in CardItem.__dict__
    card = CardItem("t", CardContent("Cart"), 200, 84)
    assert card.boundingRect() == QRectF(-FOCUS_GAP - 2, -10, 200 + HANDLE_R + FOCUS_GAP + 6, 100)
    card.set_size(150, 84)
    assert card.boundingRect().width() == 150 + HANDLE_R + FOCUS_GAP + 6
    assert card.pen().style() == Qt.PenStyle.NoPen and card.brush().style() == Qt.BrushStyle.NoBrush
