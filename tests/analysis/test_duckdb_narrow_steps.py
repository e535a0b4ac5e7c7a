"""The DuckDB engine's step table is narrow (so 100 M events fit under the memory limit) and its
funnel reads a copy of the steps' events sorted by step; neither may change a figure.

- the table has SMALLINT touchpoints, INTEGER case ids and no per-event case length (the length
  sits in a per-case table that the (touchpoint, case) table joins);
- the database is a compressed file in the spill directory, removed with it;
- a funnel whose steps share a touchpoint or hold several equals the numpy engine's.
"""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from cxmapper.analysis.columns import MappingRequest
from cxmapper.analysis.dataset_ref import FileRef
from cxmapper.analysis.engines.duckdb_engine import DuckDBEngine
from cxmapper.analysis.report import analyze


def _log(tmp_path: Path, n_cases: int = 300, seed: int = 5) -> FileRef:
    rng = np.random.default_rng(seed)
    lengths = rng.integers(1, 12, n_cases)
    case = np.repeat(np.arange(n_cases), lengths)
    frame = pd.DataFrame(
        {
            "case_id": [f"c{c}" for c in case],
            "event": rng.choice(list("ABCDE"), case.size),
            "ts": rng.integers(0, 40, case.size) * 60,  # minutes: many ties, kept in file order
        }
    )
    path = tmp_path / "e.parquet"
    frame.to_parquet(path)
    return FileRef(path, MappingRequest(timestamp="ts"))


def test_step_table_is_narrow_and_lengths_are_per_case(tmp_path: Path) -> None:
    engine = DuckDBEngine()
    data = engine.load(_log(tmp_path))
    seq = engine._sequence(data, None)
    try:
        types = {r[0]: r[1] for r in data.run.rows(f"DESCRIBE {seq.table}")}
        assert types["tp"] == "SMALLINT" and types["next_tp"] == "SMALLINT"
        assert types["cid"] == "INTEGER"
        assert "len" not in types and seq.lengths is not None
        lens = data.run.rows(
            f"SELECT count(*) FILTER (t.len <> n.n) FROM {seq.per_case()} t "
            f"JOIN (SELECT cid, count(*) AS n FROM {seq.table} GROUP BY cid) n USING (cid)"
        )
        assert lens == [(0,)]
    finally:
        seq.drop()
    path = data.run.con.execute("PRAGMA database_list").fetchall()[0][2]
    assert path == os.path.join(data.run.spill_dir, "work.duckdb")
    data.run.close()
    assert not os.path.exists(path)


@pytest.mark.parametrize(
    "steps",
    [
        [["A", "B"], "B", ["C", "A"], "D"],  # B and A in two steps each
        ["E", "A", "E", "A", "B"],  # one touchpoint twice
        [[], "A"],  # an empty step: nobody passes it
    ],
)
@pytest.mark.parametrize("window", [None, timedelta(minutes=20)])
def test_funnel_equals_numpy(
    tmp_path: Path, steps: list[str | list[str]], window: timedelta | None
) -> None:
    ref = _log(tmp_path)
    got = {
        name: analyze(ref, engine=name, funnel_steps=steps, funnel_window=window).funnel
        for name in ("numpy", "duckdb")
    }
    assert got["duckdb"]["cases"].sum() > 0 or steps[0] == []
    pd.testing.assert_frame_equal(got["duckdb"], got["numpy"])
