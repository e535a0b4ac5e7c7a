"""Quantiles from exact order statistics with the numpy engine's own formulas.

Why in Python: the numpy engine computes the fractional position from where each group's
block starts in one big array and averages medians its own way; two floats computed
differently can differ in the last bit. So each SQL engine only fetches the order statistics
near the ranks a quantile reads (DuckDB: `duck.order_stats.near`, Spark: `spark.order_stats.ranked`)
and these functions interpolate them exactly as numpy does.
"""

from __future__ import annotations

import math
from typing import Protocol


class OrderStat(Protocol):
    """The values of one group at (at least) the ranks one quantile reads."""

    @property
    def n(self) -> int: ...

    def at(self, rank: int) -> float | int:
        """The value at 0-based `rank`; ValueError if it was not fetched."""
        ...


def lerp(nb: OrderStat, q: float, start: int = 0) -> float:
    """numpy-engine linear quantile of a block starting at global offset `start`
    (`kernels.block_quantiles` / `kernels.quantiles_from_sorted`)."""
    pos = start + q * (nb.n - 1)
    lo, hi = math.floor(pos), math.ceil(pos)
    a = float(nb.at(lo - start))
    b = float(nb.at(hi - start))
    return a + (b - a) * (pos - lo)


def int_median(nb: OrderStat) -> float:
    """`kernels.median_of_sorted_blocks`: the two middle integers summed exactly, then halved."""
    mid = (nb.n - 1) / 2
    lo, hi = math.floor(mid), math.ceil(mid)
    if lo == hi:
        return float(nb.at(lo))
    return float(int(nb.at(lo)) + int(nb.at(hi))) / 2


def np_median(nb: OrderStat, scale: float = 1.0) -> float:
    """`np.median` of the values divided by `scale` (as floats): the mean of the two middle."""
    mid = (nb.n - 1) / 2
    lo, hi = math.floor(mid), math.ceil(mid)
    a = float(nb.at(lo)) / scale
    if lo == hi:
        return a
    return (a + float(nb.at(hi)) / scale) / 2
