"""`near_many` (several groupings' order statistics from one counting pass) gives exactly the
`Near` values of `order_stats.near` run once per grouping, so the quantiles the DuckDB engine
interpolates from it stay the numpy engine's to the bit."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from cxmapper.analysis.engines.duck.db import Database
from cxmapper.analysis.engines.duck.near_many import near_many
from cxmapper.analysis.engines.duck.order_stats import lerp, near
from cxmapper.analysis.kernels import block_quantiles


@pytest.fixture(scope="module")
def db() -> Database:
    return Database(threads=1)


@pytest.mark.parametrize("seed", range(5))
def test_every_grouping_equals_its_own_near(db: Database, seed: int) -> None:
    rng = np.random.default_rng(seed)
    a = rng.integers(0, 6, 4_000)
    b = rng.integers(0, 6, a.size)
    b[a == 2] = 1  # coarse groups made of one fine group
    values = rng.integers(0, 40, a.size) * rng.choice([1, 10**9, 3 * 10**12], a.size)
    name = db.name("t")
    db.con.register(name, pd.DataFrame({"a": a, "b": b, "v": values}))
    source = f"SELECT a, b, v FROM {name}"
    keys = {"a": "a", "pair": "a * 6 + b", "all": "0"}
    qs = {"a": (0.5, 0.9), "pair": (0.5,), "all": (0.5, 0.25)}
    got = near_many(db, source, keys, qs)
    for k, expr in keys.items():
        assert got[k] == near(db, f"SELECT {expr} AS g, v FROM {name}", qs[k])
    # and the interpolated figures are the numpy kernels'
    order = np.argsort(a, kind="stable")
    bounds = np.concatenate(([0], np.cumsum(np.bincount(a, minlength=6))))
    expected = block_quantiles(values[order], bounds, (0.5, 0.9))
    for g, nbs in got["a"].items():
        mine = [lerp(nb, q, int(bounds[g])) for nb, q in zip(nbs, (0.5, 0.9), strict=True)]
        assert mine == expected[g].tolist()


def test_float_values_and_single_element_groups(db: Database) -> None:
    name = db.name("t")
    frame = pd.DataFrame({"a": [0, 1, 1, 1], "v": [0.1, 1 / 3, 0.7, 1 / 3]})
    db.con.register(name, frame)
    got = near_many(
        db, f"SELECT a, v FROM {name}", {"a": "a", "all": "0"}, {"a": (0.5,), "all": (0.5,)}
    )
    assert got["a"] == near(db, f"SELECT a AS g, v FROM {name}", (0.5,))
    assert got["all"][0][0].n == 4
    assert lerp(got["a"][1][0], 0.5) == 1 / 3
