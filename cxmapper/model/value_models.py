"""A journey's value model, kept in the workspace (the journey's `value_model` column, migration 6).

The model layer stores plain fields (the keys of `analysis.value_model.ValueModel.as_dict`) as one
JSON object on the journey, so an edit is one ordinary journey update: undoable, recorded in the
change log, carried by copies and versions. The analysis turns the stored fields into a
`ValueModel` (`analysis.stored_value.value_model_of`); the checks here are the shape checks the
model can make without the analysis (numbers of 0 or more, a three-letter currency), so a bad
value never reaches the file.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

from cxmapper.errors import ValidationError
from cxmapper.model.workspace import Workspace

FIELDS = (
    "value_per_conversion",
    "currency",
    "contact_costs",
    "segment_attribute",
    "segment_values",
    "failure_window_days",
    "repeat_window_days",
)
_AMOUNTS = ("value_per_conversion", "failure_window_days", "repeat_window_days")
_CURRENCY = re.compile(r"[A-Z]{3}")


def stored_value_model(ws: Workspace, journey_id: str) -> dict[str, Any]:
    """The stored fields of `journey_id`'s value model ({} when none was set)."""
    journey = ws.get("journey", journey_id)
    data = json.loads(journey.value_model or "{}")
    return data if isinstance(data, dict) else {}


def has_value_model(ws: Workspace, journey_id: str) -> bool:
    """True when the journey has a value model (a conversion value or a contact cost)."""
    data = stored_value_model(ws, journey_id)
    return bool(data.get("value_per_conversion") or data.get("contact_costs"))


def set_value_model(ws: Workspace, journey_id: str, fields: dict[str, Any]) -> dict[str, Any]:
    """Store `fields` as the journey's value model (one undoable step); returns the old fields.

    Raises ValidationError naming the field for an unknown field or a bad value, changing nothing.
    """
    clean = checked_fields(fields)
    old = stored_value_model(ws, journey_id)
    ws.update("journey", journey_id, value_model=json.dumps(clean, sort_keys=True))
    return old


def clear_value_model(ws: Workspace, journey_id: str) -> dict[str, Any]:
    """Remove the journey's value model (one undoable step); returns the old fields."""
    old = stored_value_model(ws, journey_id)
    ws.update("journey", journey_id, value_model="{}")
    return old


def checked_fields(fields: dict[str, Any]) -> dict[str, Any]:
    """`fields` with amounts as floats; ValidationError naming the first bad field."""
    unknown = set(fields) - set(FIELDS)
    if unknown:
        raise ValidationError(f"value model: unknown field(s) {', '.join(sorted(unknown))}")
    clean: dict[str, Any] = {}
    for name in _AMOUNTS:
        if fields.get(name) is not None:
            clean[name] = _amount(fields[name], name.replace("_", " "))
    currency = fields.get("currency")
    if currency is not None:
        if not isinstance(currency, str) or not _CURRENCY.fullmatch(currency):
            raise ValidationError(f"currency: {currency!r} is not a three-letter code such as EUR")
        clean["currency"] = currency
    for name in ("contact_costs", "segment_values"):
        values = fields.get(name) or {}
        if not isinstance(values, dict):
            raise ValidationError(f"{name.replace('_', ' ')}: expected channel = amount pairs")
        clean[name] = {
            str(k).strip(): _amount(v, f"{name.replace('_', ' ')} of {k!r}")
            for k, v in values.items()
        }
        if any(not k for k in clean[name]):
            raise ValidationError(f"{name.replace('_', ' ')}: a name is empty")
    attribute = fields.get("segment_attribute")
    if attribute:
        clean["segment_attribute"] = str(attribute).strip()
    if clean.get("segment_values") and not clean.get("segment_attribute"):
        raise ValidationError("segment values need the attribute that holds the segment")
    return {k: v for k, v in clean.items() if v not in ({},)}


def _amount(value: Any, what: str) -> float:
    if isinstance(value, bool):
        raise ValidationError(f"{what}: {value!r} is not a number")
    try:
        amount = float(value)
    except (TypeError, ValueError):
        raise ValidationError(f"{what}: {value!r} is not a number") from None
    if not math.isfinite(amount) or amount < 0:
        raise ValidationError(f"{what}: {value!r} must be a finite amount of 0 or more")
    return amount
