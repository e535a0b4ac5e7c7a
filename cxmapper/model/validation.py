"""Field rules checked before anything is written, so users get words, not SQLite errors.

The words are the label catalogue's (`present.labels.message`): kinds and fields are named by
their labels, not their column names, so a label changes (or is translated) in one place."""

from __future__ import annotations

import json
import math
from typing import Any

from cxmapper.errors import ValidationError
from cxmapper.model import entities as e
from cxmapper.model.kpi_kinds import KIND_KEYS
from cxmapper.present.labels import message

CHOICES: dict[tuple[str, str], tuple[str, ...]] = {
    ("lane", "kind"): e.LANE_KINDS,
    ("touchpoint", "component"): e.COMPONENTS,
    ("journey", "state"): e.JOURNEY_STATES,
    ("connector", "kind"): e.CONNECTOR_KINDS,
    ("raci", "role"): e.RACI_ROLES,
    ("action", "status"): e.ACTION_STATUSES,
    ("kpi", "direction"): e.DIRECTIONS,
    ("kpi", "kind"): KIND_KEYS,
    ("party", "kind"): e.PARTY_KINDS,
    ("kpi", "frequency"): e.KPI_FREQUENCIES,
}
RANGES: dict[tuple[str, str], tuple[int, int]] = {
    ("touchpoint", "emotion"): (-2, 2),
    ("action", "impact"): (1, 5),
    ("action", "effort"): (1, 5),
}
# Ranged fields that may be empty: a card's emotion is None until someone scores it.
NULLABLE: frozenset[tuple[str, str]] = frozenset({("touchpoint", "emotion")})
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
            raise ValidationError(message("not_a_choice", kind=kind, field=column,
                                          allowed=", ".join(repr(a) for a in allowed),
                                          value=repr(row[column])))  # fmt: skip
    for (k, column), (low, high) in RANGES.items():
        if k == kind and column in row:
            value = row[column]
            if value is None and (k, column) in NULLABLE:
                continue
            if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
                raise ValidationError(message("not_in_range", kind=kind, field=column, low=low,
                                              high=high, value=repr(value)))  # fmt: skip
    for column in REQUIRED_TEXT.get(kind, ()):
        if column in row and not str(row[column] or "").strip():
            raise ValidationError(message("needs_text", kind=kind, field=column))
    for column in ("width", "height"):
        if kind in ("stage", "lane") and column in row and not 40 <= float(row[column]) <= 5000:
            raise ValidationError(
                message("size_out_of_range", kind=kind, field=column, low=40, high=5000)
            )
    if kind in ("kpi", "reading"):
        for column in ("target", "tolerance", "value"):
            value = row.get(column)
            if value is not None and (
                not isinstance(value, int | float) or not math.isfinite(value)
            ):
                raise ValidationError(
                    message("not_a_number", kind=kind, field=column, value=repr(value))
                )
    for column in e.JSON_FIELDS & row.keys():  # what the open-time checks will accept again
        value = json.loads(row[column]) if isinstance(row[column], str) else row[column]
        if column == "options":
            if not isinstance(value, dict):
                raise ValidationError(f"{kind} {column} must be a mapping, not {value!r}")
        elif not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ValidationError(f"{kind} {column} must be a list of texts, not {value!r}")
