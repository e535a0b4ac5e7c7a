"""The Spark step (`analyze --engine spark --summary`): its summary's counts equal the numpy
engine's on the same log, and its medians / p90 are within the stated rank error.

Skips when pyspark or Java is missing; `make test` installs both, so here they run. One
SparkSession (local[2]) serves every test: starting one takes ~10 s.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from analysis_helpers import SHARED_DATA, random_log, real_log, small_csv_text
from spark_shared import bpic2012_summary

from cxmapper.analysis.dataset_ref import FileRef
from cxmapper.analysis.engines import spark_summary as ss
from cxmapper.analysis.report import analyze, to_json_dict
from cxmapper.cli import main
from cxmapper.errors import CxError

pytestmark = [
    pytest.mark.skipif(ss.spark_available() is not None, reason="pyspark/java missing"),
    # one worker runs them all, so the suite starts one SparkSession, not one per worker
    pytest.mark.xdist_group("spark"),
]


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    session = ss.session("local[2]")
    yield session
    session.stop()


def _numpy_counts(
    frame: pd.DataFrame | FileRef,
) -> tuple[dict[str, tuple[int, ...]], dict[tuple, tuple]]:
    data = to_json_dict(analyze(frame, engine="numpy"))
    acts = {
        a["name"]: (a["events"], a["reach"], a["starts"], a["ends"]) for a in data["activities"]
    }
    trans = {(t["from"], t["to"]): (t["count"], t["cases"]) for t in data["transitions"]}
    return acts, trans


def _spark_counts(summary: dict[str, Any]) -> tuple[dict[str, tuple[int, ...]], dict[tuple, tuple]]:
    acts = {
        r["activity"]: (r["events"], r["cases"], r["starts"], r["ends"])
        for r in summary["touchpoints"]
    }
    trans = {(r["source"], r["target"]): (r["count"], r["cases"]) for r in summary["transitions"]}
    return acts, trans


def _gaps(frame: pd.DataFrame) -> pd.DataFrame:
    """Hand reference: each step's next activity and seconds to it (ties in file order)."""
    f = frame.reset_index(drop=True).assign(rn=np.arange(len(frame)))
    f = f.sort_values(["case_id", "timestamp", "rn"], kind="stable")
    f["nxt"] = f.groupby("case_id")["activity"].shift(-1)
    f["gap"] = f.groupby("case_id")["timestamp"].shift(-1) - f["timestamp"]
    f["gap"] = f["gap"].dt.total_seconds()
    return f.dropna(subset=["nxt"])


def _within_rank(values: np.ndarray, value: float, p: float) -> bool:
    """Spark's bound: the returned value's rank is within 1/ACCURACY of p (plus one element)."""
    n = len(values)
    slack = ss.RANK_ERROR + 1.0 / n
    below = float(np.sum(values < value)) / n
    at_most = float(np.sum(values <= value)) / n
    return below <= p + slack and at_most >= p - slack


def _frame_csv(frame: pd.DataFrame, path: Path) -> Path:
    out = frame[["case_id", "activity", "timestamp"]].copy()
    out["timestamp"] = out["timestamp"].dt.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    out.to_csv(path, index=False)
    return path


def test_small_log_summary_matches_hand_counts_and_cli(spark: Any, tmp_path: Path) -> None:
    src = tmp_path / "small.csv"
    src.write_text(small_csv_text(), encoding="utf-8")
    out = tmp_path / "summary.json"
    assert (
        main(
            [
                "analyze",
                str(src),
                "--engine",
                "spark",
                "--activity",
                "event",
                "--segment",
                "channel",
                "--summary",
                str(out),
            ]
        )
        == 0
    )
    summary = ss.read_summary(out)
    assert summary["error_bound"]["relative_rank_error"] == pytest.approx(1e-4)
    rows = {
        (r["segment"], r["activity"]): (r["events"], r["cases"]) for r in summary["touchpoints"]
    }
    # c1,c2 are web: A 3 events / 2 cases, B 3 / 2, C 1 / 1; c3,c4 app: A 2 / 1, B 1, X 1, C 1
    assert rows == {
        ("web", "A"): (3, 2),
        ("web", "B"): (3, 2),
        ("web", "C"): (1, 1),
        ("app", "A"): (2, 1),
        ("app", "B"): (1, 1),
        ("app", "X"): (1, 1),
        ("app", "C"): (1, 1),
    }
    text = out.read_text(encoding="utf-8")
    assert "c1" not in text and "c4" not in text  # no case id leaves the cluster


def test_random_log_counts_exact_and_quantiles_within_bound(spark: Any, tmp_path: Path) -> None:
    raw = random_log(np.random.default_rng(7), 300, 5, 8, [0, 1, 30, 600, 3600])
    ref = raw.rename(columns={"case": "case_id", "event": "activity", "ts": "timestamp"})
    path = _frame_csv(ref, tmp_path / "log.csv")
    summary = ss.summarize(ss.read(spark, ss.SparkSource(str(path))))
    assert _spark_counts(summary) == _numpy_counts(FileRef(path))
    gaps = _gaps(ref)
    for row in summary["transitions"]:
        values = gaps[(gaps["activity"] == row["source"]) & (gaps["nxt"] == row["target"])]
        vals = values["gap"].to_numpy()
        assert row["sum_seconds"] == pytest.approx(vals.sum(), rel=1e-9)
        assert _within_rank(vals, row["median_seconds"], 0.5)
        assert _within_rank(vals, row["p90_seconds"], 0.9)


def test_missing_column_names_the_columns(spark: Any, tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("id,event,time\n1,A,2024-01-01\n", encoding="utf-8")
    with pytest.raises(CxError, match="missing column"):
        ss.read(spark, ss.SparkSource(str(path)))


@pytest.mark.slow
def test_bpic2012_summary_counts_equal_raw_log(spark: Any) -> None:
    if not (SHARED_DATA / "bpic2012.xes.gz").exists():
        pytest.skip("BPIC 2012 not in ../shared/data")
    frame = real_log("bpic2012.xes.gz").frame
    summary = bpic2012_summary()  # computed once, shared with test_summary_import_spark
    assert summary["source"] == "bpic.parquet"
    assert _spark_counts(summary) == _numpy_counts(frame)
    assert len(json.dumps(summary)) < 2_000_000  # small enough to mail
