"""Channel badges on the map: with the Money overlay, a card with channel figures shows its
escalation rate to an assisted channel and, with an FCR KPI, its derived FCR against the target
with the KPI status mark; the figures are analysis.channel_cards' for that card; a card without
figures has no badge; another overlay shows none; the exported picture's scene has them."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from cxmapper.analysis.tasks import AnalysisRequest, run_analysis
from cxmapper.cli import main
from cxmapper.model.value_models import set_value_model
from cxmapper.model.workspace import Workspace
from cxmapper.ui.canvas.items.channel_badge import channel_badge_of
from cxmapper.ui.main_window import MainWindow
from cxmapper.ui.overlay.money_overlay import build_money_overlay
from cxmapper.ui.overlay.money_parts import channel_cards
from cxmapper.ui.render.image import _Rendered
from tests.ui.rigs import make_window, settle

# one worker runs the whole module, so its module-scoped fixtures are built once, not once
# per worker that gets one of its tests (issue 18)
pytestmark = pytest.mark.xdist_group("ui/test_channel_badges")


def events() -> str:
    """10 cases browse on the web (c9 a month later, so every call's 7-day window is seen);
    c0, c1, c2 then phone: 3 escalations of 10 digital events = 30 %. c0 phones again two days
    later: of the 4 calls, c0's first is not resolved, 3 are: FCR 3 / 4 = 75 %."""
    rows = ["case_id,event,timestamp,channel"]
    for c in range(9):
        rows.append(f"c{c},browse,2026-03-01T{10 + c:02d}:00:00Z,web")
    for c in range(3):
        rows.append(f"c{c},call,2026-03-01T{10 + c:02d}:10:00Z,phone")
    rows.append("c0,call,2026-03-03T10:00:00Z,phone")
    rows.append("c5,read,2026-03-01T15:05:00Z,web")  # digital, never escalated: no badge
    rows.append("c9,browse,2026-03-31T10:00:00Z,web")
    return "\n".join(rows) + "\n"


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("channel_badges")
    path = folder / "w.cxmap"
    with Workspace.create(path) as ws:
        j = ws.add_journey("Buy")
        stage = ws.add_stage(j.id, "Buy")
        web = ws.add_lane(j.id, "Web", "channel")
        phone = ws.add_lane(j.id, "Call centre", "channel")
        browse = ws.add_touchpoint(stage.id, web.id, "Browse", match_events=["browse"])
        call = ws.add_touchpoint(stage.id, phone.id, "Call", match_events=["call"])
        quiet = ws.add_touchpoint(stage.id, web.id, "Quiet", match_events=["quiet"])
        ws.add_touchpoint(stage.id, web.id, "Read", match_events=["read"])
        kpi = ws.add_kpi("FCR", unit="%", target=80.0, tolerance=5.0, kind="fcr")
        ws.add_reading(call.id, kpi.id, 70.0, "2026-03-01")
        set_value_model(
            ws, j.id, {"value_per_conversion": 10.0, "currency": "EUR",
                       "contact_costs": {"call centre": 5.0}},
        )  # fmt: skip
    (folder / "e.csv").write_text(events())
    assert main(["import", str(path), str(folder / "e.csv"), "--journey", "Buy"]) == 0
    with Workspace.open(path) as ws:
        dataset = ws.datasets()[0]
    result = run_analysis(AnalysisRequest(str(path), j.id, dataset.id))
    ids = {"browse": browse.id, "call": call.id, "quiet": quiet.id}
    return {"path": path, "journey": j.id, "result": result, "ids": ids}


def test_the_figures_are_the_hand_computed_ones(made: dict[str, Any]) -> None:
    cards = made["result"].report.channels.cards
    browse, call = cards.loc[made["ids"]["browse"]], cards.loc[made["ids"]["call"]]
    assert (browse["digital_events"], browse["escalations"]) == (10, 3)
    assert browse["escalation_rate"] == pytest.approx(0.3)
    assert (call["fcr_observed"], call["fcr_resolved"], call["fcr"]) == (4, 3, 0.75)
    assert (call["fcr_target"], call["fcr_status"]) == (80.0, "amber")  # 5 points off, tolerance 5
    # "Read" has a digital event and no escalation: "↗ 0% to assisted" on every such card hid
    # the few that matter, so it has no badge
    assert set(channel_cards(made["result"])) == {made["ids"]["browse"], made["ids"]["call"]}


def shown(qtbot: QtBot, made: dict[str, Any], tmp_path: Path, key: str) -> MainWindow:
    path = tmp_path / "w.cxmap"
    shutil.copy(made["path"], path)
    window = make_window(qtbot)
    window.resize(1366, 768)
    assert window.open_path(path)
    window.show_journey(made["journey"])
    dock = window.analysis_dock
    dock.present()
    dock.ensure_panel().show_result(made["result"])
    dock.overlay_actions[key].trigger()
    settle(window)
    return window


def badges(window: MainWindow) -> dict[str, tuple[str, str]]:
    out = {}
    assert window.scene is not None
    for tp_id, card in window.scene.cards.items():
        badge = channel_badge_of(card)
        if badge is not None and badge.isVisible():
            out[tp_id] = (badge.text, badge.status)
    return out


def test_money_overlay_badges_escalation_and_fcr(
    qtbot: QtBot, made: dict[str, Any], tmp_path: Path, errors: list[str]
) -> None:
    window = shown(qtbot, made, tmp_path, "money")
    ids = made["ids"]
    assert badges(window) == {
        ids["browse"]: ("↗ 30% to assisted", "none"),
        ids["call"]: ("FCR 75% / target 80% !", "amber"),  # the mark says it, not only colour
    }
    assert window.scene is not None
    card = window.scene.cards[ids["call"]]
    badge = channel_badge_of(card)
    assert badge is not None and "3 of 4 contacts" in badge.toolTip()
    # inside the card, right of the owner row: clear of the feedback badge and the overlay's
    w, h = card.size
    box = badge.mapRectToParent(badge.boundingRect())
    assert box.left() >= 0 and box.right() <= w and box.top() > 30 and box.bottom() < h - 21
    overlay_badge = card.overlay_badge_rect()
    assert overlay_badge is not None and not overlay_badge.intersects(box)
    window.analysis_dock.overlay_actions["friction"].trigger()
    settle(window)
    assert badges(window) == {}
    assert errors == []


def test_the_exported_picture_has_the_badges(made: dict[str, Any]) -> None:
    overlay = build_money_overlay(made["result"])
    overlay.channel_cards = channel_cards(made["result"])
    with Workspace.open(made["path"], read_only=True) as ws:
        rendered = _Rendered(ws, made["journey"], overlay)
        try:
            found = {k: channel_badge_of(c) for k, c in rendered.scene.cards.items()}
            texts = {k: b.text for k, b in found.items() if b is not None}
            assert texts == {
                made["ids"]["browse"]: "↗ 30% to assisted",
                made["ids"]["call"]: "FCR 75% / target 80% !",
            }
            box = rendered.content
            for b in found.values():
                if b is not None:
                    assert box.contains(b.sceneBoundingRect())
        finally:
            rendered.close()
