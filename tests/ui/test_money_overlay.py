"""The Money overlay and the channel arcs on the demo: the card that loses the most money is the
darkest and reads the value in the locale's money format; the legend carries the journey total;
arcs between the channel lanes are as wide as their hops are many."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from cxmapper.analysis.tasks import AnalysisRequest, import_events, run_analysis
from cxmapper.model.demo import write_demo
from cxmapper.model.workspace import Workspace
from cxmapper.present import heat
from cxmapper.present.language import current_language
from cxmapper.present.money import format_money
from cxmapper.ui.canvas.items.channel_arcs import MAX_W, MIN_W
from cxmapper.ui.main_window import MainWindow
from cxmapper.ui.render.image import _Rendered
from tests.ui.rigs import make_window, settle

# one worker runs the whole module, so its module-scoped fixtures are built once, not once
# per worker that gets one of its tests (issue 18)
pytestmark = pytest.mark.xdist_group("ui/test_money_overlay")

JOURNEY = "Online purchase"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("demo_money")
    path = folder / "demo.cxmap"
    log = write_demo(path)
    with Workspace.open(path) as ws:
        journey_id = ws.find_journey(JOURNEY).id
        dataset = import_events(str(log)).add_to(ws)
    result = run_analysis(AnalysisRequest(str(path), journey_id, dataset.id))
    return {"path": path, "journey": journey_id, "result": result}


def open_with(qtbot: QtBot, demo: dict[str, Any], tmp_path: Path, key: str) -> MainWindow:
    path = tmp_path / "demo.cxmap"
    shutil.copy(demo["path"], path)
    window = make_window(qtbot)
    window.resize(1366, 768)
    assert window.open_path(path)
    window.show_journey(demo["journey"])
    dock = window.analysis_dock
    dock.present()
    dock.ensure_panel().show_result(demo["result"])
    dock.overlay_actions[key].trigger()
    settle(window)
    return window


def test_the_card_losing_most_is_darkest_and_reads_its_money(
    qtbot: QtBot, demo: dict[str, Any], tmp_path: Path, errors: list[str]
) -> None:
    window = open_with(qtbot, demo, tmp_path, "money")
    money = demo["result"].report.money
    assert money is not None and money.currency == "EUR"  # the demo's value model
    reach = demo["result"].report.touchpoints["reach"]
    at_risk = {
        str(tp): float(v)
        for tp, v in money.cards["value_at_risk"].items()
        if reach.get(tp, 0) > 0 and str(tp) in window.scene.cards
    }
    worst = max(at_risk, key=at_risk.__getitem__)
    assert at_risk[worst] > 0
    card = window.scene.cards[worst]
    tinted = {tp: window.scene.cards[tp]._heat for tp in at_risk}
    assert all(c is not None for c in tinted.values())
    lum = {tp: heat.luminance((c.red(), c.green(), c.blue())) for tp, c in tinted.items()}  # type: ignore[union-attr]
    assert lum[worst] == min(lum.values())  # the strongest tint
    assert card._heat.name() == "#" + heat.heat_hex(1.0).lower()  # type: ignore[union-attr]
    assert card._overlay_label == format_money(at_risk[worst], "EUR", current_language())
    legend = window.scene.overlay.legend
    assert legend is not None
    total = format_money(float(money.journey["value_at_risk"]), "EUR", current_language())
    assert total in legend.text
    lang = current_language()
    assert legend.scale_ends == (
        f"palest = least at risk ({format_money(min(at_risk.values()), 'EUR', lang)})",
        f"darkest = most at risk ({format_money(at_risk[worst], 'EUR', lang)})",
    )
    assert sum(at_risk.values()) == pytest.approx(money.journey["value_at_risk"], abs=0.01)
    assert errors == []


def test_channel_arcs_are_as_wide_as_their_hops_are_many(
    qtbot: QtBot, demo: dict[str, Any], tmp_path: Path, errors: list[str]
) -> None:
    window = open_with(qtbot, demo, tmp_path, "friction")  # arcs come with every overlay
    arcs = window.scene.overlay.arcs.items
    assert len(arcs) >= 3  # web/app -> chat, chat -> phone, and back
    pairs = {(a.source, a.target) for a in arcs}
    assert ("web", "chat") in pairs and ("chat", "call centre") in pairs
    by_hops = sorted(arcs, key=lambda a: a.hops)
    widths = [a.width for a in by_hops]
    assert widths == sorted(widths) and len(set(widths)) > 1
    assert by_hops[-1].width == pytest.approx(MAX_W)
    assert all(MIN_W <= w <= MAX_W for w in widths)
    assert all(a.pen().widthF() == pytest.approx(a.width) for a in arcs)
    grid = window.scene.grid
    assert grid is not None
    assert all(a.sceneBoundingRect().left() >= grid.width for a in arcs)  # beside the grid
    assert window.scene.content_rect().right() >= max(a.sceneBoundingRect().right() for a in arcs)
    _, shown = window.analysis_dock.current_analysis()  # a picture exported from the window
    picture = _Rendered(window.workspace, demo["journey"], shown)  # type: ignore[arg-type]
    assert sorted(a.hops for a in picture.scene.overlay.arcs.items) == sorted(a.hops for a in arcs)
    assert picture.scene.content_rect().right() > picture.scene.grid.width + 20  # type: ignore[union-attr]
    picture.close()
    window.analysis_dock.overlay_actions["none"].trigger()
    assert window.scene.overlay.arcs.items == []  # they go with the overlay
    assert errors == []


def test_money_on_cards_follows_the_language(demo: dict[str, Any]) -> None:
    from cxmapper.ui.overlay.money_overlay import build_money_overlay

    money = demo["result"].report.money
    worst = str(money.cards["value_at_risk"].idxmax())
    value = float(money.cards.at[worst, "value_at_risk"])
    italian = build_money_overlay(demo["result"], "it").cards[worst].label
    english = build_money_overlay(demo["result"], "en").cards[worst].label
    assert italian == format_money(value, "EUR", "it") and italian.startswith("€ ")
    assert english == format_money(value, "EUR", "en") and english.startswith("€1")
    assert italian.endswith(",00") and english.endswith(".00")
