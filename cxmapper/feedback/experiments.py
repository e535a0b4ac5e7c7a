"""Experiments: when the event log has a variant attribute (A/B), compare the variants' funnel,
conversion and journey times with the same scipy tests as the before/after verdicts, and say
whether the sample is large enough to detect the difference seen.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy import stats

from cxmapper.analysis.prepared import PreparedLog
from cxmapper.feedback.stats import Comparison, mann_whitney, two_proportions
from cxmapper.feedback.verdicts import ALPHA, MIN_RATE_N

VARIANT_COLUMNS = ("variant", "experiment_variant", "ab_variant", "ab_group", "test_group")
POWER = 0.8


@dataclass
class VariantComparison:
    control: str
    variant: str
    conversion: Comparison
    journey_seconds: Comparison
    dropoff: dict[str, Comparison] = field(default_factory=dict)  # touchpoint id -> test
    needed_per_group: int | None = None  # for the conversion difference seen, at 80 % power

    @property
    def enough(self) -> bool:
        n = min(self.conversion.n_a, self.conversion.n_b)
        return self.needed_per_group is not None and n >= self.needed_per_group


def variant_column(columns: Sequence[str]) -> str | None:
    low = {c.lower(): c for c in columns}
    return next((low[c] for c in VARIANT_COLUMNS if c in low), None)


def needed_per_group(
    p_a: float, p_b: float, alpha: float = ALPHA, power: float = POWER
) -> int | None:
    """Cases per group to detect p_a vs p_b (two-sided two-proportion test, normal approx.)."""
    if p_a == p_b:
        return None
    z = stats.norm.ppf(1 - alpha / 2) + stats.norm.ppf(power)
    return int(np.ceil(z**2 * (p_a * (1 - p_a) + p_b * (1 - p_b)) / (p_a - p_b) ** 2))


def compare_variants(frame: pd.DataFrame, p: PreparedLog, column: str) -> list[VariantComparison]:
    """Each variant against the most common one (the control), on the journey's cases."""
    first = p.first
    case_variant = np.full(len(p.case_labels), "", dtype=object)
    case_variant[p.case[first]] = frame[column].astype(str).to_numpy()[p.row[first]]
    in_journey = np.zeros(len(p.case_labels), dtype=bool)
    in_journey[p.case] = True
    names, counts = np.unique(case_variant[in_journey], return_counts=True)
    if names.size < 2:
        return []
    control = str(names[np.argmax(counts)])
    goal_case = np.zeros(len(p.case_labels), dtype=bool)
    if p.goal.any():
        goal_case[p.case[p.goal[p.tp]]] = True
    start = p.ts[first]
    end = p.ts[p.last]
    duration = np.zeros(len(p.case_labels))
    duration[p.case[first]] = (end - start) / 1e9
    dropped = np.zeros((len(p.case_labels), p.n_tp), dtype=bool)
    lost = p.last & ~goal_case[p.case]
    dropped[p.case[lost], p.tp[lost]] = True
    reached = np.zeros_like(dropped)
    reached[p.case, p.tp] = True
    out = []
    a = in_journey & (case_variant == control)
    for name in names:
        if name == control:
            continue
        b = in_journey & (case_variant == name)
        conv = two_proportions(int(goal_case[a].sum()), int(a.sum()), int(goal_case[b].sum()),
                               int(b.sum()))  # fmt: skip
        drop: dict[str, Comparison] = {}
        for t, tp in enumerate(p.spec.touchpoints):
            ra, rb = a & reached[:, t], b & reached[:, t]
            if min(ra.sum(), rb.sum()) >= MIN_RATE_N and not tp.is_goal:
                drop[tp.id] = two_proportions(int(dropped[ra, t].sum()), int(ra.sum()),
                                              int(dropped[rb, t].sum()), int(rb.sum()))  # fmt: skip
        need = None
        if conv.value_a is not None and conv.value_b is not None:
            need = needed_per_group(conv.value_a / 100, conv.value_b / 100)
        out.append(VariantComparison(control, str(name), conv,
                                     mann_whitney(duration[a], duration[b]), drop, need))  # fmt: skip
    return out
