"""Model operations for survey feedback: store responses, the pseudonymisation key, survey KPIs.

The responses themselves are opaque bytes here (Parquet written by `cxmapper.feedback`), stored
in chunks like event datasets so the map opens without reading them. Adding a survey is one
undoable step: `Workspace.remove("survey", id)` returns a `Removal` that `restore` puts back.
"""

from __future__ import annotations

import secrets
from typing import Any

from cxmapper.errors import ValidationError
from cxmapper.model import entities as e
from cxmapper.model.workspace import Workspace, new_id, now_iso

PSEUDONYM_KEY = "survey_pseudonym_key"
SURVEY_SOURCE = "survey"
# KPI created on first use for each scale; (name, unit, direction)
SCALE_KPIS: dict[str, tuple[str, str, str]] = {
    "nps": ("NPS", "score", "higher"),
    "csat": ("CSAT", "%", "higher"),
    "ces": ("CES", "1-7", "higher"),
}


def add_survey(
    ws: Workspace, name: str, payload: bytes, *, n_responses: int, **values: Any
) -> e.Survey:
    """Store imported responses as one undoable step (the workspace commits before returning)."""
    values.setdefault("imported_at", now_iso())
    survey = e.Survey(id=values.pop("id", new_id()), name=name, n_responses=n_responses, **values)
    return ws.add_with_payload(survey, payload)


def surveys(ws: Workspace, journey_id: str | None = None) -> list[e.Survey]:
    """Stored surveys, oldest first; with `journey_id` only those imported for that journey."""
    return [s for s in ws.surveys() if journey_id is None or s.journey_id in (journey_id, None)]


def survey_payload(ws: Workspace, survey_id: str) -> bytes:
    return ws.payload("survey", survey_id)


def new_pseudonym_key() -> str:
    return secrets.token_hex(32)


def set_pseudonym_key(ws: Workspace, key: str) -> None:
    """Keep `key` (once: changing it would break the joins of surveys already stored)."""
    if ws.get_meta(PSEUDONYM_KEY) not in ("", key):
        raise ValidationError("the workspace already has a different pseudonymisation key")
    ws.set_meta(PSEUDONYM_KEY, key)


def pseudonym_key(ws: Workspace, *, create: bool = False) -> str:
    """The workspace's secret key for pseudonymised respondent ids ('' if none yet).

    Kept in the workspace so event-log case ids can be hashed the same way and still join;
    whoever has the workspace file can link again, which is the point of pseudonymisation
    (as opposed to anonymisation).
    """
    key = ws.get_meta(PSEUDONYM_KEY)
    if not key and create:
        key = new_pseudonym_key()
        ws.set_meta(PSEUDONYM_KEY, key)
    return key


def survey_kpi(ws: Workspace, scale: str) -> e.Kpi:
    """The KPI that survey readings of `scale` go to: an existing one by name, else a new one."""
    if scale not in SCALE_KPIS:
        raise ValidationError(f"unknown survey scale {scale!r} (nps, csat or ces)")
    name, unit, direction = SCALE_KPIS[scale]
    for kpi in ws.kpis():
        if kpi.name.strip().lower() == name.lower():
            return kpi
    return ws.add_kpi(name, unit=unit, direction=direction, description=f"{name} from surveys")


def add_survey_reading(
    ws: Workspace, touchpoint_id: str, scale: str, value: float, measured_at: str
) -> e.Reading:
    """A survey figure as a dated KPI reading with source "survey" (one undoable step)."""
    with ws.batch():
        kpi = survey_kpi(ws, scale)
        return ws.add_reading(
            touchpoint_id, kpi.id, round(float(value), 2), measured_at, source=SURVEY_SOURCE
        )
