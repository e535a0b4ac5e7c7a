"""Map event names to journey touchpoints, and propose touchpoints from data.

Plain-data specs keep the analysis independent of the workspace model. Matching is computed once
per distinct event name (tens to thousands), then broadcast to events through categorical codes,
so it costs nothing per event.
"""

from __future__ import annotations

import difflib
import fnmatch
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from cxmapper.analysis.columns import ACTIVITY, CASE_ID, TIMESTAMP
from cxmapper.analysis.kernels import ts_ns


@dataclass(frozen=True)
class TouchpointSpec:
    """A touchpoint as analysis sees it: which event names count as a visit."""

    id: str
    title: str
    stage_index: int
    match_events: Sequence[str] = ()
    match_patterns: Sequence[str] = ()
    is_goal: bool = False


@dataclass(frozen=True)
class JourneySpec:
    """Touchpoints in display order plus drawn connectors (source_id, target_id)."""

    touchpoints: Sequence[TouchpointSpec]
    connectors: Sequence[tuple[str, str]] = ()

    def index_of(self) -> dict[str, int]:
        return {tp.id: i for i, tp in enumerate(self.touchpoints)}


@dataclass
class Matching:
    """Result of mapping: touchpoint index per activity category (-1 = unmatched)."""

    spec: JourneySpec
    activity_to_tp: np.ndarray
    activities: pd.Index
    unmatched: dict[str, int] = field(default_factory=dict)
    suggestions: dict[str, list[str]] = field(default_factory=dict)


def _compile_patterns(spec: JourneySpec) -> list[tuple[int, re.Pattern[str]]]:
    out = []
    for i, tp in enumerate(spec.touchpoints):
        for pat in tp.match_patterns:
            out.append((i, re.compile(fnmatch.translate(pat.lower()))))
    return out


def match_name(name: str, spec: JourneySpec) -> int:
    """Touchpoint index for one event name: exact names first (in order), then globs; else -1."""
    for i, tp in enumerate(spec.touchpoints):
        if name in tp.match_events:
            return i
    low = name.lower()
    for i, rx in _compile_patterns(spec):
        if rx.match(low):
            return i
    return -1


def map_activities(
    frame: pd.DataFrame,
    spec: JourneySpec,
    suggest: bool = True,
    counts: np.ndarray | None = None,
) -> Matching:
    """Map each distinct activity; report unmatched names with counts and similar touchpoints.

    `counts` (events per activity code) saves a pass over the events when the caller has it.
    """
    activities = frame[ACTIVITY].cat.categories
    exact: dict[str, int] = {}
    for i, tp in enumerate(spec.touchpoints):
        for name in tp.match_events:
            exact.setdefault(name, i)
    patterns = _compile_patterns(spec)
    mapped = np.full(len(activities), -1, dtype=np.int32)
    for a, name in enumerate(activities):
        name = str(name)
        hit = exact.get(name)
        if hit is None:
            low = name.lower()
            hit = next((i for i, rx in patterns if rx.match(low)), -1)
        mapped[a] = hit
    if counts is None:
        counts = np.bincount(
            np.maximum(frame[ACTIVITY].cat.codes.to_numpy(), 0), minlength=len(activities)
        )
    unmatched = {
        str(activities[a]): int(counts[a]) for a in np.flatnonzero((mapped < 0) & (counts > 0))
    }
    unmatched = dict(sorted(unmatched.items(), key=lambda kv: (-kv[1], kv[0])))
    suggestions = suggest_touchpoints(list(unmatched), spec) if suggest else {}
    return Matching(spec, mapped, activities, unmatched, suggestions)


def suggest_touchpoints(
    names: Sequence[str], spec: JourneySpec, n: int = 3
) -> dict[str, list[str]]:
    """Touchpoint ids whose title (or listed event names) read like each unmatched name."""
    by_label: dict[str, str] = {}
    for tp in spec.touchpoints:
        by_label.setdefault(tp.title.lower(), tp.id)
        for ev in tp.match_events:
            by_label.setdefault(ev.lower(), tp.id)
    labels = list(by_label)
    out: dict[str, list[str]] = {}
    for name in names:
        close = difflib.get_close_matches(name.lower(), labels, n=n * 2, cutoff=0.5)
        ids: list[str] = []
        for label in close:
            tp_id = by_label[label]
            if tp_id not in ids:
                ids.append(tp_id)
        if ids:
            out[name] = ids[:n]
    return out


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
    """Per activity: reach, events and the median relative position of its first event in a case.

    Position is 0 for a case's first event and 1 for its last, so short and long cases weigh the
    same; it orders activities the way customers meet them.
    """
    case = frame[CASE_ID].cat.codes.to_numpy().astype(np.int64)
    act = frame[ACTIVITY].cat.codes.to_numpy().astype(np.int64)
    n_act = len(frame[ACTIVITY].cat.categories)
    ts = ts_ns(frame[TIMESTAMP])
    order = np.lexsort((ts, case))
    case_s, act_s = case[order], act[order]
    n = len(order)
    starts = np.r_[0, np.flatnonzero(case_s[1:] != case_s[:-1]) + 1]
    lengths = np.diff(np.r_[starts, n])
    case_start = np.repeat(starts, lengths)
    case_len = np.repeat(lengths, lengths)
    pos = np.arange(n) - case_start
    rel = np.where(case_len > 1, pos / np.maximum(case_len - 1, 1), 0.0)
    key = case_s * n_act + act_s
    _, first = np.unique(key, return_index=True)  # first index per (case, activity) in sorted order
    first_act = act_s[first]
    first_rel = rel[first]
    table = pd.DataFrame({"a": first_act, "rel": first_rel})
    med = table.groupby("a")["rel"].median()
    reach = np.bincount(first_act, minlength=n_act)
    events = np.bincount(act_s, minlength=n_act)
    result = pd.DataFrame(
        {
            "activity": [str(a) for a in frame[ACTIVITY].cat.categories],
            "reach": reach,
            "events": events,
            "median_position": med.reindex(range(n_act)).to_numpy(),
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


def spec_from_events(frame: pd.DataFrame) -> JourneySpec:
    """Each event name is its own touchpoint; stage order = median first-seen position."""
    stats = first_seen_positions(frame).sort_values(["median_position", "activity"])
    tps = [
        TouchpointSpec(id=name, title=name, stage_index=i, match_events=(name,))
        for i, name in enumerate(stats["activity"])
    ]
    return JourneySpec(tps)
