"""Survey scales (NPS 0-10, CSAT 1-5, CES 1-7): ranges, bands and detection from values.

Stored values are the raw integer scores; bands (promoter, satisfied, easy, negative) are
derived here only, so every figure uses the same cut-offs (docs/metrics.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Scale:
    key: str  # stored column name and CLI value
    label: str
    low: int
    high: int
    good_from: int  # promoters / satisfied / easy: score >= good_from
    bad_to: int  # detractors / dissatisfied / difficult: score <= bad_to (the "negative" band)


NPS = Scale("nps", "NPS", 0, 10, 9, 6)
CSAT = Scale("csat", "CSAT", 1, 5, 4, 2)
CES = Scale("ces", "CES", 1, 7, 5, 3)
SCALES: dict[str, Scale] = {s.key: s for s in (NPS, CSAT, CES)}
SCALE_KEYS: tuple[str, ...] = tuple(SCALES)


def detect_scale(values: np.ndarray, column: str = "") -> str:
    """The scale a score column is on: its name if it says (nps/csat/ces), else its range.

    Any 0 or any value over 7 means NPS (0-10); values within 1-5 mean CSAT; within 1-7, CES.
    A 1-5 column that is really an NPS sample is ambiguous: declare the scale (--scale) then.
    """
    name = column.strip().lower()
    for key in SCALE_KEYS:
        if key in name:
            return key
    finite = values[np.isfinite(values)]
    if finite.size == 0 or finite.min() < 1 or finite.max() > 7:
        return "nps"
    return "csat" if finite.max() <= 5 else "ces"


def negative(scores: np.ndarray, scale: str) -> np.ndarray:
    """True where a score is in the scale's negative band (detractor, dissatisfied, difficult)."""
    return scores <= SCALES[scale].bad_to


def first_scale(available: Sequence[str]) -> str | None:
    """The headline scale when several were asked: NPS, then CSAT, then CES."""
    return next((k for k in SCALE_KEYS if k in available), None)
