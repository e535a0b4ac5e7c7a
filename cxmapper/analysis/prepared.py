"""Sort a normalised event frame once and map it to touchpoints, as integer arrays.

All metrics read the same `PreparedLog`: events grouped by case, ordered by timestamp with a
STABLE sort (ties keep file order, as pm4py does), unmapped events dropped. Besides that case
order, a log needs only three more integer sorts however many metrics are asked for: events
grouped by touchpoint (`TpGroups`, cached), step durations by transition and distinct
(case, transition) pairs (both in `metrics`).
"""

from __future__ import annotations

from concurrent.futures import Executor, Future
from dataclasses import dataclass, field
from typing import TypeVar

import numpy as np
import pandas as pd

from cxmapper.analysis.columns import ACTIVITY, CASE_ID, TIMESTAMP
from cxmapper.analysis.kernels import (
    block_quantiles,
    code_key,
    group_order,
    small_ints,
    stable_case_order,
    ts_ns,
)
from cxmapper.analysis.matching import JourneySpec, Matching, TouchpointSpec, map_activities

T = TypeVar("T")


@dataclass
class PreparedLog:
    """Touchpoint-level event arrays in (case, time, file order) order."""

    spec: JourneySpec
    matching: Matching
    case: np.ndarray  # int32 case code per event
    tp: np.ndarray  # touchpoint index per event (int8/16/32: the narrowest that fits)
    ts: np.ndarray  # int64 ns since epoch, UTC
    row: np.ndarray  # row in the source frame (int32 below 2**31 events, else int64)
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

    def by_tp(self) -> TpGroups:
        """Events grouped by touchpoint (cached; shared by reach, repeats and the funnel)."""
        groups = self.cache.get("by_tp")
        if not isinstance(groups, TpGroups):
            groups = TpGroups.build(self.tp, self.case, self.n_tp)
            self.cache["by_tp"] = groups
        return groups


@dataclass
class TpGroups:
    """Event positions grouped by a small code (touchpoint or activity), in order within a code.

    Because events are already grouped by case, each code's block is made of runs of one case;
    the first event of a run is that case's first event at the code. One grouping sort therefore
    answers reach, repeats, first-seen positions and the funnel's candidate events.
    """

    order: np.ndarray  # positions, grouped by code (ascending), ascending within a code
    bounds: np.ndarray  # block of code k is order[bounds[k]:bounds[k + 1]]
    runs: np.ndarray  # index into `order` where a (code, case) run starts
    case: np.ndarray  # case code at each entry of `order` (saves the funnel a gather per step)

    @classmethod
    def build(
        cls, codes: np.ndarray, case: np.ndarray, n_codes: int, counts: np.ndarray | None = None
    ) -> TpGroups:
        if counts is None:
            counts = np.bincount(codes, minlength=n_codes)
        bounds = np.concatenate(([0], np.cumsum(counts)))
        order = group_order(codes, n_codes)
        if order.size < 2**31:  # int32 positions: half the memory traffic in funnel and spec
            order = order.astype(np.int32, copy=False)
        in_order = case[order]
        head = np.ones(order.size, dtype=bool)
        if order.size > 1:
            np.not_equal(in_order[1:], in_order[:-1], out=head[1:])
            head[bounds[:-1][counts > 0]] = True
        runs = np.flatnonzero(head)
        if order.size < 2**31:  # as `order`: int32 halves what the stage order and funnel read
            runs = runs.astype(np.int32)
        return cls(order, bounds, runs, in_order)

    def runs_per_code(self, min_length: int = 1) -> np.ndarray:
        """Per code: distinct cases with at least `min_length` events at it."""
        # bounds in the dtype of `runs`: a wider needle would make numpy copy `runs` to match
        per_code = np.diff(np.searchsorted(self.runs, self.bounds.astype(self.runs.dtype)))
        if min_length <= 1:
            return per_code
        long = np.diff(self.runs, append=self.order.size) >= min_length
        ends = np.cumsum(per_code)  # runs of code k are runs[ends[k] - per_code[k]:ends[k]]
        return np.asarray(
            [np.count_nonzero(long[e - n : e]) for e, n in zip(ends, per_code, strict=True)],
            dtype=np.int64,
        )

    def events_per_code(self) -> np.ndarray:
        return np.diff(self.bounds)


