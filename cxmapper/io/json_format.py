"""Whole journeys as JSON: `{"format": "cxmapper-journey", "version": 4, ...}`.

The format (docs/json-format.md) carries every record of the journeys plus the people, teams,
personas and KPI definitions they refer to, field for field as the model stores them, so an
export imported into an empty workspace gives back exactly the same records and ids.

Import checks the whole document first, against the published JSON Schema
(`cxmapper/resources/journey.schema.json`, see json_schema.py) and then for what a schema
cannot say (choices, ranges, references), and names the JSON path of the first problem; only then does it write, in one transaction, so a bad file changes
nothing. Ids already taken in the target workspace get fresh ones (references follow);
people, teams, personas and KPIs already there (same id, else same name) are reused.
"""

from __future__ import annotations

import json
import math
import sqlite3
import typing
from dataclasses import MISSING, dataclass, field, fields
from pathlib import Path
from typing import Any

from cxmapper import __version__
from cxmapper.errors import CxError, ValidationError
from cxmapper.io.atomic import atomic_write
from cxmapper.io.json_schema import schema_problem
from cxmapper.io.json_versions import (
    decode_journey,
    decode_raw,
    export_versions,
    journey_record,
    rekey_snapshot,
)
from cxmapper.io.snapshot import take_snapshot
from cxmapper.model import entities as e
from cxmapper.model.kinds import KINDS
from cxmapper.model.validation import validate_values
from cxmapper.model.workspace import Removal, Workspace, new_id, now_iso
from cxmapper.present import keyed_text, log_labels

FORMAT = "cxmapper-journey"
VERSION = 4  # 2: a touchpoint's emotion may be null (not scored), a KPI has a kind;
# 3: lineage ids, KPI reading frequency, journey versions; 4: a journey's value model (as an
# object); 1 to 3 are still read (a journey without a value model has none)
# What a field left out meant in an older version, where today's default differs: in
# version 1 every card had a score, 0 unless given.
OLD_DEFAULTS: dict[int, dict[str, dict[str, Any]]] = {1: {"touchpoint": {"emotion": 0}}}

SHARED = (("parties", "party"), ("personas", "persona"), ("kpis", "kpi"))
PER_JOURNEY = (
    ("stages", "stage"), ("lanes", "lane"), ("touchpoints", "touchpoint"), ("connectors", "connector"),
    ("readings", "reading"), ("raci", "raci"), ("comments", "comment"), ("actions", "action"),
    ("versions", "version"),
)  # fmt: skip
# Reference fields: which kind each points at, and whether it may be null.
REFS: dict[tuple[str, str], tuple[str, bool]] = {
    ("party", "team_id"): ("party", True), ("kpi", "owner_id"): ("party", True),
    ("journey", "persona_id"): ("persona", True), ("stage", "journey_id"): ("journey", False),
    ("lane", "journey_id"): ("journey", False), ("touchpoint", "journey_id"): ("journey", False),
    ("touchpoint", "stage_id"): ("stage", False), ("touchpoint", "lane_id"): ("lane", False),
    ("touchpoint", "owner_id"): ("party", True), ("connector", "journey_id"): ("journey", False),
    ("connector", "source_id"): ("touchpoint", False), ("connector", "target_id"): ("touchpoint", False),
    ("reading", "touchpoint_id"): ("touchpoint", False), ("reading", "kpi_id"): ("kpi", False),
    ("reading", "owner_id"): ("party", True), ("raci", "touchpoint_id"): ("touchpoint", False),
    ("raci", "party_id"): ("party", False), ("comment", "touchpoint_id"): ("touchpoint", False),
    ("action", "touchpoint_id"): ("touchpoint", False), ("action", "owner_id"): ("party", True),
    ("version", "journey_id"): ("journey", False),
}  # fmt: skip


class JsonFormatError(CxError):
    """The JSON document is not a valid cxmapper journey file; the message names where."""


# -- export -------------------------------------------------------------------------------------


def _record(entity: Any) -> dict[str, Any]:
    return {f.name: getattr(entity, f.name) for f in fields(entity)}


