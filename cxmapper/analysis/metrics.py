"""Per-touchpoint and per-transition journey metrics (definitions in docs/metrics.md).

Inputs are `PreparedLog` arrays; outputs are small DataFrames (one row per touchpoint or per
observed transition) ready for the canvas overlay, the CLI JSON and exports.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from cxmapper.analysis.kernels import grouped_quantiles, pair_counts
from cxmapper.analysis.prepared import PreparedLog

NS = 1_000_000_000


def _safe_div(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    a = np.asarray(a, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    return np.divide(a, b, out=np.full(a.shape, np.nan), where=b > 0)


def next_step(p: PreparedLog) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(source position, target touchpoint, seconds-as-ns) for each directly-follows pair."""
    if p.cache.get("next") is None:
        src = np.flatnonzero(~p.last)
        p.cache["next"] = (src, p.tp[src + 1], p.ts[src + 1] - p.ts[src])
    return p.cache["next"]


def _dt_order(p: PreparedLog, dt: np.ndarray) -> np.ndarray:
    """argsort of the step durations, shared by all grouped medians of this log."""
    if p.cache.get("dt_order") is None:
        p.cache["dt_order"] = np.argsort(dt)
    return p.cache["dt_order"]


def touchpoint_metrics(p: PreparedLog) -> pd.DataFrame:
    """One row per touchpoint in spec order, indexed by touchpoint id."""
    n_tp = p.n_tp
    events = np.bincount(p.tp, minlength=n_tp)
    pair_tp, pair_n = pair_counts(p.case, p.tp, n_tp)
    reach = np.bincount(pair_tp, minlength=n_tp)
    repeat = np.bincount(pair_tp[pair_n >= 2], minlength=n_tp)
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
    src, dst_tp, dt = next_step(p)
    src_tp = p.tp[src]
    q = grouped_quantiles(src_tp, dt, n_tp, (0.5, 0.9), _dt_order(p, dt)) / NS
    stage = p.stage
    back = np.bincount(src_tp[stage[dst_tp] < stage[src_tp]], minlength=n_tp)
    with_next = np.bincount(src_tp, minlength=n_tp)
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
    src, dst_tp, dt = next_step(p)
    pair = p.tp[src] * n_tp + dst_tp
    n_pairs = n_tp * n_tp
    counts = np.bincount(pair, minlength=n_pairs)
    # Whole seconds and the ns remainder summed separately stay below 2**53, so both float sums
    # are exact integers and the mean is rounded once.
    whole, rest = np.divmod(dt, NS)
    sum_s = np.bincount(pair, weights=whole.astype(np.float64), minlength=n_pairs)
    sum_ns = np.bincount(pair, weights=rest.astype(np.float64), minlength=n_pairs)
    present = np.flatnonzero(counts)
    pair_of, _ = pair_counts(p.case[src], pair, n_pairs)
    cases = np.bincount(pair_of, minlength=n_pairs)
    med = grouped_quantiles(pair, dt, n_pairs, (0.5,), _dt_order(p, dt))[:, 0] / NS
    ids = p.tp_ids
    return pd.DataFrame(
        {
            "from": [ids[i // n_tp] for i in present],
            "to": [ids[i % n_tp] for i in present],
            "count": counts[present],
            "cases": cases[present],
            "mean_seconds": (sum_s[present] + sum_ns[present] / NS) / counts[present],
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
