"""From the demo: every front-stage card of the online purchase (the cards in channel lanes)
has at least 30 NPS answers in the feedback report, so the feedback overlay shows NPS on each;
the payment step's answers come from its own touchpoint column, in English and in Italian."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from cxmapper.feedback.report import feedback_report
from cxmapper.model.demo import survey_path_for
from cxmapper.model.workspace import Workspace
from tests.demo_with_data import write_demo_with_data

CHANNEL = "channel"


@pytest.mark.parametrize("lang", ["en", "it"])
def test_every_front_stage_card_has_30_nps_answers(tmp_path: Path, lang: str) -> None:
    path = write_demo_with_data(tmp_path / "demo.cxmap", lang=lang)
    with Workspace.open(path) as ws:
        (journey,) = [j for j in ws.journeys() if _is_purchase(ws, j.id)]
        report = feedback_report(ws, journey.id)
        front = {lane.id for lane in ws.lanes(journey.id) if lane.kind == CHANNEL}
        cards = [t for t in ws.touchpoints(journey.id) if t.lane_id in front]
        assert len(cards) >= 25
        short: dict[str, int] = {}
        for t in cards:
            f = report.per_touchpoint.get(t.id)
            n = 0 if f is None else f.nps_n
            if n < 30 or f is None or f.nps is None:
                short[t.title] = n
        assert short == {}
    with survey_path_for(path).open(encoding="utf-8") as file:
        payment = [r for r in csv.DictReader(file) if r["touchpoint"] == "checkout_payment"]
    assert len(payment) >= 30 and {r["lang"] for r in payment} <= {"it", "en"}


def _is_purchase(ws: Workspace, journey_id: str) -> bool:
    return any("checkout_payment" in t.match_events for t in ws.touchpoints(journey_id))
