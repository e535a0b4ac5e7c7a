"""The standard kinds of CX KPI (NPS, CSAT, CES...): one catalogue of keys and defaults; what
the Kind picker shows is made in present/labels.py (kpi_kind_label, kpi_scale_text).

A KPI stores its kind as a key ('' for a custom KPI). The catalogue gives what a facilitator
would otherwise look up: the usual name, unit, scale, which direction is better and a default
tolerance (the amber band around a target). No target is proposed: a target is a business
decision, and a KPI without one shows no traffic light rather than a made-up one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from cxmapper.model import entities as e

if TYPE_CHECKING:
    from cxmapper.model.workspace import Workspace


@dataclass(frozen=True)
class KpiKind:
    key: str
    name: str  # the name a new KPI of this kind gets
    unit: str
    low: float | None  # the scale's ends; None: open-ended
    high: float | None
    direction: str  # "higher" or "lower" is better
    tolerance: float
    description: str


KPI_KINDS: tuple[KpiKind, ...] = (
    KpiKind("nps", "NPS", "score", -100, 100, "higher", 10,
            "Net Promoter Score: % promoters (9-10) minus % detractors (0-6)"),
    KpiKind("csat", "CSAT", "1-5", 1, 5, "higher", 0.3,
            "Customer satisfaction after the touchpoint, mean of a 1-5 rating"),
    KpiKind("ces", "CES", "1-7", 1, 7, "lower", 0.5,
            "Customer effort score, 1 (very easy) to 7 (very hard)"),
    KpiKind("fcr", "First-contact resolution", "%", 0, 100,
            "higher", 5, "Share of requests solved in the first contact"),
    KpiKind("churn", "Churn rate", "%", 0, 100, "lower", 0.5,
            "Share of customers lost per month"),
    KpiKind("conversion", "Conversion rate", "%", 0, 100, "higher", 0.5,
            "Share of sessions or cases that reach the goal"),
    KpiKind("drop-off", "Drop-off rate", "%", 0, 100, "lower", 5,
            "Share of customers who leave at this step"),
    KpiKind("response time", "First response time", "min", 0, None, "lower",
            2, "Time until the first human answer"),
    KpiKind("handling time", "Average handling time", "min", 0, None, "lower",
            2, "Talk or work time plus after-contact work"),
    KpiKind("resolution time", "Resolution time", "h", 0, None, "lower", 8,
            "Time from first contact to solved"),
)  # fmt: skip

BY_KEY: dict[str, KpiKind] = {k.key: k for k in KPI_KINDS}
KIND_KEYS: tuple[str, ...] = ("", *BY_KEY)  # '' = a custom KPI


def add_standard_kpis(ws: Workspace) -> list[e.Kpi]:
    """Add one KPI definition of every standard kind the workspace has none of yet.

    Called by the app's New Workspace and by the templates, not by `Workspace.create`: a bare
    workspace (tests, imports, the CLI's own files) starts empty.
    """
    present = {k.kind for k in ws.kpis()}
    added: list[e.Kpi] = []
    with ws.batch():
        for kind in KPI_KINDS:
            if kind.key in present:
                continue
            added.append(
                ws.add_kpi(
                    kind.name,
                    kind=kind.key,
                    unit=kind.unit,
                    direction=kind.direction,
                    tolerance=kind.tolerance,
                    description=kind.description,
                )
            )
    return added
