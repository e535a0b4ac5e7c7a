"""RACI rules: every touchpoint the company runs needs exactly one Accountable party.

Cards in the thoughts and emotions lanes record the customer's inner view; nobody "runs" a
customer's doubt, so they are outside governance. One rule here keeps the inspector, the
CLI summary and the Excel Governance sheet in agreement.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from cxmapper.model.entities import Lane, Raci, Touchpoint
from cxmapper.present.labels import _

CUSTOMER_VIEW_LANES = frozenset({"thoughts", "emotions"})


@dataclass(frozen=True)
class GovernanceWarning:
    touchpoint_id: str
    message: str


def is_governed(lane_kind: str) -> bool:
    return lane_kind not in CUSTOMER_VIEW_LANES


def governed(touchpoints: Iterable[Touchpoint], lanes: Sequence[Lane]) -> list[Touchpoint]:
    kinds = {ln.id: ln.kind for ln in lanes}
    return [t for t in touchpoints if is_governed(kinds.get(t.lane_id, "custom"))]


def accountable_problem(count_a: int) -> str | None:
    if count_a == 0:
        return _("no Accountable")
    if count_a > 1:
        return _("{n} Accountables (there must be exactly one)").format(n=count_a)
    return None


def raci_warnings(
    touchpoints: Iterable[Touchpoint], raci: Iterable[Raci], lanes: Sequence[Lane] | None = None
) -> list[GovernanceWarning]:
    """Warnings for governed touchpoints (all of them when `lanes` is not given)."""
    cards = governed(touchpoints, lanes) if lanes is not None else list(touchpoints)
    accountable = Counter(r.touchpoint_id for r in raci if r.role == "A")
    warnings = []
    for tp in cards:
        problem = accountable_problem(accountable[tp.id])
        if problem:
            warnings.append(GovernanceWarning(tp.id, f"{tp.title}: {problem}"))
    return warnings
