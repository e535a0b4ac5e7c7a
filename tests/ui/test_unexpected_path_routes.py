"""Dashed unexpected paths keep off the card titles: on the demo with every unexpected path
drawn, no path's stroke touches any card's title area (they run in the gaps and gutters), nor
any card's number badge (which sticks out into the gap above the card: paths are cut around it)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPainter

from cxmapper.analysis.tasks import AnalysisRequest, import_events, run_analysis
from cxmapper.model.demo import write_demo
from cxmapper.model.workspace import Workspace
from cxmapper.present.overlay import build_overlay
from cxmapper.ui.canvas.items.gutter_route import gutter_points
from cxmapper.ui.render.image import _Rendered

# one worker runs the whole module, so its module-scoped fixtures are built once, not once
# per worker that gets one of its tests (issue 18)
pytestmark = pytest.mark.xdist_group("ui/test_unexpected_path_routes")


@pytest.fixture(scope="module")
def analysed_demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, object]:
    """The demo with its log analysed: (workspace, journey id, friction overlay with every
    unexpected path)."""
    path = tmp_path_factory.mktemp("routes") / "demo.cxmap"
    log = write_demo(path)
    with Workspace.open(path) as ws:
        journey_id = ws.find_journey("Online purchase").id
        dataset = import_events(str(log)).add_to(ws)
    result = run_analysis(AnalysisRequest(str(path), journey_id, dataset.id))
    overlay = replace(build_overlay(result, "friction"), all_unexpected=True)
    assert len(overlay.unexpected) >= 5  # enough paths to have crossed titles before
    return path, journey_id, overlay


def test_no_dashed_path_crosses_a_card_title_on_the_demo(qapp, analysed_demo) -> None:
    path, journey_id, overlay = analysed_demo
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


def _picture(r: _Rendered, rect: QRectF) -> QImage:
    image = QImage(round(rect.width() * 4), round(rect.height() * 4), QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    r.scene.render(painter, QRectF(image.rect()), rect)
    painter.end()
    return image


def test_no_dashed_path_is_drawn_over_a_number_badge_on_the_demo(qapp, analysed_demo) -> None:
    """Each card's number badge (the friction score above its top right corner) looks the
    same with the dashed paths drawn as without them: no dash strikes a figure through."""
    path, journey_id, overlay = analysed_demo
    with Workspace.open(path) as ws:
        r = _Rendered(ws, journey_id, overlay)
        try:
            badges = {
                card._content.title: card.mapRectToScene(rect)
                for card in r.scene.cards.values()
                if (rect := card.overlay_badge_rect()) is not None
            }
            assert len(badges) >= 10
            with_paths = {t: _picture(r, rect) for t, rect in badges.items()}
            assert len(r.scene.overlay.paths) == len(overlay.unexpected)
            for p in r.scene.overlay.paths:
                p.setVisible(False)
            struck = [t for t, rect in badges.items() if _picture(r, rect) != with_paths[t]]
            # before: 'Product page', 'Add to cart', 'Reviews', 'Order confirmed', ...
            assert struck == []
        finally:
            r.close()


def test_a_route_runs_in_the_gap_below_and_the_gutter_beside_the_cards() -> None:
    # two cards 84 high: source in column 1 (x 170..370), target one column right, one lane down
    src, dst = QRectF(170, 56, 200, 84), QRectF(390, 256, 200, 84)
    pts = [(p.x(), p.y()) for p in gutter_points(src, dst)]
    # bottom centre of the source, the gap below it (gap 8: +4), the gutter left of the
    # target's column (cell pad 10), down to 22 above the target's bottom, into its left side
    assert pts == [(270, 140), (270, 144), (380, 144), (380, 318), (390, 318)]
