"""Dashed unexpected paths keep off the card titles: on the demo with every unexpected path
drawn, no path's stroke touches any card's title area (they run in the gaps and gutters)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QRectF

from cxmapper.analysis.tasks import AnalysisRequest, import_events, run_analysis
from cxmapper.model.demo import write_demo
from cxmapper.model.workspace import Workspace
from cxmapper.present.overlay import build_overlay
from cxmapper.ui.canvas.items.gutter_route import gutter_points
from cxmapper.ui.render.image import _Rendered


def test_no_dashed_path_crosses_a_card_title_on_the_demo(qapp, tmp_path: Path) -> None:
    path = tmp_path / "demo.cxmap"
    log = write_demo(path)
    with Workspace.open(path) as ws:
        journey_id = ws.find_journey("Online purchase").id
        dataset = import_events(str(log)).add_to(ws)
    result = run_analysis(AnalysisRequest(str(path), journey_id, dataset.id))
    overlay = replace(build_overlay(result, "friction"), all_unexpected=True)
    assert len(overlay.unexpected) >= 5  # enough paths to have crossed titles before
    with Workspace.open(path) as ws:
        r = _Rendered(ws, journey_id, overlay)
        try:
            paths = r.scene.overlay.paths
            assert len(paths) == len(overlay.unexpected)
            titles = {tp_id: card.title_area()[0] for tp_id, card in r.scene.cards.items()}
            crossings = [
                (p.toolTip().split("<br>")[0], tp_id)
                for p in paths
                for tp_id, title in titles.items()
                if p.mapToScene(p.shape()).intersects(title)
            ]
            assert crossings == []
        finally:
            r.close()


def test_a_route_runs_in_the_gap_below_and_the_gutter_beside_the_cards() -> None:
    # two cards 84 high: source in column 1 (x 170..370), target one column right, one lane down
    src, dst = QRectF(170, 56, 200, 84), QRectF(390, 256, 200, 84)
    pts = [(p.x(), p.y()) for p in gutter_points(src, dst)]
    # bottom centre of the source, the gap below it (gap 8: +4), the gutter left of the
    # target's column (cell pad 10), down to 22 above the target's bottom, into its left side
    assert pts == [(270, 140), (270, 144), (380, 144), (380, 318), (390, 318)]
