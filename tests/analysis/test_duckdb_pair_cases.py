"""Distinct cases per transition in the DuckDB engine: the one-integer key (cid * n² + pair) and
the plain `count(DISTINCT cid)` kept for keys that would overflow give the same counts."""

from __future__ import annotations

import numpy as np
import pandas as pd

from cxmapper.analysis.engines.duck.db import Database
from cxmapper.analysis.engines.duck.measures import distinct_cases_query


def test_both_forms_count_the_same_cases() -> None:
    rng = np.random.default_rng(3)
    size = 2_000
    frame = pd.DataFrame(
        {
            "cid": rng.integers(0, 60, size) * 1_000,
            "tp": rng.integers(0, 4, size).astype(np.int32),
            "next_tp": pd.array(rng.integers(0, 4, size), dtype="Int32"),
        }
    )
    frame.loc[frame.index % 7 == 0, "next_tp"] = pd.NA
    db = Database(threads=1)
    db.con.register("seq", frame)
    packed = dict(db.rows(distinct_cases_query("seq", 4, 60_000)))
    plain_sql = distinct_cases_query("seq", 4, 2**62)
    assert "DISTINCT cid)" in plain_sql
    plain = dict(db.rows(plain_sql))
    steps = frame.dropna()
    expected = steps.groupby(steps["tp"] * 4 + steps["next_tp"].astype(int))["cid"].nunique()
    assert packed == plain == {int(g): int(c) for g, c in expected.items()}
    db.close()
