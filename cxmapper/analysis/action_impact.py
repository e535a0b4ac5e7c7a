"""An improvement action's estimated yearly impact, from the money its touchpoint loses.

The money at stake at a touchpoint is what its problems cost in the analysed period: its value
at risk, repeat-contact cost and failure-demand cost (`analysis.money`; the cost to serve is the
price of serving, not of a problem, so it is left out). Scaled to a year (× 365 ÷ the analysed
days), that is what an action removing every problem there would be worth. The action's own
impact rating (1..5, which the owner adjusts) says how much of it the action addresses: 5 all
of it, 1 a fifth. Priority is the yearly impact ÷ effort (1..5). See docs/metrics.md, *Business
impact*, *Actions: yearly impact and priority*.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

#: The money columns of `MoneyFigures.cards` that are the cost of a problem.
STAKE_COLUMNS = ("value_at_risk", "repeat_contact_cost", "failure_demand_cost")
DAYS_PER_YEAR = 365.0
TOP_RATING = 5  # impact and effort ratings run 1..5 (model.validation)


def yearly_stake(money: Any, touchpoint_id: str, period_days: float) -> float:
    """The money at stake at a touchpoint over a year (0 without figures for it)."""
    if money is None or touchpoint_id not in money.cards.index or period_days <= 0:
        return 0.0
    row = money.cards.loc[touchpoint_id]
    per_period = sum(float(row[c]) for c in STAKE_COLUMNS)
    return round(per_period * DAYS_PER_YEAR / period_days, 2)


def yearly_impact(stake: float, impact: int) -> float:
    """The share of `stake` an action rated `impact` (1..5) addresses."""
    return round(stake * impact / TOP_RATING, 2)


def impact_rating(stake: float, yearly: float) -> int:
    """The rating (1..5) whose yearly impact is nearest `yearly` (what a drag to that height
    means); 1 when nothing is at stake."""
    if stake <= 0:
        return 1
    return min(max(round(TOP_RATING * yearly / stake), 1), TOP_RATING)


@dataclass(frozen=True)
class ActionImpact:
    """One action on the impact × effort matrix."""

    action_id: str
    touchpoint_id: str
    title: str
    impact: int  # the stored rating 1..5
    effort: int
    stake: float  # yearly money at stake at its touchpoint
    yearly_impact: float

    @property
    def priority(self) -> float:
        """Yearly impact per unit of effort: money first, the quick wins on top."""
        return round(self.yearly_impact / self.effort, 2)


def action_impacts(
    actions: list[Any], money: Any, period_days: float, open_only: bool = True
) -> list[ActionImpact]:
    """Each action (model `Action`s) with its yearly impact, highest priority first; done and
    dropped actions are left out when `open_only`."""
    out = []
    for a in actions:
        if open_only and a.status in ("done", "dropped"):
            continue
        stake = yearly_stake(money, a.touchpoint_id, period_days)
        out.append(
            ActionImpact(
                a.id,
                a.touchpoint_id,
                a.title,
                a.impact,
                a.effort,
                stake,
                yearly_impact(stake, a.impact),
            )
        )
    return sorted(out, key=lambda x: (-x.priority, -x.yearly_impact, x.title))
