"""Did it work: before/after windows, scipy tests per measure, the verdict and its minimum."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import numpy as np
import pytest
from scipy import stats

from cxmapper.feedback.verdicts import (
    IMPROVED,
    NO_CHANGE,
    NOT_ENOUGH,
    WORSE,
    SurveySide,
    compare_card,
)
from tests.feedback.feedback_helpers import DAY, prepared

DONE = datetime(2026, 4, 1, tzinfo=UTC)
MIN = DAY / 1440


def cases(prefix: str, start: datetime, n: int, dropped: int) -> list:
    """n cases visiting cart then payment; the first `dropped` stop at payment."""
    rows = []
    for i in range(n):
        t = start + timedelta(hours=i * 12)
        case = f"{prefix}{i}"
        rows += [(case, "cart", t), (case, "pay", t + (2 + i % 5) * MIN)]
        if i >= dropped:
            rows.append((case, "done", t + 10 * MIN))
    return rows


def measures(v) -> dict:
    return {m.measure: m for m in v.measures}


def test_a_falling_drop_off_is_an_improvement_equal_to_scipy() -> None:
    p = prepared(cases("b", DONE - timedelta(days=27), 50, 25) + cases("a", DONE, 50, 5))
    v = compare_card(p, 1, DONE)  # the payment card
    assert v.verdict == IMPROVED and v.measure == "dropoff"
    drop = measures(v)["dropoff"].comparison
    assert (drop.n_a, drop.n_b, drop.value_a, drop.value_b) == (50, 50, 50.0, 10.0)
    table = np.array([[25, 25], [5, 45]])
    assert drop.p_value == pytest.approx(stats.chi2_contingency(table, correction=False).pvalue)
    assert v.effect == pytest.approx(-40.0) and v.p_value == drop.p_value
    conv = measures(v)["conversion"]
    assert conv.verdict == IMPROVED and conv.comparison.effect == pytest.approx(40.0)
    assert v.before == ("2026-03-04", "2026-04-01") and v.after == ("2026-04-01", "2026-04-29")


def test_rising_drop_off_is_worse_and_equal_rates_no_change() -> None:
    p = prepared(cases("b", DONE - timedelta(days=27), 50, 5) + cases("a", DONE, 50, 25))
    assert compare_card(p, 1, DONE).verdict == WORSE
    p = prepared(cases("b", DONE - timedelta(days=27), 50, 10) + cases("a", DONE, 50, 10))
    v = compare_card(p, 1, DONE)
    assert v.verdict == NO_CHANGE and measures(v)["dropoff"].comparison.p_value == 1.0


def test_below_the_minimum_there_is_not_enough_data() -> None:
    p = prepared(cases("b", DONE - timedelta(days=10), 12, 6) + cases("a", DONE, 12, 1))
    v = compare_card(p, 1, DONE)
    assert v.verdict == NOT_ENOUGH and v.p_value is None
    assert all(m.verdict == NOT_ENOUGH for m in v.measures)


def test_settle_period_and_survey_scores_use_mann_whitney() -> None:
    rows = cases("b", DONE - timedelta(days=27), 50, 10) + cases(
        "a", DONE + timedelta(days=7), 50, 10
    )
    rows += cases("s", DONE + timedelta(days=1), 10, 10)  # inside the settle period: ignored
    p = prepared(rows)
    rng = np.random.default_rng(3)
    before = rng.integers(0, 8, 40).astype(float)
    after = rng.integers(4, 11, 40).astype(float)
    when = np.concatenate(
        [np.full(40, DONE - timedelta(days=3)), np.full(40, DONE + timedelta(days=10))]
    )
    side = SurveySide(
        tp=np.full(80, 1),
        when_ns=np.array([int(w.timestamp() * 1e9) for w in when]),
        scores=np.concatenate([before, after]),
        scale="nps",
    )
    v = compare_card(p, 1, DONE, settle=timedelta(days=7), survey=side)
    m = measures(v)
    assert m["dropoff"].comparison.n_b == 50  # the settle-period cases are not counted
    score = m["score"].comparison
    ref = stats.mannwhitneyu(before, after, alternative="two-sided")
    assert score.p_value == pytest.approx(ref.pvalue)
    assert score.effect == pytest.approx(np.median(after) - np.median(before))
    assert m["score"].verdict == IMPROVED and v.verdict == IMPROVED
    times = m["time_to_next"].comparison
    assert times.value_a == pytest.approx(np.median([(8 - i % 5) * 60 for i in range(10, 50)]))
