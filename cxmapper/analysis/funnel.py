"""Ordered funnel along touchpoints: how many cases get from step 1 to step k, and how fast.

A step may be one touchpoint or a set (a whole stage). Matching is greedy and ordered: a case's
step k is its first event at a step-k touchpoint after its step k-1 event; other events may lie
in between. The window, if any, is measured from the case's step-1 event. Each step looks only
at the events of its own touchpoints, and only for the cases still in the funnel.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

import numpy as np
import pandas as pd

from cxmapper.analysis.matching import JourneySpec
from cxmapper.analysis.prepared import PreparedLog
from cxmapper.errors import CxError

NS = 1_000_000_000


def default_steps(p: PreparedLog) -> list[list[str]]:
    """One step per stage (in stage order), holding all touchpoints of that stage."""
    return stage_steps(p.spec)


def stage_steps(spec: JourneySpec) -> list[list[str]]:
    """The default funnel of a journey: one step per stage, in stage order."""
    by_stage: dict[int, list[str]] = {}
    for tp in spec.touchpoints:
        by_stage.setdefault(tp.stage_index, []).append(tp.id)
    return [by_stage[k] for k in sorted(by_stage)]


def step_touchpoints(
    steps: Sequence[str | Sequence[str]], index: dict[str, int]
) -> list[list[int]]:
    """Touchpoint indices per step; CxError naming the first step with an unknown id."""
    out = []
    for k, step in enumerate(steps):
        ids = [step] if isinstance(step, str) else list(step)
        unknown = [s for s in ids if s not in index]
        if unknown:
            raise CxError(f"funnel step {k + 1}: unknown touchpoint id(s) {', '.join(unknown)}")
        out.append(sorted({index[s] for s in ids}))
    return out


def funnel(
    p: PreparedLog,
    steps: Sequence[str | Sequence[str]] | None = None,
    window: timedelta | None = None,
) -> pd.DataFrame:
    """Rows per step: cases, conversion from previous/first step, median seconds from step 1.

    Events are grouped by touchpoint once (one integer sort), which lists each touchpoint's
    events in (case, time) order. Step 1 keeps each case's first; every later step finds, for
    each case still in the funnel, its first candidate after the previous step's event by one
    binary search, so the work shrinks with the funnel instead of scanning every event again.
    """
    steps = default_steps(p) if steps is None else steps
    step_tps = step_touchpoints(steps, p.spec.index_of())
    groups = p.by_tp()
    order, bounds = groups.order, groups.bounds  # event positions grouped by touchpoint
    window_ns = None if window is None else int(window.total_seconds() * NS)
    # The cases still in the funnel, in case order: their current step's event and step-1 time.
    pos = case = t_first = np.zeros(0, dtype=np.int64)
    rows = []
    for k, (step, tps) in enumerate(zip(steps, step_tps, strict=True)):
        ids = [step] if isinstance(step, str) else list(step)
        if len(tps) == 1:
            lo, hi = int(bounds[tps[0]]), int(bounds[tps[0] + 1])
            cand, cand_case = order[lo:hi], groups.case[lo:hi]
        else:
            parts = [order[bounds[i] : bounds[i + 1]] for i in tps]
            cand = np.sort(np.concatenate(parts)) if parts else np.zeros(0, order.dtype)
            cand_case = p.case[cand]
        if k == 0:  # each case's first candidate: candidates are in (case, time) order
            head = np.ones(cand.size, dtype=bool)
            if cand.size > 1:
                np.not_equal(cand_case[1:], cand_case[:-1], out=head[1:])
            pos, case = cand[head], cand_case[head]
            t_first = p.ts[pos]
        elif not cand.size:  # nobody reaches a step whose touchpoints saw no events
            pos, case, t_first = pos[:0], case[:0], t_first[:0]
        elif pos.size:
            # The first candidate after the previous step's event, if it is the same case's:
            # positions ascend, so one binary search per case still in the funnel finds it.
            at = np.searchsorted(cand, pos, side="right")
            ok = at < cand.size
            at[~ok] = 0
            ok &= cand_case[at] == case
            if window_ns is not None:  # times ascend within a case: the first is the earliest
                ok &= p.ts[cand[at]] - t_first <= window_ns
            pos, case, t_first = cand[at[ok]], case[ok], t_first[ok]
        count = int(pos.size)
        elapsed = (p.ts[pos] - t_first) / NS
        rows.append(
            {
                "step": k + 1,
                "touchpoints": ids,
                "cases": count,
                "median_seconds_from_first": float(np.median(elapsed)) if count else np.nan,
            }
        )
    return funnel_table(rows)


def funnel_table(rows: list[dict[str, object]]) -> pd.DataFrame:
    """The funnel frame from per-step rows (step, touchpoints, cases, median seconds), with the
    conversions added; shared by every engine so the table has one shape."""
    out = pd.DataFrame(rows)
    if out.empty:
        return out
    cases = out["cases"].to_numpy(dtype=np.float64)
    prev = np.r_[cases[0], cases[:-1]]
    out["conversion_from_previous"] = np.divide(
        cases, prev, out=np.full_like(cases, np.nan), where=prev > 0
    )
    out["conversion_from_first"] = np.divide(
        cases, cases[0], out=np.full_like(cases, np.nan), where=cases[0] > 0
    )
    return out
