"""Event-to-touchpoint matching, proposals and the frame filters with their errors.

Period comparison, weekly trend and what a selection keeps are checked for every engine in
conformance/test_conformance_segments.py.
"""

from __future__ import annotations

import pandas as pd
import pytest

from cxmapper.analysis.bootstrap import bootstrap_touchpoints
from cxmapper.analysis.matching import JourneySpec, TouchpointSpec, map_activities, match_name
from cxmapper.analysis.segments import (
    filter_attribute,
    filter_period,
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
