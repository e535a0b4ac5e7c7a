"""Per card: first-contact resolution derived from the log, beside the card's FCR KPI target.

The journey-wide FCR (`channels.channel_figures`) tells whether contacts resolve; owners act
per card, and a card that carries an FCR KPI has a target someone signed up to. The derived
figure uses the same contacts and the same rule as the journey's (docs/metrics.md,
*Omnichannel continuity*), so the per-card counts add up to the journey's; the status against
the target is the KPI traffic light of `model.kpi_status` (one rule for canvas, exports and
here). The target comes from the workspace: `fcr_kpis` finds the KPI of kind "fcr" with a
reading on each card.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from cxmapper.analysis.channels import ChannelLog, Contacts
from cxmapper.model.entities import Kpi
from cxmapper.model.kpi_status import latest_readings, status

if TYPE_CHECKING:
    from cxmapper.model.workspace import Workspace

FCR_KIND = "fcr"  # `model.kpi_kinds` key of first-contact resolution
CARD_FCR_COLUMNS = ("contacts", "fcr_observed", "fcr_resolved", "fcr")
TARGET_COLUMNS = ("fcr_target", "fcr_status")


def card_fcr(log: ChannelLog, contacts: Contacts, tp_ids: list[str]) -> pd.DataFrame:
    """Per touchpoint (index `touchpoint_id`): its contacts, those whose outcome is known,
    those resolved (no other contact of the case within the repeat window) and their share,
    NaN where no contact here is judged yet."""
    n_tp = len(tp_ids)
    card = log.tp[contacts.at]
    observed = contacts.observed
    counts = np.bincount(card, minlength=n_tp)
    judged = np.bincount(card[observed], minlength=n_tp)
    resolved = np.bincount(card[observed & ~contacts.followed], minlength=n_tp)
    fcr = np.divide(resolved, judged, out=np.full(n_tp, np.nan), where=judged > 0, dtype=np.float64)
    return pd.DataFrame(
        {"contacts": counts, "fcr_observed": judged, "fcr_resolved": resolved, "fcr": fcr},
        index=pd.Index(tp_ids, name="touchpoint_id"),
    )


def with_targets(cards: pd.DataFrame, targets: Mapping[str, Kpi] | None) -> pd.DataFrame:
    """`cards` with the FCR KPI's target (percent, NaN without one) and the derived FCR's
    traffic light against it ("green", "amber", "red"; "none" without a target or a figure).

    The KPI kind's unit is percent (0-100): the derived share is compared as a percentage."""
    targets = targets or {}
    target = np.full(len(cards), np.nan)
    light: list[str] = []
    for i, (tp_id, fcr) in enumerate(zip(cards.index, cards["fcr"], strict=True)):
        kpi = targets.get(str(tp_id))
        if kpi is None or kpi.target is None:
            light.append("none")
            continue
        target[i] = float(kpi.target)
        light.append("none" if np.isnan(fcr) else status(kpi, float(fcr) * 100.0))
    return cards.assign(fcr_target=target, fcr_status=light)


def fcr_kpis(ws: Workspace, journey_id: str) -> dict[str, Kpi]:
    """Per card of the journey: the FCR KPI measured there (a KPI of kind "fcr" with a reading
    on the card; the one read most recently when there are several)."""
    kpis = {k.id: k for k in ws.kpis() if k.kind == FCR_KIND}
    tp_ids = {t.id for t in ws.touchpoints(journey_id)}
    out: dict[str, Kpi] = {}
    when: dict[str, str] = {}
    for (tp_id, kpi_id), reading in latest_readings(ws.readings()).items():
        if tp_id in tp_ids and kpi_id in kpis and reading.measured_at >= when.get(tp_id, ""):
            out[tp_id] = kpis[kpi_id]
            when[tp_id] = reading.measured_at
    return out
