"""A topic or driver becomes an action in one step, owned by the card's Responsible."""

from __future__ import annotations

from cxmapper.model.follow_up import add_follow_up, open_follow_ups
from cxmapper.model.workspace import Workspace


def test_follow_up_owner_evidence_and_filter(memory_ws: Workspace) -> None:
    j = memory_ws.add_journey("Buy")
    stage, lane = memory_ws.add_stage(j.id, "Pay"), memory_ws.add_lane(j.id, "Web")
    ann, bob = memory_ws.add_party("Ann"), memory_ws.add_party("Bob")
    tp = memory_ws.add_touchpoint(stage.id, lane.id, "Payment", owner_id=bob.id)
    other = memory_ws.add_touchpoint(stage.id, lane.id, "Cart", owner_id=bob.id)
    memory_ws.assign(tp.id, ann.id, "R")
    a = add_follow_up(
        memory_ws,
        tp.id,
        "Fix retries",
        figures=["NPS -41 (n=225) when payment is retried"],
        verbatims=["Pagamento rifiutato due volte"],
        due_date="2026-06-30",
    )
    assert a.owner_id == ann.id  # the Responsible, not the card owner
    assert "NPS -41" in a.description and '"Pagamento rifiutato due volte"' in a.description
    b = add_follow_up(memory_ws, other.id, "Cart copy", due_date="2026-05-01")
    assert b.owner_id == bob.id  # no Responsible: the card owner
    assert [x.id for x in open_follow_ups(memory_ws)] == [b.id, a.id]
    assert [x.id for x in open_follow_ups(memory_ws, ann.id)] == [a.id]
    memory_ws.update("action", a.id, status="done")
    assert open_follow_ups(memory_ws, ann.id) == []
