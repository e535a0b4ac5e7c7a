"""Exact order statistics per group, so quantiles equal the numpy engine's to the last bit.

DuckDB's `quantile_cont` interpolates linearly like numpy, but the numpy engine computes the
fractional position from where each group's block starts in one big array, and averages medians
its own way; two floats computed differently can differ in the last bit. So the SQL only finds
the order statistics (which are exact integers or floats from the data) and Python interpolates
them with the numpy engine's formulas.

Two linear passes, no sort: `quantile_disc` picks an element e near rank q*(n-1); counting the
values below and at e, with the nearest value below and above, gives every rank within one of
it, which covers the floor and ceiling positions of numpy's linear interpolation.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from cxmapper.analysis.engines.duck.db import Database

# the interpolation, shared with the Spark engine, lives with the SQL base; named here too
from cxmapper.analysis.engines.sql.quantiles import int_median, lerp, np_median

__all__ = ["Near", "int_median", "lerp", "near", "np_median"]


@dataclass(frozen=True)
class Near:
    """The values around one picked element e of a group: ranks [lt, le) hold e."""

    n: int
    e: float | int
    lt: int
    le: int
    below: float | int | None
    above: float | int | None

    def at(self, rank: int) -> float | int:
        """The value at 0-based `rank` (must be within one of e's ranks)."""
        if self.lt <= rank < self.le:
            return self.e
        if rank == self.lt - 1 and self.below is not None:
            return self.below
        if rank == self.le and self.above is not None:
            return self.above
        raise ValueError(f"rank {rank} is not next to the picked element")


def near(db: Database, source: str, qs: Sequence[float]) -> dict[int, list[Near]]:
    """Per group g of `source` (a query with integer column g and value column v): the values
    near each quantile q (one `Near` per q, in order)."""
    picks = ", ".join(f"quantile_disc(v, {q!r}) AS e{j}" for j, q in enumerate(qs))
    aggs = ", ".join(
        f"count(*) FILTER (s.v < p.e{j}), count(*) FILTER (s.v <= p.e{j}), "
        f"max(s.v) FILTER (s.v < p.e{j}), min(s.v) FILTER (s.v > p.e{j})"
        for j in range(len(qs))
    )
    es = ", ".join(f"any_value(p.e{j})" for j in range(len(qs)))
    sql = f"""
        WITH src AS ({source}),
        pick AS (SELECT g, count(*) AS n, {picks} FROM src GROUP BY g)
        SELECT s.g, any_value(p.n), {es}, {aggs}
        FROM src s JOIN pick p ON s.g = p.g GROUP BY s.g
    """
    out: dict[int, list[Near]] = {}
    k = len(qs)
    for row in db.rows(sql):
        g, n, es_row, rest = row[0], int(row[1]), row[2 : 2 + k], row[2 + k :]
        out[int(g)] = [
            Near(
                n,
                es_row[j],
                int(rest[4 * j]),
                int(rest[4 * j + 1]),
                rest[4 * j + 2],
                rest[4 * j + 3],
            )
            for j in range(k)
        ]
    return out
