"""A survey figure as a dated KPI reading (source "survey"), e.g. a card's monthly NPS."""

from __future__ import annotations

from typing import Any

from cxmapper.errors import ValidationError
from cxmapper.feedback.measures import Figures


def record_figure(
    ws: Any, touchpoint_id: str, figures: Figures, scale: str, measured_at: str
) -> Any:
    """Store the headline value of `scale` (NPS, CSAT %, CES mean) as one undoable step."""
    from cxmapper.model.surveys import add_survey_reading

    value = figures.value(scale)
    if value is None:
        raise ValidationError(f"no {scale.upper()} answers in this figure to record")
    return add_survey_reading(ws, touchpoint_id, scale, value, measured_at)
