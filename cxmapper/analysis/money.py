"""Business impact of each touchpoint: lost conversions and their value, cost to serve, repeat
contacts and failure demand, priced with a journey's `ValueModel`.

Definitions are in docs/metrics.md (*Business impact*). Card figures are computed from the
prepared events and the channels of `channels.ChannelLog`; every money figure of a card is
rounded to cents, and a stage's or the journey's figure is the sum of its cards' (so the totals
shown always add up).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from cxmapper.analysis.channels import ASSISTED, DAY_NS, ChannelLog, Contacts
from cxmapper.analysis.metrics import lost_events
from cxmapper.analysis.prepared import PreparedLog
from cxmapper.analysis.value_model import ValueModel

#: Columns of `MoneyFigures.cards` that hold money (the rest are counts).
MONEY_COLUMNS = ("value_at_risk", "cost_to_serve", "repeat_contact_cost", "failure_demand_cost")
COUNT_COLUMNS = ("conversions_lost", "contacts", "repeat_contacts", "failure_demand")


@dataclass
class MoneyFigures:
    """Per card, per stage and for the journey, in the value model's currency."""

    currency: str
    cards: pd.DataFrame  # index touchpoint id: title, stage_index, COUNT_COLUMNS, MONEY_COLUMNS
    stages: pd.DataFrame  # index stage_index: the sums of the cards' COUNT and MONEY columns
    journey: dict[str, float | int]  # the sums over all cards


def case_values(
    p: PreparedLog, model: ValueModel, segment: pd.Series | None = None
) -> np.ndarray | None:
    """Conversion value per case code, or None when every case is worth the default value.

    A case's segment is the attribute's value at its first mapped event (`segment` is the
    attribute column of the frame the log was prepared from)."""
    if not model.segment_values or segment is None:
        return None
    values = np.full(len(p.case_labels), model.value_per_conversion)
    at_first = segment.to_numpy(dtype=object)[p.row[p.first]]
    worth = np.asarray(
        [model.segment_values.get(str(v), model.value_per_conversion) for v in at_first],
        dtype=np.float64,
    )
    values[p.case[p.first]] = worth
    return values


def _failure_demand(
    p: PreparedLog, log: ChannelLog, contacts: Contacts, window_days: float
) -> tuple[np.ndarray, np.ndarray]:
    """Contacts that are failure demand (index into `contacts.at`) and the ChannelLog index of
    the digital event each follows: an assisted contact within the window after the case's
    latest digital event, while the case has reached no goal yet."""
    at = contacts.at
    # the latest digital event at or before each event (a contact is not digital: before it)
    idx = np.arange(log.code.size, dtype=np.int32 if log.code.size < 2**31 else np.int64)
    latest = np.where(log.digital, idx, -1)
    del idx
    np.maximum.accumulate(latest, out=latest)
    before = latest[at]
    del latest
    ok = before >= 0
    before_safe = np.maximum(before, 0)
    ok &= log.case[before_safe] == log.case[at]
    ok &= log.ts[at] - log.ts[before_safe] <= int(window_days * DAY_NS)
    goal = p.goal
    goals = np.flatnonzero(goal[p.tp]) if goal.any() else np.zeros(0, np.int64)
    if goals.size:  # converted by then: a goal event of the case at or before the contact
        contact_pos = log.positions(at)
        g = goals[np.maximum(np.searchsorted(goals, contact_pos, side="right") - 1, 0)]
        ok &= ~((g <= contact_pos) & (p.case[g] == p.case[contact_pos]))
    which = np.flatnonzero(ok)
    return which, before_safe[which]


def money_figures(
    p: PreparedLog,
    log: ChannelLog,
    contacts: Contacts,
    model: ValueModel,
    values: np.ndarray | None = None,
) -> MoneyFigures:
    """Every business-impact figure of one log; `values` from `case_values` (None: default)."""
    n_tp = p.n_tp
    lost = lost_events(p)
    lost_tp = p.tp[lost]
    conversions_lost = np.bincount(lost_tp, minlength=n_tp)
    value_at_risk: np.ndarray
    if values is None:
        value_at_risk = conversions_lost * model.value_per_conversion
    else:
        value_at_risk = np.bincount(lost_tp, weights=values[p.case[lost]], minlength=n_tp)
    cost = np.asarray([model.contact_costs.get(k, 0.0) for k in log.keys], dtype=np.float64)
    tp = log.tp
    per_card = log.per_card
    repeat = contacts.at[contacts.preceded]  # only these and failure demand need gathering
    repeat_tp, repeat_cost = tp[repeat], cost[log.code[repeat]]
    fd, fd_digital = _failure_demand(p, log, contacts, model.failure_window_days)
    fd_cost = cost[log.code[contacts.at[fd]]]
    cards = pd.DataFrame(
        {
            "title": [t.title for t in p.spec.touchpoints],
            "stage_index": p.stage,
            "conversions_lost": conversions_lost,
            "contacts": per_card[:, log.kind_mask(ASSISTED)].sum(axis=1),
            "repeat_contacts": np.bincount(repeat_tp, minlength=n_tp),
            "failure_demand": np.bincount(tp[fd_digital], minlength=n_tp),
            "value_at_risk": value_at_risk,
            "cost_to_serve": per_card @ cost,
            "repeat_contact_cost": np.bincount(repeat_tp, weights=repeat_cost, minlength=n_tp),
            "failure_demand_cost": np.bincount(tp[fd_digital], weights=fd_cost, minlength=n_tp),
        },
        index=pd.Index(p.tp_ids, name="touchpoint_id"),
    )
    for col in MONEY_COLUMNS:
        cards[col] = cards[col].astype(np.float64).round(2)
    columns = list(COUNT_COLUMNS + MONEY_COLUMNS)
    stages = cards.groupby("stage_index")[columns].sum()
    stages[list(MONEY_COLUMNS)] = stages[list(MONEY_COLUMNS)].round(2)
    journey: dict[str, float | int] = {c: int(cards[c].sum()) for c in COUNT_COLUMNS}
    journey |= {c: round(float(cards[c].sum()), 2) for c in MONEY_COLUMNS}
    return MoneyFigures(model.currency, cards, stages, journey)
