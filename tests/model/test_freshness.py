"""Overdue KPI readings and the governance health summary, against hand-computed values."""

from __future__ import annotations

from datetime import date

import pytest

from cxmapper.errors import ValidationError
from cxmapper.model.freshness import Overdue, governance_health, overdue_readings
from cxmapper.model.summary import summarize
from cxmapper.model.workspace import Workspace

TODAY = date(2026, 3, 1)


@pytest.fixture
def ws() -> Workspace:
    w = Workspace.in_memory()
    w.add_journey("J", id="j")
    w.add_stage("j", "S", id="s")
    w.add_lane("j", "Web", "channel", id="web")
    w.add_lane("j", "Thoughts", "thoughts", id="th")
    ann = w.add_party("Ann", id="ann")
    w.add_touchpoint("s", "web", "Home", id="t1", owner_id=ann.id)
    w.add_touchpoint("s", "web", "Checkout", id="t2")
    w.add_touchpoint("s", "th", "Doubt", id="t3")  # customer view: not governed
    w.add_kpi("CSAT", id="weekly", frequency="weekly", owner_id="ann")
    w.add_kpi("NPS", id="quarterly", frequency="quarterly")
    w.add_kpi("Other", id="none")  # no frequency: never overdue
    w.add_reading("t1", "weekly", 4.0, "2026-02-01T10:00:00+00:00")
    w.add_reading("t1", "weekly", 4.1, "2026-02-25T10:00:00+00:00")  # latest: due 03-04
    w.add_reading("t2", "weekly", 3.0, "2026-02-10T10:00:00+00:00")  # due 02-17: 12 days late
    w.add_reading("t2", "quarterly", 30, "2025-11-01T00:00:00+00:00")  # due 2026-02-01: 28 late
    w.add_reading("t1", "quarterly", 35, "2026-01-15T00:00:00+00:00")  # due 04-17: fine
    w.add_reading("t2", "none", 1, "2020-01-01T00:00:00+00:00")
    w.assign("t1", "ann", "A")
    w.assign("t2", "ann", "R")
    yield w
    w.close()


def test_a_touchpoint_whose_latest_reading_is_older_than_the_frequency_is_overdue(
    ws: Workspace,
) -> None:
    found = overdue_readings(ws.kpis(), ws.readings(), TODAY)
    assert found == [
        Overdue("t2", "quarterly", "quarterly", "2025-11-01T00:00:00+00:00", "2026-02-01", 28),
        Overdue("t2", "weekly", "weekly", "2026-02-10T10:00:00+00:00", "2026-02-17", 12),
    ]
    # on the due day itself a reading is not late yet; the day after it is
    assert overdue_readings(ws.kpis(), ws.readings(), date(2026, 2, 1)) == []
    assert [o.days_overdue for o in overdue_readings(ws.kpis(), ws.readings(), date(2026, 2, 2))
            if o.kpi_id == "quarterly"] == [1]  # fmt: skip


def test_governance_health_shares(ws: Workspace) -> None:
    health = governance_health(
        ws.touchpoints("j"), ws.lanes("j"), ws.raci(), ws.kpis(), ws.readings(), TODAY
    )
    # governed: t1 (one A) and t2 (no A); t3 is a thought. KPIs read: weekly (owned),
    # quarterly, none. Expected readings: 4 pairs with a frequency, 2 overdue.
    assert (health.governed_touchpoints, health.with_one_accountable) == (2, 1)
    assert (health.kpis, health.kpis_with_owner) == (3, 1)
    assert (health.expected_readings, health.readings_up_to_date) == (4, 2)
    assert (health.accountable_share, health.kpi_owner_share) == (0.5, 0.3333)
    assert health.readings_up_to_date_share == 0.5


def test_info_summary_lists_overdue_readings_with_their_owner(ws: Workspace) -> None:
    [j] = summarize(ws, TODAY)["journeys"]
    assert [(o["touchpoint"], o["kpi"], o["due"], o["owner"]) for o in j["overdue"]] == [
        ("Checkout", "NPS", "2026-02-01", None),
        ("Checkout", "CSAT", "2026-02-17", None),
    ]
    assert j["governance_health"]["readings_up_to_date_share"] == 0.5


def test_frequency_is_a_stored_key(ws: Workspace) -> None:
    with pytest.raises(ValidationError, match="frequency must be one of"):
        ws.update("kpi", "none", frequency="Monthly")
    ws.update("kpi", "none", frequency="monthly")
    assert ws.get("kpi", "none").frequency == "monthly"
