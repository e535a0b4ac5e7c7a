"""The real logs in ../shared/data, per engine (slow; skipped when absent): counts as in
SOURCES.md, self-loops, a channel segment, and a cross-check against pm4py (AGPL, test-only;
never imported by the package).

pm4py settings: each event name is its own touchpoint; pm4py gets our normalised frame (UTC
timestamps, file order) under the XES column names and sorts it itself. Directly-follows counts,
start and end activities must be identical; mean and median durations (seconds, float) equal up
to float rounding (<1e-6 s): pm4py sums float seconds per event, we sum integer nanoseconds.
bpic2012 is checked twice, with all lifecycle events (13,995 same-timestamp ties exercise the
stable sort) and with complete events only (both sides filtered by our importer).

Cheap: each log is parsed once per session (`real_log`), each engine reports on it once and
pm4py runs once per log, whatever the number of tests reading the result.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest
from analysis_helpers import real_log
from conformance_helpers import run

from cxmapper.analysis.dataset_ref import FrameRef, Selection
from cxmapper.analysis.engines import AnalysisEngine
from cxmapper.analysis.report import JourneyReport, to_json_dict

pytestmark = pytest.mark.slow

LOGS = [
    ("bpic2012.xes.gz", "all"),
    ("bpic2012.xes.gz", "complete"),
    ("helpdesk.xes.gz", "complete"),
    ("receipt.csv", "complete"),
]
_REPORTS: dict[tuple[str, str, str], JourneyReport] = {}
_PM4PY: dict[tuple[str, str], tuple[Any, ...]] = {}


def report_of(engine: AnalysisEngine, name: str, lifecycle: str = "complete") -> JourneyReport:
    key = (engine.name, name, lifecycle)
    if key not in _REPORTS:
        _REPORTS[key] = run(engine, FrameRef(real_log(name, lifecycle).frame))
    return _REPORTS[key]


def pm4py_of(name: str, lifecycle: str) -> tuple[Any, ...]:
    """(dfg, start activities, end activities, performance dfg) by pm4py."""
    if (name, lifecycle) not in _PM4PY:
        pm4py = pytest.importorskip("pm4py")
        frame = real_log(name, lifecycle).frame
        pm_frame = pd.DataFrame(
            {
                "case:concept:name": frame["case_id"].astype(str),
                "concept:name": frame["activity"].astype(str),
                "time:timestamp": frame["timestamp"],
            }
        )
        dfg, starts, ends = pm4py.discover_dfg(pm_frame)
        perf, _, _ = pm4py.discover_performance_dfg(pm_frame)
        assert dict(pm4py.get_start_activities(pm_frame)) == dict(starts)
        assert dict(pm4py.get_end_activities(pm_frame)) == dict(ends)
        _PM4PY[(name, lifecycle)] = (dfg, starts, ends, perf)
    return _PM4PY[(name, lifecycle)]


@pytest.mark.parametrize(
    ("name", "lifecycle", "cases", "events", "activities", "pairs"),
    [
        ("bpic2012.xes.gz", "all", 13_087, 262_200, 36, 249_113),  # name+lifecycle
        ("bpic2012.xes.gz", "complete", 13_087, 164_506, 23, 151_419),  # one only scheduled
        ("helpdesk.xes.gz", "complete", 4_580, 21_348, 14, 16_768),
        ("receipt.csv", "complete", 1_434, 8_577, 27, 8_577 - 1_434),
    ],
)
def test_counts_match_sources(engine, name, lifecycle, cases, events, activities, pairs):
    log = real_log(name, lifecycle)
    assert (log.n_cases, log.n_events) == (cases, events)
    report = report_of(engine, name, lifecycle)
    assert (report.n_cases, report.n_events) == (cases, events)
    assert len(report.touchpoints) == activities
    assert int(report.transitions["count"].sum()) == pairs


@pytest.mark.parametrize(("name", "lifecycle"), LOGS)
def test_dfg_starts_ends_and_durations_match_pm4py(engine, name, lifecycle):
    dfg, starts, ends, perf = pm4py_of(name, lifecycle)
    report = report_of(engine, name, lifecycle)
    tps, trans = report.touchpoints, report.transitions
    ours = {
        (a, b): int(c) for a, b, c in zip(trans["from"], trans["to"], trans["count"], strict=True)
    }
    assert ours == {k: int(v) for k, v in dfg.items()}
    assert {k: int(v) for k, v in tps["starts"].items() if v} == {
        k: int(v) for k, v in starts.items()
    }
    assert {k: int(v) for k, v in tps["ends"].items() if v} == {k: int(v) for k, v in ends.items()}
    by_pair = trans.set_index(["from", "to"])
    for pair, stats in perf.items():
        assert by_pair.loc[pair, "mean_seconds"] == pytest.approx(
            stats["mean"], rel=1e-12, abs=1e-6
        )
        assert by_pair.loc[pair, "median_seconds"] == pytest.approx(
            stats["median"], rel=1e-12, abs=1e-6
        )


def test_bpic_self_loops_complete_only(engine):
    t = report_of(engine, "bpic2012.xes.gz", "complete").transitions
    assert int(t.loc[t["from"] == t["to"], "count"].sum()) == 37_146


def test_helpdesk_self_loops(engine):
    t = report_of(engine, "helpdesk.xes.gz").transitions
    loops = t[t["from"] == t["to"]].set_index("from")["count"]
    assert int(loops.sum()) == 944 and len(loops) == 8
    assert (loops["Assign seriousness"], loops["Resolve ticket"], loops["Wait"]) == (439, 254, 113)


def test_receipt_channel_segment(engine):
    log = real_log("receipt.csv")
    internet = engine.select(engine.load(FrameRef(log.frame)), Selection("channel", ("Internet",)))
    assert engine.profile(internet).n_cases == 1_250
    report = engine.report(internet, None)
    assert report.n_cases == 1_250
    assert to_json_dict(report)["n_cases"] == 1_250
