"""The one find rule (cxmapper/model/find.py), and that the canvas and the find bar share it."""

from __future__ import annotations

import pytest

from cxmapper.model.find import DEFAULT_FIELDS, FIELDS, find_touchpoints
from cxmapper.model.workspace import Workspace


@pytest.fixture
def cards(memory_ws: Workspace) -> tuple[Workspace, str, dict[str, str]]:
    ws = memory_ws
    j = ws.add_journey("Moving house")
    stage = ws.add_stage(j.id, "Plan")
    lane = ws.add_lane(j.id, "Web", "channel")
    olga = ws.add_party("Olga Öztürk")
    street = ws.add_touchpoint(stage.id, lane.id, "Enter new Straße", channel="web")
    mail = ws.add_touchpoint(
        stage.id, lane.id, "Letter", channel="mail", owner_id=olga.id, tags=["Paper"],
        description="Sent when the STRASSE changes",
    )  # fmt: skip
    return ws, j.id, {"street": street.id, "mail": mail.id}


def find(ws: Workspace, journey_id: str, query: str, fields=DEFAULT_FIELDS) -> list[str]:
    owners = {p.id: p.name for p in ws.parties()}
    return find_touchpoints(query, ws.touchpoints(journey_id), owners, fields)


def test_case_is_folded_not_just_lowered(cards) -> None:
    ws, jid, ids = cards
    assert find(ws, jid, "  STRASSE ") == [ids["street"]]  # "ß".casefold() == "ss"
    assert find(ws, jid, "öztürk", ["owner"]) == [ids["mail"]]
    assert find(ws, jid, "paper", ["tags"]) == [ids["mail"]]
    assert find(ws, jid, "MAIL", ["channel"]) == [ids["mail"]]


def test_description_only_when_asked_for(cards) -> None:
    ws, jid, ids = cards
    assert find(ws, jid, "changes") == []
    assert find(ws, jid, "changes", FIELDS) == [ids["mail"]]
    assert find(ws, jid, "strasse", ["description"]) == [ids["mail"]]


def test_blank_query_and_unknown_field(cards) -> None:
    ws, jid, _ = cards
    assert find(ws, jid, "   ") == []
    with pytest.raises(ValueError, match="'colour'"):
        find(ws, jid, "x", ["colour"])
