"""First-seen positions (the order of proposed touchpoints) against a per-case loop."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from analysis_helpers import first_seen_reference, random_log

from cxmapper.analysis.bootstrap import bootstrap_touchpoints, first_seen_positions
from cxmapper.analysis.prepared import prepare
from cxmapper.analysis.readers import from_frame

RNG = np.random.default_rng(5)


def _random_frame(n_cases: int = 400) -> pd.DataFrame:
    return random_log(RNG, n_cases, 7, 8, [0, 60, 600])


def test_first_seen_positions_match_a_per_case_loop():
    frame = _random_frame()
    got = first_seen_positions(from_frame(frame, source="random").frame)
    expected = first_seen_reference(frame)
    assert set(got["activity"]) == set(expected)
    for row in got.itertuples(index=False):
        reach, events, median = expected[row.activity]
        assert (row.reach, row.events) == (reach, events)
        assert row.median_position == pytest.approx(median, abs=1e-12)


def test_proposals_follow_the_stage_order_of_the_derived_journey():
    log = from_frame(_random_frame(), source="random")
    props = bootstrap_touchpoints(log.frame, top_n=7, n_stages=7)
    derived = sorted(prepare(log.frame).spec.touchpoints, key=lambda tp: tp.stage_index)
    assert [p.title for p in props] == [tp.id for tp in derived]
    assert [p.stage_index for p in props] == list(range(7))
