"""The diff view draws connector differences (added: a green halo, changed: a violet halo
listing the fields, removed: a dashed ghost line between its ends as the map has them now, a
ghost card's included) and RACI / owner and KPI target changes as badges on their cards, and
its legend counts every difference of the diff exactly once."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QGraphicsItem

from cxmapper.model.versions import save_version
from cxmapper.ui.canvas.diff_layer import DiffLegendItem, DiffMarkItem, GhostCardItem
from cxmapper.ui.canvas.diff_links import GhostLinkItem, LinkMarkItem
from cxmapper.ui.canvas.diff_plan import ROWS
from tests.ui.rigs import Canvas

T = TypeVar("T", bound=QGraphicsItem)


def _links_and_people(canvas: Canvas) -> dict[str, str]:
    """As-is has Home page -> Cart ("buys") and Search -> Slow checkout ("x"); To-be adds
    Cart -> Slow checkout, removes Home page -> Cart, relabels the other "y", moves Ann's
    Accountable from Home page to a Responsible on Cart, makes her Cart's owner and raises
    CSAT's target (read on Home page) from 4.2 to 4.5: seven differences."""
    ws, ids = canvas.ws, canvas.ids
    relabel = ws.add_connector(ids["search"], ids["slow"], label="x")
    buys = next(c for c in ws.connectors(ids["journey"]) if c.label == "buys")
    save_version(ws, ids["journey"], "As-is")
    added = ws.add_connector(ids["cart"], ids["slow"])
    ws.remove("connector", buys.id)
    ws.update("connector", relabel.id, label="y")
    accountable = next(r for r in ws.raci() if r.touchpoint_id == ids["home"])
    ws.remove("raci", accountable.id)
    ws.assign(ids["cart"], ids["ann"], "R")
    ws.update("touchpoint", ids["cart"], owner_id=ids["ann"])
    ws.update("kpi", ids["csat"], target=4.5)
    save_version(ws, ids["journey"], "To-be")
    canvas.scene.flush()
    return {"added": added.id, "relabel": relabel.id, "buys": buys.id}


def _items(canvas: Canvas, kind: type[T]) -> list[T]:
    return [i for i in canvas.scene.items() if isinstance(i, kind)]


def _start(item: GhostLinkItem) -> QPointF:
    e = item.path().elementAt(0)
    return item.mapToScene(QPointF(e.x, e.y))


def test_connector_people_and_kpi_differences_are_drawn(canvas: Canvas) -> None:
    links = _links_and_people(canvas)
    scene, ids = canvas.scene, canvas.ids
    diff = scene.diff.show("As-is", "To-be")
    assert len(diff.differences) == 7
    halos = {i.parentItem().connector_id: i for i in _items(canvas, LinkMarkItem)}  # type: ignore[attr-defined]
    assert {c: h.change for c, h in halos.items()} == {
        links["added"]: "added",
        links["relabel"]: "changed",
    }
    assert halos[links["added"]].toolTip() == "Added connector: Cart → Slow checkout"
    assert "label: x → y" in halos[links["relabel"]].toolTip()
    assert halos[links["added"]].pen().color().name() == "#15803d"
    # the removed arrow is a ghost line from Home page's right side to Cart's left side
    (ghost,) = _items(canvas, GhostLinkItem)
    assert ghost.toolTip() == "Removed connector: Home page → Cart"
    home, cart = scene.card_rect(ids["home"]), scene.card_rect(ids["cart"])
    assert _start(ghost) == QPointF(home.right(), home.center().y())
    assert cart.adjusted(-1, -1, 1, 1).contains(ghost.sceneBoundingRect().bottomRight())
    assert not ghost.flags() & QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
    # badges: RACI / owner on both cards, the KPI on the card it is read on
    marks = {m.parentItem().tp_id: m for m in _items(canvas, DiffMarkItem)}  # type: ignore[attr-defined]
    assert {t: set(m.changes) for t, m in marks.items()} == {
        ids["home"]: {"people", "kpi"},
        ids["cart"]: {"people"},
    }
    home_tip, cart_tip = marks[ids["home"]].toolTip(), marks[ids["cart"]].toolTip()
    assert "KPI CSAT:\n  target: 4.2 → 4.5" in home_tip
    assert "removed Ann Owner: A" in home_tip
    assert "added Ann Owner: R" in cart_tip and "owner: — → Ann Owner" in cart_tip
    assert marks[ids["cart"]].path().isEmpty()  # no outline: the card itself did not change
    # the legend: one count per row, all of them together every difference once
    counts = scene.diff.plan.counts()
    assert counts == {"added": 0, "removed": 0, "changed": 0, "moved": 0, "link added": 1,
                      "link removed": 1, "link changed": 1, "people": 3, "kpi": 1}  # fmt: skip
    legend = _items(canvas, DiffLegendItem)[0]
    assert [change for change, _ in legend.rows] == list(ROWS)
    assert "RACI or owner changed: hover the badge (3)" in [t for _, t in legend.rows]
    scene.diff.leave()
    assert not _items(canvas, LinkMarkItem) and not _items(canvas, GhostLinkItem)
    assert all(c.childItems() == [] for c in scene.connector_items.values() if not c.label)


def test_a_removed_card_s_connector_and_roles_go_to_its_ghost(canvas: Canvas) -> None:
    ws, ids, scene = canvas.ws, canvas.ids, canvas.scene
    ws.add_connector(ids["search"], ids["slow"])
    ws.assign(ids["search"], ids["ann"], "C")
    save_version(ws, ids["journey"], "As-is")
    ws.remove("touchpoint", ids["search"])  # its connector and its RACI go with it
    ws.add_stage(ids["journey"], "Return")
    scene.flush()
    diff = scene.diff.show("As-is", "current")
    (ghost_card,) = _items(canvas, GhostCardItem)
    (ghost_line,) = _items(canvas, GhostLinkItem)
    assert ghost_line.toolTip() == "Removed connector: Search → Slow checkout"
    box = ghost_card.sceneBoundingRect()
    assert box.adjusted(-2, -2, 2, 2).contains(_start(ghost_line))
    assert "removed Ann Owner: C" in ghost_card.toolTip()
    plan = scene.diff.plan
    assert plan.not_shown == 0 and plan.counts()["people"] == 1
    assert plan.elsewhere == 1  # the stage added: in the legend's note, not on a card
    assert sum(plan.counts().values()) + plan.not_shown + plan.elsewhere == len(diff.differences)
    legend = _items(canvas, DiffLegendItem)[0]
    assert any(n == "Stages, lanes or the journey (see the list): 1" for n in legend.notes)


def test_a_difference_the_map_cannot_show_is_counted(canvas: Canvas) -> None:
    """A connector added in To-be and removed since: the legend says the map lacks it."""
    ws, ids, scene = canvas.ws, canvas.ids, canvas.scene
    save_version(ws, ids["journey"], "As-is")
    extra = ws.add_connector(ids["cart"], ids["slow"])
    save_version(ws, ids["journey"], "To-be")
    ws.remove("connector", extra.id)
    scene.flush()
    diff = scene.diff.show("As-is", "To-be")
    assert [d.kind for d in diff.differences] == ["connector"]
    assert scene.diff.plan.not_shown == 1 and not _items(canvas, LinkMarkItem)
    assert _items(canvas, DiffLegendItem)[0].notes == ["Not on the current map: 1"]
