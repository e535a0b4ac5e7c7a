"""The real logs in ../shared/data: counts must match SOURCES.md (skipped when absent)."""

from __future__ import annotations

import pytest
from analysis_helpers import real_log

from cxmapper.analysis.prepared import prepare
from cxmapper.analysis.report import analyze, to_json_dict
from cxmapper.analysis.segments import filter_attribute

pytestmark = pytest.mark.slow  # the real event logs in ../shared/data (`-m "not slow"` skips)


@pytest.mark.parametrize(
    ("name", "lifecycle", "cases", "events", "activities", "pairs"),
    [
        ("bpic2012.xes.gz", "all", 13_087, 262_200, 36, 249_113),  # name+lifecycle
        ("bpic2012.xes.gz", "complete", 13_087, 164_506, 23, 151_419),  # one only scheduled
        ("helpdesk.xes.gz", "complete", 4_580, 21_348, 14, 16_768),
        ("receipt.csv", "complete", 1_434, 8_577, 27, 8_577 - 1_434),
    ],
)
def test_counts_match_sources(name, lifecycle, cases, events, activities, pairs):
    log = real_log(name, lifecycle)
    assert (log.n_cases, log.n_events) == (cases, events)
    report = analyze(log)
    assert len(report.touchpoints) == activities
    assert int(report.transitions["count"].sum()) == pairs


def test_bpic_self_loops_complete_only():
    t = analyze(real_log("bpic2012.xes.gz", "complete")).transitions
    assert int(t.loc[t["from"] == t["to"], "count"].sum()) == 37_146


def test_helpdesk_self_loops():
    t = analyze(real_log("helpdesk.xes.gz")).transitions
    loops = t[t["from"] == t["to"]].set_index("from")["count"]
    assert int(loops.sum()) == 944 and len(loops) == 8
    assert (loops["Assign seriousness"], loops["Resolve ticket"], loops["Wait"]) == (439, 254, 113)


def test_receipt_channel_segment():
    log = real_log("receipt.csv")
    internet = filter_attribute(log.frame, "channel", "Internet")
    assert internet["case_id"].nunique() == 1_250
    assert prepare(internet).n_cases == 1_250
    data = to_json_dict(analyze(internet))
    assert data["n_cases"] == 1_250
