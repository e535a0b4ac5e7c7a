"""The statistical tests feedback figures use, all from scipy.stats (no hand-written tests).

Each returns plain numbers so tests can compare them with the scipy call on the same data.
"""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass

import numpy as np
from scipy import stats

CONFIDENCE = 0.95


def z_value(confidence: float = CONFIDENCE) -> float:
    return float(stats.norm.ppf(0.5 + confidence / 2))


@dataclass(frozen=True)
class Comparison:
    """b against a: effect = b - a in the measure's unit; p two-sided; None when not testable."""

    n_a: int
    n_b: int
    value_a: float | None
    value_b: float | None
    effect: float | None
    p_value: float | None
    low: float | None = None  # 95 % interval of the effect, where the test gives one
    high: float | None = None


def nps_interval(promoters: int, detractors: int, n: int) -> tuple[float, float, float]:
    """NPS and its 95 % interval: each answer scores +1 / 0 / -1, NPS = 100 x their mean, and
    the interval is mean +- z x sqrt(variance / n) (normal approximation, z from scipy),
    clipped to the scale's -100..100."""
    if n == 0:
        return math.nan, math.nan, math.nan
    pp, pd_ = promoters / n, detractors / n
    value = pp - pd_
    se = math.sqrt(max(pp + pd_ - value**2, 0.0) / n)
    z = z_value()
    low, high = max(value - z * se, -1.0), min(value + z * se, 1.0)
    return 100 * value, 100 * low, 100 * high


def two_proportions(k_a: int, n_a: int, k_b: int, n_b: int) -> Comparison:
    """Rates k/n compared by the chi-square test of the 2x2 table (no continuity correction,
    the same as the two-sided two-proportion z-test); effect in percentage points."""
    if n_a == 0 or n_b == 0:
        return Comparison(n_a, n_b, None, None, None, None)
    rate_a, rate_b = k_a / n_a, k_b / n_b
    if k_a + k_b in (0, n_a + n_b):  # one outcome only: the test is undefined, no difference
        p = 1.0
    else:
        table = np.array([[k_a, n_a - k_a], [k_b, n_b - k_b]])
        p = float(stats.chi2_contingency(table, correction=False).pvalue)
    se = math.sqrt(rate_a * (1 - rate_a) / n_a + rate_b * (1 - rate_b) / n_b)
    z = z_value()
    diff = rate_b - rate_a
    return Comparison(
        n_a, n_b, 100 * rate_a, 100 * rate_b, 100 * diff, p, 100 * (diff - z * se),
        100 * (diff + z * se),
    )  # fmt: skip


def mann_whitney(a: np.ndarray, b: np.ndarray) -> Comparison:
    """Medians compared by the two-sided Mann-Whitney U test; effect = median(b) - median(a)."""
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    if a.size == 0 or b.size == 0:
        return Comparison(a.size, b.size, None, None, None, None)
    med_a, med_b = float(np.median(a)), float(np.median(b))
    if np.all(a == a[0]) and np.all(b == a[0]):
        p = 1.0  # all values equal: no ranks to compare
    else:
        p = float(stats.mannwhitneyu(a, b, alternative="two-sided").pvalue)
    return Comparison(a.size, b.size, med_a, med_b, med_b - med_a, p)


def welch(a: np.ndarray, b: np.ndarray) -> Comparison:
    """Means compared by Welch's t-test; effect = mean(b) - mean(a) with scipy's 95 % interval."""
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    if a.size < 2 or b.size < 2:
        return Comparison(a.size, b.size, None, None, None, None)
    mean_a, mean_b = float(a.mean()), float(b.mean())
    if a.var() == 0 and b.var() == 0:
        diff = mean_b - mean_a
        return Comparison(a.size, b.size, mean_a, mean_b, diff, 1.0 if diff == 0 else 0.0,
                          diff, diff)  # fmt: skip
    with warnings.catch_warnings():  # one constant group (all detractors) is a valid input
        warnings.simplefilter("ignore", RuntimeWarning)
        res = stats.ttest_ind(b, a, equal_var=False)
    ci = res.confidence_interval(CONFIDENCE)
    return Comparison(
        a.size, b.size, mean_a, mean_b, mean_b - mean_a, float(res.pvalue), float(ci.low),
        float(ci.high),
    )  # fmt: skip
