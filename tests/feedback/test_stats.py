"""Every statistical result equals the scipy function it uses, on fixed cases."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy import stats

from cxmapper.feedback.experiments import needed_per_group
from cxmapper.feedback.stats import mann_whitney, nps_interval, two_proportions, welch, z_value


def test_two_proportions_is_the_chi_square_test_and_the_z_test() -> None:
    r = two_proportions(45, 200, 25, 210)
    table = np.array([[45, 155], [25, 185]])
    assert r.p_value == pytest.approx(stats.chi2_contingency(table, correction=False).pvalue)
    # the same as the pooled two-proportion z-test through scipy.stats.norm
    p1, p2, pool = 45 / 200, 25 / 210, 70 / 410
    z = (p2 - p1) / math.sqrt(pool * (1 - pool) * (1 / 200 + 1 / 210))
    assert r.p_value == pytest.approx(2 * stats.norm.sf(abs(z)))
    assert r.effect == pytest.approx(100 * (p2 - p1))
    se = math.sqrt(p1 * (1 - p1) / 200 + p2 * (1 - p2) / 210)
    assert r.low == pytest.approx(100 * (p2 - p1 - stats.norm.ppf(0.975) * se))


def test_two_proportions_with_one_outcome_only_is_no_difference() -> None:
    r = two_proportions(0, 50, 0, 60)
    assert (r.p_value, r.effect) == (1.0, 0.0)
    assert two_proportions(0, 0, 3, 10).p_value is None


def test_mann_whitney_is_scipys() -> None:
    a = np.array([12.0, 15, 11, 19, 30, 22, 14, 18])
    b = np.array([9.0, 8, 12, 7, 10, 11, 6])
    r = mann_whitney(a, b)
    assert r.p_value == pytest.approx(stats.mannwhitneyu(a, b, alternative="two-sided").pvalue)
    assert r.effect == pytest.approx(np.median(b) - np.median(a))
    assert mann_whitney(np.ones(5), np.ones(6)).p_value == 1.0


def test_welch_is_scipys_with_its_interval() -> None:
    a = np.array([100.0, 0, 0, -100, 100, 100, 0, -100, 100])
    b = np.array([-100.0, -100, 0, -100, 100, -100])
    r = welch(a, b)
    ref = stats.ttest_ind(b, a, equal_var=False)
    ci = ref.confidence_interval(0.95)
    assert r.p_value == pytest.approx(ref.pvalue)
    assert (r.low, r.high) == (pytest.approx(ci.low), pytest.approx(ci.high))
    assert r.effect == pytest.approx(b.mean() - a.mean())


def test_nps_interval_uses_the_normal_quantile() -> None:
    assert z_value() == pytest.approx(stats.norm.ppf(0.975))
    value, low, high = nps_interval(50, 20, 100)
    se = math.sqrt((0.5 + 0.2 - 0.3**2) / 100)
    assert value == pytest.approx(30)
    assert (low, high) == (pytest.approx(100 * (0.3 - z_value() * se)), pytest.approx(100 * (0.3 + z_value() * se)))  # fmt: skip


def test_sample_size_for_an_experiment() -> None:
    z = stats.norm.ppf(0.975) + stats.norm.ppf(0.8)
    expected = math.ceil(z**2 * (0.1 * 0.9 + 0.12 * 0.88) / 0.02**2)
    assert needed_per_group(0.10, 0.12) == expected
    assert needed_per_group(0.1, 0.1) is None
