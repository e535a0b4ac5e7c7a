"""One governance rule: governed cards need exactly one Accountable; thoughts are exempt."""

from __future__ import annotations

from cxmapper.model.governance import governed, raci_warnings
from cxmapper.model.workspace import Workspace


def test_warnings_cover_governed_cards_only(memory_ws: Workspace) -> None:
    ws = memory_ws
    j = ws.add_journey("J")
    stage = ws.add_stage(j.id, "S")
    web = ws.add_lane(j.id, "Web", "channel")
    thoughts = ws.add_lane(j.id, "Thoughts", "thoughts")
    pains = ws.add_lane(j.id, "Pains", "pain points")
    a, b = ws.add_party("A"), ws.add_party("B")
    none = ws.add_touchpoint(stage.id, web.id, "Checkout")
    two = ws.add_touchpoint(stage.id, pains.id, "Slow page")
    ok = ws.add_touchpoint(stage.id, web.id, "Home")
    doubt = ws.add_touchpoint(stage.id, thoughts.id, "Is this safe?")
    ws.assign(two.id, a.id, "A")
    ws.assign(two.id, b.id, "A")
    ws.assign(ok.id, a.id, "A")
    tps, lanes = ws.touchpoints(j.id), ws.lanes(j.id)
    assert [t.title for t in governed(tps, lanes)] == ["Checkout", "Home", "Slow page"]
    messages = [w.message for w in raci_warnings(tps, ws.raci(), lanes)]
    assert messages == [
        "Checkout: no Accountable",
        "Slow page: 2 Accountables (there must be exactly one)",
    ]
    assert doubt.id not in {w.touchpoint_id for w in raci_warnings(tps, ws.raci(), lanes)}
    assert none.id in {
        w.touchpoint_id for w in raci_warnings(tps, ws.raci())
    }  # no lanes: all cards
