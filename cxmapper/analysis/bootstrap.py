"""Propose touchpoints from data: the most common events, in the order customers meet them.

A journey drawn from nothing starts here ("create touchpoints from the top events"). The order
is the same one the analysis gives event names when no journey is drawn (`prepare` without a
spec): the median relative position at which a case first meets each event.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from cxmapper.analysis.columns import ACTIVITY, CASE_ID, TIMESTAMP
from cxmapper.analysis.kernels import ts_ns
from cxmapper.analysis.prepared import (
    TpGroups,
    case_bounds,
    first_seen_medians,
    sorted_by_case,
)


@dataclass(frozen=True)
class TouchpointProposal:
    """A touchpoint suggested from data, for the user to accept into a journey."""

    title: str
    match_events: list[str]
    stage_index: int
    reach: int
    events: int
    median_position: float


def first_seen_positions(frame: pd.DataFrame) -> pd.DataFrame:
    """Per activity with events: reach, events and its median relative first-seen position.

    The same case sort and first-event marks as `prepare`, then one grouping by activity, so
    millions of events take a fraction of a second.
    """
    case = frame[CASE_ID].cat.codes.to_numpy()
    activities = frame[ACTIVITY].cat.categories
    n_labels, n_act = len(frame[CASE_ID].cat.categories), len(activities)
    counts = np.bincount(case, minlength=n_labels)
    case, _, act, _ = sorted_by_case(
        case, ts_ns(frame[TIMESTAMP]), counts, frame[ACTIVITY].cat.codes.to_numpy()
    )
    first, _ = case_bounds(case)
    groups = TpGroups.build(act, case, n_act)
    result = pd.DataFrame(
        {
            "activity": [str(a) for a in activities],
            "reach": groups.runs_per_code(),
            "events": groups.events_per_code(),
            "median_position": first_seen_medians(case, groups, n_labels, first),
        }
    )
    return result[result["events"] > 0].reset_index(drop=True)


def bootstrap_touchpoints(
    frame: pd.DataFrame, top_n: int = 12, n_stages: int = 5
) -> list[TouchpointProposal]:
    """Propose one touchpoint per frequent event (by reach), cut into `n_stages` stages in order."""
    stats = first_seen_positions(frame)
    top = stats.sort_values(["reach", "events", "activity"], ascending=[False, False, True]).head(
        top_n
    )
    top = top.sort_values(["median_position", "activity"]).reset_index(drop=True)
    n_stages = max(1, min(n_stages, len(top)))
    stage_of = (np.arange(len(top)) * n_stages) // max(len(top), 1)
    return [
        TouchpointProposal(
            title=row.activity,
            match_events=[row.activity],
            stage_index=int(stage_of[i]),
            reach=int(row.reach),
            events=int(row.events),
            median_position=float(row.median_position),
        )
        for i, row in enumerate(top.itertuples(index=False))
    ]
