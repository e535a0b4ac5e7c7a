"""Domain records of a workspace. Plain dataclasses: cheap to copy into undo commands and tests."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field, fields
from typing import Any, NoReturn, TypeVar

from cxmapper.errors import WorkspaceError

LANE_KINDS = (
    "channel",
    "actions",
    "thoughts",
    "emotions",
    "pain points",
    "opportunities",
    "backstage",
    "custom",
)
COMPONENTS = ("", "product", "service", "brand", "user experience")
JOURNEY_STATES = ("current", "future")
CONNECTOR_KINDS = ("expected", "alternative")
RACI_ROLES = ("R", "A", "C", "I")
ACTION_STATUSES = ("open", "in progress", "done", "dropped")
DIRECTIONS = ("higher", "lower")
PARTY_KINDS = ("person", "team")
KPI_FREQUENCIES = ("", "weekly", "monthly", "quarterly")  # '' = no reading expected


@dataclass
class Party:
    """A person or a team that can own touchpoints, KPIs and actions."""

    id: str
    name: str
    kind: str = "person"
    role: str = ""
    team_id: str | None = None
    email: str = ""
    position: int = 0


@dataclass
class Persona:
    id: str
    name: str
    description: str = ""
    position: int = 0


@dataclass
class Kpi:
    """A KPI definition; readings on touchpoints refer to it. Tolerance sets the amber band."""

    id: str
    name: str
    unit: str = ""
    direction: str = "higher"
    target: float | None = None
    tolerance: float | None = None
    owner_id: str | None = None
    description: str = ""
    position: int = 0
    kind: str = ""  # a key of kpi_kinds.KPI_KINDS (NPS, CSAT...), or "" for a custom KPI
    frequency: str = ""  # expected reading frequency key: '', weekly, monthly, quarterly


@dataclass
class Journey:
    id: str
    name: str
    description: str = ""
    persona_id: str | None = None
    state: str = "current"
    position: int = 0
    created_at: str = ""
    value_model: str = "{}"  # JSON of analysis.value_model.ValueModel.as_dict(); see value_models


@dataclass
class Stage:
    id: str
    journey_id: str
    name: str
    description: str = ""
    position: int = 0
    width: float = 220.0
    lineage_id: str = ""  # the same stage across versions and copies (see versions)


@dataclass
class Lane:
    id: str
    journey_id: str
    name: str
    kind: str = "custom"
    position: int = 0
    height: float = 140.0
    lineage_id: str = ""


@dataclass
class Touchpoint:
    """A card in a stage x lane cell; `position` orders the cards within their cell."""

    id: str
    journey_id: str
    stage_id: str
    lane_id: str
    title: str
    position: int = 0
    description: str = ""
    channel: str = ""
    component: str = ""
    emotion: int | None = None  # -2..+2; None: not scored (no point on the emotion curve)
    tags: list[str] = field(default_factory=list)
    owner_id: str | None = None
    is_goal: bool = False
    match_events: list[str] = field(default_factory=list)
    match_patterns: list[str] = field(default_factory=list)
    lineage_id: str = ""  # the same card across versions and duplicated journeys


@dataclass
class Connector:
    id: str
    journey_id: str
    source_id: str
    target_id: str
    label: str = ""
    kind: str = "expected"
    lineage_id: str = ""


@dataclass
class Reading:
    """One dated KPI measurement; readings are only ever added, so history is kept."""

    id: str
    touchpoint_id: str
    kpi_id: str
    value: float
    measured_at: str
    source: str = ""
    owner_id: str | None = None


@dataclass
class Raci:
    id: str
    touchpoint_id: str
    party_id: str
    role: str


@dataclass
class Comment:
    id: str
    touchpoint_id: str
    author: str
    text: str
    created_at: str
    resolved: bool = False


@dataclass
class Action:
    id: str
    touchpoint_id: str
    title: str
    description: str = ""
    owner_id: str | None = None
    impact: int = 3
    effort: int = 3
    status: str = "open"
    due_date: str = ""
    created_at: str = ""

    @property
    def priority(self) -> float:
        """Impact per unit of effort: the quick wins come first."""
        return round(self.impact / self.effort, 2)


@dataclass
class Dataset:
    """An imported event log; the events themselves are stored as chunks, read on demand."""

    id: str
    name: str
    imported_at: str
    n_events: int
    n_cases: int
    source: str = ""
    columns: list[str] = field(default_factory=list)
    options: dict[str, Any] = field(default_factory=dict)
    journey_id: str | None = None


@dataclass
class Survey:
    """Imported survey responses (scores, verbatims); stored as chunks, read on demand."""

    id: str
    name: str
    imported_at: str
    n_responses: int
    source: str = ""
    columns: list[str] = field(default_factory=list)
    options: dict[str, Any] = field(default_factory=dict)
    journey_id: str | None = None


@dataclass
class JourneyVersion:
    """A named, dated copy of a journey's map (JSON in `snapshot`, see model.versions)."""

    id: str
    journey_id: str
    name: str
    created_at: str
    snapshot: str
    author: str = ""
    live_from: str = ""  # ISO date from which this version was live ('' = not said)
    note: str = ""