def journeys_document(ws: Workspace, journey_ids: list[str]) -> dict[str, Any]:
    party_ids: set[str] = set()
    kpi_ids: set[str] = set()
    persona_ids: set[str] = set()
    journeys = []
    for jid in journey_ids:
        snap = take_snapshot(ws, jid)
        party_ids |= snap.referenced_party_ids()
        kpi_ids |= snap.referenced_kpi_ids()
        if snap.journey.persona_id:
            persona_ids.add(snap.journey.persona_id)
        journeys.append({
            "journey": journey_record(_record(snap.journey)),
            "stages": [_record(x) for x in snap.stages], "lanes": [_record(x) for x in snap.lanes],
            "touchpoints": [_record(x) for x in sorted(snap.touchpoints, key=lambda t: (t.stage_id, t.lane_id, t.position, t.id))],
            "connectors": [_record(x) for x in snap.connectors],
            "readings": [_record(x) for x in snap.readings], "raci": [_record(x) for x in snap.raci],
            "comments": [_record(x) for x in snap.comments], "actions": [_record(x) for x in snap.actions],
        })  # fmt: skip
        versions = export_versions(ws, jid)
        if versions:
            journeys[-1]["versions"] = versions
    kpis = [k for k in ws.kpis() if k.id in kpi_ids]
    party_ids |= {k.owner_id for k in kpis if k.owner_id}
    parties = ws.parties()
    by_id = {p.id: p for p in parties}
    frontier = set(party_ids)
    while frontier:  # KPI owners' teams too
        frontier = {team for p in frontier if p in by_id and (team := by_id[p].team_id)} - party_ids
        party_ids |= frontier
    return {
        "format": FORMAT, "version": VERSION, "generator": f"cxmapper {__version__}", "exported_at": now_iso(),
        "parties": [_record(p) for p in parties if p.id in party_ids],
        "personas": [_record(p) for p in ws.personas() if p.id in persona_ids],
        "kpis": [_record(k) for k in kpis],
        "journeys": journeys,
    }  # fmt: skip


def export_json(ws: Workspace, journey_ids: list[str] | str, path: str | Path) -> Path:
    """Write the journeys (ids) to a JSON file, atomically."""
    ids = [journey_ids] if isinstance(journey_ids, str) else list(journey_ids)
    doc = journeys_document(ws, ids)
    text = json.dumps(doc, ensure_ascii=False, indent=1, allow_nan=False)
    return atomic_write(path, lambda tmp: tmp.write_text(text + "\n", encoding="utf-8"))


# -- validation ---------------------------------------------------------------------------------


def _field_specs(cls: type) -> dict[str, tuple[str, bool, Any]]:
    """{field: (type tag, required, default)} from the dataclass annotations."""
    hints = typing.get_type_hints(cls)
    out = {}
    for f in fields(cls):
        hint = hints[f.name]
        optional = type(None) in typing.get_args(hint)
        base = (
            next((a for a in typing.get_args(hint) if a is not type(None)), hint)
            if optional
            else hint
        )
        origin = typing.get_origin(base) or base
        tag = {
            str: "string",
            int: "integer",
            float: "number",
            bool: "boolean",
            list: "list",
            dict: "object",
        }[origin]
        if optional:
            tag += "?"
        has_default = f.default is not MISSING or f.default_factory is not MISSING
        default = (
            f.default
            if f.default is not MISSING
            else (f.default_factory() if f.default_factory is not MISSING else None)
        )
        out[f.name] = (tag, not has_default, default)
    return out


