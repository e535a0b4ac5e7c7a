"""Per-touchpoint and per-transition journey metrics (definitions in docs/metrics.md).

Inputs are `PreparedLog` arrays; outputs are small DataFrames (one row per touchpoint or per
observed transition) ready for the canvas overlay, the CLI JSON and exports.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import Executor, Future
from dataclasses import dataclass
from typing import TypeVar

import numpy as np
import pandas as pd

from cxmapper.analysis.kernels import (
    block_quantiles,
    distinct_pair_counts,
    median_of_sorted_blocks,
    quantiles_from_sorted,
    sorted_by_group,
)
from cxmapper.analysis.matching import TouchpointSpec
from cxmapper.analysis.prepared import PreparedLog, Steps

NS = 1_000_000_000
T = TypeVar("T")


def _safe_div(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    a = np.asarray(a, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    out: np.ndarray = np.divide(a, b, out=np.full(a.shape, np.nan), where=b > 0)
    return out


# PreparedLog.cache keys of the step intermediates.
STEPS = "steps"
PAIR_COUNTS = "pair_counts"
DT_BY_PAIR = "dt_by_pair"
PAIR_CASES = "pair_cases"
TP_QUANTILES = "tp_quantiles"
MEDIAN_NS = "journey_median_ns"


def steps(p: PreparedLog) -> Steps:
    """Built once per log and cached: every per-transition and time-to-next metric reads it."""
    return _cached(p, STEPS, lambda: Steps.build(p.tp, p.ts, p.case, p.last, p.n_tp))


def _cached(p: PreparedLog, key: str, compute: Callable[[], T]) -> T:
    """Cached intermediate; a Future placed by `start_step_work` is waited for, not redone."""
    value = p.cache.get(key)
    if isinstance(value, Future):
        value = value.result()
        p.cache[key] = value
    if value is None:
        value = compute()
        p.cache[key] = value
    return value  # type: ignore[return-value]


def _count_pairs(st: Steps, n_tp: int) -> np.ndarray:
    """Occurrences of each (source, target) touchpoint pair, flat index source * n_tp + target."""
    return np.bincount(st.pair, minlength=n_tp * n_tp)


def _sort_by_pair(st: Steps, n_tp: int) -> np.ndarray:
    """Step durations grouped by pair and sorted within each pair (one integer sort).

    Pairs of one source touchpoint are adjacent, so this also holds each touchpoint's durations
    as one contiguous block: all grouped medians and p90s of the log come from this one sort.
    """
    return sorted_by_group(st.pair, st.dt, n_tp * n_tp)


def _count_pair_cases(st: Steps, n_tp: int, n_labels: int) -> np.ndarray:
    """Distinct cases per pair (one integer sort of (case, pair) keys)."""
    return distinct_pair_counts(st.case, st.pair, n_labels, n_tp * n_tp, repeats=False)[0]


def _tp_quantiles(by_pair: np.ndarray, pair_counts: np.ndarray, n_tp: int) -> np.ndarray:
    """Median and p90 of the durations after each touchpoint, in ns: (n_tp, 2)."""
    with_next = pair_counts.reshape(n_tp, n_tp).sum(axis=1)
    bounds = np.concatenate(([0], np.cumsum(with_next)))
    return block_quantiles(by_pair, bounds, (0.5, 0.9))


def _median_ns(by_pair: np.ndarray, pair_counts: np.ndarray) -> float:
    """Median step duration in ns, read off the per-pair sorted durations (no extra pass)."""
    return median_of_sorted_blocks(by_pair, np.concatenate(([0], np.cumsum(pair_counts))))


def start_step_work(
    cache: dict[str, object],
    build: Callable[[], Steps],
    n_tp: int,
    n_labels: int,
    pool: Executor,
) -> None:
    """Queue building the steps and everything derived from them alone on `pool` (as Futures).

    numpy releases the GIL while sorting and selecting, so with a free core this work costs no
    wall time while the caller derives the stage order, the funnel and the per-case counts.
    Metric functions wait for the Futures when they need them; results are identical.
    """
    built = pool.submit(build)
    cache[STEPS] = built
    counts = pool.submit(lambda: _count_pairs(built.result(), n_tp))
    by_pair = pool.submit(lambda: _sort_by_pair(built.result(), n_tp))
    cache[PAIR_COUNTS] = counts
    cache[DT_BY_PAIR] = by_pair
    # queued in the order the metric functions ask for them
    cache[TP_QUANTILES] = pool.submit(
        lambda: _tp_quantiles(by_pair.result(), counts.result(), n_tp)
    )
    cache[PAIR_CASES] = pool.submit(lambda: _count_pair_cases(built.result(), n_tp, n_labels))
    cache[MEDIAN_NS] = pool.submit(lambda: _median_ns(by_pair.result(), counts.result()))


def prefetch(p: PreparedLog, pool: Executor) -> None:
    """Queue the step work on `pool` unless `prepare` already did."""
    if DT_BY_PAIR in p.cache:
        return
    if STEPS in p.cache:
        built = steps(p)  # resolved here: the queued jobs must not look it up in the cache

        def build() -> Steps:
            return built
    else:

        def build() -> Steps:
            return Steps.build(p.tp, p.ts, p.case, p.last, p.n_tp)

    start_step_work(p.cache, build, p.n_tp, len(p.case_labels), pool)


def _pair_counts(p: PreparedLog) -> np.ndarray:
    return _cached(p, PAIR_COUNTS, lambda: _count_pairs(steps(p), p.n_tp))


def _dt_by_pair(p: PreparedLog) -> np.ndarray:
    return _cached(p, DT_BY_PAIR, lambda: _sort_by_pair(steps(p), p.n_tp))


def journey_median_seconds(p: PreparedLog) -> float:
    """Median seconds between consecutive (mapped) events over the whole journey."""
    median = _cached(p, MEDIAN_NS, lambda: _median_ns(_dt_by_pair(p), _pair_counts(p)))
    return median / NS


def slowness_reference_seconds(p: PreparedLog) -> float:
    """What a touchpoint's p90 is compared with for the slowness term of friction.

    The journey median step time; when that is 0 (most steps are instantaneous, e.g. events
    logged in bursts) a ratio to 0 means nothing and would switch slowness off everywhere, so
    the median of the positive step times is used instead (0 only if no step takes any time).
    """
    median = journey_median_seconds(p)
    if median > 0:
        return median
    durations = _dt_by_pair(p)
    positive = durations[durations > 0]
    return float(np.median(positive)) / NS if len(positive) else 0.0


def lost_events(p: PreparedLog) -> np.ndarray:
    """Per event: the last event of a case that never reaches a goal (every case's last event
    when the journey has no goal). Drop-off counts them; the value at risk prices them."""
    goal = p.goal
    if not goal.any():
        return p.last
    case_goal = np.zeros(len(p.case_labels), dtype=bool)
    case_goal[p.case[goal[p.tp]]] = True
    lost: np.ndarray = p.last & ~case_goal[p.case]
    return lost


def touchpoint_metrics(p: PreparedLog) -> pd.DataFrame:
    """One row per touchpoint in spec order, indexed by touchpoint id."""
    n_tp = p.n_tp
    by_tp = p.by_tp()
    events = by_tp.events_per_code()
    reach, repeat = by_tp.runs_per_code(), by_tp.runs_per_code(min_length=2)
    starts = np.bincount(p.tp[p.first], minlength=n_tp)
    ends = np.bincount(p.tp[p.last], minlength=n_tp)
    goal = p.goal
    dropoff = np.bincount(p.tp[lost_events(p)], minlength=n_tp) if goal.any() else ends
    pair_n = _pair_counts(p).reshape(n_tp, n_tp)
    with_next = pair_n.sum(axis=1)
    stage = p.stage
    back = np.where(stage[None, :] < stage[:, None], pair_n, 0).sum(axis=1)
    q = _cached(p, TP_QUANTILES, lambda: _tp_quantiles(_dt_by_pair(p), _pair_counts(p), n_tp))
    q = q / NS
    tps = p.spec.touchpoints
    return touchpoint_frame(
        tps, stage, goal, reach, events, repeat, starts, ends, dropoff, q, with_next, back
    )


def touchpoint_frame(
    tps: Sequence[TouchpointSpec], stage: np.ndarray, goal: np.ndarray, reach: np.ndarray,
    events: np.ndarray, repeat: np.ndarray, starts: np.ndarray, ends: np.ndarray,
    dropoff: np.ndarray, q: np.ndarray, with_next: np.ndarray, back: np.ndarray,
) -> pd.DataFrame:  # fmt: skip
    """The per-touchpoint table from its counts, one place for every engine, so the columns,
    their order and the derived rates cannot drift apart between engines."""
    return pd.DataFrame(
        {
            "title": [tp.title for tp in tps],
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
        index=pd.Index([tp.id for tp in tps], name="touchpoint_id"),
    )


def transition_metrics(p: PreparedLog) -> pd.DataFrame:
    """Directly-follows pairs incl. self-loops: count, distinct cases, mean and median seconds.

    Mean is the exact integer-nanosecond sum divided once, so it equals pm4py's float mean to
    within rounding (~1e-9 relative).
    """
    n_tp = p.n_tp
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
    cases = _cached(p, PAIR_CASES, lambda: _count_pair_cases(steps(p), n_tp, len(p.case_labels)))
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
    return check_paths(p.spec.connectors, trans)


def check_paths(connectors: Sequence[tuple[str, str]], trans: pd.DataFrame) -> PathCheck:
    """Unexpected paths and unwalked connectors of a transitions table (any engine's)."""
    drawn = {(a, b) for a, b in connectors}
    real = trans[trans["from"] != trans["to"]]
    mask = np.asarray(
        [(a, b) not in drawn for a, b in zip(real["from"], real["to"], strict=True)], dtype=bool
    )
    unexpected = real[mask][["from", "to", "count", "cases"]].reset_index(drop=True)
    walked = set(zip(trans["from"], trans["to"], strict=True))
    unwalked = [c for c in connectors if tuple(c) not in walked]
    return PathCheck(unexpected, unwalked)


def start_end_counts(metrics: pd.DataFrame) -> tuple[dict[str, int], dict[str, int]]:
    starts = {str(k): int(v) for k, v in metrics["starts"].items() if v > 0}
    ends = {str(k): int(v) for k, v in metrics["ends"].items() if v > 0}
    return starts, ends
