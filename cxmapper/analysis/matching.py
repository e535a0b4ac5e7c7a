"""Map event names to journey touchpoints.

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

from cxmapper.analysis.columns import ACTIVITY


@dataclass(frozen=True)
class TouchpointSpec:
    """A touchpoint as analysis sees it: which event names count as a visit."""

    id: str
    title: str
    stage_index: int
    match_events: Sequence[str] = ()
    match_patterns: Sequence[str] = ()
    is_goal: bool = False
    channel: str = ""  # the card's channel, for events whose log row names none


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
