"""A summary written by the real Spark step (split by a segment) and imported into a workspace
overlays the same per-touchpoint counts as the raw log. Skips without pyspark / Java."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from analysis_helpers import small_csv_text
from test_summary_import import COUNTS, _result, _workspace

from cxmapper.analysis.engines import spark_summary as ss
from cxmapper.cli import main

pytestmark = [
    pytest.mark.skipif(ss.spark_available() is not None, reason="pyspark/java missing"),
    pytest.mark.xdist_group("spark"),
]


def test_spark_summary_by_segment_overlays_raw_counts(tmp_path: Path, capsys) -> None:
    csv = tmp_path / "raw.csv"
    csv.write_text(small_csv_text(), encoding="utf-8")
    out = tmp_path / "summary.json"
    args = ["analyze", str(csv), "--engine", "spark", "--activity", "event"]
    assert main([*args, "--segment", "channel", "--summary", str(out)]) == 0
    ws_path = tmp_path / "w.cxmap"
    jid = _workspace(ws_path, {"Ad": "A", "Browse": "B", "Pay": "C", "Other": "X"})
    assert main(["import", str(ws_path), str(csv)]) == 0
    assert main(["import", str(ws_path), str(out)]) == 0
    raw, summ = _result(ws_path, jid, "raw"), _result(ws_path, jid, "summary")
    pd.testing.assert_frame_equal(
        summ.report.touchpoints[COUNTS], raw.report.touchpoints[COUNTS], check_dtype=False
    )
    key = ["from", "to", "count", "cases"]
    pd.testing.assert_frame_equal(
        summ.report.transitions[key], raw.report.transitions[key], check_dtype=False
    )
