"""Per card, the channel figures the map shows on it: escalation to an assisted channel and
first-contact resolution against the card's FCR KPI target.

The figures are `analysis.channels` / `analysis.channel_cards`' (one implementation,
docs/metrics.md *Omnichannel continuity*), read from the report's per-card table; this module
only picks, per card, what there is to show, so the canvas and its exported pictures never
compute a figure of their own.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class CardChannel:
    """One card's channel figures; a figure the log does not give is None."""

    digital_events: int
    escalations: int
    escalation_rate: float | None  # share of the digital events followed by an assisted one
    fcr_observed: int
    fcr_resolved: int
    fcr: float | None  # share of the judged contacts here not followed by another
    fcr_target: float | None  # percent (0-100), from the card's FCR KPI
    fcr_status: str  # "green" / "amber" / "red" against the target; "none" without one

    @property
    def has_escalation(self) -> bool:
        """Shown where customers did escalate: "↗ 0% to assisted" on every digital card of
        the demo hid the few that matter and cut the owners' names."""
        return self.escalations > 0 and self.escalation_rate is not None

    @property
    def has_fcr(self) -> bool:
        """FCR is shown against its KPI: a derived figure and a target to read it by."""
        return self.fcr is not None and self.fcr_target is not None


def _number(value: Any) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


def card_channels(cards: Any) -> dict[str, CardChannel]:
    """Touchpoint id -> figures of the cards with something to show, from the per-card table
    of `ChannelFigures.cards` (None or an empty table: {})."""
    if cards is None or not len(cards):
        return {}
    out: dict[str, CardChannel] = {}
    for tp_id, row in cards.iterrows():
        get = row.get
        found = CardChannel(
            digital_events=int(get("digital_events", 0) or 0),
            escalations=int(get("escalations", 0) or 0),
            escalation_rate=_number(get("escalation_rate")),
            fcr_observed=int(get("fcr_observed", 0) or 0),
            fcr_resolved=int(get("fcr_resolved", 0) or 0),
            fcr=_number(get("fcr")),
            fcr_target=_number(get("fcr_target")),
            fcr_status=str(get("fcr_status", "none") or "none"),
        )
        if found.has_escalation or found.has_fcr:
            out[str(tp_id)] = found
    return out
