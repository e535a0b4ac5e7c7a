"""Exact order statistics of one value column under several groupings, from a histogram.

Why: the per-touchpoint quantiles, the per-transition medians and the journey median are order
statistics of the same step durations grouped three ways. `near_many` found them with one
`quantile_disc` per grouping (each holds and sorts every value of its groups) and a counting
pass joined to the picks: four passes, 19 % of the CPU at 100 M events. Here one linear pass
counts the values per (finest group, bucket), buckets being 1/128 of a power of two of the
value; the counts of a coarse group are sums of its fine groups'. The cumulative counts tell
which bucket holds each rank a quantile reads, and a second pass fetches only the values of
those buckets (a few hundredths of the data), sorted in Python: the values at the ranks are then
exact (a bucket whose minimum equals its maximum is not fetched). The bucket function only has
to keep the values' order; each bucket's minimum and maximum are checked to be disjoint and
ordered, and `None` is returned (the caller falls back to `near_many`) if they are not, or if
the buckets to fetch hold over `MAX_FETCH` values.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from cxmapper.analysis.engines.duck.db import Database

#: buckets per power of two: a bucket holds values within ~0.5 % of each other
STEPS = 128
#: at most this many values fetched to Python (a bucket of equal values is not fetched: its
#: minimum is its value); beyond it the caller's other method is used
MAX_FETCH = 4_000_000
BUCKET = (
    f"CASE WHEN v >= 0 THEN CAST(floor(log2(CAST(v AS DOUBLE) + 1) * {STEPS}) AS BIGINT) "
    f"ELSE -1 - CAST(floor(log2(1 - CAST(v AS DOUBLE)) * {STEPS}) AS BIGINT) END"
)


@dataclass
class Ranked:
    """The values of one group at the ranks one quantile reads (and their neighbours)."""

    n: int
    values: dict[int, float | int] = field(default_factory=dict)

    def at(self, rank: int) -> float | int:
        if rank not in self.values:
            raise ValueError(f"rank {rank} was not fetched")
        return self.values[rank]


def _ranks(n: int, q: float) -> range:
    """The ranks a quantile q of n values reads (floor and ceiling of q*(n-1)) and one either
    side, which covers the rounding of a block's global offset (`quantiles.lerp`)."""
    pos = q * (n - 1)
    return range(max(math.floor(pos) - 1, 0), min(math.ceil(pos) + 1, n - 1) + 1)


def _coarse(hist: pd.DataFrame, key: np.ndarray) -> pd.DataFrame | None:
    """Counts, minima and maxima per (coarse group, bucket), with the count below each bucket;
    None if a bucket's values are not all above the previous bucket's."""
    frame = pd.DataFrame({"c": key, "b": hist["b"], "n": hist["n"], "lo": hist["lo"]})
    frame["hi"] = hist["hi"]
    out = (
        frame.groupby(["c", "b"], sort=True)
        .agg(n=("n", "sum"), lo=("lo", "min"), hi=("hi", "max"))
        .reset_index()
    )
    same = out["c"].to_numpy()[1:] == out["c"].to_numpy()[:-1]
    if np.any(same & ~(out["hi"].to_numpy()[:-1] < out["lo"].to_numpy()[1:])):
        return None
    cum = out.groupby("c")["n"].cumsum()
    out["below"] = cum - out["n"]
    return out


def ranked_many(
    db: Database,
    source: str,
    groupings: Mapping[str, Callable[[np.ndarray], np.ndarray]],
    qs: Mapping[str, Sequence[float]],
) -> dict[str, dict[int, list[Ranked]]] | None:
    """For each grouping (a map from the fine key g to its group): per group, one `Ranked`
    per quantile in `qs[name]`. `source` is a query with an integer column g (the finest key)
    and a value column v (NULLs are not values). None if the buckets do not keep the order."""
    src = f"SELECT g, v, {BUCKET} AS b FROM ({source}) WHERE v IS NOT NULL"
    with db.lock:
        got = db.con.execute(
            f"SELECT g, b, count(*) AS n, min(v) AS lo, max(v) AS hi FROM ({src}) GROUP BY g, b"
        ).fetchnumpy()
    hist = pd.DataFrame({k: np.asarray(got[k]) for k in ("g", "b", "n", "lo", "hi")})
    out: dict[str, dict[int, list[Ranked]]] = {}
    if hist.empty:
        return {name: {} for name in groupings}
    fine_g = hist["g"].to_numpy(np.int64)
    plans = {}
    fetched = np.zeros(len(hist), dtype=bool)  # the (fine group, bucket) rows whose values are read
    for name, to_group in groupings.items():
        table = _coarse(hist, to_group(fine_g))
        if table is None:
            return None
        need = []  # (group, q index, rank, bucket, count below the bucket, its one value)
        for c, part in table.groupby("c", sort=True):
            n = int(part["n"].sum())
            ends = part["below"].to_numpy() + part["n"].to_numpy()
            for j, q in enumerate(qs[name]):
                for r in _ranks(n, q):
                    i = int(np.searchsorted(ends, r, side="right"))
                    lo, hi = part["lo"].iloc[i], part["hi"].iloc[i]
                    one = lo.item() if lo == hi else None  # a bucket of equal values: known
                    b, below = int(part["b"].iloc[i]), int(part["below"].iloc[i])
                    need.append((int(c), j, r, b, below, one))
        plans[name] = (table, need)
        buckets = {(c, b) for c, _, _, b, _, one in need if one is None}
        fetched |= np.fromiter(
            ((int(c), int(b)) in buckets for c, b in zip(to_group(fine_g), hist["b"], strict=True)),
            dtype=bool,
            count=len(hist),
        )
    fetch = int(hist["n"].to_numpy()[fetched].sum())
    if fetch > MAX_FETCH:  # values concentrated in a few wide buckets: count around picks
        return None
    targets = db.name("buckets")
    db.con.register(
        targets,
        pd.DataFrame({"g": fine_g[fetched], "b": hist["b"].to_numpy(np.int64)[fetched]}),
    )
    try:
        with db.lock:
            vals = db.con.execute(
                f"SELECT s.g, s.b, s.v FROM ({src}) s SEMI JOIN {targets} t "
                "ON s.g = t.g AND s.b = t.b"
            ).fetchnumpy()
    finally:
        db.con.unregister(targets)
    g_v, b_v, v_v = (np.asarray(vals[k]) for k in ("g", "b", "v"))
    for name, to_group in groupings.items():
        table, need = plans[name]
        c_v = to_group(g_v.astype(np.int64))
        order = np.lexsort((v_v, b_v, c_v))
        cs, bs, vs = c_v[order], b_v[order], v_v[order]
        sizes = dict(
            zip(table["c"].tolist(), table.groupby("c")["n"].transform("sum"), strict=True)
        )
        groups: dict[int, list[Ranked]] = {}
        for c, j, r, b, below, one in need:
            slot = groups.setdefault(c, [Ranked(int(sizes[c])) for _ in qs[name]])
            if one is not None:
                slot[j].values[r] = one
                continue
            start = int(np.searchsorted(cs, c, side="left"))
            stop = int(np.searchsorted(cs, c, side="right"))
            lo = start + int(np.searchsorted(bs[start:stop], b, side="left"))
            slot[j].values[r] = vs[lo + r - below].item()
        out[name] = groups
    return out