def _check_value(tag: str, value: Any, where: str) -> Any:
    optional = tag.endswith("?")
    tag = tag.rstrip("?")
    if value is None:
        if optional:
            return None
        raise JsonFormatError(f"{where}: must be a {tag}, not null")
    ok = {
        "string": isinstance(value, str),
        "integer": isinstance(value, int) and not isinstance(value, bool),
        "number": isinstance(value, int | float) and not isinstance(value, bool),
        "boolean": isinstance(value, bool),
        "list": isinstance(value, list) and all(isinstance(x, str) for x in value),
        "object": isinstance(value, dict),
    }[tag]
    if not ok:
        what = "a list of strings" if tag == "list" else f"a {tag}"
        raise JsonFormatError(f"{where}: must be {what}, not {json.dumps(value)[:60]}")
    if tag == "number":
        if not math.isfinite(value):
            raise JsonFormatError(f"{where}: must be a finite number")
        return float(value)
    return value


def _entity(kind: str, raw: Any, where: str) -> Any:
    cls = KINDS[kind].cls
    if not isinstance(raw, dict):
        raise JsonFormatError(f"{where}: must be an object with the fields of a {kind}")
    specs = _field_specs(cls)
    unknown = sorted(set(raw) - set(specs))
    if unknown:
        raise JsonFormatError(f"{where}: unknown field(s) {', '.join(unknown)} for a {kind}")
    values = {}
    for name, (tag, required, default) in specs.items():
        if name not in raw:
            if required:
                raise JsonFormatError(f"{where}.{name}: missing (every {kind} needs it)")
            values[name] = default
            continue
        values[name] = _check_value(tag, raw[name], f"{where}.{name}")
    if not values["id"]:
        raise JsonFormatError(f"{where}.id: must not be empty")
    entity = cls(**values)
    try:
        validate_values(kind, e.to_row(entity))
    except ValidationError as exc:
        raise JsonFormatError(f"{where}: {exc}") from None
    return entity


def _list(doc: dict[str, Any], key: str, where: str, required: bool = False) -> list[Any]:
    if key not in doc:
        if required:
            raise JsonFormatError(f"{where}.{key}: missing")
        return []
    value = doc[key]
    if not isinstance(value, list):
        raise JsonFormatError(f"{where}.{key}: must be a list")
    return value


def parse_document(doc: Any) -> dict[str, list[Any]]:
    """Check a decoded document completely; returns entities by kind, in insertion order."""
    if not isinstance(doc, dict):
        raise JsonFormatError("$: the document must be a JSON object")
    if doc.get("format") != FORMAT:
        raise JsonFormatError(f"$.format: must be {FORMAT!r}; this is not a cxmapper journey file")
    version = doc.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise JsonFormatError("$.version: must be a whole number")
    if version > VERSION:
        raise JsonFormatError(
            f"$.version: {version} is newer than this cxmapper reads ({VERSION}); update cxmapper"
        )
    if version < 1:
        raise JsonFormatError(f"$.version: {version} is not a valid version")
    problem = schema_problem(doc)  # types, required and unknown fields: the published schema
    if problem is not None:
        raise JsonFormatError(problem)
    allowed = {"format", "version", "generator", "exported_at", "journeys", *(k for k, _ in SHARED)}
    unknown = sorted(set(doc) - allowed)
    if unknown:
        raise JsonFormatError(f"$: unknown key(s) {', '.join(unknown)}")
    out: dict[str, list[Any]] = {kind: [] for kind in KINDS}
    ids: dict[str, dict[str, str]] = {kind: {} for kind in KINDS}  # kind -> id -> path

    old_defaults = OLD_DEFAULTS.get(version, {})

    def keep(kind: str, raw: Any, where: str) -> Any:
        if kind in old_defaults and isinstance(raw, dict):
            raw = {**old_defaults[kind], **raw}
        entity = _entity(kind, raw, where)
        if entity.id in ids[kind]:
            raise JsonFormatError(
                f"{where}.id: {entity.id!r} is used twice (also at {ids[kind][entity.id]})"
            )
        ids[kind][entity.id] = where
        out[kind].append(entity)
        return entity

    for key, kind in SHARED:
        for i, raw in enumerate(_list(doc, key, "$")):
            keep(kind, raw, f"$.{key}[{i}]")
    journeys = _list(doc, "journeys", "$", required=True)
    if not journeys:
        raise JsonFormatError("$.journeys: the file holds no journey")
    owner_of: dict[tuple[str, str], str] = {}  # (kind, id) -> journey id
    for j, block in enumerate(journeys):
        where_j = f"$.journeys[{j}]"
        if not isinstance(block, dict):
            raise JsonFormatError(f"{where_j}: must be an object")
        unknown = sorted(set(block) - {"journey", *(k for k, _ in PER_JOURNEY)})
        if unknown:
            raise JsonFormatError(f"{where_j}: unknown key(s) {', '.join(unknown)}")
        if "journey" not in block:
            raise JsonFormatError(f"{where_j}.journey: missing")
        journey = keep("journey", decode_journey(block["journey"]), f"{where_j}.journey")
        for key, kind in PER_JOURNEY:
            for i, raw in enumerate(_list(block, key, where_j)):
                raw = decode_raw(raw) if kind == "version" else raw
                entity = keep(kind, raw, f"{where_j}.{key}[{i}]")
                owner_of[(kind, entity.id)] = journey.id
    _check_references(out, ids, owner_of)
    return out


