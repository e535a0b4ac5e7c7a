"""Vectorised building blocks over integer codes: grouping sorts, distinct pairs, quantiles.

Why this shape: at millions of events numpy's `argsort` and pandas' hashing cost 5-10x more than
sorting plain integers in place (`ndarray.sort` is a SIMD quicksort). So wherever a permutation
or a per-group order is needed, the payload (event position, or the value itself) is packed into
the low bits of one int64 "composite key" and the keys are sorted directly. Keys are unique or
carry the value, so the result is exactly what a stable argsort would give. Each helper checks
that the bits fit and otherwise falls back to a general path with the same result.

No Python loop touches an event; loops run over groups (touchpoints, pairs) at most.
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import Executor

import numpy as np
import pandas as pd

#: Usable bits of a non-negative int64 composite key.
KEY_BITS = 63
#: Above this many non-empty groups, per-group sorts in a Python loop cost more than one argsort.
LOOP_GROUPS = 50_000


def bit_width(top: int) -> int:
    """Bits needed to store every integer in 0..top (at least 1)."""
    return max(int(top).bit_length(), 1)


def small_ints(codes: np.ndarray) -> np.ndarray:
    """Narrowest signed int dtype: numpy's stable sort is a radix sort up to 16 bits."""
    top = int(codes.max()) if codes.size else 0
    low = int(codes.min()) if codes.size else 0
    for dtype in (np.int8, np.int16, np.int32):
        info = np.iinfo(dtype)
        if info.min <= low and top <= info.max:
            return codes.astype(dtype, copy=False)
    return codes.astype(np.int64, copy=False)


def code_key(major: np.ndarray, minor: np.ndarray, n_minor: int, n_major: int) -> np.ndarray:
    """major * n_minor + minor in int32 when it fits (half the memory and sort time), else int64."""
    dtype = np.int32 if n_major * n_minor < 2**31 else np.int64
    key: np.ndarray = major.astype(dtype)
    key *= n_minor
    key += minor
    return key


#: From this many events, `group_order` splits its sort across a worker thread when given one.
PARALLEL_SORT_MIN = 1_000_000


def _sorted_positions(
    groups: np.ndarray, take: np.ndarray | None, pos_bits: int, dtype: type = np.int64
) -> np.ndarray:
    """Packed (code, position) keys of the positions in `take` (None: all), sorted."""
    if take is None:
        key: np.ndarray = groups.astype(dtype)
        pos: np.ndarray = np.arange(groups.size, dtype=dtype)
    else:
        pos = np.flatnonzero(take).astype(dtype, copy=False)
        key = groups[pos].astype(dtype)
    key <<= pos_bits
    key |= pos
    key.sort()
    return key


#: Widest (code, position) key sorted as int32 (half the memory traffic of int64).
INT32_KEY_BITS = 31


