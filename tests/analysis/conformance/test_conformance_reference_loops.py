"""Every engine against per-case loops that follow the documented definitions, on random logs
with ties: the funnel (greedy ordered matching, window from step 1) and the derived stage order
(median relative first-seen position, then name)."""

from __future__ import annotations

import zlib
from datetime import timedelta

import numpy as np
import pandas as pd
import pytest
from analysis_helpers import first_seen_reference, random_log
from conformance_helpers import run

from cxmapper.analysis.dataset_ref import FrameRef
from cxmapper.analysis.matching import JourneySpec, TouchpointSpec
from cxmapper.analysis.readers import from_frame

NAMES = [f"e{i}" for i in range(6)]
EPOCH = pd.Timestamp(0, tz="UTC")


def _random_log(case: object, n_cases: int = 300) -> pd.DataFrame:
    """A log of its own for each test case, the same for every engine."""
    rng = np.random.default_rng(zlib.crc32(repr(case).encode()))
    return random_log(rng, n_cases, len(NAMES), 11, [0, 30, 60, 600, 3600])


def _reference(frame: pd.DataFrame, steps: list[list[str]], window_s: float | None):
    """Greedy ordered matching per case, events sorted stably by time (ties: file order)."""
    reached: list[list[float]] = [[] for _ in steps]
    for _, events in frame.sort_values("ts", kind="stable").groupby("case", sort=False):
        names = events["event"].tolist()
        secs = ((events["ts"] - EPOCH).dt.total_seconds()).tolist()
        i, t0 = -1, None
        for k, step in enumerate(steps):
            j = next((j for j in range(i + 1, len(names)) if names[j] in step), None)
            if j is None or (t0 is not None and window_s is not None and secs[j] - t0 > window_s):
                break
            t0 = secs[j] if t0 is None else t0
            reached[k].append(secs[j] - t0)
            i = j
    return [len(r) for r in reached], [float(np.median(r)) if r else None for r in reached]


@pytest.mark.parametrize("window", [None, timedelta(minutes=20), timedelta(hours=2)])
@pytest.mark.parametrize(
    "steps",
    [[["e0"], ["e1"], ["e2"], ["e3"]], [["e0", "e1"], ["e2"], ["e2", "e4"], ["e5"]], [["e3"]]],
)
def test_funnel_matches_a_per_case_loop(engine, steps, window):
    frame = _random_log((steps, window))
    log = from_frame(frame, source="random")
    got = run(engine, FrameRef(log.frame), funnel_steps=steps, funnel_window=window).funnel
    cases, medians = _reference(frame, steps, None if window is None else window.total_seconds())
    assert got["cases"].tolist() == cases
    got_medians = [None if np.isnan(m) else m for m in got["median_seconds_from_first"]]
    assert got_medians == medians


@pytest.mark.parametrize(
    "steps", [[["e0"], ["never"], ["e2"]], [["never"], ["e1"]], [["e0"], ["e1", "never"]]]
)
def test_funnel_with_a_touchpoint_nobody_visits(engine, steps):
    frame = _random_log(steps, 100)
    names = [*NAMES, "never"]
    spec = JourneySpec([TouchpointSpec(n, n, i, match_events=[n]) for i, n in enumerate(names)])
    got = run(engine, FrameRef(from_frame(frame, source="random").frame), spec, funnel_steps=steps)
    got = got.funnel
    assert got["cases"].tolist() == _reference(frame, steps, None)[0]


@pytest.mark.parametrize("n_cases", [1, 40, 400])
def test_derived_stages_follow_first_seen_positions(engine, n_cases):
    frame = _random_log(("first seen", n_cases), n_cases)
    expected = first_seen_reference(frame)
    tps = run(engine, FrameRef(from_frame(frame, source="random").frame)).touchpoints
    order = sorted(expected, key=lambda name: (expected[name][2], name))
    assert tps["stage_index"].to_dict() == {name: order.index(name) for name in expected}
    assert tps["reach"].to_dict() == {name: v[0] for name, v in expected.items()}
    assert tps["events"].to_dict() == {name: v[1] for name, v in expected.items()}
