"""A card's change-log entries, read in SQL (`change_log(card_id=...)`): exactly the card's own
entries and those of the records on it, in order, as the History tab lists them, without
decoding the rest of the journey's log."""

from __future__ import annotations

import pytest

from cxmapper.model import audit
from cxmapper.model.workspace import Workspace


def _script(ws: Workspace, ids: dict[str, str]) -> None:
    """Entries about Home page, about Search, and shared ones (a stack shift, a connector)."""
    home, search = ids["home"], ids["search"]
    ws.update("touchpoint", home, title="Welcome")
    ws.update("touchpoint", search, title="Find")
    ws.add_reading(home, ids["csat"], 4.0, measured_at="2026-02-01T00:00:00+00:00")
    ws.add_comment(home, "Bo", "too slow")
    ws.add_comment(search, "Bo", "fine")
    ws.assign(search, ids["ann"], "R")
    ws.add_connector(search, home)
    ws.move_touchpoints([search], ids["discover"], ids["web"], 0)  # home shifts down a place
    ws.add_action(home, "Speed it up")
    ws.remove("touchpoint", search)


def _python_filter(ws: Workspace, journey_id: str, card_id: str) -> list[audit.LogEntry]:
    """What the History tab computed before: the whole journey's log, filtered in Python."""
    return [
        x
        for x in ws.change_log(journey_id=journey_id)
        if x.entity_id == card_id or (x.entity_id and x.details.get("touchpoint_id") == card_id)
    ]


def test_a_card_s_entries_are_selected_in_sql(
    file_ws: Workspace, small_journey: dict[str, str]
) -> None:
    ids = small_journey
    _script(file_ws, ids)
    home = file_ws.change_log(journey_id=ids["journey"], card_id=ids["home"])
    assert [(x.kind, x.action) for x in home] == [
        ("touchpoint", "added"),
        ("reading", "added"),
        ("raci", "added"),
        ("touchpoint", "changed"),
        ("reading", "added"),
        ("comment", "added"),
        ("action", "added"),
    ]
    assert home == _python_filter(file_ws, ids["journey"], ids["home"])
    search = file_ws.change_log(card_id=ids["search"])
    assert search == _python_filter(file_ws, ids["journey"], ids["search"])
    assert [x.action for x in search if x.kind == "touchpoint"][-1] == "removed"
    assert file_ws.change_log(card_id="no-such-card") == []


def test_the_card_filter_decodes_only_the_card_s_entries(
    file_ws: Workspace, small_journey: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _script(file_ws, small_journey)
    decoded: list[int] = []
    real = audit.entry_from_row

    def counting(row: dict[str, object]) -> audit.LogEntry:
        decoded.append(1)
        return real(row)

    monkeypatch.setattr("cxmapper.model.workspace_reads.entry_from_row", counting)
    from cxmapper.ui.inspector.touchpoint_history import card_history

    rows = card_history(file_ws, file_ws.get("touchpoint", small_journey["home"]))
    assert len(rows) == 7 and len(decoded) == 7  # not every entry of the journey
    assert rows[0].what == "action added: Speed it up"