def group_order(
    groups: np.ndarray,
    n_groups: int,
    pool: Executor | None = None,
    counts: np.ndarray | None = None,
) -> np.ndarray:
    """Stable permutation putting equal codes together (ascending), input order within a code.

    Packs (code, position) into one int32 key when both fit in 31 bits (an int32 permutation),
    else up to 256 codes: radix sort of uint8 codes, else one int64 key; each key is sorted in
    place: ~6x faster than a stable argsort of wider ints, same permutation.
    With a `pool` and a large input, the codes are cut in two ranges of about equal event
    counts (`counts` per code saves a pass) and each range is sorted on its own thread; all
    keys of the lower range are smaller, so the two sorted halves simply follow each other.
    """
    n = groups.size
    pos_bits = bit_width(n - 1)
    width = bit_width(n_groups - 1) + pos_bits
    # int32 keys sort 2x faster than the radix sort (25 touchpoints, 5 M events: 25 ms / 60 ms)
    dtype = np.int32 if width <= INT32_KEY_BITS else np.int64
    if dtype is np.int64 and n_groups <= 256:  # radix sort of 8-bit codes beats int64 keys
        return np.argsort(groups.astype(np.uint8), kind="stable")
    if width > KEY_BITS:
        return np.argsort(small_ints(groups), kind="stable")
    if pool is None or n < PARALLEL_SORT_MIN:
        key = _sorted_positions(groups, None, pos_bits, dtype)
    else:
        if counts is None:
            counts = np.bincount(groups, minlength=n_groups)
        split = int(np.searchsorted(np.cumsum(counts), n // 2))  # codes < split: about half
        low = groups < split
        low_job = pool.submit(_sorted_positions, groups, low, pos_bits, dtype)
        high = _sorted_positions(groups, ~low, pos_bits, dtype)
        del low
        key = np.concatenate((low_job.result(), high))
        del high
    key &= (1 << pos_bits) - 1
    return key


def stable_case_order(
    case: np.ndarray,
    ts: np.ndarray,
    n_cases: int,
    counts: np.ndarray | None = None,
    pool: Executor | None = None,
) -> np.ndarray | None:
    """Permutation grouping events by case, by time within a case, ties kept in file order.

    Returns None when the input already satisfies that (common: exports grouped by case), so
    callers can skip a copy. Globally time-sorted input (most CSV exports) needs only a stable
    grouping by case; otherwise a stable time sort comes first. `counts` (events per case code)
    saves a pass when the caller has it; `pool` lends `group_order` a second thread.
    """
    n = case.size
    if n < 2:
        return None
    if counts is None:
        counts = np.bincount(case, minlength=n_cases)
    present = int(np.count_nonzero(counts))
    if not np.any(ts[1:] < ts[:-1]):  # time-sorted: in order iff each case is one run
        if 1 + int(np.count_nonzero(case[1:] != case[:-1])) == present:
            return None
        return group_order(case, n_cases, pool, counts)
    same = case[1:] == case[:-1]
    if int(n - np.count_nonzero(same)) == present and not np.any(same & (ts[1:] < ts[:-1])):
        return None  # grouped by case, each case in time order
    del same
    by_time = stable_time_order(ts)
    order: np.ndarray = by_time[group_order(case[by_time], n_cases, pool, counts)]
    return order


#: Candidate timestamp resolutions in ns, coarsest first (s, ms, µs, ns).
_RESOLUTIONS_NS = (1_000_000_000, 1_000_000, 1_000, 1)


def stable_time_order(ts: np.ndarray) -> np.ndarray:
    """Stable argsort of int64 timestamps (ties keep file order).

    Exports usually stamp whole seconds or milliseconds; in those units the time range fits next
    to the event position in one int64 key, which sorts ~10x faster than a stable argsort.
    Otherwise (e.g. microsecond stamps over years) the stable argsort is used.
    """
    n = ts.size
    if n < 2:
        return np.arange(n, dtype=np.int64)
    pos_bits = bit_width(n - 1)
    low, top = int(ts.min()), int(ts.max())
    if top - low < 2**62:
        rel = ts - low
        for unit in _RESOLUTIONS_NS:
            if bit_width((top - low) // unit) + pos_bits > KEY_BITS:
                break  # finer units only need more bits
            if not np.any(rel % unit):
                rel //= unit
                rel <<= pos_bits
                rel |= np.arange(n, dtype=np.int64)
                rel.sort()
                rel &= (1 << pos_bits) - 1
                return rel
    return np.argsort(ts, kind="stable")


def packed_key(major: np.ndarray, minor: np.ndarray, n_major: int, n_minor: int) -> np.ndarray:
    """(major << bits) | minor in the narrowest of int32 / int64 that holds it.

    Shifts and masks instead of `code_key`'s multiply: taking the minor code back out of a
    sorted key is then a bitwise AND, several times cheaper than an integer modulo.
    """
    minor_bits = bit_width(n_minor - 1)
    width = bit_width(n_major - 1) + minor_bits
    if width > KEY_BITS:
        raise ValueError(f"codes need {width} bits; at most {KEY_BITS} fit in one key")
    key: np.ndarray = major.astype(np.int32 if width <= 31 else np.int64)
    key <<= minor_bits
    key |= minor
    return key


def distinct_pair_counts(
    major: np.ndarray, minor: np.ndarray, n_major: int, n_minor: int, repeats: bool = True
) -> tuple[np.ndarray, np.ndarray | None]:
    """Per minor code: distinct majors having it at least once, and (if `repeats`) twice.

    One in-place integer sort of the packed key (no hashing, no dense major x minor table, so
    memory stays one key array whatever the code spaces are).
    """
    if major.size == 0:
        zero = np.zeros(n_minor, dtype=np.int64)
        return zero, zero.copy() if repeats else None
    key = packed_key(major, minor, n_major, n_minor)
    key.sort()
    head = np.empty(key.size, dtype=bool)
    head[0] = True
    np.not_equal(key[1:], key[:-1], out=head[1:])
    mask = (1 << bit_width(n_minor - 1)) - 1
    if not repeats:
        minor_of = key[head]
        del key, head
        minor_of &= mask
        return np.bincount(minor_of, minlength=n_minor)[:n_minor], None
    starts = np.flatnonzero(head)
    del head
    minor_of = key[starts] & mask
    once = np.bincount(minor_of, minlength=n_minor)[:n_minor]
    repeated = np.diff(np.r_[starts, key.size]) >= 2
    return once, np.bincount(minor_of[repeated], minlength=n_minor)[:n_minor]


def sorted_by_group(groups: np.ndarray, values: np.ndarray, n_groups: int) -> np.ndarray:
    """`values` arranged group by group (ascending code), ascending within each group.

    Non-negative integers that fit next to the group code are sorted as one composite key;
    anything else is grouped first and then sorted group by group.
    """
    if values.size == 0:
        return values.copy()
    if values.dtype.kind in "iu":
        low, top = int(values.min()), int(values.max())
        if low >= 0 and bit_width(n_groups - 1) + bit_width(top) <= KEY_BITS:
            val_bits = bit_width(top)
            key = groups.astype(np.int64)
            key <<= val_bits
            key |= values.astype(np.int64, copy=False)
            key.sort()
            key &= (1 << val_bits) - 1
            return key
    counts = np.bincount(groups, minlength=n_groups)
    if np.count_nonzero(counts > 1) > LOOP_GROUPS:
        by_value = np.argsort(values, kind="stable")
        return values[by_value[np.argsort(small_ints(groups[by_value]), kind="stable")]]
    out: np.ndarray = values[group_order(groups, n_groups)]
    ends = np.cumsum(counts)
    for g in np.flatnonzero(counts > 1):
        out[ends[g] - counts[g] : ends[g]].sort()
    return out


def quantiles_from_sorted(
    sorted_values: np.ndarray, counts: np.ndarray, qs: Sequence[float]
) -> np.ndarray:
    """Per-group quantiles (numpy 'linear') of values laid out by `sorted_by_group`.

    Shape (len(counts), len(qs)); NaN for empty groups. Only the 2 order statistics per group and
    quantile are converted to float.
    """
    out = np.full((len(counts), len(qs)), np.nan)
    if sorted_values.size == 0:
        return out
    starts = np.concatenate(([0], np.cumsum(counts)[:-1]))
    has = counts > 0
    for j, q in enumerate(qs):
        pos = starts[has] + q * (counts[has] - 1)
        lo = np.floor(pos).astype(np.int64)
        hi = np.ceil(pos).astype(np.int64)
        frac = pos - lo
        a = sorted_values[lo].astype(np.float64)
        b = sorted_values[hi].astype(np.float64)
        out[has, j] = a + (b - a) * frac
    return out


def block_quantiles(values: np.ndarray, bounds: np.ndarray, qs: Sequence[float]) -> np.ndarray:
    """Quantiles of unsorted contiguous blocks `values[bounds[g]:bounds[g + 1]]`.

    Selection (`np.partition`, linear time) instead of sorting; positions are computed from the
    blocks' global offsets exactly as `quantiles_from_sorted` does, so both give identical floats.
    """
    n_groups = bounds.size - 1
    out = np.full((n_groups, len(qs)), np.nan)
    for g in range(n_groups):
        start, end = int(bounds[g]), int(bounds[g + 1])
        count = end - start
        if count == 0:
            continue
        pos = [start + q * (count - 1) for q in qs]
        lo = [int(np.floor(x)) for x in pos]
        hi = [int(np.ceil(x)) for x in pos]
        block = np.partition(values[start:end], sorted({i - start for i in lo + hi}))
        for j, x in enumerate(pos):
            a = np.float64(block[lo[j] - start])
            b = np.float64(block[hi[j] - start])
            out[g, j] = a + (b - a) * (np.float64(x) - lo[j])
    return out


#: Above this many non-empty blocks, selecting across sorted blocks costs more than a partition.
MAX_SELECT_BLOCKS = 512


def median_of_sorted_blocks(values: np.ndarray, bounds: np.ndarray) -> float:
    """Median (numpy's definition) of all integer `values`, each block `bounds[g]:bounds[g + 1]`
    already ascending, as laid out by `sorted_by_group`.

    A bisection on the value counts elements at or below it with one binary search per block,
    so a few thousand tiny searches replace a linear-time pass over every value. The two middle
    values are averaged exactly as `np.median` does. Many blocks fall back to a partition.
    """
    n = values.size
    if n == 0:
        return float("nan")
    if values.dtype.kind not in "iu":
        raise TypeError("median_of_sorted_blocks needs integer values")
    starts, ends = bounds[:-1], bounds[1:]
    full = ends > starts
    starts, ends = starts[full].tolist(), ends[full].tolist()
    mid = (n - 1) / 2
    ranks = sorted({int(np.floor(mid)), int(np.ceil(mid))})
    if len(starts) > MAX_SELECT_BLOCKS:
        part = np.partition(values, ranks)
        picked = [part[r] for r in ranks]
    else:
        blocks = [values[a:b] for a, b in zip(starts, ends, strict=True)]
        low = min(int(values[a]) for a in starts)
        high = max(int(values[b - 1]) for b in ends)
        picked = []
        for rank in ranks:  # smallest v with more than `rank` values <= v
            lo, hi = low, high
            while lo < hi:
                probe = (lo + hi) // 2
                at_most = sum(int(np.searchsorted(b, probe, side="right")) for b in blocks)
                if at_most > rank:
                    hi = probe
                else:
                    lo = probe + 1
            picked.append(values.dtype.type(lo))
    if len(picked) == 1:
        return float(picked[0])
    return float((picked[0] + picked[1]) / 2)


def grouped_quantiles(
    groups: np.ndarray, values: np.ndarray, n_groups: int, qs: Sequence[float]
) -> np.ndarray:
    """Quantiles of `values` per group, numpy's 'linear' method; NaN for empty groups.

    Shape (n_groups, len(qs)).
    """
    counts = np.bincount(groups, minlength=n_groups)
    return quantiles_from_sorted(sorted_by_group(groups, values, n_groups), counts, qs)


def ts_ns(series: pd.Series) -> np.ndarray:
    """Nanoseconds since the epoch (UTC) of a datetime column, without converting objects.

    A nanosecond column (every imported log) is read in place, as a read-only view: `as_unit`
    would copy it (40 MB and ~15 ms at 5 M events, at the analysis's peak of memory).
    """
    values = series.array
    if isinstance(values, pd.arrays.DatetimeArray) and values.unit == "ns":
        view: np.ndarray = values.asi8.view()
        view.flags.writeable = False
        return view
    return np.asarray(series.dt.as_unit("ns").array.asi8, dtype=np.int64)
