"""A card drawn in a channel lane belongs to that channel (and gets its colour on the canvas)."""

from __future__ import annotations

from cxmapper.model.workspace import Workspace


def test_new_card_in_a_channel_lane_takes_the_lanes_channel(memory_ws: Workspace) -> None:
    ws = memory_ws
    j = ws.add_journey("J")
    stage = ws.add_stage(j.id, "Buy")
    web = ws.add_lane(j.id, "Web", kind="channel")
    thoughts = ws.add_lane(j.id, "Thoughts", kind="thoughts")
    assert ws.add_touchpoint(stage.id, web.id, "Checkout").channel == "Web"
    assert ws.add_touchpoint(stage.id, thoughts.id, "Hmm").channel == ""
    # an explicit channel (imports, paste) is kept as given
    assert ws.add_touchpoint(stage.id, web.id, "Chat pop-up", channel="chat").channel == "chat"
    assert ws.add_touchpoint(stage.id, web.id, "Unknown", channel="").channel == ""
