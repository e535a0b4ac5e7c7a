"""`ranked_many` (order statistics from a histogram pass and a fetch of the buckets that hold
the ranks) gives the values at every rank a quantile reads exactly as `order_stats.near` does,
so the quantiles interpolated from it stay the numpy engine's to the bit: ties, single-value
groups, values spread over many powers of two, and a bucket function that breaks the order
(then None, and the caller falls back)."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from cxmapper.analysis.engines.duck import buckets
from cxmapper.analysis.engines.duck.buckets import ranked_many
from cxmapper.analysis.engines.duck.db import Database
from cxmapper.analysis.engines.duck.order_stats import lerp, near
from cxmapper.analysis.engines.sql.quantiles import int_median
from cxmapper.analysis.kernels import block_quantiles

GROUPINGS = {"a": lambda g: g // 6, "pair": lambda g: g, "all": np.zeros_like}
QS = {"a": (0.5, 0.9), "pair": (0.5,), "all": (0.5, 0.25)}


@pytest.fixture(scope="module")
def db() -> Database:
    return Database(threads=1)


def _check(db: Database, name: str, got: dict, exprs: dict[str, str]) -> None:
    for k, expr in exprs.items():
        want = near(db, f"SELECT {expr} AS g, v FROM {name}", QS[k])
        assert set(got[k]) == set(want)
        for g, nbs in want.items():
            for j, (nb, q) in enumerate(zip(nbs, QS[k], strict=True)):
                mine = got[k][g][j]
                assert mine.n == nb.n
                pos = q * (nb.n - 1)
                for r in {math.floor(pos), math.ceil(pos)}:
                    assert mine.at(r) == nb.at(r)
                    assert type(mine.at(r)) is type(nb.at(r))


@pytest.mark.parametrize("seed", range(5))
def test_equals_near_on_random_logs(db: Database, seed: int) -> None:
    rng = np.random.default_rng(seed)
    a = rng.integers(0, 6, 4_000)
    b = rng.integers(0, 6, a.size)
    b[a == 2] = 1  # coarse groups made of one fine group
    b[a == 4] = rng.integers(0, 2, int((a == 4).sum()))
    # heavy ties, zeros and values over many powers of two
    values = rng.integers(0, 40, a.size) * rng.choice([1, 10**9, 3 * 10**12], a.size)
    name = db.name("t")
    db.con.register(name, pd.DataFrame({"a": a, "b": b, "v": values}))
    got = ranked_many(db, f"SELECT a * 6 + b AS g, v FROM {name}", GROUPINGS, QS)
    assert got is not None
    _check(db, name, got, {"a": "a", "pair": "a * 6 + b", "all": "0"})
    order = np.argsort(a, kind="stable")
    bounds = np.concatenate(([0], np.cumsum(np.bincount(a, minlength=6))))
    expected = block_quantiles(values[order], bounds, (0.5, 0.9))
    for g, nbs in got["a"].items():
        mine = [lerp(nb, q, int(bounds[g])) for nb, q in zip(nbs, (0.5, 0.9), strict=True)]
        assert mine == expected[g].tolist()
    assert int_median(got["all"][0][0]) == float(np.median(values))


def test_single_values_equal_values_and_empty(db: Database) -> None:
    name = db.name("t")
    frame = pd.DataFrame({"g": [0, 7, 7, 7, 13, 13], "v": [5, 0, 0, 0, 2**40, 2**40 + 1]})
    db.con.register(name, frame)
    got = ranked_many(db, f"SELECT g, v FROM {name}", GROUPINGS, QS)
    assert got is not None
    _check(db, name, got, {"a": "g // 6", "pair": "g", "all": "0"})
    assert got["pair"][0][0].n == 1 and got["pair"][0][0].at(0) == 5
    empty = ranked_many(db, f"SELECT g, v FROM {name} WHERE g < 0", GROUPINGS, QS)
    assert empty == {"a": {}, "pair": {}, "all": {}}


def test_an_order_breaking_bucket_gives_none(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    name = db.name("t")
    db.con.register(name, pd.DataFrame({"g": [0, 0, 0, 0], "v": [1, 2, 3, 4]}))
    monkeypatch.setattr(buckets, "BUCKET", "v % 2")  # 1 and 3 in bucket 1 above 2 in bucket 0
    assert ranked_many(db, f"SELECT g, v FROM {name}", GROUPINGS, QS) is None


def test_runner_order_stats_equal_near_on_fractions() -> None:
    """The engine's `order_stats` (first-seen medians: fractions in [0, 1] with ties)."""
    from cxmapper.analysis.engines.duck.runner import DuckSql

    run = DuckSql(threads=1)
    rng = np.random.default_rng(3)
    p0 = rng.integers(0, 9, 3_000)
    length = p0 + rng.integers(1, 9, p0.size)
    name = run.name("t")
    run.con.register(name, pd.DataFrame({"g": rng.integers(0, 4, p0.size), "p": p0, "n": length}))
    source = f"SELECT g, CAST(p AS DOUBLE) / CAST(n AS DOUBLE) AS v FROM {name}"
    (got,) = run.order_stats([(source, (0.5,))])
    want = near(run, source, (0.5,))
    assert set(got) == set(want)
    for g, (nb,) in want.items():
        (mine,) = got[g]
        assert mine.n == nb.n
        assert lerp(mine, 0.5, 17) == lerp(nb, 0.5, 17)
        assert isinstance(mine.at((nb.n - 1) // 2), float)


def test_report_equals_numpy_on_a_hand_made_log() -> None:
    """End to end: medians and p90s read through the buckets equal the numpy engine's on a log
    with ties, transitions repeated within a case, single-event cases and step durations from
    zero to days (many buckets, several powers of two per touchpoint)."""
    from cxmapper.analysis.dataset_ref import FrameRef
    from cxmapper.analysis.readers import from_frame
    from cxmapper.analysis.report import analyze, to_json_dict

    rng = np.random.default_rng(11)
    rows = []
    for case in range(300):
        t = 0
        for _ in range(int(rng.integers(1, 12))):  # one-event cases included
            rows.append((f"c{case}", "ABCD"[int(rng.integers(0, 4))], t))
            t += int(rng.choice([0, 0, 1, 7, 3_600, 86_400 * 3])) * int(rng.integers(1, 5))
    rows.append(("solo", "A", 5))
    rows += [("loop", "A", 0), ("loop", "B", 0), ("loop", "A", 0), ("loop", "B", 9)] * 2
    order = rng.permutation(len(rows))  # file order interleaves the cases
    t0 = pd.Timestamp("2026-03-02T09:00:00Z")
    frame = pd.DataFrame(
        {
            "case_id": [rows[i][0] for i in order],
            "activity": [rows[i][1] for i in order],
            "timestamp": [t0 + pd.Timedelta(seconds=rows[i][2]) for i in order],
        }
    )
    out = {}
    for engine in ("numpy", "duckdb"):
        data = to_json_dict(analyze(FrameRef(from_frame(frame).frame), engine=engine))
        data.pop("engine")
        out[engine] = data
    assert out["duckdb"] == out["numpy"]


def test_equal_value_buckets_are_known_and_the_fetch_is_capped(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Mostly ties (median 0): the bucket of zeros is answered from its minimum, not fetched;
    a fetch over `MAX_FETCH` values gives None (the caller counts around picks instead)."""
    name = db.name("t")
    v = [0] * 50 + list(range(1000, 1030)) + [10**12 + k for k in range(20)]
    db.con.register(name, pd.DataFrame({"g": [k % 2 for k in range(len(v))], "v": v}))
    got = ranked_many(db, f"SELECT g, v FROM {name}", GROUPINGS, QS)
    assert got is not None
    _check(db, name, got, {"a": "g // 6", "pair": "g", "all": "0"})
    assert int_median(got["all"][0][0]) == float(np.median(v))
    monkeypatch.setattr(buckets, "MAX_FETCH", 0)  # the p90s read buckets of distinct values
    assert ranked_many(db, f"SELECT g, v FROM {name}", GROUPINGS, QS) is None
    only_ties = ranked_many(db, f"SELECT g, 0 AS v FROM {name}", GROUPINGS, QS)
    assert only_ties is not None  # nothing to fetch at all
    assert only_ties["a"][0][1].at(int(0.9 * 99)) == 0
