"""Exact order statistics of one value column under several groupings at once.

Why: the per-touchpoint quantiles, the per-transition medians and the journey median are order
statistics of the same step durations grouped three ways. `order_stats.near` answers one
grouping with two passes (pick, then count around the pick), so the three took six passes over
the step table. Here each grouping's picks come from one `quantile_disc(v, [q...])` (the list
form sorts a group once for all its quantiles), and a single counting pass grouped by the
finest key counts around every pick of every grouping; the counts, the nearest value below and
the nearest above of a coarse group are sums, maxima and minima of its fine groups' figures,
so the `Near` results are exactly those of `near` run once per grouping.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from cxmapper.analysis.engines.duck.db import Database
from cxmapper.analysis.engines.duck.order_stats import Near


def _picks(
    db: Database, source: str, key: str, qs: Sequence[float]
) -> dict[int, tuple[int, list[Any]]]:
    """Per group of `key`: its size and the element `quantile_disc` picks for each q."""
    listed = ", ".join(repr(float(q)) for q in qs)
    rows = db.rows(
        f"SELECT {key} AS g, count(*), quantile_disc(v, [{listed}]) FROM ({source}) GROUP BY g"
    )
    return {int(r[0]): (int(r[1]), list(r[2])) for r in rows}


def near_many(
    db: Database, source: str, keys: Mapping[str, str], qs: Mapping[str, Sequence[float]]
) -> dict[str, dict[int, list[Near]]]:
    """For each grouping name in `keys` (an integer SQL expression over `source`'s columns):
    per group, one `Near` per quantile in `qs[name]`, as `order_stats.near` gives. `source` is
    a query with the columns the keys read and a value column v."""
    names = list(keys)
    picks = {k: _picks(db, source, keys[k], qs[k]) for k in names}
    joins, aggs, tables = [], [], []
    for i, k in enumerate(names):
        width = len(qs[k])
        frame = pd.DataFrame({"g": list(picks[k])})
        for j in range(width):
            frame[f"e{j}"] = [picks[k][g][1][j] for g in picks[k]]
        table = db.name("picks")
        db.con.register(table, frame)
        tables.append(table)
        joins.append(f"JOIN {table} p{i} ON ({keys[k]}) = p{i}.g")
        for j in range(width):
            e = f"p{i}.e{j}"
            aggs.append(
                f"count(*) FILTER (s.v < {e}), count(*) FILTER (s.v <= {e}), "
                f"max(s.v) FILTER (s.v < {e}), min(s.v) FILTER (s.v > {e})"
            )
    cols = ", ".join(f"({keys[k]}) AS k{i}" for i, k in enumerate(names))
    group = ", ".join(f"k{i}" for i in range(len(names)))  # names: a constant key is no position
    try:
        rows = db.rows(
            f"SELECT {cols}, {', '.join(aggs)} FROM ({source}) s {' '.join(joins)} GROUP BY {group}"
        )
    finally:
        for table in tables:
            db.con.unregister(table)
    return {k: _merge(rows, i, names, qs, picks[k]) for i, k in enumerate(names)}


def _merge(
    rows: list[tuple[Any, ...]],
    index: int,
    names: list[str],
    qs: Mapping[str, Sequence[float]],
    picks: dict[int, tuple[int, list[Any]]],
) -> dict[int, list[Near]]:
    """Add up the fine groups' counts for grouping `names[index]`; keep the extreme neighbours."""
    offset = len(names) + 4 * sum(len(qs[k]) for k in names[:index])
    width = len(qs[names[index]])
    lt: dict[int, list[int]] = {g: [0] * width for g in picks}
    le: dict[int, list[int]] = {g: [0] * width for g in picks}
    below: dict[int, list[Any]] = {g: [None] * width for g in picks}
    above: dict[int, list[Any]] = {g: [None] * width for g in picks}
    for row in rows:
        g = int(row[index])
        for j in range(width):
            a, b, lo, hi = row[offset + 4 * j : offset + 4 * j + 4]
            lt[g][j] += int(a)
            le[g][j] += int(b)
            if lo is not None and (below[g][j] is None or lo > below[g][j]):
                below[g][j] = lo
            if hi is not None and (above[g][j] is None or hi < above[g][j]):
                above[g][j] = hi
    return {
        g: [Near(n, es[j], lt[g][j], le[g][j], below[g][j], above[g][j]) for j in range(width)]
        for g, (n, es) in picks.items()
    }