def _check_references(out: dict[str, list[Any]], ids: dict[str, dict[str, str]],
                      owner_of: dict[tuple[str, str], str]) -> None:  # fmt: skip
    for kind, entities in out.items():
        for entity in entities:
            where = ids[kind][entity.id]
            for (k, column), (target, nullable) in REFS.items():
                if k != kind:
                    continue
                ref = getattr(entity, column)
                if ref is None and nullable:
                    continue
                if ref not in ids[target]:
                    raise JsonFormatError(
                        f"{where}.{column}: refers to {target} {ref!r}, which is not in the file"
                    )
            journey_id = owner_of.get((kind, entity.id))
            if journey_id is None:
                continue
            if getattr(entity, "journey_id", journey_id) != journey_id:
                raise JsonFormatError(
                    f"{where}.journey_id: must be the id of the journey it is listed under"
                )
            for column in ("stage_id", "lane_id", "source_id", "target_id", "touchpoint_id"):
                ref = getattr(entity, column, None)
                ref_kind = (
                    "stage"
                    if column == "stage_id"
                    else "lane"
                    if column == "lane_id"
                    else "touchpoint"
                )
                if ref is not None and owner_of.get((ref_kind, ref)) != journey_id:
                    raise JsonFormatError(
                        f"{where}.{column}: {ref_kind} {ref!r} belongs to another journey"
                    )
            if kind == "connector" and entity.source_id == entity.target_id:
                raise JsonFormatError(f"{where}: a connector cannot join a touchpoint to itself")
    seen: set[tuple[str, str, str]] = set()
    for r in out["raci"]:
        key = (r.touchpoint_id, r.party_id, r.role)
        if key in seen:
            raise JsonFormatError(f"{ids['raci'][r.id]}: the same RACI assignment is listed twice")
        seen.add(key)


# -- import -------------------------------------------------------------------------------------


def read_document(path: str | Path) -> dict[str, list[Any]]:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise CxError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise CxError(f"{path}: cannot read the file ({exc})") from exc
    try:
        doc = json.loads(text, parse_constant=lambda c: float("nan"))
    except json.JSONDecodeError as exc:
        raise JsonFormatError(
            f"{path}: not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}"
        ) from None
    try:
        return parse_document(doc)
    except JsonFormatError as exc:
        raise JsonFormatError(f"{path}: {exc}") from None


@dataclass(frozen=True)
class JsonImport:
    """What an import created: its journeys as added, and the ids of every new record by kind.

    People, personas and KPIs the workspace already had are reused, so they are not in
    `created`: undoing the import removes exactly `created`, nothing that was there before.
    """

    journeys: list[e.Journey]
    created: dict[str, list[str]] = field(default_factory=dict)


def import_json(ws: Workspace, path: str | Path) -> JsonImport:
    """Add the journeys of a JSON file to `ws` in one transaction; returns what it created."""
    entities = read_document(path)
    return add_entities(ws, entities)


