"""Re-rating an action sets impact and effort together, checked, and hands back the old pair."""

from __future__ import annotations

import pytest

from cxmapper.errors import ValidationError
from cxmapper.model.action_ratings import rate_action
from cxmapper.model.workspace import Workspace


def test_rate_action_sets_both_and_refuses_bad_ratings(memory_ws: Workspace) -> None:
    ws = memory_ws
    j = ws.add_journey("J")
    tp = ws.add_touchpoint(ws.add_stage(j.id, "S").id, ws.add_lane(j.id, "L").id, "Card")
    a = ws.add_action(tp.id, "Fix it", impact=3, effort=3)
    assert rate_action(ws, a.id, 5, 1) == (3, 3)
    assert (ws.get("action", a.id).impact, ws.get("action", a.id).effort) == (5, 1)
    for impact, effort in ((0, 1), (5, 6), (2.5, 1), (True, 1)):
        with pytest.raises(ValidationError, match="whole number from 1 to 5"):
            rate_action(ws, a.id, impact, effort)  # type: ignore[arg-type]
    assert (ws.get("action", a.id).impact, ws.get("action", a.id).effort) == (5, 1)
