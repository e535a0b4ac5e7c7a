"""Money and channel figures of a prepared log, as one step of an engine's report.

Both read the same channelled events and the same assisted contacts (a repeat contact is one
thing, whether it is counted in the channel figures or priced in the money figures), so they
are built once here. Asked for only when a report wants them (`ReportOptions.channels` or a
value model): they cost a few passes over the events.
"""

from __future__ import annotations

import pandas as pd

from cxmapper.analysis.channel_cards import card_fcr, with_targets
from cxmapper.analysis.channels import (
    ChannelFigures,
    Contacts,
    channel_figures,
    channel_log,
)
from cxmapper.analysis.columns import CHANNEL
from cxmapper.analysis.engines.base import ReportOptions
from cxmapper.analysis.money import MoneyFigures, case_values, money_figures
from cxmapper.analysis.prepared import PreparedLog
from cxmapper.errors import CxError


def impact(
    p: PreparedLog, frame: pd.DataFrame, options: ReportOptions
) -> tuple[MoneyFigures | None, ChannelFigures | None]:
    """(money, channels) for `options`; money is None without a value model."""
    model = options.value_model
    if model is None and not options.channels:
        return None, None
    log = channel_log(p, frame[CHANNEL] if CHANNEL in frame.columns else None)
    repeat_days = options.repeat_window_days if model is None else model.repeat_window_days
    end = int(p.ts.max()) if p.n_events else 0
    contacts = Contacts.build(log, repeat_days, end)
    figures = channel_figures(p, log, contacts, options.hop_window_days)
    cards = figures.cards.join(card_fcr(log, contacts, p.tp_ids))
    figures.cards = with_targets(cards, options.fcr_targets)  # per card: FCR beside its KPI
    if model is None:
        return None, figures
    segment = None
    if model.segment_attribute:
        if model.segment_attribute not in frame.columns:
            raise CxError(f"segment attribute {model.segment_attribute!r} is not in the log")
        segment = frame[model.segment_attribute]
    money = money_figures(p, log, contacts, model, case_values(p, model, segment))
    return money, figures
