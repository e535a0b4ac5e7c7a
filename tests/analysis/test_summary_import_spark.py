"""A summary written by the real Spark step (split by a segment) and imported into a workspace
overlays the same per-touchpoint counts as the raw log. Skips without pyspark / Java."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from analysis_helpers import SHARED_DATA, real_log, small_csv_text
from spark_shared import bpic2012_summary
from test_summary_import import COUNTS, _result, _workspace

from cxmapper.analysis.engines import spark_summary as ss
from cxmapper.analysis.report import analyze
from cxmapper.analysis.workspace_adapter import journey_spec
from cxmapper.cli import main
from cxmapper.model.workspace import Workspace

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


@pytest.mark.slow
def test_bpic2012_spark_summary_overlays_raw_counts(tmp_path: Path) -> None:
    """The issue's acceptance: Spark's summary of BPIC 2012, imported, overlays the raw counts."""
    if not (SHARED_DATA / "bpic2012.xes.gz").exists():
        pytest.skip("BPIC 2012 not in ../shared/data")
    frame = real_log("bpic2012.xes.gz").frame
    summary = bpic2012_summary()  # computed once, shared with test_spark_summary
    out = tmp_path / "summary.json"
    ss.write_summary(summary, out)
    ws_path = tmp_path / "w.cxmap"
    names = sorted(frame["activity"].astype(str).unique())
    jid = _workspace(ws_path, {f"tp {n}": n for n in names})
    assert main(["import", str(ws_path), str(out)]) == 0
    summ = _result(ws_path, jid, "summary")
    with Workspace.open(ws_path) as ws:
        spec = journey_spec(ws, jid)
    raw = analyze(frame, spec, engine="numpy")
    pd.testing.assert_frame_equal(
        summ.report.touchpoints[COUNTS], raw.touchpoints[COUNTS], check_dtype=False
    )
    key = ["from", "to", "count", "cases"]
    pd.testing.assert_frame_equal(
        summ.report.transitions[key], raw.transitions[key], check_dtype=False
    )
