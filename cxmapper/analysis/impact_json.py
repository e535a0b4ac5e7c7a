"""The JSON form of the money and channel figures (`analyze --json`, keys in docs/metrics.md).

Kept apart from `report.to_json_dict` so the journey metrics' JSON reads as before; these keys
appear only when the report has the figures (a value model; channel figures asked for).
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from cxmapper.analysis.channels import ChannelFigures
from cxmapper.analysis.money import COUNT_COLUMNS, MONEY_COLUMNS, MoneyFigures


def _num(value: object) -> float | int | None:
    """int for counts, float for the rest, None (null) for NaN."""
    if isinstance(value, (bool, int, np.integer)):
        return int(value)
    f = float(value)  # type: ignore[arg-type]
    return None if math.isnan(f) else f


def activity_fields(
    money: MoneyFigures | None, channels: ChannelFigures | None, tp_id: object
) -> dict[str, object]:
    """The money and escalation fields of one activity (touchpoint)."""
    out: dict[str, object] = {}
    if money is not None:
        row = money.cards.loc[tp_id]
        out |= {c: _num(row[c]) for c in (*COUNT_COLUMNS, *MONEY_COLUMNS)}
    if channels is not None:
        out["escalation_rate"] = _num(channels.cards.loc[tp_id, "escalation_rate"])
    return out


def money_json(money: MoneyFigures) -> dict[str, object]:
    columns = (*COUNT_COLUMNS, *MONEY_COLUMNS)
    table = money.stages  # read by column: a row would turn the counts into floats
    stages = [
        {"stage_index": int(index), **{c: _num(table.at[index, c]) for c in columns}}
        for index in table.index
    ]
    return {"currency": money.currency, "journey": dict(money.journey), "stages": stages}


def channels_json(figures: ChannelFigures) -> dict[str, object]:
    matrix = [
        {
            "from": str(r["from"]),
            "to": str(r["to"]),
            "hops": int(r["hops"]),
            "cases": int(r["cases"]),
            "case_rate": _num(r["case_rate"]),
            "median_seconds": _num(r["median_seconds"]),
        }
        for r in figures.matrix.to_dict("records")
    ]
    handovers = [
        {k: m[k] for k in ("from", "to", "hops", "median_seconds")}
        for m, is_handover in zip(matrix, figures.matrix["handover"], strict=True)
        if is_handover
    ]
    return {
        "cases": figures.n_cases,
        "hop_cases": figures.hop_cases,
        "hop_rate": _num(figures.hop_rate),
        "matrix": matrix,
        "switched_cases": figures.switched_cases,
        "switched_share": _num(figures.switched_share),
        "contacts": figures.contacts,
        "repeat_contacts": figures.repeat_contacts,
        "repeat_contact_rate": _num(figures.repeat_contact_rate),
        "fcr_observed_contacts": figures.fcr_observed,
        "fcr_resolved_contacts": figures.fcr_resolved,
        "fcr": _num(figures.fcr),
        "handovers": handovers,
        "cards": cards_json(figures.cards),
    }


def cards_json(cards: pd.DataFrame) -> list[dict[str, object]]:
    """Per card with an event in a digital channel or a contact: escalation and FCR, with the
    card's FCR KPI target and status where it has one (`channel_cards`)."""
    out: list[dict[str, object]] = []
    for tp_id, r in cards.iterrows():
        if not (r["digital_events"] or r.get("contacts", 0)):
            continue
        row: dict[str, object] = {
            "touchpoint_id": str(tp_id),
            "digital_events": int(r["digital_events"]),
            "escalations": int(r["escalations"]),
            "escalation_rate": _num(r["escalation_rate"]),
        }
        if "fcr" in cards.columns:
            row |= {
                "contacts": int(r["contacts"]),
                "fcr_observed_contacts": int(r["fcr_observed"]),
                "fcr_resolved_contacts": int(r["fcr_resolved"]),
                "fcr": _num(r["fcr"]),
                "fcr_target": _num(r["fcr_target"]),
                "fcr_status": str(r["fcr_status"]),
            }
        out.append(row)
    return out
