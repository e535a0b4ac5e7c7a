"""Friction edge rules, per engine: the slowness reference when the journey median is 0 s, and
one order for ties in every list (the app's, the CLI's and the workbook's)."""

from __future__ import annotations

import math

import pytest
from conformance_helpers import frame_ref, run

from cxmapper.analysis.dataset_ref import FrameRef
from cxmapper.analysis.matching import JourneySpec, TouchpointSpec
from cxmapper.analysis.report import to_json_dict
from cxmapper.io.friction_data import coerce_friction


def burst_log() -> FrameRef:
    """Five cases A,B,C,D at the same instant, D -> S in 10 s, S -> E in 540 s; one more case
    A -> B in 10 s. 26 steps: 15 of 0 s, so the journey median is 0; the positive steps are
    six of 10 s and five of 540 s, median 10 s."""
    rows: list[tuple[str, str, float]] = []
    for n in range(5):
        c = f"c{n}"
        rows += [(c, "A", 0), (c, "B", 0), (c, "C", 0), (c, "D", 0), (c, "S", 10), (c, "E", 550)]
    rows += [("x", "A", 0), ("x", "B", 10)]
    return frame_ref(rows)


def test_zero_journey_median_falls_back_to_positive_steps(engine) -> None:
    report = run(engine, burst_log())
    assert report.journey_median_seconds == 0.0
    assert report.slowness_reference_seconds == 10.0
    s = report.friction_table.loc["S"]
    assert s["p90_seconds_to_next"] == 540.0
    assert s["slow"] == pytest.approx(math.log10(54) / 2)  # 540 s is 54x the reference
    reasons = {f.touchpoint_id: f.reasons for f in report.friction}["S"]
    assert any("(54x the median of non-zero steps)" in r for r in reasons)
    data = to_json_dict(report)
    assert data["journey_median_seconds"] == 0.0 and data["slowness_reference_seconds"] == 10.0


def test_positive_median_reference_is_the_journey_median_otherwise(engine) -> None:
    rows = [("c", "A", 0), ("c", "B", 60), ("c", "C", 120), ("c", "D", 1000)]
    report = run(engine, frame_ref(rows))
    assert report.journey_median_seconds == report.slowness_reference_seconds == 60.0
    assert any("the journey median" in r for f in report.friction for r in f.reasons)


def test_no_step_takes_time_means_no_slowness(engine) -> None:
    report = run(engine, frame_ref([("c", "A", 0), ("c", "B", 0), ("d", "A", 0), ("d", "B", 0)]))
    assert report.slowness_reference_seconds == 0.0
    assert (report.friction_table["slow"] == 0).all()


def test_ties_rank_by_title_then_id_in_every_list(engine) -> None:
    """Two touchpoints behave alike: same score. The list ranks them by title (Alpha before
    Beta, against the journey order), the workbook's data keeps that order."""
    spec = JourneySpec(
        touchpoints=[
            TouchpointSpec("t1", "Beta", 0, match_events=["b"]),
            TouchpointSpec("t2", "Alpha", 0, match_events=["a"]),
            TouchpointSpec("t4", "Same", 0, match_events=["s2"]),
            TouchpointSpec("t3", "Same", 0, match_events=["s1"]),
            TouchpointSpec("end", "End", 1, match_events=["e"]),
        ]
    )
    rows = [("c1", "b", 0), ("c1", "e", 60), ("c2", "a", 0), ("c2", "e", 60)]
    rows += [("c3", "s2", 0), ("c3", "e", 60), ("c4", "s1", 0), ("c4", "e", 60)]
    report = run(engine, frame_ref(rows), spec, top_n_friction=10)
    scores = report.friction_table["score"]
    assert scores["t1"] == scores["t2"] == scores["t3"] == scores["t4"]
    ranked = [f.touchpoint_id for f in report.friction]
    assert ranked == ["end", "t2", "t1", "t3", "t4"]  # End: every case ends there
    data = coerce_friction(report)
    assert data is not None
    assert [m.touchpoint_id for m in data.top(5)] == ranked
