"""Domain records of a workspace. Plain dataclasses: cheap to copy into undo commands and tests."""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields
from typing import Any, TypeVar

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
    emotion: int = 0
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


Entity = Party | Persona | Kpi | Journey | Stage | Lane | Touchpoint | Connector | Reading | Raci
Entity = Entity | Comment | Action | Dataset | JourneyVersion
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


_FIELD_NAMES: dict[type, frozenset[str]] = {}


def from_row(cls: type[E], row: dict[str, Any]) -> E:
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = frozenset(f.name for f in fields(cls))  # type: ignore[arg-type]
    values: dict[str, Any] = {}
    for key, value in row.items():
        if key not in names:
            continue
        if key in JSON_FIELDS:
            if value == "[]" or not value:
                value = [] if key != "options" else {}
            else:
                value = json.loads(value)
        elif key in BOOL_FIELDS:
            value = bool(value)
        values[key] = value
    return cls(**values)
