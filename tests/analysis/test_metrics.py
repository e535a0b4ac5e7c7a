"""Metrics on a 4-case log computed by hand (see SMALL_ROWS in analysis_helpers)."""

from __future__ import annotations

import math
from datetime import timedelta

import numpy as np
import pandas as pd
import pytest

from cxmapper.analysis.friction import top_friction
from cxmapper.analysis.funnel import funnel
from cxmapper.analysis.metrics import path_check, touchpoint_metrics, transition_metrics
from cxmapper.analysis.prepared import prepare
from cxmapper.analysis.readers import from_frame
from cxmapper.analysis.report import analyze, journey_median_seconds, to_json_dict


def test_touchpoint_metrics_by_hand(small_log, small_spec):
    m = touchpoint_metrics(prepare(small_log.frame, small_spec))
    a, b, c = m.loc["tA"], m.loc["tB"], m.loc["tC"]
    assert (a.reach, a.events, a.repeat_cases, a.starts, a.ends) == (3, 5, 2, 3, 1)
    assert a.repeat_rate == pytest.approx(2 / 3)
    assert a.dropoff_rate == pytest.approx(1 / 3)  # c3 ends at A, never reaches the goal
    assert a.median_seconds_to_next == 210.0  # [120, 120, 300, 600]
    assert a.p90_seconds_to_next == pytest.approx(510.0)
    assert a.back_steps == 0
    assert (b.reach, b.events, b.repeat_cases, b.starts, b.ends, b.back_steps) == (3, 4, 1, 1, 1, 1)
    assert b.dropoff_rate == pytest.approx(1 / 3)
    assert b.back_step_rate == pytest.approx(1 / 3)
    assert b.median_seconds_to_next == 180.0  # [60, 180, 600]; c4's unmapped X is skipped
    assert b.p90_seconds_to_next == pytest.approx(516.0)
    assert (c.reach, c.events, c.ends, c.dropoff_cases) == (2, 2, 2, 0)
    assert math.isnan(c.median_seconds_to_next)


def test_dropoff_without_goals_is_exits_over_reach(small_log):
    m = touchpoint_metrics(prepare(small_log.frame))
    assert m.loc["A", "dropoff_rate"] == pytest.approx(1 / 3)
    assert m.loc["C", "dropoff_rate"] == pytest.approx(2 / 2)
    assert m.loc["X", "ends"] == 0 and m.loc["X", "reach"] == 1


def test_transitions_by_hand(small_log, small_spec):
    t = transition_metrics(prepare(small_log.frame, small_spec)).set_index(["from", "to"])
    assert t.loc[("tA", "tB")].tolist() == [3, 2, 340.0, 300.0]
    assert t.loc[("tB", "tC")].tolist() == [2, 2, 390.0, 390.0]
    assert t.loc[("tB", "tA")].tolist() == [1, 1, 60.0, 60.0]
    assert t.loc[("tA", "tA")].tolist() == [1, 1, 120.0, 120.0]  # self-loops are kept
    assert len(t) == 4


def test_paths_against_connectors(small_log, small_spec):
    check = path_check(prepare(small_log.frame, small_spec))
    assert check.unexpected[["from", "to", "count"]].values.tolist() == [["tB", "tA", 1]]
    assert check.unwalked == [("tA", "tC")]


def test_unmatched_and_counts(small_log, small_spec):
    report = analyze(small_log, small_spec)
    assert report.unmatched == {"X": 1}
    assert report.n_cases == 4 and report.n_events == 12
    data = to_json_dict(report)
    assert data["start_activities"] == {"tA": 3, "tB": 1}
    assert data["end_activities"] == {"tA": 1, "tB": 1, "tC": 2}


def test_funnel_by_hand(small_log, small_spec):
    f = funnel(prepare(small_log.frame, small_spec), ["tA", "tB", "tC"])
    assert f["cases"].tolist() == [3, 2, 1]
    assert f["conversion_from_previous"].tolist() == pytest.approx([1, 2 / 3, 1 / 2])
    assert f["conversion_from_first"].tolist() == pytest.approx([1, 2 / 3, 1 / 3])
    assert f["median_seconds_from_first"].tolist() == [0.0, 450.0, 1200.0]


