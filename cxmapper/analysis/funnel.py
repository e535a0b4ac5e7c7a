"""Ordered funnel along touchpoints: how many cases get from step 1 to step k, and how fast.

A step may be one touchpoint or a set (a whole stage). Matching is greedy and ordered: a case's
step k is its first event at a step-k touchpoint after its step k-1 event; other events may lie
in between. The window, if any, is measured from the case's step-1 event. Each step is one
vectorised pass over the events of its own touchpoints.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

import numpy as np
import pandas as pd

from cxmapper.analysis.prepared import PreparedLog
from cxmapper.errors import CxError

NS = 1_000_000_000


def default_steps(p: PreparedLog) -> list[list[str]]:
    """One step per stage (in stage order), holding all touchpoints of that stage."""
    by_stage: dict[int, list[str]] = {}
    for tp in p.spec.touchpoints:
        by_stage.setdefault(tp.stage_index, []).append(tp.id)
    return [by_stage[k] for k in sorted(by_stage)]


def _step_tps(steps: Sequence[str | Sequence[str]], index: dict[str, int]) -> list[list[int]]:
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

    Events are grouped by touchpoint once (one integer sort); each step then looks only at the
    events of its own touchpoints, so the default funnel (one step per stage) touches every
    event once in total instead of once per step.
    """
    steps = default_steps(p) if steps is None else steps
    step_tps = _step_tps(steps, p.spec.index_of())
    n_cases = len(p.case_labels)
    groups = p.by_tp()
    order, bounds = groups.order, groups.bounds  # event positions grouped by touchpoint
    pos_type = order.dtype  # int32 for up to 2**31 events
    none = np.iinfo(pos_type).max  # "not reached": no position is after it
    reached = np.full(n_cases, none, dtype=pos_type)  # position of the current step's event
    t_first = np.zeros(n_cases, dtype=np.int64)
    window_ns = None if window is None else int(window.total_seconds() * NS)
    rows = []
    for k, (step, tps) in enumerate(zip(steps, step_tps, strict=True)):
        ids = [step] if isinstance(step, str) else list(step)
        if len(tps) == 1:
            lo, hi = bounds[tps[0]], bounds[tps[0] + 1]
            cand, case = order[lo:hi], groups.case[lo:hi]
        else:
            parts = [order[bounds[i] : bounds[i + 1]] for i in tps]
            cand = np.sort(np.concatenate(parts)) if parts else np.zeros(0, dtype=pos_type)
            case = p.case[cand]
        if k > 0:
            ok = cand > reached[case]
            if window_ns is not None:
                ok &= p.ts[cand] - t_first[case] <= window_ns
            cand, case = cand[ok], case[ok]
        if cand.size:  # events are grouped by case, in order: keep each case's first
            new_case = np.empty(cand.size, dtype=bool)
            new_case[0] = True
            np.not_equal(case[1:], case[:-1], out=new_case[1:])
            cand, case = cand[new_case], case[new_case]
        hits, hit_case = cand, case
        reached = np.full(n_cases, none, dtype=pos_type)
        reached[hit_case] = hits
        hit_ts = p.ts[hits]
        if k == 0:
            t_first[hit_case] = hit_ts
        count = int(hits.size)
        elapsed = (hit_ts - t_first[hit_case]) / NS
        rows.append(
            {
                "step": k + 1,
                "touchpoints": ids,
                "cases": count,
                "median_seconds_from_first": float(np.median(elapsed)) if count else np.nan,
            }
        )
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
