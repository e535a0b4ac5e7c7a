"""RACI rules: every touchpoint needs exactly one Accountable party."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from cxmapper.model.entities import Raci, Touchpoint


@dataclass(frozen=True)
class GovernanceWarning:
    touchpoint_id: str
    message: str


def accountable_problem(count_a: int) -> str | None:
    if count_a == 0:
        return "no Accountable"
    if count_a > 1:
        return f"{count_a} Accountables (there must be exactly one)"
    return None


def raci_warnings(
    touchpoints: Iterable[Touchpoint], raci: Iterable[Raci]
) -> list[GovernanceWarning]:
    accountable = Counter(r.touchpoint_id for r in raci if r.role == "A")
    warnings = []
    for tp in touchpoints:
        problem = accountable_problem(accountable[tp.id])
        if problem:
            warnings.append(GovernanceWarning(tp.id, f"{tp.title}: {problem}"))
    return warnings
