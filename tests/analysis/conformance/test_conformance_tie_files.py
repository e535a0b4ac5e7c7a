"""Ties decided by file order, through real files: a log where most events of a case share a
timestamp, written as CSV and as Parquet in the same (interleaved) row order. Every engine must
give the directly-follows counts a stable sort by time computes in plain Python, and the very same
JSON on two runs and on CSV versus Parquet (issue 18: a SQL query without a row-number tiebreak
answers differently from run to run on such logs; cxmapper must never do that).
"""

from __future__ import annotations

import json
import random
from collections import Counter
from itertools import pairwise
from pathlib import Path

import pandas as pd
import pytest
from conformance_helpers import T0, run

from cxmapper.analysis.dataset_ref import FileRef
from cxmapper.analysis.report import to_json_dict

N_CASES = 400


def _rows() -> list[tuple[str, str, int]]:
    """(case, activity, seconds) in file order; timestamps come from only 3 values per case."""
    rng = random.Random(18)
    rows = []
    for c in range(N_CASES):
        for _ in range(rng.randint(2, 9)):
            rows.append((f"c{c:03d}", rng.choice("ABCDE"), 60 * rng.randint(0, 2)))
    rng.shuffle(rows)  # cases interleave; Python's shuffle keeps nothing of the case order
    return rows


def _expected(rows: list[tuple[str, str, int]]) -> tuple[Counter, Counter, Counter]:
    """Hand computation: stable sort by (case, time) keeps file order on ties."""
    ordered = sorted(rows, key=lambda r: (r[0], r[2]))  # Python's sort is stable
    pairs: Counter = Counter()
    starts: Counter = Counter()
    ends: Counter = Counter()
    by_case: dict[str, list[str]] = {}
    for case, act, _ in ordered:
        by_case.setdefault(case, []).append(act)
    for acts in by_case.values():
        starts[acts[0]] += 1
        ends[acts[-1]] += 1
        pairs.update(pairwise(acts))
    return pairs, starts, ends


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> tuple[list, Path, Path]:
    rows = _rows()
    frame = pd.DataFrame(
        {
            "case_id": [r[0] for r in rows],
            "activity": [r[1] for r in rows],
            "timestamp": [(T0 + pd.Timedelta(seconds=r[2])).isoformat() for r in rows],
        }
    )
    folder = tmp_path_factory.mktemp("ties")
    csv, parquet = folder / "ties.csv", folder / "ties.parquet"
    frame.to_csv(csv, index=False)
    frame.to_parquet(parquet, index=False)
    return rows, csv, parquet


def test_many_ties_match_the_stable_order(engine, files):
    rows, csv, _ = files
    ties = len(rows) - len({(r[0], r[2]) for r in rows})
    assert ties > len(rows) / 2  # most events tie with an earlier one of their case
    pairs, starts, ends = _expected(rows)
    report = run(engine, FileRef(csv))
    got = {(r["from"], r["to"]): r["count"] for r in report.transitions.to_dict("records")}
    assert got == dict(pairs)
    data = to_json_dict(report)
    assert data["start_activities"] == dict(starts)
    assert data["end_activities"] == dict(ends)
    assert report.n_cases == N_CASES


def test_same_json_on_two_runs_and_csv_versus_parquet(engine, files):
    _, csv, parquet = files
    texts = [
        json.dumps(to_json_dict(run(engine, FileRef(p))), sort_keys=True, default=str)
        for p in (csv, csv, parquet, parquet)
    ]
    assert texts[0] == texts[1]
    assert texts[2] == texts[3]
    assert texts[0] == texts[2]
