"""Cross-check against pm4py (AGPL, test-only; never imported by the package).

Settings: each event name is its own touchpoint; pm4py gets our normalised frame (UTC
timestamps, file order) under the XES column names and sorts it itself. Directly-follows counts,
start and end activities must be identical; mean and median durations (seconds, float) equal up
to float rounding (<1e-6 s): pm4py sums float seconds per event, we sum integer nanoseconds.
bpic2012 is checked twice, with all lifecycle events (13,995 same-timestamp ties exercise the
stable sort) and with complete events only (both sides filtered by our importer).
"""

from __future__ import annotations

import pandas as pd
import pytest
from analysis_helpers import real_log

from cxmapper.analysis.metrics import touchpoint_metrics, transition_metrics
from cxmapper.analysis.prepared import prepare

pm4py = pytest.importorskip("pm4py")

pytestmark = pytest.mark.slow  # the real event logs in ../shared/data (`-m "not slow"` skips)


@pytest.mark.parametrize(
    ("name", "lifecycle"),
    [
        ("bpic2012.xes.gz", "all"),
        ("bpic2012.xes.gz", "complete"),
        ("helpdesk.xes.gz", "complete"),
        ("receipt.csv", "complete"),
    ],
)
def test_dfg_starts_ends_and_durations_match_pm4py(name, lifecycle):
    log = real_log(name, lifecycle)
    frame = log.frame
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

    p = prepare(frame)
    tps = touchpoint_metrics(p)
    trans = transition_metrics(p)
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
