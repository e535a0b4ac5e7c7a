"""Ordered funnel along touchpoints: how many cases get from step 1 to step k, and how fast.

A step may be one touchpoint or a set (a whole stage). Matching is greedy and ordered: a case's
step k is its first event at a step-k touchpoint after its step k-1 event; other events may lie
in between. The window, if any, is measured from the case's step-1 event. Each step is one
vectorised pass over the events.
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


def funnel(
    p: PreparedLog,
    steps: Sequence[str | Sequence[str]] | None = None,
    window: timedelta | None = None,
) -> pd.DataFrame:
    """Rows per step: cases, conversion from previous/first step, median seconds from step 1."""
    steps = default_steps(p) if steps is None else steps
    index = p.spec.index_of()
    n_cases = len(p.case_labels)
    reached = np.full(n_cases, -1, dtype=np.int64)  # position of the current step's event
    t_first = np.zeros(n_cases, dtype=np.int64)
    window_ns = None if window is None else int(window.total_seconds() * NS)
    rows = []
    for k, step in enumerate(steps):
        ids = [step] if isinstance(step, str) else list(step)
        unknown = [s for s in ids if s not in index]
        if unknown:
            raise CxError(f"funnel step {k + 1}: unknown touchpoint id(s) {', '.join(unknown)}")
        at_step = np.zeros(max(p.n_tp, 1), dtype=bool)
        at_step[[index[s] for s in ids]] = True
        cand = np.flatnonzero(at_step[p.tp])  # only this step's events are looked at
        if k > 0:
            prev = reached[p.case[cand]]
            ok = (prev >= 0) & (cand > prev)
            if window_ns is not None:
                ok &= p.ts[cand] - t_first[p.case[cand]] <= window_ns
            cand = cand[ok]
        hits = cand
        if hits.size:
            c = p.case[hits]
            new_case = np.r_[True, c[1:] != c[:-1]]  # events are grouped by case, in order
            hits = hits[new_case]
        new_reached = np.full(n_cases, -1, dtype=np.int64)
        new_reached[p.case[hits]] = hits
        if k == 0:
            t_first[p.case[hits]] = p.ts[hits]
        reached = new_reached
        count = int(hits.size)
        elapsed = (p.ts[hits] - t_first[p.case[hits]]) / NS
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
