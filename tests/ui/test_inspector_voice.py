"""The Voice tab of the touchpoint inspector: the card's NPS / CSAT with n and interval, greyed
below 30 answers, and its verbatims as stored (masked at import), newest first."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from cxmapper.cli import main
from cxmapper.model.workspace import Workspace
from cxmapper.ui.inspector import InspectorContext, InspectorPanel
from cxmapper.ui.inspector.touchpoint_voice import GREY, TouchpointVoice
from cxmapper.ui.undo_stack import GuardedUndoStack

EVENTS = "case_id,event,timestamp\nc1,cart,2026-03-01T10:00:00Z\nc1,pay,2026-03-01T10:05:00Z\n"
# Payment: NPS 10, 9, 7, 3 -> 2 promoters, 1 detractor of 4 -> +25; the variance of the +1/0/-1
# scores is 0.75 - 0.0625 = 0.6875, se = sqrt(0.6875 / 4) = 0.4146, 1.96 x se = 0.8126, so the
# interval is 25 - 81 = -56 to 25 + 81 clipped to +100. CSAT 5, 4, 2, 4: 3 of 4 are 4-5 = 75 %,
# mean 15 / 4 = 3.75.
SURVEY = """case_id,date,nps,csat,comment,touchpoint
c1,2026-03-02T10:00:00Z,10,5,fast and easy,Payment
c2,2026-03-04T10:00:00Z,9,4,,Payment
c3,2026-03-03T10:00:00Z,7,2,write to me at ann@example.com,Payment
c4,2026-03-05T10:00:00Z,3,4,card refused twice,Payment
"""


@pytest.fixture
def ids(tmp_path: Path) -> dict[str, str]:
    path = tmp_path / "w.cxmap"
    with Workspace.create(path) as ws:
        j = ws.add_journey("Buy")
        stage, lane = ws.add_stage(j.id, "Pay"), ws.add_lane(j.id, "Web")
        cart = ws.add_touchpoint(stage.id, lane.id, "Cart", match_events=["cart"])
        pay = ws.add_touchpoint(stage.id, lane.id, "Payment", match_events=["pay"])
    (tmp_path / "e.csv").write_text(EVENTS)
    (tmp_path / "s.csv").write_text(SURVEY)
    assert main(["import", str(path), str(tmp_path / "e.csv"), "--journey", "Buy"]) == 0
    assert main(["import-survey", str(path), str(tmp_path / "s.csv"), "--journey", "Buy"]) == 0
    return {"path": str(path), "cart": cart.id, "pay": pay.id}


@pytest.fixture
def panel(qtbot: QtBot, ids: dict[str, str]) -> Iterator[tuple[InspectorPanel, Workspace]]:
    ws = Workspace.open(Path(ids["path"]))
    panel = InspectorPanel()
    qtbot.addWidget(panel)
    panel.resize(460, 800)
    panel.show()
    panel.set_context(InspectorContext(ws, GuardedUndoStack(), lambda _: None))
    yield panel, ws
    panel.set_context(None)
    ws.close()


def voice_of(panel: InspectorPanel, tp_id: str) -> TouchpointVoice:
    panel.show_entity("touchpoint", tp_id)
    page = panel.touchpoint_page.show_tab("voice")
    panel.flush()
    assert isinstance(page, TouchpointVoice)
    return page


def test_scores_with_n_and_interval_greyed_below_30(panel, ids) -> None:  # type: ignore[no-untyped-def]
    p, _ = panel
    page = voice_of(p, ids["pay"])
    nps, csat = page.figure_labels["nps"], page.figure_labels["csat"]
    assert nps.text() == "<b>NPS</b> +25 (95 % interval -56 to +100), n=4"
    assert csat.text() == "<b>CSAT</b> 75 % satisfied (4–5), mean 3.75, n=4"
    assert "ces" not in page.figure_labels
    assert nps.styleSheet() == GREY and "indicative" in page.note.text()


def test_verbatims_newest_first_and_masked(panel, ids) -> None:  # type: ignore[no-untyped-def]
    p, _ = panel
    page = voice_of(p, ids["pay"])
    texts = [page.list.item(i).text() for i in range(page.list.count())]
    assert [t.split("\n")[0] for t in texts] == ["2026-03-05 · 3", "2026-03-03 · 7", "2026-03-02 · 10"]  # fmt: skip
    assert texts[0].endswith("card refused twice")
    assert "ann@example.com" not in texts[1] and texts[1].startswith(
        "2026-03-03 · 7\nwrite to me at"
    )
    assert page.said.text() == "What customers said (3 of 3)"


def test_a_card_without_answers_says_so(panel, ids) -> None:  # type: ignore[no-untyped-def]
    p, _ = panel
    page = voice_of(p, ids["cart"])
    assert page.figure_labels == {} and page.list.count() == 0
    assert page.note.text() == "no survey responses linked to this card"
    assert p.touchpoint_page.tabs.tabText(5) == "Voice"
