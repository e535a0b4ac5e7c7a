"""Named versions of a journey ("As-is Q1 2026"): save, list, find, restore.

A version is one row holding the journey's map as compact JSON: stages, lanes, cards,
connectors, RACI, owners (on the cards), the targets of the KPIs read on its cards, and the
names of the parties mentioned (so a diff can name an owner who has left). Fields equal to
their default are left out. Readings, comments and actions are history, not design, so they
are not part of a version and a restore never touches them.

Restoring is non-destructive: the state it replaces is saved as a version first, then the
journey is brought to the version's state with ordinary model operations (ids are kept, so
cards that survive keep their readings and comments), all in one transaction and one undo
step, logged as one change-log entry.
"""

from __future__ import annotations

import json
from dataclasses import MISSING, dataclass, field, fields
from datetime import date
from typing import Any

from cxmapper.errors import ValidationError, WorkspaceError
from cxmapper.model import entities as e
from cxmapper.model.kinds import KINDS
from cxmapper.model.persistence import journey_reads
from cxmapper.model.workspace import Placement, Removal, Workspace, new_id, now_iso
from cxmapper.present import keyed_text, log_labels

SNAPSHOT_FORMAT = 1
CURRENT = "current"  # what `find_state` calls the journey as it is now
PARTS: tuple[tuple[str, str, type], ...] = (
    ("stages", "stage", e.Stage), ("lanes", "lane", e.Lane),
    ("touchpoints", "touchpoint", e.Touchpoint), ("connectors", "connector", e.Connector),
    ("raci", "raci", e.Raci), ("kpis", "kpi", e.Kpi),
)  # fmt: skip


@dataclass
class JourneyState:
    """A journey's map at one moment: now, or as a saved version."""

    label: str
    journey: e.Journey
    stages: list[e.Stage] = field(default_factory=list)
    lanes: list[e.Lane] = field(default_factory=list)
    touchpoints: list[e.Touchpoint] = field(default_factory=list)
    connectors: list[e.Connector] = field(default_factory=list)
    raci: list[e.Raci] = field(default_factory=list)
    kpis: list[e.Kpi] = field(default_factory=list)
    party_names: dict[str, str] = field(default_factory=dict)
    live_from: str = ""

    def party_name(self, party_id: str | None) -> str | None:
        return None if party_id is None else self.party_names.get(party_id, party_id)


def current_state(ws: Workspace, journey_id: str) -> JourneyState:
    stages, lanes = ws.stages(journey_id), ws.lanes(journey_id)
    order = {s.id: s.position for s in stages} | {ln.id: ln.position for ln in lanes}
    tps = sorted(  # reading order, as Workspace.touchpoints: differences come out in map order
        _bulk(ws, "touchpoint", journey_id),
        key=lambda t: (order.get(t.stage_id, -1), order.get(t.lane_id, -1), t.position, t.id),
    )
    # only this journey's RACI and KPI ids, read in SQL: not every reading of the workspace
    kpi_ids = journey_reads.kpi_ids_read_on(ws._store, journey_id)
    raci_info = KINDS["raci"]
    return JourneyState(
        label=CURRENT, journey=ws.get("journey", journey_id), stages=stages,
        lanes=lanes, touchpoints=tps,
        connectors=_bulk(ws, "connector", journey_id),
        raci=[ws._entity(raci_info, r) for r in journey_reads.raci_rows_of(ws._store, journey_id)],
        kpis=[k for k in ws.kpis() if k.id in kpi_ids],
        party_names={p.id: p.name for p in ws.parties()},
    )  # fmt: skip


def _bulk(ws: Workspace, kind: str, journey_id: str) -> list[Any]:
    """A journey's cards or connectors, read for a snapshot or a diff in bulk.

    Thousands of records: built straight from the rows (JSON lists decoded, flags as booleans)
    when the table has exactly the record's fields, which takes a third of the general path's
    time; anything unexpected falls back to it.
    """
    info = KINDS[kind]
    rows = ws._store.select(info.table, {"journey_id": journey_id}, info.order_by)
    names = _field_names(info.cls)
    if not rows or set(rows[0]) != names:
        return ws._list(kind, {"journey_id": journey_id})
    lists = [n for n in names if n in e.JSON_FIELDS]
    flags = [n for n in names if n in e.BOOL_FIELDS]
    out = []
    try:
        for r in rows:
            for n in lists:
                value = r[n]
                r[n] = [] if value == "[]" or not value else json.loads(value)
            for n in flags:
                r[n] = bool(r[n])
            out.append(info.cls(**r))
    except (ValueError, TypeError):  # a damaged value: let the general path say where
        return ws._list(kind, {"journey_id": journey_id})
    return out


