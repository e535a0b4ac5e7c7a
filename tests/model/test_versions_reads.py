"""A journey's current state reads only its own RACI and the KPIs read on its cards, asked of
SQL: not every reading of the workspace (a governed workspace gathers readings for years)."""

from __future__ import annotations

import pytest

from cxmapper.model.versions import current_state
from cxmapper.model.workspace import Workspace


def test_current_state_reads_only_its_journey(
    file_ws: Workspace, small_journey: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    ws, ids = file_ws, small_journey
    other = ws.add_journey("Returns")
    stage, lane = ws.add_stage(other.id, "Ask"), ws.add_lane(other.id, "Web", "channel")
    elsewhere = ws.add_touchpoint(stage.id, lane.id, "Return form")
    nps = ws.add_kpi("NPS", unit="score")
    effort = ws.add_kpi("Effort", unit="score")
    ws.add_reading(elsewhere.id, nps.id, 30.0, measured_at="2026-01-01T00:00:00+00:00")
    ws.add_reading(ids["cart"], effort.id, 2.0, measured_at="2026-01-02T00:00:00+00:00")
    ws.add_reading(ids["cart"], effort.id, 3.0, measured_at="2026-01-03T00:00:00+00:00")
    ws.assign(elsewhere.id, ids["ann"], "R")
    cart_c = ws.assign(ids["cart"], ids["ann"], "C")

    def no_full_scan(*_args: object, **_kw: object) -> None:
        raise AssertionError("every reading / RACI of the workspace was read")

    monkeypatch.setattr(Workspace, "readings", no_full_scan)
    monkeypatch.setattr(Workspace, "raci", no_full_scan)
    state = current_state(ws, ids["journey"])
    assert sorted(k.name for k in state.kpis) == ["CSAT", "Effort"]  # not NPS (Returns only)
    home_a = next(r for r in state.raci if r.touchpoint_id == ids["home"])
    assert [(r.id, r.role) for r in state.raci] == [(home_a.id, "A"), (cart_c.id, "C")]
    assert {r.touchpoint_id for r in current_state(ws, other.id).raci} == {elsewhere.id}
    assert [k.name for k in current_state(ws, other.id).kpis] == ["NPS"]