def _teams_first(parties: list[e.Party]) -> list[e.Party]:
    """Parties ordered so that a team is inserted before its members (foreign keys)."""
    by_id = {p.id: p for p in parties}
    done: dict[str, e.Party] = {}

    def visit(p: e.Party, depth: int = 0) -> None:
        if p.id in done or depth > len(parties):
            return
        if p.team_id in by_id:
            visit(by_id[p.team_id], depth + 1)
        done[p.id] = p

    for p in parties:
        visit(p)
    return list(done.values())


def add_entities(ws: Workspace, entities: dict[str, list[Any]]) -> JsonImport:
    remap: dict[tuple[str, str], str] = {}  # (kind, old id) -> id in this workspace
    rows: dict[str, list[dict[str, Any]]] = {}

    def reuse(kind: str, entity: Any, existing: list[Any]) -> bool:
        by_id = {x.id: x for x in existing}
        if entity.id in by_id:
            remap[(kind, entity.id)] = entity.id
            return True
        same_name = [
            x
            for x in existing
            if x.name == entity.name and getattr(x, "kind", None) == getattr(entity, "kind", None)
        ]
        if len(same_name) == 1:
            remap[(kind, entity.id)] = same_name[0].id
            return True
        return False

    existing: dict[str, list[Any]] = {
        "party": ws.parties(),
        "persona": ws.personas(),
        "kpi": ws.kpis(),
    }
    taken_names = {j.name for j in ws.journeys()}
    existing_journeys = len(taken_names)
    new: list[tuple[str, Any]] = []
    for kind in ("party", "persona", "kpi"):
        items = _teams_first(entities[kind]) if kind == "party" else entities[kind]
        for entity in items:
            if not reuse(kind, entity, existing[kind]):
                new.append((kind, entity))
    for kind in ("journey", *(k for _, k in PER_JOURNEY)):
        new.extend((kind, x) for x in entities[kind])
    for kind, entity in new:
        free = ws.find(kind, entity.id) is None and entity.id not in {
            v for (k, _), v in remap.items() if k == kind
        }
        remap[(kind, entity.id)] = entity.id if free else new_id()
    journeys: list[e.Journey] = []
    created: dict[str, list[str]] = {}
    fresh: dict[tuple[str, str], str] = {}  # ids only versions knew, re-keyed where taken
    for kind, entity in new:
        values = _record(entity)
        if values.get("lineage_id") == "":  # a file older than lineage: the file's id is it
            values["lineage_id"] = entity.id
        values["id"] = remap[(kind, entity.id)]
        for (k, column), (target, _) in REFS.items():
            if k == kind and values[column] is not None:
                values[column] = remap[(target, values[column])]
        if kind == "version":
            values["snapshot"] = rekey_snapshot(ws, values["snapshot"], remap, fresh)
        if kind == "journey":
            name, n = values["name"], 2
            while values["name"] in taken_names:
                values["name"] = f"{name} ({n})"
                n += 1
            taken_names.add(values["name"])
            if existing_journeys:  # keep the file's order only in a workspace without journeys
                values["position"] = existing_journeys + len(journeys)
        record = KINDS[kind].cls(**values)
        created.setdefault(kind, []).append(record.id)
        if kind == "journey":
            journeys.append(record)
        rows.setdefault(KINDS[kind].table, []).append(e.to_row(record))
    # `restore` inserts rows exactly as given (ids, positions) in parent-first order, in one
    # transaction: what undoing a removal does, and what an exact import needs.
    names = ", ".join(repr(j.name) for j in journeys)
    try:
        label = keyed_text.keyed(log_labels.IMPORTED_JSON, names=names)
        with ws.logged_as(label, summarise=True):  # one change-log entry
            ws.restore(Removal(rows=rows))
    except sqlite3.IntegrityError as exc:  # e.g. a cycle of teams; nothing was written
        raise JsonFormatError(f"the file's records do not fit together ({exc})") from exc
    return JsonImport(journeys, created)


__all__ = [
    "FORMAT",
    "VERSION",
    "JsonFormatError",
    "JsonImport",
    "export_json",
    "import_json",
    "journeys_document",
    "parse_document",
]
