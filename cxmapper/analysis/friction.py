"""Friction score 0..100 per touchpoint: where customers struggle, with reasons in words.

score = 100 * (0.35*D + 0.20*R + 0.15*B + 0.15*S + 0.15*K), each component in 0..1:
  D  drop-off rate (cases leaving here without reaching a goal / reach)
  R  repeat rate (cases with 2+ events here / reach)
  B  back-step rate (next steps going to an earlier stage / next steps)
  S  slowness = clip(log10(p90 seconds to next / reference seconds) / 2, 0, 1),
     0 at or below the reference, 0.5 at 10x, 1 at 100x or more; the reference is the journey
     median step time, or the median of the positive step times when that median is 0
  K  KPIs off target = min(count, 3) / 3
Components are absolute rates, not ranks, so scores compare across periods and segments.

This is the only place a score is computed or ranked: the CLI, the app's overlay and list, the
Excel export and the images all read `friction_scores` (through `JourneyReport.friction_table`),
so one touchpoint has one number everywhere, shown by `units.format_score`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from cxmapper.analysis.units import format_duration, format_ratio
from cxmapper.present.labels import N_, _

WEIGHTS = {"dropoff": 0.35, "repeat": 0.20, "back_step": 0.15, "slow": 0.15, "kpi": 0.15}
KPI_CAP = 3
REASON_MIN = 0.10  # a rate below this is not worth a reason line
# the engines name the slowness reference in English; the reasons translate it when worded
REFERENCE_NAMES = (N_("the journey median"), N_("the median of non-zero steps"))


@dataclass(frozen=True)
class FrictionItem:
    touchpoint_id: str
    title: str
    score: float
    components: dict[str, float]
    reasons: list[str]


def friction_scores(
    metrics: pd.DataFrame,
    journey_median_seconds: float,
    kpis_off_target: Mapping[str, int] | None = None,
    reference_name: str = "the journey median",
) -> pd.DataFrame:
    """Component values and score for every touchpoint with reach > 0 (index: touchpoint id),
    in rank order (see `rank`). `journey_median_seconds` is the slowness reference."""
    m = metrics[metrics["reach"] > 0]
    kpis = kpis_off_target or {}
    # without a goal card drop-off counts every exit (docs/metrics.md); the reasons say so
    goal_set = bool(metrics["is_goal"].any()) if "is_goal" in metrics.columns else True
    d = m["dropoff_rate"].fillna(0.0).to_numpy()
    r = m["repeat_rate"].fillna(0.0).to_numpy()
    b = m["back_step_rate"].fillna(0.0).to_numpy()
    p90 = m["p90_seconds_to_next"].to_numpy(dtype=np.float64)
    if journey_median_seconds and journey_median_seconds > 0:
        ratio = p90 / journey_median_seconds
        with np.errstate(divide="ignore", invalid="ignore"):
            s = np.clip(np.log10(ratio) / 2.0, 0.0, 1.0)
        s = np.nan_to_num(s, nan=0.0)
    else:
        ratio = np.full(len(m), np.nan)
        s = np.zeros(len(m))
    k_count = np.asarray([int(kpis.get(str(i), 0)) for i in m.index], dtype=np.float64)
    k = np.minimum(k_count, KPI_CAP) / KPI_CAP
    score = 100.0 * (
        WEIGHTS["dropoff"] * d
        + WEIGHTS["repeat"] * r
        + WEIGHTS["back_step"] * b
        + WEIGHTS["slow"] * s
        + WEIGHTS["kpi"] * k
    )
    table = pd.DataFrame(
        {
            "title": m["title"],
            "score": np.round(score, 1),
            "dropoff": d,
            "repeat": r,
            "back_step": b,
            "slow": s,
            "slow_ratio": ratio,
            "p90_seconds_to_next": p90,
            "kpi": k,
            "kpis_off_target": k_count.astype(int),
            "slow_reference": reference_name,
            "goal_set": goal_set,
        },
        index=m.index,
    )
    return rank(table)


def rank(table: pd.DataFrame) -> pd.DataFrame:
    """Worst first; ties by title, then by touchpoint id, so every list has one order."""
    ids = pd.Series(table.index.astype(str), index=table.index, name="_id")
    keyed = table.assign(_id=ids)
    keyed = keyed.sort_values(
        ["score", "title", "_id"], ascending=[False, True, True], kind="stable"
    )
    return keyed.drop(columns="_id")


def _reasons(row: pd.Series) -> list[str]:
    """The reasons in words, in the current language (worded when the analysis runs)."""
    out = []
    if row["dropoff"] >= REASON_MIN:
        if row.get("goal_set", True):
            out.append(_("{rate} of cases drop off here").format(rate=f"{row['dropoff']:.0%}"))
        else:  # no goal card: a natural end step is not a drop-off, so say what was measured
            text = _("{rate} of cases end here (no goal card)")
            out.append(text.format(rate=f"{row['dropoff']:.0%}"))
    if row["repeat"] >= REASON_MIN:
        out.append(_("{rate} repeat").format(rate=f"{row['repeat']:.0%}"))
    if row["back_step"] >= REASON_MIN:
        text = _("{rate} of next steps go back to an earlier stage")
        out.append(text.format(rate=f"{row['back_step']:.0%}"))
    if row["slow"] > 0:
        text = _("slow: 90% move on within {time} ({ratio} {reference})")
        out.append(text.format(time=format_duration(row["p90_seconds_to_next"]),
                               ratio=format_ratio(row["slow_ratio"]),
                               reference=_(str(row["slow_reference"]))))  # fmt: skip
    if row["kpis_off_target"] > 0:
        n = int(row["kpis_off_target"])
        text = _("1 KPI off target") if n == 1 else _("{n} KPIs off target")
        out.append(text.format(n=n))
    return out


def friction_items(table: pd.DataFrame, top_n: int | None = None) -> list[FrictionItem]:
    """The rows of a `friction_scores` table (already ranked), each with its reasons."""
    if top_n is not None:
        table = table.head(top_n)
    return [
        FrictionItem(
            touchpoint_id=str(tp_id),
            title=str(row["title"]),
            score=float(row["score"]),
            components={c: float(row[c]) for c in WEIGHTS},
            reasons=_reasons(row),
        )
        for tp_id, row in table.iterrows()
    ]


def top_friction(
    metrics: pd.DataFrame,
    journey_median_seconds: float,
    kpis_off_target: Mapping[str, int] | None = None,
    top_n: int = 5,
) -> list[FrictionItem]:
    """Highest scores first (ties by title, then id), each with its human-readable reasons."""
    return friction_items(friction_scores(metrics, journey_median_seconds, kpis_off_target), top_n)
