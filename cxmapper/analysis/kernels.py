"""Vectorised building blocks over integer codes: stable case ordering and grouped quantiles.

Everything here is O(n) or one sort over numpy arrays; no Python loop touches an event or a
case. Millions of events fit comfortably because codes are int32/int64 and nothing is copied as
strings.
"""

from __future__ import annotations

import numpy as np
import pandas as pd


def stable_case_order(case: np.ndarray, ts: np.ndarray, n_cases: int) -> np.ndarray | None:
    """Permutation grouping events by case, by time within a case, ties kept in file order.

    Returns None when the input already satisfies that (common: exports grouped by case), so
    callers can skip a copy. Globally time-sorted input needs only a stable sort by case.
    """
    n = case.size
    if n < 2:
        return None
    same = case[1:] == case[:-1]
    runs = int(n - np.count_nonzero(same))
    present = int(np.count_nonzero(np.bincount(case, minlength=n_cases)))
    ts_ok = ts[1:] >= ts[:-1]
    if runs == present and bool(np.all(ts_ok | ~same)):
        return None
    if bool(np.all(ts_ok)):
        return np.argsort(small_ints(case), kind="stable")
    return np.lexsort((ts, case))


def small_ints(codes: np.ndarray) -> np.ndarray:
    """Narrowest signed int dtype: numpy's stable sort is a radix sort up to 16 bits."""
    top = int(codes.max()) if codes.size else 0
    low = int(codes.min()) if codes.size else 0
    for dtype in (np.int8, np.int16, np.int32):
        info = np.iinfo(dtype)
        if info.min <= low and top <= info.max:
            return codes.astype(dtype, copy=False)
    return codes.astype(np.int64, copy=False)


def grouped_quantiles(
    groups: np.ndarray,
    values: np.ndarray,
    n_groups: int,
    qs: tuple[float, ...],
    by_value: np.ndarray | None = None,
) -> np.ndarray:
    """Quantiles of `values` per group, numpy's 'linear' method; NaN for empty groups.

    Shape (n_groups, len(qs)). One value sort plus a radix-stable group sort; pass `by_value`
    (argsort of `values`) to share the value sort between several groupings.
    """
    out = np.full((n_groups, len(qs)), np.nan)
    if values.size == 0:
        return out
    if by_value is None:
        by_value = np.argsort(values)
    order = by_value[np.argsort(small_ints(groups[by_value]), kind="stable")]
    sorted_vals = values[order].astype(np.float64)
    counts = np.bincount(groups, minlength=n_groups)
    starts = np.concatenate(([0], np.cumsum(counts)[:-1]))
    has = counts > 0
    for j, q in enumerate(qs):
        pos = starts[has] + q * (counts[has] - 1)
        lo = np.floor(pos).astype(np.int64)
        hi = np.ceil(pos).astype(np.int64)
        frac = pos - lo
        out[has, j] = sorted_vals[lo] + (sorted_vals[hi] - sorted_vals[lo]) * frac
    return out


def pair_counts(
    major: np.ndarray, minor: np.ndarray, n_minor: int
) -> tuple[np.ndarray, np.ndarray]:
    """Distinct (major, minor) pairs with how often each occurs, via hashing (O(n), no sort).

    Returns (minor value of each distinct pair, occurrences of that pair).
    """
    key = major.astype(np.int64) * n_minor + minor.astype(np.int64)
    codes, uniques = pd.factorize(key, sort=False)
    counts = np.bincount(codes, minlength=len(uniques))
    return (np.asarray(uniques) % n_minor).astype(np.int64), counts


def ts_ns(series: pd.Series) -> np.ndarray:
    """Nanoseconds since the epoch (UTC) of a datetime column, without converting objects."""
    return np.asarray(series.dt.as_unit("ns").array.asi8, dtype=np.int64)
