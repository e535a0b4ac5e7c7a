"""Events of a case with equal timestamps keep their file order: a hand-computed log where most
steps are ties, given in three file layouts (interleaved and unsorted, time-sorted, grouped by
case) that all keep each case's order. Every engine must compute the numbers below.

Per case, in (time, file) order, seconds after T0:
    k1: A 0, B 0, C 0, A 60, D 60      k2: A 0, C 0, B 0, D 120
    k3: B 30, B 30, A 30, D 30         k4: C 10, A 10
"""

from __future__ import annotations

import math
from datetime import timedelta

import pytest
from conformance_helpers import frame_ref, shared_run

from cxmapper.analysis.report import to_json_dict

ROWS = [  # file order: cases interleave and time goes back and forth
    ("k3", "B", 30),
    ("k1", "A", 0),
    ("k2", "A", 0),
    ("k1", "B", 0),
    ("k3", "B", 30),
    ("k1", "C", 0),
    ("k2", "C", 0),
    ("k3", "A", 30),
    ("k4", "C", 10),
    ("k2", "B", 0),
    ("k1", "A", 60),
    ("k4", "A", 10),
    ("k3", "D", 30),
    ("k1", "D", 60),
    ("k2", "D", 120),
]
LAYOUTS = {
    "interleaved": ROWS,
    "time_sorted": sorted(ROWS, key=lambda r: r[2]),  # stable: ties stay in file order
    "grouped_by_case": sorted(ROWS, key=lambda r: r[0]),
}


@pytest.fixture(params=list(LAYOUTS))
def ref(request: pytest.FixtureRequest):
    return frame_ref(LAYOUTS[request.param])


def test_transitions_follow_file_order_within_ties(engine, ref):
    t = shared_run(engine, ref).transitions
    got = {(r["from"], r["to"]): (r["count"], r["cases"]) for r in t.to_dict("records")}
    assert got == {
        ("A", "B"): (1, 1),
        ("B", "C"): (1, 1),
        ("C", "A"): (2, 2),  # k1 after 60 s, k4 at once
        ("A", "D"): (2, 2),
        ("A", "C"): (1, 1),
        ("C", "B"): (1, 1),
        ("B", "D"): (1, 1),
        ("B", "B"): (1, 1),
        ("B", "A"): (1, 1),
    }
    by_pair = t.set_index(["from", "to"])
    assert by_pair.loc[("C", "A"), ["mean_seconds", "median_seconds"]].tolist() == [30.0, 30.0]
    assert by_pair.loc[("B", "D"), ["mean_seconds", "median_seconds"]].tolist() == [120.0, 120.0]
    assert by_pair.loc[("A", "D"), ["mean_seconds", "median_seconds"]].tolist() == [0.0, 0.0]
    assert t[["from", "to"]].values.tolist()[:2] == [["A", "D"], ["C", "A"]]  # count, from, to


def test_starts_ends_and_touchpoint_metrics(engine, ref):
    report = shared_run(engine, ref)
    data = to_json_dict(report)
    assert data["start_activities"] == {"A": 2, "B": 1, "C": 1}
    assert data["end_activities"] == {"A": 1, "D": 3}
    m = report.touchpoints
    assert m["reach"].to_dict() == {"A": 4, "B": 3, "C": 3, "D": 3}
    assert m["events"].to_dict() == {"A": 5, "B": 4, "C": 3, "D": 3}
    assert m["repeat_cases"].to_dict() == {"A": 1, "B": 1, "C": 0, "D": 0}
    assert m["dropoff_cases"].to_dict() == {"A": 1, "B": 0, "C": 0, "D": 3}  # no goal: exits
    # derived stages B 0, A 1, C 2, D 3: back are A->B, C->A twice and C->B
    assert m["back_steps"].to_dict() == {"A": 1, "B": 0, "C": 3, "D": 0}
    assert m["median_seconds_to_next"].to_dict()["A"] == 0.0
    assert m.loc["B", "p90_seconds_to_next"] == pytest.approx(84.0)  # [0, 0, 0, 120]
    assert m.loc["C", "p90_seconds_to_next"] == pytest.approx(48.0)  # [0, 0, 60]
    assert math.isnan(m.loc["D", "median_seconds_to_next"])
    assert (report.n_cases, report.n_events) == (4, 15)


def test_derived_stage_order_from_first_seen_positions(engine, ref):
    """Median relative first position: B 1/4, A 1/3, C 1/3 (tie: by name), D 1."""
    stages = shared_run(engine, ref).touchpoints["stage_index"].to_dict()
    assert stages == {"B": 0, "A": 1, "C": 2, "D": 3}


def test_zero_median_uses_the_positive_steps(engine, ref):
    report = shared_run(engine, ref)
    assert report.journey_median_seconds == 0.0  # 9 of 11 steps are ties
    assert report.slowness_reference_seconds == 90.0  # median of 60 and 120


def test_funnel_over_ties(engine, ref):
    f = shared_run(engine, ref, funnel_steps=["A", "B", "D"]).funnel
    assert f["cases"].tolist() == [4, 2, 2]  # k3's A comes after both its B's
    assert f["median_seconds_from_first"].tolist() == [0.0, 0.0, 90.0]
    windowed = shared_run(
        engine, ref, funnel_steps=["A", "B", "D"], funnel_window=timedelta(seconds=100)
    )
    assert windowed.funnel["cases"].tolist() == [4, 2, 1]  # k2 reaches D after 120 s
    default = shared_run(engine, ref).funnel  # one step per derived stage: B, A, C, D
    assert default["cases"].tolist() == [3, 2, 0, 0]
    assert default["median_seconds_from_first"].tolist()[:2] == [0.0, 30.0]
