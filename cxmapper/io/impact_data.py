"""Money and channel figures as the exporters need them: plain rows, no pandas.

The seam between the analysis's `MoneyFigures` / `ChannelFigures` (pandas tables) and the
workbook's Channels sheet, the Actions sheet's yearly impact and the map's value-at-risk
column, as `friction_data` is for the friction figures. `FrictionData.impact` carries one of
these, made by `from_report` when the report has the figures; an export without an analysis
(or of an analysis without a value model) has none and writes no money.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from cxmapper.analysis.action_impact import analysed_days, yearly_impact, yearly_stake_of

if TYPE_CHECKING:
    from cxmapper.analysis.report import JourneyReport


def _num(value: Any) -> float | None:
    if value is None:
        return None
    f = float(value)
    return None if math.isnan(f) else f


@dataclass
class ImpactData:
    """Per card money (by touchpoint id) and the journey's channel figures."""

    currency: str | None = None  # None: no value model, no money
    money: dict[str, dict[str, float]] = field(default_factory=dict)  # tp id -> figure -> amount
    journey: dict[str, float] = field(default_factory=dict)
    span_days: float | None = None  # the analysed period, for yearly figures
    channels: dict[str, Any] = field(default_factory=dict)  # summary figures (see `of`)
    matrix: list[dict[str, Any]] = field(default_factory=list)  # from, to, hops, cases, ...
    cards: dict[str, dict[str, Any]] = field(default_factory=dict)  # tp id -> escalation, FCR

    def yearly_stake(self, tp_id: str) -> float | None:
        """What the problems at a card cost in a year (`analysis.action_impact`, the one
        implementation the app uses too); None without money or a period."""
        figures = self.money.get(tp_id)
        if self.currency is None or figures is None or not self.span_days:
            return None
        return yearly_stake_of(figures, self.span_days)

    def yearly_impact(self, tp_id: str, impact: int) -> float | None:
        """An action's estimated yearly impact: the card's yearly stake × its impact rating ÷ 5."""
        stake = self.yearly_stake(tp_id)
        return None if stake is None else yearly_impact(stake, impact)

    @classmethod
    def of(cls, report: JourneyReport, span: tuple[str, str] | None = None) -> ImpactData | None:
        """From a report with money or channel figures (None when it has neither); `span` is
        the analysed period's first and last timestamp (`AnalysisResult.span`)."""
        if report.money is None and report.channels is None:
            return None
        out = cls(span_days=analysed_days(span))
        if report.money is not None:
            m = report.money
            out.currency = m.currency
            cols = [c for c in m.cards.columns if c not in ("title", "stage_index")]
            out.money = {
                str(tp): {c: float(m.cards.at[tp, c]) for c in cols} for tp in m.cards.index
            }
            out.journey = {k: float(v) for k, v in m.journey.items()}
        ch = report.channels
        if ch is not None:
            out.channels = {
                "cases": ch.n_cases, "hop_rate": _num(ch.hop_rate),
                "switched_share": _num(ch.switched_share), "contacts": ch.contacts,
                "repeat_contact_rate": _num(ch.repeat_contact_rate), "fcr": _num(ch.fcr),
            }  # fmt: skip
            out.matrix = [
                {k: (_num(v) if k in ("case_rate", "median_seconds") else v) for k, v in r.items()}
                for r in ch.matrix.to_dict("records")
            ]
            out.cards = {
                str(tp): {k: (_num(v) if isinstance(v, float) else v) for k, v in row.items()}
                for tp, row in ch.cards.to_dict("index").items()
            }
        return out
