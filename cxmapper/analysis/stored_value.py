"""The analysis's `ValueModel` for a journey from the fields the workspace keeps.

The model layer stores a journey's value model as plain fields (model.value_models); this module
is where they become the frozen `ValueModel` the money figures are priced with, so the app's
analysis worker and the exports read the stored assumptions through one function.
"""

from __future__ import annotations

import json
from typing import Protocol

from cxmapper.analysis.value_model import ValueModel


class JourneyRow(Protocol):
    @property
    def value_model(self) -> str: ...


def value_model_of(journey: JourneyRow) -> ValueModel | None:
    """The journey's stored value model, or None when it has none (no money figures)."""
    data = json.loads(getattr(journey, "value_model", "") or "{}")
    if not isinstance(data, dict) or not data:
        return None
    return ValueModel.from_dict(data)
