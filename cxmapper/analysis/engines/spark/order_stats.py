"""Exact order statistics per group in Spark SQL, so quantiles equal the numpy engine's.

Spark's `percentile` interpolates in its own way (and `percentile_approx` is approximate), so,
as in DuckDB (`duck.order_stats`), Spark only finds the values at the ranks numpy's linear
interpolation reads and Python interpolates them (`sql.quantiles`): `ranked_many` sorts each
group's values in a window and fetches only those ranks.
"""

from __future__ import annotations

from collections.abc import Sequence as Seq
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cxmapper.analysis.engines.spark.sql import SparkSql


@dataclass
class Ranked:
    """The values of one group at the ranks a quantile reads (an `sql.quantiles.OrderStat`)."""

    n: int
    values: dict[int, float | int] = field(default_factory=dict)

    def at(self, rank: int) -> float | int:
        return self.values[rank]


def _near(qs: Seq[float]) -> str:
    return " OR ".join(
        f"(r BETWEEN floor({q!r} * (n - 1)) - 1 AND ceil({q!r} * (n - 1)) + 1)" for q in qs
    )


def ranked_sql(parts: Seq[tuple[str, Seq[float]]]) -> str:
    """The query of `ranked_many`: rows (k, g, n, r, v, iv, whole) of part k, group g."""
    union = " UNION ALL ".join(
        f"SELECT {k} AS k, g, CAST(v AS DOUBLE) AS v, CAST(v AS BIGINT) AS iv, "
        f"typeof(v) = 'bigint' AS whole FROM ({source}) s{k}"
        for k, (source, _) in enumerate(parts)
    )
    keep = " OR ".join(f"(k = {k} AND ({_near(qs)}))" for k, (_, qs) in enumerate(parts))
    return (
        f"SELECT k, g, n, r, v, iv, whole FROM (SELECT k, g, v, iv, whole, "
        f"(row_number() OVER (PARTITION BY k, g ORDER BY v, iv)) - 1 AS r, "
        f"count(*) OVER (PARTITION BY k, g) AS n FROM ({union}) u) t WHERE {keep}"
    )


#: The column kinds of `ranked_sql` for `SparkSql.batch`: integers, a double, a flag.
RANKED_KINDS = "iiiidib"


def ranked_rows(rows: Seq[Seq[object]], n_parts: int) -> list[dict[int, Ranked]]:
    """The rows of `ranked_sql` as per part, per group, a `Ranked`."""
    out: list[dict[int, Ranked]] = [{} for _ in range(n_parts)]
    for k, g, n, r, v, iv, whole in rows:
        got = out[int(k)].setdefault(int(g), Ranked(int(n)))  # type: ignore[call-overload]
        got.values[int(r)] = int(iv) if whole else v  # type: ignore[call-overload,assignment]
    return out


def ranked_many(sql: SparkSql, parts: Seq[tuple[str, Seq[float]]]) -> list[dict[int, Ranked]]:
    """Per part (a query with integer column g and value column v, and its quantiles q): per
    group, the values at ranks floor(q*(n-1)) - 1 .. ceil(q*(n-1)) + 1 for each q (one to spare
    each side, so a position computed from a block's global offset finds its neighbours too).
    All parts in one Spark job: a job costs far more than its rows on small logs."""
    return ranked_rows(sql.rows(ranked_sql(parts)), len(parts))


def ranked(sql: SparkSql, source: str, qs: Seq[float]) -> dict[int, Ranked]:
    """`ranked_many` of one part."""
    return ranked_many(sql, [(source, qs)])[0]