Entity = (
    Party
    | Persona
    | Kpi
    | Journey
    | Stage
    | Lane
    | Touchpoint
    | Connector
    | Reading
    | Raci
    | Comment
    | Action
    | Dataset
    | Survey
    | JourneyVersion
)
E = TypeVar("E")

JSON_FIELDS = frozenset({"tags", "match_events", "match_patterns", "columns", "options"})
BOOL_FIELDS = frozenset({"is_goal", "resolved"})


def to_row(entity: Any) -> dict[str, Any]:
    """Column values for the database: lists and dicts as JSON, booleans as 0/1."""
    row: dict[str, Any] = {}
    for f in fields(entity):
        row[f.name] = encode_value(f.name, getattr(entity, f.name))
    return row


def encode_value(name: str, value: Any) -> Any:
    if name in JSON_FIELDS:
        return json.dumps(value, ensure_ascii=False)
    if name in BOOL_FIELDS:
        return int(bool(value))
    return value


_NONE = type(None)
# Python types a column value may have for a field of each annotation (as written above).
_ACCEPTED: dict[str, tuple[type, ...]] = {
    "str": (str,),
    "str | None": (str, _NONE),
    "int": (int,),
    "int | None": (int, _NONE),
    "float": (float, int),
    "float | None": (float, int, _NONE),
    "bool": (int,),
    "list[str]": (str,),
    "dict[str, Any]": (str,),
}
_WORDS = {
    (str,): "text",
    (str, _NONE): "text",
    (int,): "a whole number",
    (int, _NONE): "a whole number",
    (float, int): "a number",
    (float, int, _NONE): "a number",
}
_FIELD_TYPES: dict[type, dict[str, tuple[type, ...]]] = {}


class BadValue(WorkspaceError):
    """A stored value the program cannot use (a text where a number belongs, broken JSON...)."""


def from_row(cls: type[E], row: dict[str, Any], where: str = "") -> E:
    """The record of a database row. A value of the wrong type or shape (a file changed by
    another program) raises BadValue naming `where` (file and table), the row and the column,
    instead of failing later far from its cause."""
    accepted = _FIELD_TYPES.get(cls)
    if accepted is None:
        accepted = _FIELD_TYPES[cls] = {
            f.name: _ACCEPTED[str(f.type)]
            for f in fields(cls)  # type: ignore[arg-type]
        }
    values: dict[str, Any] = {}
    for key, value in row.items():
        types = accepted.get(key)
        if types is None:
            continue
        if type(value) not in types:
            _refuse(where, row, key, value, f"where {_WORDS[types]} is expected")
        if type(value) is float and not math.isfinite(value):
            _refuse(where, row, key, value, "where a finite number is expected")
        if key in JSON_FIELDS:
            value = _decode_json(where, row, key, value)
        elif key in BOOL_FIELDS:
            value = bool(value)
        values[key] = value
    return cls(**values)


def _decode_json(where: str, row: dict[str, Any], key: str, text: str) -> Any:
    want_dict = key == "options"
    if text == "[]" or not text:
        return {} if want_dict else []
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):
        _refuse(where, row, key, text, "is not valid JSON")
    if want_dict:
        if not isinstance(value, dict):
            _refuse(where, row, key, text, "is not a JSON object")
    elif not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        _refuse(where, row, key, text, "is not a JSON list of texts")
    return value


def _refuse(where: str, row: dict[str, Any], key: str, value: Any, problem: str) -> NoReturn:
    ident = _short(row.get("id"))
    shown = "empty (NULL)" if value is None else f"{type(value).__name__} {_short(value)}"
    prefix = f"{where}, " if where else ""
    raise BadValue(f"{prefix}row {ident}, column {key}: {shown} {problem}")


def _short(value: Any, limit: int = 40) -> str:
    text = value.decode("latin-1") if isinstance(value, bytes) else str(value)
    return repr(text[:limit]) + ("…" if len(text) > limit else "")