@dataclass
class Steps:
    """Directly-follows pairs of a prepared log (one per event that has a next event)."""

    pair: np.ndarray  # source touchpoint * n_tp + target touchpoint
    dt: np.ndarray  # int64 ns from the source event to the next event (>= 0: sorted per case)
    case: np.ndarray  # case code of the pair

    @classmethod
    def build(
        cls, tp: np.ndarray, ts: np.ndarray, case: np.ndarray, last: np.ndarray, n_tp: int
    ) -> Steps:
        has_next = ~last[:-1]  # the last event of the log is always a case's last event
        return cls(
            pair=code_key(tp[:-1][has_next], tp[1:][has_next], n_tp, n_tp),
            dt=np.diff(ts)[has_next],
            case=case[:-1][has_next],
        )


def case_bounds(case: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    n = case.size
    first = np.ones(n, dtype=bool)
    last = np.ones(n, dtype=bool)
    if n > 1:
        change = case[1:] != case[:-1]
        first[1:] = change
        last[:-1] = change
    return first, last


def first_seen_medians(
    case: np.ndarray, groups: TpGroups, n_labels: int, first: np.ndarray
) -> np.ndarray:
    """Per code: median over its cases of where it is first met, relative to the case's length.

    0 is a case's first event and 1 its last (a one-event case counts as 0), so short and long
    cases weigh the same. `case` is in case order, `groups` groups it by code; NaN if unused.
    """
    n = case.size
    idx = groups.order[groups.runs]  # first event of each (code, case), grouped by code
    starts = np.flatnonzero(first)
    start_of = np.zeros(n_labels, dtype=np.int64)
    span_of = np.ones(n_labels, dtype=np.float64)  # float already: the division below is float
    start_of[case[starts]] = starts
    span_of[case[starts]] = np.maximum(np.diff(np.r_[starts, n]) - 1, 1)
    owner = groups.case[groups.runs]
    # position in the case / (case length - 1); the integers convert exactly
    rel = (idx - start_of[owner]).astype(np.float64)
    rel /= span_of[owner]
    reach = groups.runs_per_code()
    return block_quantiles(rel, np.concatenate(([0], np.cumsum(reach))), (0.5,))[:, 0]


def _spec_from_sorted(
    case: np.ndarray, groups: TpGroups, activities: pd.Index, n_labels: int, first: np.ndarray
) -> JourneySpec:
    """Each event name its own touchpoint, stage order by median relative first-seen position."""
    med = first_seen_medians(case, groups, n_labels, first)
    used = np.diff(groups.bounds) > 0
    order = sorted(np.flatnonzero(used).tolist(), key=lambda a: (med[a], str(activities[a])))
    stage_of = {int(a): i for i, a in enumerate(order)}
    tps = [
        TouchpointSpec(
            id=str(activities[a]),
            title=str(activities[a]),
            stage_index=stage_of[int(a)],
            match_events=(str(activities[a]),),
        )
        for a in np.flatnonzero(used)
    ]
    return JourneySpec(tps)


def sorted_by_case(
    case: np.ndarray,
    ts: np.ndarray,
    counts: np.ndarray,
    code: np.ndarray | Future[np.ndarray],
    pool: Executor | None = None,
) -> tuple[np.ndarray, np.ndarray | Future[np.ndarray], np.ndarray, np.ndarray | None]:
    """(case, ts, code) in case/time/file order, plus the permutation (None: already in order).

    After a sort the case column is just each case code repeated by its event count, so it is
    written sequentially instead of gathered. With a `pool` the (largest) timestamp gather runs
    there (as does half of the case sort) and `ts` comes back as a Future; `code` may be a
    Future still being computed there.
    """
    order = stable_case_order(case, ts, counts.size, counts, pool)
    if order is None:
        return case.astype(np.int32, copy=False), ts, _resolve(code), None
    if order.size < 2**31:  # int32 positions: the kept permutation (`PreparedLog.row`) halves
        order = order.astype(np.int32, copy=False)
    ts_sorted = pool.submit(np.take, ts, order) if pool is not None else ts[order]
    case = np.repeat(np.arange(counts.size, dtype=np.int32), counts)
    return case, ts_sorted, _resolve(code)[order], order


def _resolve(value: T | Future[T]) -> T:
    return value.result() if isinstance(value, Future) else value


@dataclass
class _Numbering:
    """Every used event name as its own touchpoint, in category order (the derived spec's)."""

    counts: np.ndarray  # events per activity code
    used: np.ndarray  # activity codes with events; touchpoint k is activity used[k]
    rank: np.ndarray  # touchpoint index per activity code, -1 when unused
    tp: np.ndarray  # touchpoint index per event, in the frame's order

    @classmethod
    def build(cls, act: np.ndarray, n_act: int) -> _Numbering:
        counts = np.bincount(act, minlength=n_act)
        used = np.flatnonzero(counts > 0)
        rank = np.full(n_act, -1, dtype=np.int32)
        rank[used] = np.arange(used.size, dtype=np.int32)
        return cls(counts, used, rank, small_ints(rank)[act])


def prepare(
    frame: pd.DataFrame, spec: JourneySpec | None = None, pool: Executor | None = None
) -> PreparedLog:
    """Sort once and map to touchpoints; without a spec every event name is a touchpoint.

    With a spec, unmapped events are dropped before sorting (a stable sort of the kept events
    gives the same order as sorting everything and dropping afterwards). Without one, `pool`
    (optional) numbers the event names while the case sort runs, then starts the step sorts
    while the stage order is still being derived.
    """
    case_labels = frame[CASE_ID].cat.categories
    activities = frame[ACTIVITY].cat.categories
    n_labels = len(case_labels)
    case = frame[CASE_ID].cat.codes.to_numpy()  # int8/16/32: narrow arrays gather faster
    act = frame[ACTIVITY].cat.codes.to_numpy()
    ts = ts_ns(frame[TIMESTAMP])
    row: np.ndarray | None = None
    cache: dict[str, object] = {}
    if spec is not None:
        counts = np.bincount(case, minlength=n_labels)
        n_cases_total = int(np.count_nonzero(counts))
        matching = map_activities(frame, spec)
        tp = small_ints(matching.activity_to_tp)[act]
        del act
        keep = tp >= 0
        if not keep.all():
            row = np.flatnonzero(keep)
            case, ts, tp = case[row], ts[row], tp[row]
            counts = np.bincount(case, minlength=n_labels)
        del keep
        case, ts_pending, tp, order = sorted_by_case(case, ts, counts, tp, pool)
        ts = _resolve(ts_pending)
        if order is not None:
            row = order if row is None else row[order]
        first, last = case_bounds(case)
    else:
        n_act = len(activities)
        numbering_pending: _Numbering | Future[_Numbering]
        tp_pending: np.ndarray | Future[np.ndarray]
        if pool is not None:
            job = numbering_pending = pool.submit(_Numbering.build, act, n_act)
            tp_pending = pool.submit(lambda: job.result().tp)
        else:
            numbering_pending = _Numbering.build(act, n_act)
            tp_pending = numbering_pending.tp
        counts = np.bincount(case, minlength=n_labels)
        n_cases_total = int(np.count_nonzero(counts))
        case, ts_pending, tp, row = sorted_by_case(case, ts, counts, tp_pending, pool)
        numbering = _resolve(numbering_pending)
        first, last = case_bounds(case)
        used = numbering.used
        if pool is not None:
            from cxmapper.analysis.metrics import start_step_work  # metrics imports this module

            start_step_work(
                cache,
                lambda: Steps.build(tp, _resolve(ts_pending), case, last, used.size),
                used.size,
                n_labels,
                pool,
            )
        by_tp = TpGroups.build(tp, case, used.size, numbering.counts[used])
        spec = _spec_from_sorted(case, by_tp, activities[used], n_labels, first)
        matching = map_activities(frame, spec, suggest=False, counts=numbering.counts)
        ts = _resolve(ts_pending)
        if np.array_equal(matching.activity_to_tp, numbering.rank):
            cache["by_tp"] = by_tp  # the derived spec numbers touchpoints like `numbering`
        else:  # only if two event names read the same as text (defensive)
            cache.clear()  # prefetched work assumed the plain numbering
            act = act if row is None else act[row]
            tp = small_ints(matching.activity_to_tp)[act]
            keep = tp >= 0
            if not keep.all():
                case, tp, ts = case[keep], tp[keep], ts[keep]
                row = np.flatnonzero(keep) if row is None else row[keep]
                first, last = case_bounds(case)
        del by_tp, act
    if row is None:
        row = np.arange(case.size, dtype=np.int64)
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
        cache=cache,
    )
