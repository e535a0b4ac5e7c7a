"""Event-to-touchpoint matching, proposals, filters, period comparison and weekly trend."""

from __future__ import annotations

import pandas as pd
import pytest

from cxmapper.analysis.bootstrap import bootstrap_touchpoints
from cxmapper.analysis.matching import JourneySpec, TouchpointSpec, map_activities, match_name
from cxmapper.analysis.prepared import prepare
from cxmapper.analysis.segments import (
    compare_periods,
    filter_attribute,
    filter_period,
    weekly_trend,
)
from cxmapper.errors import CxError


def test_exact_names_win_over_globs_then_touchpoint_order():
    spec = JourneySpec(
        [
            TouchpointSpec("p", "Pages", 0, match_patterns=["PAGE_*"]),
            TouchpointSpec("h", "Home", 0, match_events=["page_home"]),
            TouchpointSpec("q", "Other pages", 1, match_patterns=["page*"]),
        ]
    )
    assert match_name("page_home", spec) == 1  # exact beats an earlier glob
    assert match_name("Page_Cart", spec) == 0  # globs are case-insensitive, first wins
    assert match_name("pager", spec) == 2
    assert match_name("checkout", spec) == -1


def test_unmatched_counts_and_suggestions(small_log):
    spec = JourneySpec(
        [
            TouchpointSpec("a", "A", 0, match_events=["A"]),
            TouchpointSpec("x", "Xmas offer", 1, match_events=["Xmas"]),
        ]
    )
    m = map_activities(small_log.frame, spec)
    assert m.unmatched == {"B": 4, "C": 2, "X": 1}
    assert m.suggestions == {}
    spec2 = JourneySpec([TouchpointSpec("b", "Browse", 0, match_events=["b_view"])])
    names = pd.DataFrame({"activity": pd.Categorical(["b_views", "zzz"])})
    assert map_activities(names, spec2).suggestions == {"b_views": ["b"]}


def test_bootstrap_orders_by_first_seen(small_log):
    props = bootstrap_touchpoints(small_log.frame, top_n=3, n_stages=2)
    assert [(p.title, p.stage_index, p.reach) for p in props] == [
        ("A", 0, 3),
        ("B", 0, 3),
        ("C", 1, 2),
    ]


def test_default_spec_stage_order(small_log):
    spec = prepare(small_log.frame).spec
    assert {tp.id: tp.stage_index for tp in spec.touchpoints} == {"A": 0, "B": 1, "X": 2, "C": 3}


def test_filter_attribute_case_and_event_scope(small_log):
    web = filter_attribute(small_log.frame, "channel", "web")
    assert sorted(web["case_id"].unique()) == ["c1", "c2"] and len(web) == 7
    x_cases = filter_attribute(small_log.frame, "activity", ["X"])
    assert len(x_cases) == 3  # all of c4
    assert len(filter_attribute(small_log.frame, "activity", "X", scope="event")) == 1
    with pytest.raises(CxError, match="no attribute 'segment'"):
        filter_attribute(small_log.frame, "segment", "new")


def test_filter_period_by_case_start_and_event(small_log):
    frame = small_log.frame
    assert (
        len(filter_period(frame, "2024-03-01 09:00", "2024-03-01 09:01")) == 12
    )  # all start 09:00
    assert len(filter_period(frame, "2024-03-01 09:01", None)) == 0
    events = filter_period(frame, "2024-03-01 09:05", "2024-03-01 09:10", scope="event")
    assert sorted(events["activity"].astype(str)) == ["A", "B", "B"]  # 09:05, 09:06, 09:08


def test_compare_periods_deltas():
    rows = [
        ("a", "S", "2024-01-01T10:00:00Z"),
        ("a", "E", "2024-01-01T10:10:00Z"),
        ("b", "S", "2024-02-01T10:00:00Z"),
        ("c", "S", "2024-02-02T10:00:00Z"),
        ("c", "E", "2024-02-02T10:20:00Z"),
    ]
    from cxmapper.analysis.readers import from_frame

    frame = from_frame(pd.DataFrame(rows, columns=["case_id", "event", "timestamp"])).frame
    spec = JourneySpec(
        [TouchpointSpec("s", "Start", 0, ["S"]), TouchpointSpec("e", "End", 1, ["E"], is_goal=True)]
    )
    cmp = compare_periods(frame, spec, (None, "2024-02-01"), ("2024-02-01", None))
    assert cmp.loc["s", "reach_before"] == 1 and cmp.loc["s", "reach_after"] == 2
    assert cmp.loc["s", "dropoff_rate_delta"] == pytest.approx(0.5)
    assert cmp.loc["s", "median_seconds_to_next_delta"] == pytest.approx(600.0)


def test_weekly_trend():
    from cxmapper.analysis.readers import from_frame

    rows = [
        ("a", "S", "2024-01-01T10:00:00Z"),  # Monday, week 1
        ("a", "S", "2024-01-02T10:00:00Z"),
        ("b", "S", "2024-01-07T23:00:00Z"),  # Sunday, still week 1
        ("b", "E", "2024-01-08T01:00:00Z"),  # week 2
    ]
    frame = from_frame(pd.DataFrame(rows, columns=["case_id", "event", "timestamp"])).frame
    t = weekly_trend(frame)
    got = {
        (str(r.week.date()), r.touchpoint_id): (r.reach, r.dropoff_cases) for r in t.itertuples()
    }
    assert got == {("2024-01-01", "S"): (2, 1), ("2024-01-08", "E"): (1, 1)}


def test_weekly_trend_weeks_start_monday_utc():
    from cxmapper.analysis.readers import from_frame

    rows = [
        ("a", "S", "2026-03-08T23:00:00Z"),  # Sunday 23:00: still the week of Monday 2026-03-02
        ("b", "S", "2026-03-09T00:00:00Z"),  # Monday 00:00 starts the next week
        ("c", "S", "2026-03-02T00:00:00Z"),  # Monday 00:00: first instant of its own week
        ("d", "S", "2026-03-01T23:59:59Z"),  # Sunday before: previous week
    ]
    frame = from_frame(pd.DataFrame(rows, columns=["case_id", "event", "timestamp"])).frame
    t = weekly_trend(frame)
    assert (t["week"].dt.day_of_week == 0).all()  # every label is a Monday
    assert (t["week"] == t["week"].dt.normalize()).all()  # at 00:00 UTC
    assert str(t["week"].dt.tz) == "UTC"
    got = {str(r.week.date()): r.reach for r in t.itertuples()}
    assert got == {"2026-02-23": 1, "2026-03-02": 2, "2026-03-09": 1}
