"""The emotion curve is tied to the cards: one point per scored card, under that card.

Unscored cards (new cards start unscored) have no point and no face; hovering a point names its
card and score; the inspector offers "Not scored".
"""

from __future__ import annotations

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QStyleOptionGraphicsItem
from pytestqt.qtbot import QtBot

from cxmapper.ui.canvas import style
from cxmapper.ui.canvas.items.card import CardContent, CardItem
from cxmapper.ui.canvas.items.emotion_curve import EmotionCurveItem
from tests.ui.rigs import Canvas, Rig, choose


def curve_of(canvas: Canvas) -> EmotionCurveItem:
    s, ids = canvas.scene, canvas.ids
    canvas.ws.add_lane(ids["journey"], "Feelings", "emotions")
    canvas.qtbot.waitUntil(lambda: len(s.emotion_items) == 1)  # type: ignore[attr-defined]
    return next(iter(s.emotion_items.values()))


def scene_xs(canvas: Canvas, curve: EmotionCurveItem) -> dict[str, float]:
    """tp id -> the scene x where its point is drawn."""
    return {p.tp_id: curve.mapToScene(curve.point_pos(i)).x() for i, p in enumerate(curve.points)}


def test_one_point_per_scored_card_under_its_card(canvas: Canvas) -> None:
    s, ids, ws = canvas.scene, canvas.ids, canvas.ws
    ws.update("touchpoint", ids["cart"], emotion=2)  # Buy stage; "search" is -1 in Discover
    curve = curve_of(canvas)
    s.flush()
    # "home" (Discover, unscored) and "slow" (a pain point, unscored) have no point
    xs = scene_xs(canvas, curve)
    assert set(xs) == {ids["search"], ids["cart"]}
    for tp_id, x in xs.items():
        assert x == canvas.scene.card_rect(tp_id).center().x()
    assert {p.tp_id: p.score for p in curve.points} == {ids["search"]: -1, ids["cart"]: 2}


def test_a_new_card_adds_no_point(canvas: Canvas) -> None:
    s, ids, ws = canvas.scene, canvas.ids, canvas.ws
    curve = curve_of(canvas)
    before = curve.points
    tp = ws.add_touchpoint(ids["use"], ids["web"], "Unboxing")
    canvas.qtbot.waitUntil(lambda: tp.id in s.cards)  # type: ignore[attr-defined]
    assert curve.points == before  # no neutral dip: the card is not scored
    ws.update("touchpoint", tp.id, emotion=1)
    canvas.qtbot.waitUntil(lambda: len(curve.points) == 2)  # type: ignore[attr-defined]
    assert scene_xs(canvas, curve)[tp.id] == s.card_rect(tp.id).center().x()


def test_a_point_follows_its_card_to_another_stage(canvas: Canvas) -> None:
    s, ids, ws = canvas.scene, canvas.ids, canvas.ws
    curve = curve_of(canvas)
    ws.move_touchpoints([ids["search"]], ids["use"], ids["web"])
    canvas.qtbot.waitUntil(  # type: ignore[attr-defined]
        lambda: (
            scene_xs(canvas, curve)[ids["search"]] == s.card_rect(ids["search"]).center().x()
            and s.cell_of(ids["search"]) == (ids["use"], ids["web"])
        )
    )


def test_hovering_a_point_names_the_card_and_its_score(canvas: Canvas) -> None:
    curve = curve_of(canvas)
    assert curve.label_at(curve.point_pos(0)) == "Search: −1"
    assert curve.label_at(curve.point_pos(0) + QPointF(40, 40)) == ""


def face_pixels(content: CardContent) -> int:
    """Pixels of the card painted in the colour of a −2 face."""
    item = CardItem("t", content, 200, 86)
    image = QImage(220, 100, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    item.paint(painter, QStyleOptionGraphicsItem())
    painter.end()
    red = style.EMOTION_COLOURS[-2].rgb()
    return sum(image.pixel(x, y) == red for x in range(220) for y in range(100))


def test_an_unscored_card_has_no_face(qtbot: QtBot) -> None:
    assert face_pixels(CardContent("Pay", emotion=-2)) > 10
    assert face_pixels(CardContent("Pay", emotion=None)) == 0


def test_the_inspector_can_set_a_card_back_to_not_scored(qtbot: QtBot, rig: Rig) -> None:
    rig.panel.show_entity("touchpoint", rig.ids["search"])
    d = rig.tp.details
    assert d.emotion.value() == -1
    assert d.emotion.itemText(0) == "Not scored"
    choose(d.emotion, None)
    assert rig.errors == [] and rig.stack.count() == 1
    assert rig.reopen().get("touchpoint", rig.ids["search"]).emotion is None


def test_the_inspector_shows_not_scored_for_a_new_card(qtbot: QtBot, rig: Rig) -> None:
    rig.panel.show_entity("touchpoint", rig.ids["search"])
    rig.panel.show_entity("touchpoint", rig.ids["home"])  # unscored: not the previous -1
    assert rig.tp.details.emotion.value() is None
