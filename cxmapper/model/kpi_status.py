"""Traffic-light status of a KPI reading against its target.

Green: the target is met. Amber: missed by no more than the tolerance (default 10 % of the
target's magnitude). Red: missed by more. No target: no status. The same rule colours canvas
badges, the inspector and the Excel export, so it lives here once.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from cxmapper.model.entities import Kpi, Reading

Status = Literal["green", "amber", "red", "none"]
DEFAULT_TOLERANCE_SHARE = 0.10


def tolerance_of(kpi: Kpi) -> float:
    if kpi.tolerance is not None:
        return abs(kpi.tolerance)
    return abs(kpi.target or 0.0) * DEFAULT_TOLERANCE_SHARE


def status(kpi: Kpi, value: float | None) -> Status:
    if kpi.target is None or value is None:
        return "none"
    gap = (kpi.target - value) if kpi.direction == "higher" else (value - kpi.target)
    if gap <= 0:
        return "green"
    return "amber" if gap <= tolerance_of(kpi) else "red"


def latest_readings(readings: Iterable[Reading]) -> dict[tuple[str, str], Reading]:
    """The most recent reading per (touchpoint, KPI); ties go to the one recorded later."""
    latest: dict[tuple[str, str], Reading] = {}
    for r in readings:  # readings arrive ordered by measured_at, then insertion
        key = (r.touchpoint_id, r.kpi_id)
        if key not in latest or r.measured_at >= latest[key].measured_at:
            latest[key] = r
    return latest
