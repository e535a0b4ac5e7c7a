"""The Impact × effort matrix in the narrow dock beside the map (1366×768): the plot takes the
view's width and every action's label stays inside the visible plot, left of its dot when the
dot is near the right edge. The gallery showed "Add Apple P" cut at the dock's edge."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QApplication, QGraphicsSimpleTextItem
from pytestqt.qtbot import QtBot

from cxmapper.model.demo import write_demo
from cxmapper.ui.main_window import MainWindow
from cxmapper.ui.overlay.views.impact_matrix import ImpactMatrixView


def test_every_action_label_lies_inside_the_visible_plot(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    path = tmp_path / "demo.cxmap"
    write_demo(path)
    window.resize(1366, 768)
    assert window.open_path(path)
    ws, journey = window.workspace, window.journey_id
    assert ws is not None and journey is not None
    cards = ws.touchpoints(journey)
    for effort in (4, 5):  # the right edge, with titles longer than a label shows
        ws.add_action(cards[effort].id, f"Rebuild the whole checkout flow {effort}",
                      impact=5 - effort % 2, effort=effort)  # fmt: skip
    window.analysis_dock.show_action.trigger()
    qtbot.waitUntil(lambda: not window.analysis_dock.visibleRegion().isEmpty())
    panel: Any = window.analysis_dock.ensure_panel()
    view = panel.findChild(ImpactMatrixView)
    assert view is not None
    panel.tabs.setCurrentWidget(view)
    view.set_source(ws, journey, window.undo_stack, None, 0.0)
    for _ in range(4):
        QApplication.processEvents()
    canvas = view.canvas
    assert 300 <= window.analysis_dock.width() <= 420  # the narrow side column of this size
    assert canvas.horizontalScrollBar().maximum() == 0  # nothing to scroll sideways to
    visible = canvas.mapToScene(canvas.viewport().rect()).boundingRect()
    plot = view.plot
    labels = [i for i in canvas.scene().items() if isinstance(i, QGraphicsSimpleTextItem)]
    shown = [i for i in labels if i.data(0)]  # the actions' labels, not the axes' ticks
    assert sorted(i.data(0) for i in shown) == sorted(view.dots) and len(shown) >= 4
    efforts = {d.impact.effort for d in view.dots.values()}
    assert 5 in efforts  # a dot at the right edge
    for label in shown:
        rect = label.sceneBoundingRect()
        assert visible.contains(rect), f"{label.text()!r} {rect} outside {visible}"
        assert QRectF(plot).adjusted(-1, -1, 1, 1).contains(rect), (
            f"{label.text()!r} leaves the plot"
        )
        assert len(label.text()) >= 8  # readable, not elided to nothing
