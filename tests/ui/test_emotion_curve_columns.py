"""Cards stacked in one column (one stage) share a centre x: their emotion points are spread
around it left to right in lane order, so the curve never runs backwards or loops on the spot,
and each point still sits under its own card and names it on hover."""

from __future__ import annotations

import itertools

from PySide6.QtCore import QPointF

from cxmapper.ui.canvas.items.emotion_curve import MARGIN, EmotionCurveItem
from tests.ui.rigs import Canvas


def test_three_scored_cards_in_one_column_give_a_forward_curve(canvas: Canvas) -> None:
    s, ids, ws = canvas.scene, canvas.ids, canvas.ws
    app = ws.add_lane(ids["journey"], "App", "channel")
    extra = ws.add_touchpoint(ids["buy"], app.id, "App checkout", emotion=1)
    ws.update("touchpoint", ids["cart"], emotion=2)  # Buy, Web
    ws.update("touchpoint", ids["slow"], emotion=-2)  # Buy, Pain points
    ws.add_lane(ids["journey"], "Feelings", "emotions")
    canvas.qtbot.waitUntil(lambda: len(s.emotion_items) == 1)  # type: ignore[attr-defined]
    curve: EmotionCurveItem = next(iter(s.emotion_items.values()))
    canvas.qtbot.waitUntil(lambda: len(curve.points) == 4)  # type: ignore[attr-defined]
    s.flush()
    buy = [ids["cart"], ids["slow"], extra.id]
    # the three Buy cards share one column: same centre x
    assert len({s.card_rect(t).center().x() for t in buy}) == 1
    order = [p.tp_id for p in curve.points]
    assert order == [ids["search"], *buy]  # Discover first, then Buy in lane order
    pos = [curve.mapToScene(curve.point_pos(i)) for i in range(4)]
    xs = [p.x() for p in pos]
    assert xs == sorted(xs) and len(set(xs)) == 4  # strictly left to right
    for tp_id, p in zip(order, pos, strict=True):  # each point under its own card
        rect = s.card_rect(tp_id)
        assert rect.left() < p.x() < rect.right()
    # y by hand: +2 at the top margin, −2 at the bottom margin, +1 halfway from centre to top
    h = curve.boundingRect().height()
    ys = [curve.point_pos(i).y() for i in range(4)]
    assert ys == [h / 2 + (h / 2 - MARGIN) / 2, MARGIN, h - MARGIN, h / 2 - (h / 2 - MARGIN) / 2]
    # the painted curve never goes back: x along the path is non-decreasing
    path = curve.curve_path()
    sampled = [path.pointAtPercent(i / 400).x() for i in range(401)]
    assert all(b >= a - 1e-6 for a, b in itertools.pairwise(sampled))
    # each point is labelled with its own card on hover
    assert curve.label_at(curve.point_pos(2)) == "Slow checkout: −2"
    assert curve.label_at(curve.point_pos(3) + QPointF(0, 1)) == "App checkout: +1"
