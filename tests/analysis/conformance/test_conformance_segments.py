"""Segments and periods (whole cases by default), before/after comparison and the weekly trend,
per engine, on hand-made logs."""

from __future__ import annotations

import pytest
from conformance_helpers import dated_ref

from cxmapper.analysis.dataset_ref import Selection
from cxmapper.analysis.matching import JourneySpec, TouchpointSpec


def test_segment_keeps_whole_cases_or_single_events(engine, small_ref):
    data = engine.load(small_ref)
    web = engine.select(data, Selection("channel", ("web",)))
    assert web.n_events == 7  # every event of c1 and c2
    assert run_selected(engine, web).n_cases == 2
    x_cases = engine.select(data, Selection("activity", ("X",)))
    assert x_cases.n_events == 3  # all of c4
    assert engine.select(data, Selection("activity", ("X",), scope="event")).n_events == 1


def test_period_by_case_start_and_by_event(engine, small_ref):
    data = engine.load(small_ref)
    everything = engine.select(data, Selection(period=("2024-03-01 09:00", "2024-03-01 09:01")))
    assert everything.n_events == 12  # all cases start 09:00
    assert engine.select(data, Selection(period=("2024-03-01 09:01", None))).n_events == 0
    events = engine.select(
        data, Selection(period=("2024-03-01 09:05", "2024-03-01 09:10"), scope="event")
    )
    assert events.n_events == 3  # 09:05 B, 09:06 A, 09:08 B
    tps = run_selected(engine, events).touchpoints
    assert tps["events"].to_dict() == {"A": 1, "B": 2}


def test_profile_of_the_whole_dataset(engine, small_ref):
    profile = engine.profile(engine.load(small_ref))
    assert profile.n_cases == 4
    assert profile.segment_values == {"channel": ["app", "web"]}
    assert profile.span == ("2024-03-01 09:00:00+00:00", "2024-03-01 09:20:00+00:00")


def test_compare_periods_deltas(engine):
    ref = dated_ref(
        [
            ("a", "S", "2024-01-01T10:00:00Z"),
            ("a", "E", "2024-01-01T10:10:00Z"),
            ("b", "S", "2024-02-01T10:00:00Z"),
            ("c", "S", "2024-02-02T10:00:00Z"),
            ("c", "E", "2024-02-02T10:20:00Z"),
        ]
    )
    spec = JourneySpec(
        [TouchpointSpec("s", "Start", 0, ["S"]), TouchpointSpec("e", "End", 1, ["E"], is_goal=True)]
    )
    cmp = engine.compare_periods(engine.load(ref), spec, (None, "2024-02-01"), ("2024-02-01", None))
    assert cmp.loc["s", "reach_before"] == 1 and cmp.loc["s", "reach_after"] == 2
    assert cmp.loc["s", "dropoff_rate_delta"] == pytest.approx(0.5)
    assert cmp.loc["s", "median_seconds_to_next_delta"] == pytest.approx(600.0)
    assert cmp.loc["e", "title"] == "End"


def test_weekly_trend(engine):
    ref = dated_ref(
        [
            ("a", "S", "2024-01-01T10:00:00Z"),  # Monday, week 1
            ("a", "S", "2024-01-02T10:00:00Z"),
            ("b", "S", "2024-01-07T23:00:00Z"),  # Sunday, still week 1
            ("b", "E", "2024-01-08T01:00:00Z"),  # week 2
        ]
    )
    t = engine.weekly_trend(engine.load(ref), None)
    got = {
        (str(r.week.date()), r.touchpoint_id): (r.reach, r.dropoff_cases) for r in t.itertuples()
    }
    assert got == {("2024-01-01", "S"): (2, 1), ("2024-01-08", "E"): (1, 1)}
    assert list(t.columns) == ["week", "touchpoint_id", "reach", "dropoff_cases", "dropoff_rate"]


def test_weekly_trend_weeks_start_monday_utc(engine):
    ref = dated_ref(
        [
            ("a", "S", "2026-03-08T23:00:00Z"),  # Sunday 23:00: still the week of Monday 03-02
            ("b", "S", "2026-03-09T00:00:00Z"),  # Monday 00:00 starts the next week
            ("c", "S", "2026-03-02T00:00:00Z"),  # Monday 00:00: first instant of its own week
            ("d", "S", "2026-03-01T23:59:59Z"),  # Sunday before: previous week
        ]
    )
    t = engine.weekly_trend(engine.load(ref), None)
    assert (t["week"].dt.day_of_week == 0).all()  # every label is a Monday
    assert (t["week"] == t["week"].dt.normalize()).all()  # at 00:00 UTC
    assert str(t["week"].dt.tz) == "UTC"
    got = {str(r.week.date()): r.reach for r in t.itertuples()}
    assert got == {"2026-02-23": 1, "2026-03-02": 2, "2026-03-09": 1}


def test_weekly_trend_of_nothing_has_the_columns(engine, small_ref):
    data = engine.select(engine.load(small_ref), Selection(period=("2030-01-01", None)))
    t = engine.weekly_trend(data, None)
    assert t.empty
    assert list(t.columns) == ["week", "touchpoint_id", "reach", "dropoff_cases", "dropoff_rate"]


def run_selected(engine, data):
    """A report of an already selected dataset (the engine's handle, not a reference)."""
    return engine.report(data, None)
