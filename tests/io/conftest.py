"""A journey with something in every sheet: owners, KPIs with history, RACI gaps, comments,
actions, and text that looks like formulas."""

from __future__ import annotations

from pathlib import Path

import pytest

from cxmapper.model.workspace import Workspace


@pytest.fixture
def journey(file_ws: Workspace, small_journey: dict[str, str]) -> dict[str, str]:
    ws, ids = file_ws, dict(small_journey)
    bob = ws.add_party("Bob Service", role="Service")
    team = ws.add_party("Logistics", kind="team")
    ws.update("party", bob.id, team_id=team.id)
    conv = ws.add_kpi("Conversion", unit="%", target=3.0, owner_id=ids["ann"])
    aht = ws.add_kpi("Handling time", unit="min", target=6.0, direction="lower", tolerance=1.0)
    ws.add_reading(
        ids["home"], ids["csat"], 4.5, measured_at="2026-02-01T00:00:00+00:00", owner_id=bob.id
    )
    ws.add_reading(ids["cart"], conv.id, 2.0, measured_at="2026-02-01T00:00:00+00:00")
    ws.add_reading(ids["slow"], aht.id, 6.5, measured_at="2026-02-01T00:00:00+00:00")
    formula = ws.add_touchpoint(ids["use"], ids["web"], "=1+1", description="-5 minus", channel="app",
                                tags=["x", "y"], match_events=["open app"])  # fmt: skip
    ws.assign(ids["search"], ids["ann"], "A")
    ws.assign(ids["search"], bob.id, "A")  # two Accountables: flagged
    ws.assign(ids["cart"], bob.id, "R")
    ws.assign(ids["cart"], ids["ann"], "A")
    ws.assign(ids["cart"], ids["ann"], "R")
    ws.add_comment(
        ids["cart"], "Bob", "@channel card errors spike", created_at="2026-03-02T10:00:00+00:00"
    )
    ws.add_comment(
        ids["home"], "Ann", "fine now", resolved=True, created_at="2026-03-01T10:00:00+00:00"
    )
    ws.add_action(
        ids["cart"],
        "Retry payments",
        owner_id=ids["ann"],
        impact=5,
        effort=1,
        due_date="2026-06-30",
    )
    ws.add_action(
        ids["slow"], "Faster checkout", owner_id=bob.id, impact=4, effort=4, status="in progress"
    )
    ws.add_action(ids["home"], "+ new banner", impact=2, effort=2)
    ids.update(bob=bob.id, team=team.id, conv=conv.id, aht=aht.id, formula=formula.id)
    return ids


@pytest.fixture
def exported(file_ws: Workspace, journey: dict[str, str], tmp_path: Path) -> Path:
    from cxmapper.io.xlsx_export import export_xlsx

    return export_xlsx(file_ws, journey["journey"], tmp_path / "journey.xlsx")
