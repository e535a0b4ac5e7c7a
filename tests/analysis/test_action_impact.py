"""An action's estimated yearly impact from its card's money at stake (docs/metrics.md), by hand:
Pay loses 300.00 of value, 20.00 of repeat contacts and 30.00 of failure demand in 7 days (its
cost to serve of 99.00 is no problem's cost): 350 x 365 / 7 = 18,250.00 a year."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd
import pytest

from cxmapper.analysis.action_impact import (
    action_impacts,
    impact_rating,
    yearly_impact,
    yearly_stake,
)

CARDS = pd.DataFrame(
    {
        "value_at_risk": [300.0, 0.0],
        "cost_to_serve": [99.0, 10.0],
        "repeat_contact_cost": [20.0, 0.0],
        "failure_demand_cost": [30.0, 0.0],
    },
    index=pd.Index(["pay", "home"], name="touchpoint_id"),
)
MONEY = SimpleNamespace(cards=CARDS, currency="EUR")


def action(id: str, tp: str, impact: int, effort: int, status: str = "open") -> SimpleNamespace:
    return SimpleNamespace(id=id, touchpoint_id=tp, title=id, impact=impact, effort=effort,
                           status=status)  # fmt: skip


def test_yearly_stake_and_impact_by_hand() -> None:
    assert yearly_stake(MONEY, "pay", 7) == pytest.approx(18_250.00)
    assert yearly_stake(MONEY, "home", 7) == 0.0
    assert yearly_stake(MONEY, "gone", 7) == 0.0 and yearly_stake(None, "pay", 7) == 0.0
    assert yearly_impact(18_250.0, 3) == pytest.approx(10_950.00)  # three fifths
    assert impact_rating(18_250.0, 18_250.0) == 5
    assert impact_rating(18_250.0, 4_000.0) == 1  # 1.1 fifths: the nearest rating
    assert impact_rating(18_250.0, 0.0) == 1 and impact_rating(0.0, 99.0) == 1


def test_priority_is_yearly_impact_per_effort_open_actions_only() -> None:
    actions = [
        action("big", "pay", 5, 5),  # 18,250 / 5 = 3,650
        action("quick", "pay", 2, 1),  # 7,300 / 1 = 7,300
        action("nothing", "home", 5, 1),  # 0
        action("done", "pay", 5, 1, "done"),
    ]
    ranked = action_impacts(actions, MONEY, 7)
    assert [a.action_id for a in ranked] == ["quick", "big", "nothing"]
    assert [a.priority for a in ranked] == [pytest.approx(7_300.0), pytest.approx(3_650.0), 0.0]
