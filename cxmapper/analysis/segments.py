"""Segment and period filters, before/after comparison, and weekly trends per touchpoint.

Filters work on whole cases by default: "customers who came via Internet" or "journeys started
in March" keep every event of those cases, so paths and drop-off are not cut in half. Event
scope is available when the attribute really describes single events.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

import numpy as np
import pandas as pd

from cxmapper.analysis.columns import CASE_ID, TIMESTAMP
from cxmapper.analysis.kernels import distinct_pair_counts, ts_ns
from cxmapper.analysis.matching import JourneySpec
from cxmapper.analysis.metrics import touchpoint_metrics
from cxmapper.analysis.prepared import prepare
from cxmapper.errors import CxError

SCOPES = ("case", "event")
WEEK_NS = 7 * 86400 * 1_000_000_000
# Week k covers [k * WEEK_NS - MONDAY_OFFSET_NS, ...): 1970-01-01 was a Thursday, so the Monday
# starting its week (1969-12-29) lies 3 days before the epoch.
MONDAY_OFFSET_NS = 3 * 86400 * 1_000_000_000
COMPARED = ("reach", "events", "repeat_rate", "dropoff_rate", "median_seconds_to_next")


def _keep_cases(frame: pd.DataFrame, event_mask: np.ndarray) -> pd.DataFrame:
    codes = frame[CASE_ID].cat.codes.to_numpy()
    chosen = np.zeros(len(frame[CASE_ID].cat.categories), dtype=bool)
    chosen[codes[event_mask]] = True
    return frame[chosen[codes]].reset_index(drop=True)


def filter_attribute(
    frame: pd.DataFrame, column: str, values: object | Iterable[object], scope: str = "case"
) -> pd.DataFrame:
    """Events (scope 'event') or whole cases with any event (scope 'case') whose value matches."""
    if column not in frame.columns:
        raise CxError(f"no attribute {column!r}; available: {', '.join(map(str, frame.columns))}")
    if scope not in SCOPES:
        raise CxError(f"scope must be one of {', '.join(SCOPES)}")
    wanted = (
        [values] if isinstance(values, str) or not isinstance(values, Iterable) else list(values)
    )
    col = frame[column]
    mask = col.isin(wanted).to_numpy(dtype=bool)
    if scope == "event":
        return frame[mask].reset_index(drop=True)
    return _keep_cases(frame, mask)


def utc_ns(value: datetime | str | pd.Timestamp | None) -> int | None:
    if value is None:
        return None
    ts = pd.Timestamp(value)
    ts = ts.tz_localize("UTC") if ts.tzinfo is None else ts.tz_convert("UTC")
    return int(ts.as_unit("ns").value)


def filter_period(
    frame: pd.DataFrame,
    start: datetime | str | None = None,
    end: datetime | str | None = None,
    scope: str = "case",
) -> pd.DataFrame:
    """[start, end) in UTC. Scope 'case' keeps cases whose first event falls in the period."""
    if scope not in SCOPES:
        raise CxError(f"scope must be one of {', '.join(SCOPES)}")
    ts = ts_ns(frame[TIMESTAMP])
    lo, hi = utc_ns(start), utc_ns(end)
    if scope == "case":
        codes = frame[CASE_ID].cat.codes.to_numpy()
        first = np.full(len(frame[CASE_ID].cat.categories), np.iinfo(np.int64).max, dtype=np.int64)
        _min_per_case(first, codes, ts)
        ts = first[codes]
    mask = np.ones(len(frame), dtype=bool)
    if lo is not None:
        mask &= ts >= lo
    if hi is not None:
        mask &= ts < hi
    return frame[mask].reset_index(drop=True)


def _min_per_case(out: np.ndarray, codes: np.ndarray, ts: np.ndarray) -> None:
    mins = pd.Series(ts).groupby(codes).min()
    out[mins.index.to_numpy()] = mins.to_numpy()


def compare_periods(
    frame: pd.DataFrame,
    spec: JourneySpec | None,
    before: tuple[datetime | str | None, datetime | str | None],
    after: tuple[datetime | str | None, datetime | str | None],
) -> pd.DataFrame:
    """Per touchpoint: each compared metric before, after and the delta (after - before)."""
    a = touchpoint_metrics(prepare(filter_period(frame, *before), spec))
    b = touchpoint_metrics(prepare(filter_period(frame, *after), spec))
    return compare_tables(a, b)


def compare_tables(a: pd.DataFrame, b: pd.DataFrame) -> pd.DataFrame:
    """Two periods' touchpoint tables side by side with deltas (any engine's tables)."""
    index = a.index.union(b.index, sort=False)
    out = pd.DataFrame(index=index)
    out["title"] = a["title"].combine_first(b["title"])
    for col in COMPARED:
        out[f"{col}_before"] = a[col].reindex(index)
        out[f"{col}_after"] = b[col].reindex(index)
        out[f"{col}_delta"] = out[f"{col}_after"] - out[f"{col}_before"]
    return out


def weekly_trend(frame: pd.DataFrame, spec: JourneySpec | None = None) -> pd.DataFrame:
    """Long table (week, touchpoint_id, reach, dropoff_cases, dropoff_rate) for a chart.

    Weeks start Monday 00:00 UTC. Reach counts a case in every week it visits the touchpoint;
    a drop-off is counted in the week of the case's last event.
    """
    p = prepare(frame, spec)
    if p.tp.size == 0:
        return pd.DataFrame(
            columns=["week", "touchpoint_id", "reach", "dropoff_cases", "dropoff_rate"]
        )
    week = (p.ts + MONDAY_OFFSET_NS) // WEEK_NS
    w0 = int(week.min())
    widx = week - w0
    n_w = int(widx.max()) + 1
    n_tp = p.n_tp
    cell = widx * n_tp + p.tp
    reach, _ = distinct_pair_counts(p.case, cell, len(p.case_labels), n_w * n_tp, repeats=False)
    goal = p.goal
    if goal.any():
        case_goal = np.zeros(len(p.case_labels), dtype=bool)
        case_goal[p.case[goal[p.tp]]] = True
        lost = p.last & ~case_goal[p.case]
    else:
        lost = p.last
    drop = np.bincount(cell[lost], minlength=n_w * n_tp)
    nz = np.flatnonzero(reach)
    weeks = pd.to_datetime((nz // n_tp + w0) * WEEK_NS - MONDAY_OFFSET_NS, utc=True)
    ids = np.asarray(p.tp_ids, dtype=object)
    out = pd.DataFrame(
        {
            "week": weeks,
            "touchpoint_id": ids[nz % n_tp],
            "reach": reach[nz],
            "dropoff_cases": drop[nz],
        }
    )
    out["dropoff_rate"] = out["dropoff_cases"] / out["reach"]
    return out
