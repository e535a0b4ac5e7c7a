"""Metrics on a 4-case log computed by hand (see SMALL_ROWS in analysis_helpers), per engine:
per-touchpoint metrics and percentiles, transitions, paths, funnel, friction, file-order ties."""

from __future__ import annotations

import math
from datetime import timedelta

import numpy as np
import pandas as pd
import pytest
from conformance_helpers import shared_run

from cxmapper.analysis.dataset_ref import FrameRef
from cxmapper.analysis.friction import top_friction
from cxmapper.analysis.readers import from_frame
from cxmapper.analysis.report import to_json_dict


def test_touchpoint_metrics_by_hand(engine, small_ref, small_spec):
    m = shared_run(engine, small_ref, small_spec).touchpoints
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
    assert m.index.tolist() == ["tA", "tB", "tC"]  # spec order
    assert m["title"].tolist() == ["Awareness", "Browse", "Checkout"]
    assert m["is_goal"].tolist() == [False, False, True]


def test_dropoff_without_goals_is_exits_over_reach(engine, small_ref):
    m = shared_run(engine, small_ref).touchpoints
    assert m.loc["A", "dropoff_rate"] == pytest.approx(1 / 3)
    assert m.loc["C", "dropoff_rate"] == pytest.approx(2 / 2)
    assert m.loc["X", "ends"] == 0 and m.loc["X", "reach"] == 1


def test_default_spec_stage_order(engine, small_ref):
    stages = shared_run(engine, small_ref).touchpoints["stage_index"].to_dict()
    assert stages == {"A": 0, "B": 1, "X": 2, "C": 3}


def test_transitions_by_hand(engine, small_ref, small_spec):
    t = shared_run(engine, small_ref, small_spec).transitions
    assert list(t.columns) == ["from", "to", "count", "cases", "mean_seconds", "median_seconds"]
    assert t[["from", "to"]].values.tolist() == [  # count desc, then from, to
        ["tA", "tB"], ["tB", "tC"], ["tA", "tA"], ["tB", "tA"]
    ]  # fmt: skip
    t = t.set_index(["from", "to"])
    assert t.loc[("tA", "tB")].tolist() == [3, 2, 340.0, 300.0]
    assert t.loc[("tB", "tC")].tolist() == [2, 2, 390.0, 390.0]
    assert t.loc[("tB", "tA")].tolist() == [1, 1, 60.0, 60.0]
    assert t.loc[("tA", "tA")].tolist() == [1, 1, 120.0, 120.0]  # self-loops are kept
    assert len(t) == 4


def test_paths_against_connectors(engine, small_ref, small_spec):
    check = shared_run(engine, small_ref, small_spec).paths
    assert check.unexpected[["from", "to", "count"]].values.tolist() == [["tB", "tA", 1]]
    assert check.unwalked == [("tA", "tC")]


def test_unmatched_and_counts(engine, small_ref, small_spec):
    report = shared_run(engine, small_ref, small_spec)
    assert report.unmatched == {"X": 1}
    assert report.n_cases == 4 and report.n_events == 12
    data = to_json_dict(report)
    assert data["start_activities"] == {"tA": 3, "tB": 1}
    assert data["end_activities"] == {"tA": 1, "tB": 1, "tC": 2}
    assert data["engine"] == engine.name


def test_funnel_by_hand(engine, small_ref, small_spec):
    f = shared_run(engine, small_ref, small_spec, funnel_steps=["tA", "tB", "tC"]).funnel
    assert f["cases"].tolist() == [3, 2, 1]
    assert f["conversion_from_previous"].tolist() == pytest.approx([1, 2 / 3, 1 / 2])
    assert f["conversion_from_first"].tolist() == pytest.approx([1, 2 / 3, 1 / 3])
    assert f["median_seconds_from_first"].tolist() == [0.0, 450.0, 1200.0]


def test_funnel_window_and_default_stage_steps(engine, small_ref, small_spec):
    steps = ["tA", "tB", "tC"]
    f = shared_run(
        engine, small_ref, small_spec, funnel_steps=steps, funnel_window=timedelta(minutes=15)
    )
    assert f.funnel["cases"].tolist() == [3, 2, 0]
    default = shared_run(engine, small_ref, small_spec).funnel
    assert default["touchpoints"].tolist() == [["tA"], ["tB"], ["tC"]]
    assert default["cases"].tolist() == [3, 2, 1]


def test_funnel_step_can_be_a_set(engine, small_ref, small_spec):
    f = shared_run(engine, small_ref, small_spec, funnel_steps=[["tA", "tB"], "tC"]).funnel
    assert f["cases"].tolist() == [4, 2]


def test_friction_formula(engine, small_ref, small_spec):
    report = shared_run(engine, small_ref, small_spec)
    median = report.journey_median_seconds
    assert median == 180.0 and report.slowness_reference_seconds == 180.0
    items = top_friction(report.touchpoints, median)
    assert [(i.touchpoint_id, i.score) for i in items] == [("tA", 28.4), ("tB", 26.8), ("tC", 0.0)]
    assert report.friction == items  # the report ranks the same table
    expected_b = 100 * (0.35 / 3 + 0.2 / 3 + 0.15 / 3 + 0.15 * np.log10(516 / 180) / 2)
    assert items[1].score == round(expected_b, 1)
    assert "33% of cases drop off here" in items[1].reasons
    assert "67% repeat" in items[0].reasons
    with_kpi = shared_run(
        engine, small_ref, small_spec, kpis_off_target={"tB": 2}, top_n_friction=1
    )
    assert with_kpi.friction[0].touchpoint_id == "tB" and with_kpi.friction[0].score == 36.8
    assert "2 KPIs off target" in with_kpi.friction[0].reasons
    assert len(with_kpi.friction) == 1


def test_friction_inputs(engine, small_ref, small_spec):
    """The components friction is made of, as the engine hands them over (docs/metrics.md)."""
    table = shared_run(engine, small_ref, small_spec).friction_table
    b = table.loc["tB"]
    assert [b["dropoff"], b["repeat"], b["back_step"]] == pytest.approx([1 / 3, 1 / 3, 1 / 3])
    assert b.slow_ratio == pytest.approx(516 / 180)
    assert b.p90_seconds_to_next == pytest.approx(516.0)
    assert b.slow == pytest.approx(np.log10(516 / 180) / 2)
    assert (b.kpi, b.kpis_off_target, b.slow_reference) == (0.0, 0, "the journey median")
    assert table.index.tolist() == ["tA", "tB", "tC"]  # ranked, worst first


def test_ties_keep_file_order_and_cases_interleave(engine):
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
    t = shared_run(engine, FrameRef(log.frame)).transitions
    assert t.set_index(["from", "to"])["count"].to_dict() == {
        ("P", "Q"): 2,
        ("Q", "R"): 1,
        ("Q", "S"): 1,
    }