_NAMES: dict[type, set[str]] = {}


def _field_names(cls: type) -> set[str]:
    if cls not in _NAMES:
        _NAMES[cls] = {f.name for f in fields(cls)}
    return _NAMES[cls]


# -- encoding -----------------------------------------------------------------------------------

_DEFAULTS: dict[type, dict[str, Any]] = {}


def _defaults(cls: type) -> dict[str, Any]:
    if cls not in _DEFAULTS:
        out: dict[str, Any] = {}
        for f in fields(cls):
            if f.default is not MISSING:
                out[f.name] = f.default
            elif f.default_factory is not MISSING:
                out[f.name] = f.default_factory()
        _DEFAULTS[cls] = out
    return _DEFAULTS[cls]


def _compact(entity: Any) -> dict[str, Any]:
    defaults = _defaults(type(entity))
    out = {}
    for name, value in vars(entity).items():
        if name in defaults and defaults[name] == value and name != "lineage_id":
            continue
        out[name] = value
    return out


def encode_state(state: JourneyState) -> str:
    doc: dict[str, Any] = {"format": SNAPSHOT_FORMAT, "journey": _compact(state.journey)}
    for key, _, _ in PARTS:
        doc[key] = [_compact(x) for x in getattr(state, key)]
    mentioned = {t.owner_id for t in state.touchpoints} | {r.party_id for r in state.raci}
    mentioned |= {k.owner_id for k in state.kpis}
    doc["parties"] = {p: n for p, n in state.party_names.items() if p in mentioned}
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":"))


def decode_state(text: str, label: str, live_from: str = "") -> JourneyState:
    try:
        doc = json.loads(text)
        state = JourneyState(label=label, journey=e.Journey(**doc["journey"]),
                             party_names=dict(doc.get("parties", {})), live_from=live_from)  # fmt: skip
        for key, _, cls in PARTS:
            setattr(state, key, [cls(**x) for x in doc.get(key, [])])
    except (ValueError, TypeError, KeyError) as exc:
        raise WorkspaceError(f"version {label!r}: its stored snapshot is damaged ({exc})") from exc
    return state


# -- versions -----------------------------------------------------------------------------------


def versions(ws: Workspace, journey_id: str) -> list[e.JourneyVersion]:
    """The journey's versions, oldest first."""
    return ws._list("version", {"journey_id": journey_id})


def find_version(ws: Workspace, journey_id: str, ref: str) -> e.JourneyVersion:
    """A version by id or exact name (reads only that one: snapshots are big)."""
    v: e.JourneyVersion | None = ws.find("version", ref)
    if v is not None and v.journey_id == journey_id:
        return v
    hits: list[e.JourneyVersion] = ws._list("version", {"journey_id": journey_id, "name": ref})
    if hits:
        return hits[0]
    names = ", ".join(repr(v.name) for v in versions(ws, journey_id)) or "none"
    raise WorkspaceError(f"no version {ref!r} of this journey (versions: {names})")


def find_state(ws: Workspace, journey_id: str, ref: str) -> JourneyState:
    """`current`, or a version by id or name, as a state to compare."""
    if ref == CURRENT:
        return current_state(ws, journey_id)
    v = find_version(ws, journey_id, ref)
    return decode_state(v.snapshot, v.name, v.live_from)


def check_live_from(value: str) -> str:
    if value:
        try:
            date.fromisoformat(value)
        except ValueError:
            raise ValidationError(
                f"live-from date {value!r} is not a date (write it as YYYY-MM-DD)"
            ) from None
    return value


def save_version(
    ws: Workspace, journey_id: str, name: str, *, live_from: str = "", note: str = ""
) -> e.JourneyVersion:
    """Store the journey as it is now under `name` (unique within the journey)."""
    name = name.strip()
    if not name:
        raise ValidationError("a version needs a name")
    if name == CURRENT:
        raise ValidationError(f"{CURRENT!r} names the journey as it is now; choose another name")
    if ws.count("version", journey_id=journey_id, name=name):
        raise ValidationError(f"the journey already has a version named {name!r}")
    version = e.JourneyVersion(
        id=new_id(), journey_id=journey_id, name=name, created_at=now_iso(),
        snapshot=encode_state(current_state(ws, journey_id)), author=ws.author,
        live_from=check_live_from(live_from), note=note,
    )  # fmt: skip
    return ws.add(version)


