"""The DuckDB engine's quantiles are the numpy engine's to the bit: exact order statistics from
SQL, interpolated with the numpy kernels' formulas (block offsets included), on random groups
full of duplicates, where DuckDB's own `quantile_cont` can differ in the last bit."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from cxmapper.analysis.engines.duck.db import Database
from cxmapper.analysis.engines.duck.order_stats import int_median, lerp, near, np_median
from cxmapper.analysis.kernels import block_quantiles, median_of_sorted_blocks


@pytest.fixture(scope="module")
def db() -> Database:
    return Database(threads=1)


@pytest.mark.parametrize("seed", range(6))
def test_grouped_quantiles_equal_the_numpy_kernels(db: Database, seed: int) -> None:
    rng = np.random.default_rng(seed)
    n_groups = 7
    groups = rng.integers(0, n_groups, 3_000)
    groups[groups == 3] = 2  # an empty group
    values = rng.integers(0, 50, groups.size) * rng.choice([1, 10**9, 3 * 10**12], groups.size)
    name = db.name("t")
    db.con.register(name, pd.DataFrame({"g": groups, "v": values}))
    got = near(db, f"SELECT g, v FROM {name}", (0.5, 0.9))
    order = np.argsort(groups, kind="stable")
    counts = np.bincount(groups, minlength=n_groups)
    bounds = np.concatenate(([0], np.cumsum(counts)))
    expected = block_quantiles(values[order], bounds, (0.5, 0.9))
    for g in range(n_groups):
        if counts[g] == 0:
            assert g not in got
            continue
        mine = [lerp(nb, q, int(bounds[g])) for nb, q in zip(got[g], (0.5, 0.9), strict=True)]
        assert mine == expected[g].tolist()  # equal, not approximately
    whole = near(db, f"SELECT 0 AS g, v FROM {name}", (0.5,))[0][0]
    assert int_median(whole) == median_of_sorted_blocks(np.sort(values), np.asarray([0, 3_000]))
    assert np_median(whole) == float(np.median(values))


def test_one_value_and_two_values(db: Database) -> None:
    name = db.name("t")
    db.con.register(name, pd.DataFrame({"g": [0, 1, 1], "v": [5, 1, 2**62]}))
    got = near(db, f"SELECT g, v FROM {name}", (0.5, 0.9))
    assert [lerp(nb, q) for nb, q in zip(got[0], (0.5, 0.9), strict=True)] == [5.0, 5.0]
    assert int_median(got[1][0]) == float(1 + 2**62) / 2
