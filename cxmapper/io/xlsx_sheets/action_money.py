"""The Actions and Touchpoints tables with money: each action's yearly impact and its
priority in money; each card's value at risk.

An action addresses one touchpoint; with an analysis priced by a value model, its estimated
yearly impact and priority are the ones the app's Impact × effort view shows, from the one
implementation in `analysis.action_impact`: the money the problems at that touchpoint cost in a
year × the action's impact rating ÷ 5, and that ÷ effort (money per effort point: the quick
wins first). Both are
numbers with the currency's format in the workbook's language (`€ 15.000,00` in Italian).
Without money the table is the plain one: priority = impact score ÷ effort score. The
Touchpoints table gains a last column, the card's value at risk over the analysed period. All
are computed, shown for reference: an edit of them is reported on import, not applied.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from cxmapper.analysis.action_impact import priority
from cxmapper.io.impact_data import ImpactData
from cxmapper.io.xlsx_sheets.common import ExportContext
from cxmapper.io.xlsx_tables import ACTIONS, TOUCHPOINTS, Column, TableSpec
from cxmapper.model import entities as e
from cxmapper.present.language import current_language
from cxmapper.present.money import excel_format


def money_priority(impact: ImpactData, action: e.Action) -> float | None:
    """Yearly impact ÷ effort, in the currency (None without a yearly impact)."""
    yearly = impact.yearly_impact(action.touchpoint_id, action.impact)
    return None if yearly is None else priority(yearly, action.effort)


def _plain_order(a: e.Action) -> tuple[float, int, str, str]:
    # Quick wins first; among equals, the bigger impact, then the earlier due date.
    return (-a.priority, -a.impact, a.due_date or "9999", a.title)


def actions_table(ctx: ExportContext) -> tuple[TableSpec, Sequence[e.Action]]:
    """The Actions table spec and its rows in order, with money where the analysis has it."""
    impact = ctx.friction.impact if ctx.friction is not None else None
    actions = list(ctx.snap.actions)
    if impact is None or impact.currency is None or impact.span_days is None:
        return ACTIONS, sorted(actions, key=_plain_order)  # no money, or no period to scale
    fmt = excel_format(impact.currency, current_language())
    columns: list[Column] = []
    for c in ACTIONS.columns:
        if c.key == "priority":
            columns.append(replace(c, get=lambda a, s: money_priority(impact, a),
                                   number_format=fmt, width=14))  # fmt: skip
            columns.append(Column("yearly_impact", lambda a, s: impact.yearly_impact(a.touchpoint_id, a.impact),
                                  width=16, number_format=fmt))  # fmt: skip
        else:
            columns.append(c)

    def order(a: e.Action) -> tuple[float, tuple[float, int, str, str]]:
        money = money_priority(impact, a)
        return (-(money if money is not None else -1.0), _plain_order(a))

    return replace(ACTIONS, columns=tuple(columns)), sorted(actions, key=order)


def touchpoints_table(ctx: ExportContext) -> TableSpec:
    """The Touchpoints table spec, with each card's value at risk when the analysis has money."""
    impact = ctx.friction.impact if ctx.friction is not None else None
    if impact is None or impact.currency is None:
        return TOUCHPOINTS
    fmt = excel_format(impact.currency, current_language())

    def risk(t: e.Touchpoint, _s: object) -> float | None:
        return impact.money.get(t.id, {}).get("value_at_risk")

    column = Column("value_at_risk", risk, width=16, number_format=fmt)
    return replace(TOUCHPOINTS, columns=(*TOUCHPOINTS.columns, column))
