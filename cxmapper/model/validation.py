"""Field rules checked before anything is written, so users get words, not SQLite errors."""

from __future__ import annotations

from typing import Any

from cxmapper.errors import ValidationError
from cxmapper.model import entities as e

CHOICES: dict[tuple[str, str], tuple[str, ...]] = {
    ("lane", "kind"): e.LANE_KINDS,
    ("touchpoint", "component"): e.COMPONENTS,
    ("journey", "state"): e.JOURNEY_STATES,
    ("connector", "kind"): e.CONNECTOR_KINDS,
    ("raci", "role"): e.RACI_ROLES,
    ("action", "status"): e.ACTION_STATUSES,
    ("kpi", "direction"): e.DIRECTIONS,
    ("party", "kind"): e.PARTY_KINDS,
    ("kpi", "frequency"): e.KPI_FREQUENCIES,
}
RANGES: dict[tuple[str, str], tuple[int, int]] = {
    ("touchpoint", "emotion"): (-2, 2),
    ("action", "impact"): (1, 5),
    ("action", "effort"): (1, 5),
}
REQUIRED_TEXT: dict[str, tuple[str, ...]] = {
    "party": ("name",),
    "persona": ("name",),
    "kpi": ("name",),
    "journey": ("name",),
    "stage": ("name",),
    "lane": ("name",),
    "touchpoint": ("title",),
    "action": ("title",),
    "comment": ("text", "author"),
    "version": ("name",),
}


def validate_values(kind: str, row: dict[str, Any]) -> None:
    for (k, column), allowed in CHOICES.items():
        if k == kind and column in row and row[column] not in allowed:
            raise ValidationError(
                f"{kind} {column} must be one of {', '.join(repr(a) for a in allowed)}, "
                f"not {row[column]!r}"
            )
    for (k, column), (low, high) in RANGES.items():
        if k == kind and column in row:
            value = row[column]
            if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
                raise ValidationError(
                    f"{kind} {column} must be a whole number from {low} to {high}, not {value!r}"
                )
    for column in REQUIRED_TEXT.get(kind, ()):
        if column in row and not str(row[column] or "").strip():
            raise ValidationError(f"a {kind} needs a {column}")
    for column in ("width", "height"):
        if kind in ("stage", "lane") and column in row and not 40 <= float(row[column]) <= 5000:
            raise ValidationError(f"{kind} {column} must be between 40 and 5000")
    if kind in ("kpi", "reading"):
        for column in ("target", "tolerance", "value"):
            value = row.get(column)
            if value is not None and not isinstance(value, int | float):
                raise ValidationError(f"{kind} {column} must be a number, not {value!r}")
