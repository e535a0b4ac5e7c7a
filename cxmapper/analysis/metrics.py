"""Per-touchpoint and per-transition journey metrics (definitions in docs/metrics.md).

Inputs are `PreparedLog` arrays; outputs are small DataFrames (one row per touchpoint or per
observed transition) ready for the canvas overlay, the CLI JSON and exports.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from cxmapper.analysis.kernels import (
    block_quantiles,
    code_key,
    distinct_pair_counts,
    quantiles_from_sorted,
    sorted_by_group,
)
from cxmapper.analysis.prepared import PreparedLog

NS = 1_000_000_000


def _safe_div(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    a = np.asarray(a, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    return np.divide(a, b, out=np.full(a.shape, np.nan), where=b > 0)


@dataclass
class Steps:
    """Directly-follows pairs of a prepared log (one per event that has a next event)."""

    pair: np.ndarray  # source touchpoint * n_tp + target touchpoint
    dt: np.ndarray  # int64 ns from the source event to the next event (>= 0: sorted per case)
    case: np.ndarray  # case code of the pair


def steps(p: PreparedLog) -> Steps:
    """Built once per log and cached: every per-transition and time-to-next metric reads it."""
    st = p.cache.get("steps")
    if not isinstance(st, Steps):
        has_next = ~p.last[:-1]  # the last event of the log is always a case's last event
        dt = np.diff(p.ts)[has_next]
        pair = code_key(p.tp[:-1][has_next], p.tp[1:][has_next], p.n_tp, p.n_tp)
        st = Steps(pair=pair, dt=dt, case=p.case[:-1][has_next])
        p.cache["steps"] = st
    return st


def _pair_counts(p: PreparedLog) -> np.ndarray:
    """Occurrences of each (source, target) touchpoint pair, flat index source * n_tp + target."""
    counts = p.cache.get("pair_counts")
    if not isinstance(counts, np.ndarray):
        counts = np.bincount(steps(p).pair, minlength=p.n_tp * p.n_tp)
        p.cache["pair_counts"] = counts
    return counts


def _dt_by_pair(p: PreparedLog) -> np.ndarray:
    """Step durations grouped by pair and sorted within each pair (one integer sort).

    Pairs of one source touchpoint are adjacent, so this also holds each touchpoint's durations
    as one contiguous block: all grouped medians and p90s of the log come from this one sort.
    """
    out = p.cache.get("dt_by_pair")
    if not isinstance(out, np.ndarray):
        st = steps(p)
        out = sorted_by_group(st.pair, st.dt, p.n_tp * p.n_tp)
        p.cache["dt_by_pair"] = out
    return out


def journey_median_seconds(p: PreparedLog) -> float:
    """Median seconds between consecutive (mapped) events over the whole journey.

    Linear-time selection of the two middle values; the mean of the two is taken in integer ns
    and divided once.
    """
    dt = steps(p).dt
    if not dt.size:
        return float("nan")
    mid = (dt.size - 1) / 2
    lo_i, hi_i = int(np.floor(mid)), int(np.ceil(mid))
    part = np.partition(dt, [lo_i, hi_i] if hi_i != lo_i else lo_i)
    return float((part[lo_i] + part[hi_i]) / 2 / NS)


def touchpoint_metrics(p: PreparedLog) -> pd.DataFrame:
    """One row per touchpoint in spec order, indexed by touchpoint id."""
    n_tp = p.n_tp
    events = np.bincount(p.tp, minlength=n_tp)
    by_tp = p.by_tp()
    reach, repeat = by_tp.runs_per_code(), by_tp.runs_per_code(min_length=2)
    starts = np.bincount(p.tp[p.first], minlength=n_tp)
    ends = np.bincount(p.tp[p.last], minlength=n_tp)
    goal = p.goal
    if goal.any():
        case_goal = np.zeros(len(p.case_labels), dtype=bool)
        case_goal[p.case[goal[p.tp]]] = True
        lost = p.last & ~case_goal[p.case]
        dropoff = np.bincount(p.tp[lost], minlength=n_tp)
    else:
        dropoff = ends
    pair_n = _pair_counts(p).reshape(n_tp, n_tp)
    with_next = pair_n.sum(axis=1)
    stage = p.stage
    back = np.where(stage[None, :] < stage[:, None], pair_n, 0).sum(axis=1)
    bounds = np.concatenate(([0], np.cumsum(with_next)))
    q = block_quantiles(_dt_by_pair(p), bounds, (0.5, 0.9)) / NS
    return pd.DataFrame(
        {
            "title": [tp.title for tp in p.spec.touchpoints],
            "stage_index": stage,
            "is_goal": goal,
            "reach": reach,
            "events": events,
            "repeat_cases": repeat,
            "repeat_rate": _safe_div(repeat, reach),
            "starts": starts,
            "ends": ends,
            "dropoff_cases": dropoff,
            "dropoff_rate": _safe_div(dropoff, reach),
            "median_seconds_to_next": q[:, 0],
            "p90_seconds_to_next": q[:, 1],
            "next_steps": with_next,
            "back_steps": back,
            "back_step_rate": _safe_div(back, with_next),
        },
        index=pd.Index(p.tp_ids, name="touchpoint_id"),
    )


def transition_metrics(p: PreparedLog) -> pd.DataFrame:
    """Directly-follows pairs incl. self-loops: count, distinct cases, mean and median seconds.

    Mean is the exact integer-nanosecond sum divided once, so it equals pm4py's float mean to
    within rounding (~1e-9 relative).
    """
    n_tp = p.n_tp
    st = steps(p)
    n_pairs = n_tp * n_tp
    counts = _pair_counts(p)
    present = np.flatnonzero(counts)
    by_pair = _dt_by_pair(p)
    med = quantiles_from_sorted(by_pair, counts, (0.5,))[:, 0] / NS
    # Whole seconds and the ns remainder are summed separately as exact integers (each pair's
    # durations are one contiguous block of the sorted array), so the mean is rounded once.
    first = (np.cumsum(counts) - counts)[present]
    part = by_pair // NS
    sum_s = np.add.reduceat(part, first) if present.size else part[:0]
    part *= NS
    np.subtract(by_pair, part, out=part)
    sum_ns = np.add.reduceat(part, first) if present.size else part[:0]
    del part
    cases, _ = distinct_pair_counts(st.case, st.pair, len(p.case_labels), n_pairs)
    ids = p.tp_ids
    return pd.DataFrame(
        {
            "from": [ids[i // n_tp] for i in present],
            "to": [ids[i % n_tp] for i in present],
            "count": counts[present],
            "cases": cases[present],
            "mean_seconds": (sum_s.astype(np.float64) + sum_ns.astype(np.float64) / NS)
            / counts[present],
            "median_seconds": med[present],
        }
    ).sort_values(["count", "from", "to"], ascending=[False, True, True], ignore_index=True)


@dataclass
class PathCheck:
    """Data vs. drawn journey: transitions nobody drew, connectors nobody walked."""

    unexpected: pd.DataFrame  # from, to, count, cases (distinct touchpoints only)
    unwalked: list[tuple[str, str]]


def path_check(p: PreparedLog, transitions: pd.DataFrame | None = None) -> PathCheck:
    trans = transition_metrics(p) if transitions is None else transitions
    drawn = {(a, b) for a, b in p.spec.connectors}
    real = trans[trans["from"] != trans["to"]]
    mask = np.asarray(
        [(a, b) not in drawn for a, b in zip(real["from"], real["to"], strict=True)], dtype=bool
    )
    unexpected = real[mask][["from", "to", "count", "cases"]].reset_index(drop=True)
    walked = set(zip(trans["from"], trans["to"], strict=True))
    unwalked = [c for c in p.spec.connectors if tuple(c) not in walked]
    return PathCheck(unexpected, unwalked)


def start_end_counts(metrics: pd.DataFrame) -> tuple[dict[str, int], dict[str, int]]:
    starts = {str(k): int(v) for k, v in metrics["starts"].items() if v > 0}
    ends = {str(k): int(v) for k, v in metrics["ends"].items() if v > 0}
    return starts, ends