def test_funnel_window_and_default_stage_steps(small_log, small_spec):
    p = prepare(small_log.frame, small_spec)
    f = funnel(p, ["tA", "tB", "tC"], window=timedelta(minutes=15))
    assert f["cases"].tolist() == [3, 2, 0]
    default = funnel(p)
    assert default["touchpoints"].tolist() == [["tA"], ["tB"], ["tC"]]
    assert default["cases"].tolist() == [3, 2, 1]


def test_funnel_step_can_be_a_set(small_log, small_spec):
    f = funnel(prepare(small_log.frame, small_spec), [["tA", "tB"], "tC"])
    assert f["cases"].tolist() == [4, 2]


def test_friction_formula(small_log, small_spec):
    p = prepare(small_log.frame, small_spec)
    m = touchpoint_metrics(p)
    median = journey_median_seconds(p)
    assert median == 180.0
    items = top_friction(m, median)
    assert [(i.touchpoint_id, i.score) for i in items] == [("tA", 28.4), ("tB", 26.8), ("tC", 0.0)]
    expected_b = 100 * (0.35 / 3 + 0.2 / 3 + 0.15 / 3 + 0.15 * np.log10(516 / 180) / 2)
    assert items[1].score == round(expected_b, 1)
    assert "33% of cases drop off here" in items[1].reasons
    assert "67% repeat" in items[0].reasons
    with_kpi = top_friction(m, median, {"tB": 2}, top_n=1)
    assert with_kpi[0].touchpoint_id == "tB" and with_kpi[0].score == 36.8
    assert "2 KPIs off target" in with_kpi[0].reasons


def test_ties_keep_file_order_and_cases_interleave():
    frame = pd.DataFrame(
        {
            "case_id": ["t1", "t2", "t1", "t2", "t1", "t2"],
            "event": ["P", "S", "Q", "P", "R", "Q"],
            "timestamp": [
                "2024-01-01T10:00:00Z",
                "2024-01-01T10:10:00Z",
                "2024-01-01T10:00:00Z",
                "2024-01-01T10:05:00Z",  # earlier than t2's previous row
                "2024-01-01T10:00:00Z",
                "2024-01-01T10:05:00Z",  # tie with the row before, in file order
            ],
        }
    )
    log = from_frame(frame)
    t = transition_metrics(prepare(log.frame)).set_index(["from", "to"])["count"].to_dict()
    assert t == {("P", "Q"): 2, ("Q", "R"): 1, ("Q", "S"): 1}


def test_sorted_fast_path_equals_general_path(small_log):
    frame = small_log.frame
    grouped = frame.iloc[np.argsort(frame["case_id"].cat.codes.to_numpy(), kind="stable")]
    a = transition_metrics(prepare(frame))
    b = transition_metrics(prepare(grouped.reset_index(drop=True)))
    pd.testing.assert_frame_equal(a, b)


def test_event_names_that_read_the_same_as_text_count_as_one():
    """A frame built outside the importer may hold 1 and "1": both are the touchpoint "1"."""
    frame = pd.DataFrame(
        {
            "case_id": pd.Categorical(["c1", "c1", "c2", "c2", "c1"]),
            "activity": pd.Categorical([1, "1", "x", 1, "x"]),
            "timestamp": pd.to_datetime([3, 1, 2, 5, 4], unit="s", utc=True),
        }
    )
    p = prepare(frame)
    assert p.row.tolist() == [1, 0, 4, 2, 3]  # c1 by time, then c2
    ids = p.tp_ids
    assert [ids[t] for t in p.tp] == ["1", "1", "x", "x", "1"]
    t = transition_metrics(p).set_index(["from", "to"])
    assert t["count"].to_dict() == {("1", "1"): 1, ("1", "x"): 1, ("x", "1"): 1}
    assert t.loc[("x", "1"), "mean_seconds"] == 3.0
