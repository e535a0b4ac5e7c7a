"""Topics across the journey (the Topics view's first level): every comment of the journey,
on a card or not, counted by the cards' matcher; checked against a hand count."""

from __future__ import annotations

from pathlib import Path

from cxmapper.cli import main
from cxmapper.feedback.journey_topics import journey_topics
from cxmapper.feedback.report import feedback_report
from cxmapper.feedback.topics import load_topics
from cxmapper.model.workspace import Workspace

EVENTS = "case_id,event,timestamp\nc1,pay,2026-03-01T10:00:00Z\n"
# two payment comments on the card (NPS 2, 3: negative), one on delivery (9), and a payment
# comment (NPS 8: not negative) about a card the journey does not have: on no card
SURVEY = """case_id,date,nps,comment,touchpoint
c1,2026-03-02,2,card declined twice,Payment
c2,2026-03-03,3,my card was charged twice,Payment
c3,2026-03-04,9,delivery was quick,Payment
c4,2026-03-05,8,payment accepted at last,Kiosk
c5,2026-03-06,10,,Payment
"""


def test_every_comment_of_the_journey_counts_once_per_topic(tmp_path: Path) -> None:
    path = tmp_path / "w.cxmap"
    with Workspace.create(path) as ws:
        j = ws.add_journey("Buy")
        ws.add_touchpoint(ws.add_stage(j.id, "Pay").id, ws.add_lane(j.id, "Web").id,
                          "Payment", match_events=["pay"])  # fmt: skip
    (tmp_path / "e.csv").write_text(EVENTS)
    (tmp_path / "s.csv").write_text(SURVEY)
    assert main(["import", str(path), str(tmp_path / "e.csv"), "--journey", "Buy"]) == 0
    assert main(["import-survey", str(path), str(tmp_path / "s.csv"), "--journey", "Buy"]) == 0
    with Workspace.open(path) as ws:
        report = feedback_report(ws, ws.find_journey("Buy").id)
        found = {t.topic: t for t in journey_topics(report, load_topics(ws))}
        [card] = report.topics.values()
    assert {t.topic: t.count for t in card} == {"payment": 2, "delivery": 1}
    assert set(found) == {"payment", "delivery"}
    assert (found["payment"].count, found["payment"].negative_share) == (3, 2 / 3)
    assert (found["delivery"].count, found["delivery"].negative_share) == (1, 0.0)
    assert found["payment"].examples[:2] == ["card declined twice", "my card was charged twice"]
