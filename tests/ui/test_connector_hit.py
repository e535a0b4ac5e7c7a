"""A connector's click target is the band along its line, yet re-routing it strokes nothing.

Qt derives a path item's bounding rect from shape(); when shape() stroked the curve, every
re-routed arrow paid for a stroke in the first frame after a lane grew (issue 18).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtWidgets import QGraphicsScene
from pytestqt.qtbot import QtBot

from cxmapper.ui.canvas.items.connector import HIT_WIDTH, ConnectorItem, curve_point

SRC = (0.0, 0.0, 200.0, 84.0)
DST = (400.0, 300.0, 200.0, 84.0)
INSIDE_BEND = QPointF(250.0, 100.0)  # within the arrow's box, far from its line


def _routed(qtbot: QtBot) -> tuple[QGraphicsScene, ConnectorItem]:
    scene = QGraphicsScene()
    item = ConnectorItem("c", "a", "b")
    scene.addItem(item)
    item.set_route(SRC, DST)
    return scene, item


def test_rerouting_and_indexing_an_arrow_builds_no_stroke(qtbot: QtBot) -> None:
    scene, item = _routed(qtbot)
    scene.items(QRectF(-1000, -1000, 1, 1))  # the index files the item by its bounding rect
    item.set_route(SRC, (400.0, 400.0, 200.0, 84.0))
    bounds = item.boundingRect()
    assert item._hit is None
    pad = HIT_WIDTH / 2
    assert bounds == item.path().controlPointRect().adjusted(-pad, -pad, pad, pad)


def test_bounds_hold_a_wide_pen(qtbot: QtBot) -> None:
    _, item = _routed(qtbot)
    item.set_width_factor(5.0)
    item.set_selected(True)  # a 10 px pen
    drawn = item.path().controlPointRect().adjusted(-6, -6, 6, 6)
    assert item.boundingRect().contains(drawn)


def test_clicks_and_areas_hit_the_line_not_the_bend(qtbot: QtBot) -> None:
    scene, item = _routed(qtbot)
    on_line = curve_point(item.path(), 0.5)
    assert item.boundingRect().contains(INSIDE_BEND)
    assert item in scene.items(on_line)
    assert item in scene.items(on_line + QPointF(0, HIT_WIDTH / 2 - 1))
    assert item not in scene.items(INSIDE_BEND)
    assert item in scene.items(QRectF(on_line, on_line + QPointF(2, 2)))
    assert item not in scene.items(QRectF(INSIDE_BEND, INSIDE_BEND + QPointF(2, 2)))