def restore_version(
    ws: Workspace, version_id: str, *, keep_replaced: bool = True
) -> e.JourneyVersion | None:
    """Make a version the current state, in one transaction; returns the version that keeps
    the state it replaced. An undo command undoes it with
    `restore_version(ws, kept.id, keep_replaced=False)` and then removes `kept`."""
    version: e.JourneyVersion = ws.get("version", version_id)
    target = decode_state(version.snapshot, version.name)
    kept = None
    label = keyed_text.keyed(log_labels.RESTORED_VERSION, name=repr(version.name))
    with ws.logged_as(label, summarise=True):
        if keep_replaced:
            kept = save_version(ws, version.journey_id,
                                f"Before restoring {version.name} ({now_iso()})")  # fmt: skip
        _apply(ws, current_state(ws, version.journey_id), target)
    return kept


def live_periods(found: list[e.JourneyVersion]) -> dict[str, tuple[str, str | None]]:
    """Version id -> (live from, live until) for versions with a live-from date: each is live
    until the next one starts (the last one to this day, None). The before / after
    comparison of behaviour takes these periods as its two windows."""
    dated = sorted((v for v in found if v.live_from), key=lambda v: (v.live_from, v.created_at))
    return {
        v.id: (v.live_from, dated[i + 1].live_from if i + 1 < len(dated) else None)
        for i, v in enumerate(dated)
    }


def _apply(ws: Workspace, now: JourneyState, target: JourneyState) -> None:
    """Bring the journey from `now` to `target` with model operations (same ids)."""
    parties = set(now.party_names)
    have = {key: {x.id: x for x in getattr(now, key)} for key, _, _ in PARTS}
    want = {key: {x.id: x for x in getattr(target, key)} for key, _, _ in PARTS}

    def insert(key: str, items: list[Any]) -> None:
        if items:
            ws.restore(Removal(rows={key: [e.to_row(x) for x in items]}))

    for t in target.touchpoints:
        if t.owner_id not in parties:
            t.owner_id = None
    insert("stages", [s for i, s in want["stages"].items() if i not in have["stages"]])
    insert("lanes", [s for i, s in want["lanes"].items() if i not in have["lanes"]])
    ws.set_placements([
        Placement(t.id, t.stage_id, t.lane_id, t.position)
        for i, t in want["touchpoints"].items() if i in have["touchpoints"]
    ])  # fmt: skip
    insert(
        "touchpoints", [t for i, t in want["touchpoints"].items() if i not in have["touchpoints"]]
    )
    for key, kind in (("connectors", "connector"), ("raci", "raci"), ("touchpoints", "touchpoint"),
                      ("stages", "stage"), ("lanes", "lane")):  # fmt: skip
        gone = [i for i in have[key] if i not in want[key] and ws.find(kind, i) is not None]
        if gone:
            ws.remove_many(kind, gone)
    insert("connectors", [c for i, c in want["connectors"].items() if i not in have["connectors"]])
    insert("raci", [r for i, r in want["raci"].items()
                    if i not in have["raci"] and r.party_id in parties])  # fmt: skip
    fixed = {"id", "journey_id", "position", "stage_id", "lane_id"}
    for key, kind, _ in PARTS:
        for i, new in want[key].items():
            old = have[key].get(i)
            if old is None or (kind == "kpi" and ws.find("kpi", i) is None):
                continue
            if kind == "kpi":
                names = ("target", "tolerance", "frequency", "owner_id")
            else:
                names = tuple(n for n in vars(new) if n not in fixed)
            values = {n: getattr(new, n) for n in names if getattr(new, n) != getattr(old, n)}
            # an owner removed from the workspace since cannot come back (today's is kept);
            # no owner in the version (None) is restored as no owner
            owner = values.get("owner_id")
            if owner is not None and owner not in parties:
                values.pop("owner_id")
            if values:
                ws.update(kind, i, **values)
    for key, kind in (("stages", "stage"), ("lanes", "lane")):
        order = [x.id for x in sorted(getattr(target, key), key=lambda x: (x.position, x.id))]
        current = [x.id for x in getattr(ws, key)(now.journey.id)]
        if current != order:
            for index, item_id in enumerate(order):
                ws.reorder(kind, item_id, index)
    journey_values = {
        n: getattr(target.journey, n)
        for n in ("description", "state")
        if getattr(target.journey, n) != getattr(now.journey, n)
    }
    if journey_values:
        ws.update("journey", now.journey.id, **journey_values)
