"""Integer kernels: every fast path (composite keys, radix) equals the obvious slow computation.

The benchmark only exercises the fast paths; these tests force the fallbacks too (wide codes,
durations too large to pack, many groups) so both stay exact.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pandas as pd
import pytest

from cxmapper.analysis import kernels
from cxmapper.analysis.kernels import (
    block_quantiles,
    distinct_pair_counts,
    group_order,
    grouped_quantiles,
    median_of_sorted_blocks,
    packed_key,
    quantiles_from_sorted,
    sorted_by_group,
    stable_case_order,
)

RNG = np.random.default_rng(7)


@pytest.mark.parametrize("n_groups", [1, 3, 256, 257, 70_000])
def test_group_order_is_a_stable_argsort(n_groups):
    groups = RNG.integers(0, n_groups, 20_000).astype(np.int32)
    expected = np.argsort(groups, kind="stable")
    assert np.array_equal(group_order(groups, n_groups), expected)


@pytest.mark.parametrize("n_groups", [1, 3, 256, 257, 70_000])
def test_group_order_without_int32_keys_is_the_same_permutation(monkeypatch, n_groups):
    """The paths of logs too large for int32 keys (radix sort, int64 keys, split or not)."""
    monkeypatch.setattr(kernels, "INT32_KEY_BITS", 0)
    monkeypatch.setattr(kernels, "PARALLEL_SORT_MIN", 1_000)
    groups = RNG.integers(0, n_groups, 20_000).astype(np.int32)
    expected = np.argsort(groups, kind="stable")
    assert np.array_equal(group_order(groups, n_groups), expected)
    with ThreadPoolExecutor(max_workers=1) as pool:
        assert np.array_equal(group_order(groups, n_groups, pool), expected)


@pytest.mark.parametrize("n_groups", [300, 70_000])
def test_group_order_split_across_a_worker_is_the_same_permutation(monkeypatch, n_groups):
    monkeypatch.setattr(kernels, "PARALLEL_SORT_MIN", 1_000)
    groups = RNG.integers(0, n_groups, 20_000).astype(np.int32)
    groups[:3000] = 5  # uneven counts: the split follows event counts, not codes
    with ThreadPoolExecutor(max_workers=1) as pool:
        got = group_order(groups, n_groups, pool)
        counted = group_order(groups, n_groups, pool, np.bincount(groups, minlength=n_groups))
    expected = np.argsort(groups, kind="stable")
    assert np.array_equal(got, expected) and np.array_equal(counted, expected)


def test_stable_case_order_with_a_worker(monkeypatch):
    monkeypatch.setattr(kernels, "PARALLEL_SORT_MIN", 1_000)
    case = RNG.integers(0, 500, 10_000).astype(np.int32)
    ts = RNG.integers(0, 50, 10_000).astype(np.int64) * 10**9
    with ThreadPoolExecutor(max_workers=1) as pool:
        assert np.array_equal(stable_case_order(case, ts, 500, pool=pool), np.lexsort((ts, case)))
        by_time = np.argsort(ts, kind="stable")
        c2, t2 = case[by_time], ts[by_time]
        assert np.array_equal(stable_case_order(c2, t2, 500, pool=pool), np.lexsort((t2, c2)))


@pytest.mark.parametrize("unit", [10**9, 10**6, 7, 0])
def test_stable_time_order(unit):
    """Seconds, ms and short ns ranges pack into a key; a huge ns range uses argsort."""
    ts = RNG.integers(0, 5_000, 20_000).astype(np.int64) * unit * 3 + 1_700_000_000 * 10**9
    if unit == 0:
        ts = RNG.integers(0, 2**61, 20_000)
    assert np.array_equal(kernels.stable_time_order(ts), np.argsort(ts, kind="stable"))


def test_stable_case_order_all_paths():
    n_cases = 500
    case = RNG.integers(0, n_cases, 10_000).astype(np.int32)
    ts = RNG.integers(0, 50, 10_000).astype(np.int64) * 10**9  # many ties
    expected = np.lexsort((ts, case))
    assert np.array_equal(stable_case_order(case, ts, n_cases), expected)  # unsorted
    by_time = np.argsort(ts, kind="stable")
    c2, t2 = case[by_time], ts[by_time]
    assert np.array_equal(stable_case_order(c2, t2, n_cases), np.lexsort((t2, c2)))  # by time
    c3, t3 = case[expected], ts[expected]
    assert stable_case_order(c3, t3, n_cases) is None  # already grouped and ordered
    c4, t4 = np.sort(case), np.sort(ts)
    assert stable_case_order(c4, t4, n_cases) is None  # grouped and time-sorted overall


@pytest.mark.parametrize(("n_major", "n_minor"), [(50, 7), (300_000, 9_000), (2**40, 5)])
def test_distinct_pair_counts(n_major, n_minor):
    major = RNG.integers(0, n_major, 30_000)
    minor = RNG.integers(0, n_minor, 30_000)
    major[:500] = major[0]  # force some repeats
    minor[:500] = minor[0]
    once, twice = distinct_pair_counts(major, minor, n_major, n_minor)
    pairs = pd.DataFrame({"a": major, "b": minor}).value_counts()
    b = pairs.index.get_level_values("b").to_numpy()
    assert np.array_equal(once, np.bincount(b, minlength=n_minor))
    assert np.array_equal(twice, np.bincount(b[pairs.to_numpy() >= 2], minlength=n_minor))


def test_packed_key_refuses_codes_wider_than_a_key():
    codes = np.zeros(3, dtype=np.int64)
    assert packed_key(codes, codes, 2**31, 2**31).dtype == np.int64
    with pytest.raises(ValueError, match="bits"):
        packed_key(codes, codes, 2**40, 2**30)


@pytest.mark.parametrize(
    ("n", "n_groups", "top"),
    [(1, 1, 10), (2, 3, 10), (10_001, 40, 10**12), (10_000, 40, 5), (20_000, 900, 10**9)],
)
def test_median_of_sorted_blocks_is_numpys_median(n, n_groups, top):
    groups = RNG.integers(0, n_groups, n)
    values = RNG.integers(0, top, n)
    laid_out = sorted_by_group(groups, values, n_groups)
    bounds = np.concatenate(([0], np.cumsum(np.bincount(groups, minlength=n_groups))))
    assert median_of_sorted_blocks(laid_out, bounds) == float(np.median(values))


def test_median_of_sorted_blocks_empty_and_floats():
    assert np.isnan(median_of_sorted_blocks(np.zeros(0, dtype=np.int64), np.zeros(3, dtype=int)))
    with pytest.raises(TypeError):
        median_of_sorted_blocks(np.ones(3), np.array([0, 3]))


def _reference_sorted(groups: np.ndarray, values: np.ndarray) -> np.ndarray:
    return values[np.lexsort((values, groups))]


@pytest.mark.parametrize(
    "values",
    [
        RNG.integers(0, 10**12, 20_000),  # packs next to the group code
        RNG.integers(0, 2**62, 20_000),  # too wide to pack: grouped, then sorted per group
        RNG.integers(-(10**6), 10**6, 20_000),  # negative: general path
        RNG.random(20_000),  # floats
    ],
)
def test_sorted_by_group_paths(values):
    groups = RNG.integers(0, 40, values.size)
    assert np.array_equal(sorted_by_group(groups, values, 40), _reference_sorted(groups, values))


def test_sorted_by_group_many_groups_fallback(monkeypatch):
    monkeypatch.setattr(kernels, "LOOP_GROUPS", 3)
    groups = RNG.integers(0, 40, 5_000)
    values = RNG.random(5_000)
    assert np.array_equal(sorted_by_group(groups, values, 40), _reference_sorted(groups, values))


def test_grouped_quantiles_match_numpy():
    groups = RNG.integers(0, 30, 10_000)
    groups[groups == 7] = 8  # an empty group
    values = RNG.integers(0, 10**9, 10_000)
    got = grouped_quantiles(groups, values, 30, (0.5, 0.9))
    assert np.isnan(got[7]).all()
    for g in set(range(30)) - {7}:
        expected = np.quantile(values[groups == g].astype(np.float64), [0.5, 0.9])
        assert got[g] == pytest.approx(expected, rel=1e-12)


def test_block_quantiles_equal_sorted_quantiles_exactly():
    counts = np.array([0, 1, 2, 5, 1000, 3])
    groups = np.repeat(np.arange(counts.size), counts)
    values = RNG.integers(0, 10**15, groups.size)
    shuffled_within = np.concatenate(
        [RNG.permutation(values[groups == g]) for g in range(counts.size)]
    )
    bounds = np.concatenate(([0], np.cumsum(counts)))
    qs = (0.5, 0.9, 0.25)
    expected = quantiles_from_sorted(sorted_by_group(groups, values, counts.size), counts, qs)
    got = block_quantiles(shuffled_within, bounds, qs)
    assert np.array_equal(np.isnan(got), np.isnan(expected))
    assert np.array_equal(got[~np.isnan(got)], expected[~np.isnan(expected)])


def test_metrics_with_durations_too_wide_to_pack():
    """Gaps of centuries do not fit next to the pair code: the general path gives the same."""
    from cxmapper.analysis.metrics import touchpoint_metrics, transition_metrics
    from cxmapper.analysis.prepared import prepare
    from cxmapper.analysis.readers import from_frame

    rows = [
        ("a", "X", "1700-01-01T00:00:00Z"),
        ("a", "Y", "1950-01-01T00:00:00Z"),  # 250 years: 63 bits of ns
        ("b", "X", "1800-01-01T00:00:00Z"),
        ("b", "Y", "1800-01-01T00:00:01Z"),
        ("c", "X", "2000-01-01T00:00:00Z"),
        ("c", "Y", "2000-01-01T00:00:03Z"),
        ("c", "X", "2000-01-01T00:00:04Z"),
    ]
    frame = from_frame(pd.DataFrame(rows, columns=["case_id", "event", "timestamp"])).frame
    p = prepare(frame)
    t = transition_metrics(p).set_index(["from", "to"])
    ts = pd.to_datetime([r[2] for r in rows], utc=True)
    big = (ts[1].value - ts[0].value) / 1e9
    assert t.loc[("X", "Y"), "median_seconds"] == 3.0  # of 1 s, 3 s and centuries
    assert t.loc[("X", "Y"), "mean_seconds"] == pytest.approx((big + 1 + 3) / 3, rel=1e-12)
    assert touchpoint_metrics(p).loc["X", "p90_seconds_to_next"] == pytest.approx(
        np.quantile([big, 1.0, 3.0], 0.9), rel=1e-12
    )


def test_analyze_same_with_and_without_worker_thread(small_log, small_spec):
    """The worker only precomputes: metrics computed in sequence give identical tables."""
    from concurrent.futures import ThreadPoolExecutor

    from cxmapper.analysis.metrics import (
        journey_median_seconds,
        prefetch,
        steps,
        touchpoint_metrics,
        transition_metrics,
    )
    from cxmapper.analysis.prepared import prepare
    from cxmapper.analysis.report import analyze

    for spec in (None, small_spec):
        report = analyze(small_log, spec)
        plain = prepare(small_log.frame, spec)
        pd.testing.assert_frame_equal(report.touchpoints, touchpoint_metrics(plain))
        pd.testing.assert_frame_equal(report.transitions, transition_metrics(plain))
        assert report.journey_median_seconds == journey_median_seconds(plain)
        again = prepare(small_log.frame, spec)
        steps(again)  # steps already cached: prefetch must reuse them, not wait on itself
        with ThreadPoolExecutor(max_workers=1) as pool:
            prefetch(again, pool)
            pd.testing.assert_frame_equal(report.touchpoints, touchpoint_metrics(again))
