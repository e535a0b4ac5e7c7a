"""Sort a normalised event frame once and map it to touchpoints, as integer arrays.

All metrics read the same `PreparedLog`: events grouped by case, ordered by timestamp with a
STABLE sort (ties keep file order, as pm4py does), unmapped events dropped. Building it is the
only sort over all events; every metric after that is a linear pass or a grouped quantile.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from cxmapper.analysis.columns import ACTIVITY, CASE_ID, TIMESTAMP
from cxmapper.analysis.kernels import grouped_quantiles, stable_case_order, ts_ns
from cxmapper.analysis.matching import JourneySpec, Matching, TouchpointSpec, map_activities


@dataclass
class PreparedLog:
    """Touchpoint-level event arrays in (case, time, file order) order."""

    spec: JourneySpec
    matching: Matching
    case: np.ndarray  # int64 case code per event
    tp: np.ndarray  # int64 touchpoint index per event
    ts: np.ndarray  # int64 ns since epoch, UTC
    row: np.ndarray  # int64 row in the source frame
    first: np.ndarray  # bool: first event of its case
    last: np.ndarray  # bool: last event of its case
    case_labels: pd.Index
    n_cases_total: int  # cases in the frame, including those with no mapped event
    cache: dict[str, object] = field(default_factory=dict, repr=False)  # shared intermediates

    @property
    def n_tp(self) -> int:
        return len(self.spec.touchpoints)

    @property
    def n_events(self) -> int:
        return int(self.tp.size)

    @property
    def n_cases(self) -> int:
        return int(np.count_nonzero(self.first))

    @property
    def tp_ids(self) -> list[str]:
        return [tp.id for tp in self.spec.touchpoints]

    @property
    def stage(self) -> np.ndarray:
        return np.asarray([tp.stage_index for tp in self.spec.touchpoints], dtype=np.int64)

    @property
    def goal(self) -> np.ndarray:
        return np.asarray([tp.is_goal for tp in self.spec.touchpoints], dtype=bool)

    def has_next(self) -> np.ndarray:
        return ~self.last


def _bounds(case: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    n = case.size
    first = np.ones(n, dtype=bool)
    last = np.ones(n, dtype=bool)
    if n > 1:
        change = case[1:] != case[:-1]
        first[1:] = change
        last[:-1] = change
    return first, last


def _spec_from_sorted(
    case: np.ndarray, act: np.ndarray, first: np.ndarray, activities: pd.Index
) -> JourneySpec:
    """Each event name its own touchpoint, stage order by median relative first-seen position."""
    n = case.size
    n_act = len(activities)
    starts = np.flatnonzero(first)
    lengths = np.diff(np.r_[starts, n])
    pos = np.arange(n) - np.repeat(starts, lengths)
    span = np.repeat(np.maximum(lengths - 1, 1), lengths)
    rel = pos / span
    key = case * n_act + act
    # first occurrence of each (case, activity) pair, by hashing rather than sorting
    idx = np.flatnonzero(~pd.Series(key).duplicated(keep="first").to_numpy())
    med = grouped_quantiles(act[idx], rel[idx], n_act, (0.5,))[:, 0]
    used = np.bincount(act, minlength=n_act) > 0
    order = sorted(np.flatnonzero(used), key=lambda a: (med[a], str(activities[a])))
    stage_of = {int(a): i for i, a in enumerate(order)}
    tps = [
        TouchpointSpec(
            id=str(activities[a]),
            title=str(activities[a]),
            stage_index=stage_of[a],
            match_events=(str(activities[a]),),
        )
        for a in np.flatnonzero(used)
    ]
    return JourneySpec(tps)


def prepare(frame: pd.DataFrame, spec: JourneySpec | None = None) -> PreparedLog:
    """Sort once and map to touchpoints; without a spec every event name is a touchpoint."""
    case_all = frame[CASE_ID].cat.codes.to_numpy().astype(np.int64)
    act_all = frame[ACTIVITY].cat.codes.to_numpy().astype(np.int64)
    ts_all = ts_ns(frame[TIMESTAMP])
    case_labels = frame[CASE_ID].cat.categories
    activities = frame[ACTIVITY].cat.categories
    order = stable_case_order(case_all, ts_all, len(case_labels))
    if order is None:
        row = np.arange(case_all.size, dtype=np.int64)
        case, act, ts = case_all, act_all, ts_all
    else:
        row = order.astype(np.int64, copy=False)
        case, act, ts = case_all[order], act_all[order], ts_all[order]
    n_cases_total = int(np.count_nonzero(np.bincount(case_all, minlength=len(case_labels))))
    if spec is None:
        first, _ = _bounds(case)
        spec = _spec_from_sorted(case, act, first, activities)
        matching = map_activities(frame, spec, suggest=False)
    else:
        matching = map_activities(frame, spec)
    tp = matching.activity_to_tp.astype(np.int64)[act]
    keep = tp >= 0
    if not keep.all():
        case, tp, ts, row = case[keep], tp[keep], ts[keep], row[keep]
    first, last = _bounds(case)
    return PreparedLog(
        spec=spec,
        matching=matching,
        case=case,
        tp=tp,
        ts=ts,
        row=row,
        first=first,
        last=last,
        case_labels=case_labels,
        n_cases_total=n_cases_total,
    )
