"""Drivers: which moments cost score. For each card and behaviour, the score of respondents
whose case did it against those whose case did not (Welch's t-test from scipy, 95 % interval),
ranked by difference x share of respondents affected (docs/metrics.md).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from cxmapper.analysis.prepared import PreparedLog
from cxmapper.feedback.behaviours import BEHAVIOURS, CaseBehaviour
from cxmapper.feedback.measures import INDICATIVE_BELOW
from cxmapper.feedback.scales import SCALES
from cxmapper.feedback.stats import welch

MIN_GROUP = 5  # fewer respondents on either side: no driver reported


@dataclass(frozen=True)
class Driver:
    touchpoint_id: str
    title: str
    behaviour: str  # one of BEHAVIOURS (a key; labels are made by the views)
    n_did: int
    n_not: int
    score_did: float
    score_not: float
    difference: float  # score_did - score_not, in the outcome's points
    low: float
    high: float
    p_value: float
    share: float  # share of respondents whose case did it
    impact: float  # difference x share: what the behaviour costs (negative) the whole score

    @property
    def indicative(self) -> bool:
        return min(self.n_did, self.n_not) < INDICATIVE_BELOW


def outcome(scores: np.ndarray, scale: str) -> np.ndarray:
    """Per respondent: NPS contribution (+100 promoter, 0, -100 detractor) for NPS; for CSAT
    and CES 100 when satisfied / easy, else 0; so mean differences read in the scale's points."""
    s = SCALES[scale]
    if scale == "nps":
        return np.where(scores >= s.good_from, 100.0, np.where(scores <= s.bad_to, -100.0, 0.0))
    return np.where(scores >= s.good_from, 100.0, 0.0)


def drivers(
    p: PreparedLog,
    behaviour: CaseBehaviour,
    case: np.ndarray,
    scores: np.ndarray,
    scale: str,
) -> list[Driver]:
    """Drivers from responses with a case (`case` >= 0) and a score on `scale`, ranked so the
    most costly come first."""
    keep = (case >= 0) & ~np.isnan(scores)
    cases, value = case[keep], outcome(scores[keep], scale)
    n = cases.size
    out: list[Driver] = []
    if n == 0:
        return out
    for t, spec in enumerate(p.spec.touchpoints):
        for name in BEHAVIOURS:
            did = behaviour.of(name, cases, t)
            k = int(np.count_nonzero(did))
            if k < MIN_GROUP or n - k < MIN_GROUP:
                continue
            cmp = welch(value[~did], value[did])
            assert cmp.effect is not None and cmp.p_value is not None
            share = k / n
            out.append(
                Driver(
                    touchpoint_id=spec.id,
                    title=spec.title,
                    behaviour=name,
                    n_did=k,
                    n_not=n - k,
                    score_did=float(cmp.value_b),  # type: ignore[arg-type]
                    score_not=float(cmp.value_a),  # type: ignore[arg-type]
                    difference=cmp.effect,
                    low=float(cmp.low),  # type: ignore[arg-type]
                    high=float(cmp.high),  # type: ignore[arg-type]
                    p_value=cmp.p_value,
                    share=share,
                    impact=cmp.effect * share,
                )
            )
    out.sort(key=lambda d: (d.impact, d.p_value))
    return out
