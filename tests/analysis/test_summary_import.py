"""`cxmapper import WORKSPACE SUMMARY`: a Spark summary stored like a dataset overlays the same
per-touchpoint counts as the raw log; a bad summary changes nothing and exits 2.

No Spark needed: the summary is computed here by pandas exactly as `spark_summary.summarize`
defines it (order by timestamp, ties in file order), and pinned to hand-counted values.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from analysis_helpers import small_csv_text

from cxmapper.analysis.engines import spark_summary as ss
from cxmapper.analysis.tasks import AnalysisRequest, run_analysis
from cxmapper.cli import main
from cxmapper.model.workspace import Workspace
from cxmapper.present.overlay import build_overlay

COUNTS = ["reach", "events", "starts", "ends"]


def summary_of(csv: Path) -> dict[str, Any]:
    """The version-1 summary of a small CSV (case_id, event, timestamp), no segment."""
    f = pd.read_csv(csv).rename(columns={"event": "a", "case_id": "c"})
    f["t"] = pd.to_datetime(f["timestamp"], utc=True)
    f = f.assign(rn=np.arange(len(f))).sort_values(["c", "t", "rn"], kind="stable")
    g = f.groupby("c")
    f["nxt"], f["gap"] = g["a"].shift(-1), (g["t"].shift(-1) - f["t"]).dt.total_seconds()
    f["first"], f["last"] = g.cumcount() == 0, g.cumcount(ascending=False) == 0
    tps = [
        {"segment": "", "activity": a, "events": len(x), "cases": x["c"].nunique(),
         "starts": int(x["first"].sum()), "ends": int(x["last"].sum())}
        for a, x in f.groupby("a")
    ]  # fmt: skip
    steps = f.dropna(subset=["nxt"])
    trans = [
        {"segment": "", "source": s, "target": t, "count": len(x), "cases": x["c"].nunique(),
         "sum_seconds": float(x["gap"].sum()), "median_seconds": float(x["gap"].median()),
         "p90_seconds": float(x["gap"].quantile(0.9))}
        for (s, t), x in steps.groupby(["a", "nxt"])
    ]  # fmt: skip
    f["week"] = (f["t"].dt.tz_localize(None).dt.to_period("W-SUN").dt.start_time).dt.strftime(
        "%Y-%m-%d"
    )
    weeks = [
        {"segment": "", "week": w, "activity": a, "events": len(x), "cases": x["c"].nunique()}
        for (w, a), x in f.groupby(["week", "a"])
    ]
    return {
        "format": ss.FORMAT, "version": ss.VERSION, "engine": "spark", "spark_version": "4.0.0",
        "source": csv.name, "segment": None,
        "error_bound": {"counts": "exact", "quantiles": "percentile_approx",
                        "accuracy": ss.ACCURACY, "relative_rank_error": ss.RANK_ERROR},
        "totals": [{"segment": "", "events": len(f), "cases": f["c"].nunique()}],
        "touchpoints": tps, "transitions": trans, "weeks": weeks,
    }  # fmt: skip


def _workspace(path: Path, names: dict[str, str]) -> str:
    """A journey with one touchpoint per (title -> event name); returns its id."""
    with Workspace.create(path) as ws:
        j = ws.add_journey("Buy")
        stage, lane = ws.add_stage(j.id, "All"), ws.add_lane(j.id, "Customer")
        for title, event in names.items():
            ws.add_touchpoint(stage.id, lane.id, title, match_events=[event])
        return j.id


def _result(ws_path: Path, journey_id: str, dataset_name: str) -> Any:
    with Workspace.open(ws_path) as ws:
        ds = next(d for d in ws.datasets() if d.name == dataset_name)
    return run_analysis(AnalysisRequest(str(ws_path), journey_id, ds.id))


@pytest.fixture
def files(write: Any) -> tuple[Path, Path]:
    csv = write("raw.csv", small_csv_text())
    summary = csv.with_name("summary.json")
    summary.write_text(json.dumps(summary_of(csv), sort_keys=True), encoding="utf-8")
    return csv, summary


def test_summary_overlays_the_raw_logs_counts(files, tmp_path, capsys):
    csv, summary = files
    ws_path = tmp_path / "w.cxmap"
    jid = _workspace(ws_path, {"Ad": "A", "Browse": "B", "Pay": "C", "Other": "X"})
    assert main(["import", str(ws_path), str(csv)]) == 0
    assert main(["import", str(ws_path), str(summary)]) == 0
    out = capsys.readouterr().out
    assert "imported 12 events, 4 cases as dataset 'summary'" in out
    assert "note: not in a summary (no events): funnel" in out
    raw, summ = _result(ws_path, jid, "raw"), _result(ws_path, jid, "summary")
    got = summ.report.touchpoints[COUNTS]
    pd.testing.assert_frame_equal(got, raw.report.touchpoints[COUNTS], check_dtype=False)
    # hand-counted (tests/analysis/test_codec_cli.py): A reached by 3 cases in 5 events
    assert tuple(got.iloc[0]) == (3, 5, 3, 1)
    key = ["from", "to", "count", "cases"]
    pd.testing.assert_frame_equal(
        summ.report.transitions[key], raw.report.transitions[key], check_dtype=False
    )
    raw_cards = {k: v.label for k, v in build_overlay(raw, "reach").cards.items()}
    assert {k: v.label for k, v in build_overlay(summ, "reach").cards.items()} == raw_cards
    week = ["week", "touchpoint_id", "reach"]
    pd.testing.assert_frame_equal(
        summ.weekly[week].sort_values(week[:2], ignore_index=True),
        raw.weekly[week].sort_values(week[:2], ignore_index=True),
        check_dtype=False,
    )
    assert str(summ.weekly["week"].iloc[0].date()) == "2024-02-26"  # the Monday before
    assert summ.n_cases_total == raw.n_cases_total == 4
    assert any("rank error 0.0001" in w for w in summ.report.warnings)


def test_unmatched_activity_leaves_out_starts_and_ends(files, tmp_path):
    csv, summary = files
    ws_path = tmp_path / "w.cxmap"
    jid = _workspace(ws_path, {"Ad": "A", "Browse": "B", "Pay": "C"})  # X matches nothing
    assert main(["import", str(ws_path), str(csv)]) == 0
    assert main(["import", str(ws_path), str(summary)]) == 0
    raw, summ = _result(ws_path, jid, "raw"), _result(ws_path, jid, "summary")
    exact = ["reach", "events"]
    pd.testing.assert_frame_equal(
        summ.report.touchpoints[exact], raw.report.touchpoints[exact], check_dtype=False
    )
    assert summ.report.touchpoints["starts"].sum() == 0  # not invented
    assert summ.report.unmatched == {"X": 1}
    assert any(w.startswith("starts/ends left out") for w in summ.report.warnings)


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda s: json.dumps(s)[:200], "not a readable summary"),
        (lambda s: json.dumps({**s, "version": 2}), "summary version 2; this build reads 1"),
        (
            lambda s: json.dumps({**s, "touchpoints": [{**s["touchpoints"][0], "events": -1}]}),
            "touchpoints row 1: bad or missing 'events'",
        ),
    ],
)
def test_bad_summary_exit_2_and_nothing_stored(files, tmp_path, capsys, edit, message):
    _csv, summary = files
    data = json.loads(summary.read_text(encoding="utf-8"))
    summary.write_text(edit(dict(sorted(data.items()))), encoding="utf-8")
    ws_path = tmp_path / "w.cxmap"
    _workspace(ws_path, {"Ad": "A"})
    with Workspace.open(ws_path) as ws:
        before = len(ws.change_log())
    capsys.readouterr()
    assert main(["import", str(ws_path), str(summary)]) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1
    with Workspace.open(ws_path) as ws:
        assert ws.datasets() == [] and len(ws.change_log()) == before
