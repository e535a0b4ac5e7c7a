"""NPS, CSAT and CES of a set of responses, and the same per group (docs/metrics.md).

One implementation: every view, export and KPI reading of a survey figure calls `figures`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from cxmapper.feedback.scales import CES, CSAT, NPS
from cxmapper.feedback.stats import nps_interval

INDICATIVE_BELOW = 30  # fewer responses than this: shown as indicative (greyed)


@dataclass(frozen=True)
class Figures:
    """Survey figures of one group; None where the scale was not asked."""

    n: int  # responses in the group (any scale)
    nps_n: int = 0
    nps: float | None = None
    nps_low: float | None = None
    nps_high: float | None = None
    csat_n: int = 0
    csat_pct: float | None = None  # % of 4-5 on 1-5
    csat_mean: float | None = None
    ces_n: int = 0
    ces_mean: float | None = None
    ces_easy_pct: float | None = None  # % of 5-7 on 1-7

    @property
    def indicative(self) -> bool:
        """Too few answers to read as more than a hint (n < 30 on every scale asked)."""
        return max(self.nps_n, self.csat_n, self.ces_n) < INDICATIVE_BELOW

    def value(self, scale: str) -> float | None:
        """The headline figure of a scale (what a KPI reading stores)."""
        return {"nps": self.nps, "csat": self.csat_pct, "ces": self.ces_mean}[scale]


def _answered(frame: pd.DataFrame, key: str) -> np.ndarray:
    if key not in frame.columns:
        return np.empty(0)
    values: np.ndarray = frame[key].to_numpy(dtype=float)
    answered: np.ndarray = values[~np.isnan(values)]
    return answered


def figures(frame: pd.DataFrame) -> Figures:
    """NPS (with its 95 % interval), CSAT and CES of the responses in `frame`."""
    out: dict[str, object] = {"n": len(frame)}
    nps = _answered(frame, "nps")
    if nps.size:
        promoters = int(np.count_nonzero(nps >= NPS.good_from))
        detractors = int(np.count_nonzero(nps <= NPS.bad_to))
        value, low, high = nps_interval(promoters, detractors, nps.size)
        out.update(nps_n=nps.size, nps=value, nps_low=low, nps_high=high)
    csat = _answered(frame, "csat")
    if csat.size:
        out.update(
            csat_n=csat.size,
            csat_pct=100 * float(np.mean(csat >= CSAT.good_from)),
            csat_mean=float(csat.mean()),
        )
    ces = _answered(frame, "ces")
    if ces.size:
        out.update(
            ces_n=ces.size,
            ces_mean=float(ces.mean()),
            ces_easy_pct=100 * float(np.mean(ces >= CES.good_from)),
        )
    return Figures(**out)  # type: ignore[arg-type]


def figures_by(frame: pd.DataFrame, keys: pd.Series | np.ndarray) -> dict[object, Figures]:
    """Figures per group key (touchpoint, stage, segment, period...); groups in key order."""
    keys = pd.Series(np.asarray(keys), index=frame.index)
    return {k: figures(part) for k, part in frame.groupby(keys, sort=True, observed=True)}


def periods(answered_at: pd.Series, freq: str = "M") -> pd.Series:
    """The period (month by default) each response falls in, as 'YYYY-MM' style labels."""
    naive = answered_at.dt.tz_convert("UTC").dt.tz_localize(None)
    return naive.dt.to_period(freq).astype(str)
