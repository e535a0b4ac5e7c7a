"""An improvement action's estimated yearly impact, from the money its touchpoint loses.

The money at stake at a touchpoint is what its problems cost in the analysed period: its value
at risk, repeat-contact cost and failure-demand cost (`analysis.money`; the cost to serve is the
price of serving, not of a problem, so it is left out). Scaled to a year (× 365 ÷ the analysed
days), that is what an action removing every problem there would be worth. The action's own
impact rating (1..5, which the owner adjusts) says how much of it the action addresses: 5 all
of it, 1 a fifth. Priority is the yearly impact ÷ effort (1..5). See docs/metrics.md, *Business
impact*, *Actions: yearly impact and priority*. The one implementation: the app's Impact ×
effort view and the workbook's Actions sheet (`io/xlsx_sheets/action_money.py`) both call it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

#: The money columns of `MoneyFigures.cards` that are the cost of a problem.
STAKE_COLUMNS = ("value_at_risk", "repeat_contact_cost", "failure_demand_cost")
DAYS_PER_YEAR = 365.0
TOP_RATING = 5  # impact and effort ratings run 1..5 (model.validation)


def analysed_days(span: tuple[str, str] | None) -> float | None:
    """The days from the first to the last timestamp of `span` (ISO texts), at least 1; None
    without a span or with one that does not parse."""
    if not span:
        return None
    try:
        first, last = (datetime.fromisoformat(str(t)) for t in span)
    except ValueError:
        return None
    return max((last - first).total_seconds() / 86_400, 1.0)


def yearly_stake_of(figures: Mapping[str, float], period_days: float) -> float:
    """A card's money figures over `period_days` (value at risk, repeat-contact and
    failure-demand cost) as money at stake over a year, rounded to cents."""
    if period_days <= 0:
        return 0.0
    per_period = sum(float(figures.get(c, 0.0)) for c in STAKE_COLUMNS)
    return round(per_period * DAYS_PER_YEAR / period_days, 2)


def yearly_stake(money: Any, touchpoint_id: str, period_days: float) -> float:
    """The money at stake at a touchpoint over a year (0 without figures for it)."""
    if money is None or touchpoint_id not in money.cards.index or period_days <= 0:
        return 0.0
    row = money.cards.loc[touchpoint_id]
    return yearly_stake_of({c: float(row[c]) for c in STAKE_COLUMNS}, period_days)


def yearly_impact(stake: float, impact: int) -> float:
    """The share of `stake` an action rated `impact` (1..5) addresses."""
    return round(stake * impact / TOP_RATING, 2)


def priority(yearly: float, effort: int) -> float:
    """Yearly impact per unit of effort (1..5): money first, the quick wins on top."""
    return round(yearly / max(effort, 1), 2)


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
        return priority(self.yearly_impact, self.effort)


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
