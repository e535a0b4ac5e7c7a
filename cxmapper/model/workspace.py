"""The workspace: every operation the UI and CLI perform on a .cxmap file.

Each public method that changes something is one transaction, committed before it returns
(autosave), and then announced to subscribers as `Change`s. Removals return a `Removal`
snapshot that `restore` puts back exactly (same ids, order, links and KPI history), which is
what undo needs. Nothing is cached: reads go to the file, so a second process's edits are
seen as soon as they are committed.
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cxmapper.errors import ValidationError, WorkspaceError
from cxmapper.model import entities as e
from cxmapper.model.audit import (
    AuditCollector,
    LogEntry,
    default_author,
    entry_from_row,
    external_changes,
)
from cxmapper.model.changes import Change, ChangeHub, Listener
from cxmapper.model.kinds import KIND_OF_TABLE, KINDS, kind_info
from cxmapper.model.persistence import log_store, schema
from cxmapper.model.persistence.store import Row, Store
from cxmapper.model.validation import validate_values

MAX_INCREMENTAL = 500  # more log entries than this since the last poll: reload instead


def new_id() -> str:
    return str(uuid.uuid4())


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass
class Removal:
    """Everything a removal deleted or unlinked, enough to put it back exactly."""

    rows: dict[str, list[Row]] = field(default_factory=dict)
    nulled: list[tuple[str, str, str, Any]] = field(default_factory=list)
    chunks: list[Row] = field(default_factory=list)
    survey_chunks: list[Row] = field(default_factory=list)

    def count(self, kind: str) -> int:
        return len(self.rows.get(kind_info(kind).table, []))


@dataclass(frozen=True)
class Placement:
    """Where one touchpoint sits: its cell and its place in the cell's stack."""

    id: str
    stage_id: str
    lane_id: str
    position: int


class Workspace:
    """An open .cxmap file. Use as a context manager or call `close()`."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._hub = ChangeHub()
        self._pending: list[Change] | None = None
        self._audit = AuditCollector()
        self.author = default_author()  # who the change log names; the app and CLI set it
        self._log_seen = log_store.last_seq(store)

    # -- life cycle --------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: str | Path,
        *,
        create: bool = False,
        read_only: bool = False,
        require_write: bool = False,
    ) -> Workspace:
        """Open a workspace; see `Store.open` for `read_only` (info, exports) and
        `require_write` (commands that are about to change it)."""
        ws = cls(Store.open(path, create=create, read_only=read_only, require_write=require_write))
        if create and not ws._store.get_meta("created_at"):
            ws._store.set_meta("created_at", now_iso())
        return ws

    @classmethod
    def create(cls, path: str | Path) -> Workspace:
        if str(path) != ":memory:" and Path(path).exists():
            raise WorkspaceError(f"{path}: already exists; choose another name")
        return cls.open(path, create=True)

    @classmethod
    def in_memory(cls) -> Workspace:
        return cls.open(":memory:", create=True)

    def close(self) -> None:
        self._store.close()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def path(self) -> str:
        return self._store.path

    @property
    def name(self) -> str:
        return "Untitled" if self.path == ":memory:" else Path(self.path).stem

    @property
    def closed(self) -> bool:
        return self._store.closed

    def schema_version(self) -> int:
        return self._store.schema_version()

    def save_as(self, target: str | Path) -> None:
        """Write a consistent copy to `target`; this workspace stays open where it was."""
        self._store.backup_to(target)

    # -- observing ---------------------------------------------------------------------------

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        return self._hub.subscribe(listener)

    @property
    def listener_count(self) -> int:
        return self._hub.listener_count

    def poll_external_changes(self) -> bool:
        """If another process committed to the file, tell subscribers what it changed, read
        from the change log since the last entry seen (`reloaded` when the log cannot say: a
        summarised import, a replaced file, very many entries); True if anything changed."""
        if self._store.changed_elsewhere():
            self._hub.emit(self._external_changes())
            return True
        return False

    def _external_changes(self) -> list[Change]:
        seen = self._log_seen
        replaced = self._store.take_replaced()
        entries = log_store.select(self._store, after_seq=seen, limit=MAX_INCREMENTAL + 1)
        self._log_seen = log_store.last_seq(self._store)
        if (
            replaced
            or not entries
            or len(entries) > MAX_INCREMENTAL
            or entries[0]["seq"] != seen + 1
        ):
            return [Change("reloaded")]
        return external_changes([entry_from_row(r) for r in entries]) or [Change("reloaded")]

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Group several operations into one transaction (one commit, one undo step)."""
        with self._operation():
            yield

    @contextmanager
    def logged_as(self, label: str, *, summarise: bool = False) -> Iterator[None]:
        """Like `batch`, and the change log entries carry `label`; with `summarise` the whole
        operation is logged as one entry (imports: the label plus counts of what changed)."""
        with self._operation():
            if not self._audit.label:
                self._audit.label = label
            self._audit.summarise |= summarise
            yield

    @contextmanager
    def _operation(self) -> Iterator[list[Change]]:
        if self._pending is not None:
            with self._store.transaction():
                yield self._pending
            return
        self._pending = []
        self._audit.reset()
        try:
            with self._store.transaction():
                yield self._pending
                rows = self._audit.rows(self._pending, now_iso(), self.author)
                self._log_seen = log_store.append(self._store, rows)
            changes = self._pending
        finally:
            self._pending = None
        self._hub.emit(changes)

    # -- generic reads -----------------------------------------------------------------------

    def get(self, kind: str, id: str) -> Any:
        info = kind_info(kind)
        row = self._store.get(info.table, id)
        if row is None:
            raise WorkspaceError(f"no {kind} with id {id}")
        return self._entity(info, row)

    def find(self, kind: str, id: str) -> Any | None:
        info = kind_info(kind)
        row = self._store.get(info.table, id)
        return None if row is None else self._entity(info, row)

    def _list(self, kind: str, where: dict[str, Any] | None = None) -> list[Any]:
        info = kind_info(kind)
        return [self._entity(info, r) for r in self._store.select(info.table, where, info.order_by)]

    def _entity(self, info: Any, row: Row) -> Any:
        return e.from_row(info.cls, row, f"{self.path}: table {info.table}")

    def journeys(self) -> list[e.Journey]:
        return self._list("journey")

    def find_journey(self, name_or_id: str) -> e.Journey:
        """A journey by id, exact name, or unique case-insensitive name prefix."""
        journeys = self.journeys()
        for j in journeys:
            if name_or_id in (j.id, j.name):
                return j
        hits = [j for j in journeys if j.name.lower().startswith(name_or_id.lower())]
        if len(hits) == 1:
            return hits[0]
        names = ", ".join(repr(j.name) for j in journeys) or "none"
        raise WorkspaceError(f"no journey named {name_or_id!r} (journeys: {names})")

    def stages(self, journey_id: str) -> list[e.Stage]:
        return self._list("stage", {"journey_id": journey_id})

    def lanes(self, journey_id: str) -> list[e.Lane]:
        return self._list("lane", {"journey_id": journey_id})

    def touchpoints(self, journey_id: str | None = None) -> list[e.Touchpoint]:
        """Cards in reading order: by stage, then lane, then place in the cell."""
        tps = self._list("touchpoint", None if journey_id is None else {"journey_id": journey_id})
        order: dict[str, int] = {}
        for kind in ("stage", "lane"):  # through the checked records: positions are numbers
            items = self._list(kind, None if journey_id is None else {"journey_id": journey_id})
            order.update((item.id, item.position) for item in items)
        return sorted(
            tps,
            key=lambda t: (order.get(t.stage_id, -1), order.get(t.lane_id, -1), t.position, t.id),
        )

    def cell(self, stage_id: str, lane_id: str) -> list[e.Touchpoint]:
        return self._list("touchpoint", {"stage_id": stage_id, "lane_id": lane_id})

    def connectors(self, journey_id: str | None = None) -> list[e.Connector]:
        return self._list("connector", None if journey_id is None else {"journey_id": journey_id})

    def parties(self) -> list[e.Party]:
        return self._list("party")

    def personas(self) -> list[e.Persona]:
        return self._list("persona")

    def kpis(self) -> list[e.Kpi]:
        return self._list("kpi")

    def readings(
        self, touchpoint_id: str | None = None, kpi_id: str | None = None
    ) -> list[e.Reading]:
        where = {k: v for k, v in (("touchpoint_id", touchpoint_id), ("kpi_id", kpi_id)) if v}
        return self._list("reading", where or None)

    def raci(self, touchpoint_id: str | None = None) -> list[e.Raci]:
        return self._list("raci", {"touchpoint_id": touchpoint_id} if touchpoint_id else None)

    def comments(self, touchpoint_id: str | None = None) -> list[e.Comment]:
        return self._list("comment", {"touchpoint_id": touchpoint_id} if touchpoint_id else None)

    def actions(self, touchpoint_id: str | None = None) -> list[e.Action]:
        return self._list("action", {"touchpoint_id": touchpoint_id} if touchpoint_id else None)

    def datasets(self) -> list[e.Dataset]:
        return self._list("dataset")

    def surveys(self) -> list[e.Survey]:
        return self._list("survey")

    def dataset_payload(self, dataset_id: str) -> bytes:
        """The stored event data of a dataset, read only when analysis needs it."""
        return self._store.read_chunks(dataset_id)

    def payload(self, kind: str, id: str) -> bytes:
        """The stored chunks of a dataset or survey, read only when analysis needs them."""
        return self._store.read_chunks(id, kind_info(kind).table)

    def get_meta(self, key: str, default: str = "") -> str:
        return self._store.get_meta(key, default)

    def set_meta(self, key: str, value: str) -> None:
        """Workspace-wide settings (e.g. the pseudonymisation key); one transaction."""
        with self._operation():
            self._store.set_meta(key, value)

    def change_log(self, **filters: Any) -> list[LogEntry]:
        """The audit trail, oldest first; filters: after_seq, journey_id, entity_id, since and
        until (ISO date or time), author, limit (see persistence.log_store.select)."""
        return [entry_from_row(r) for r in log_store.select(self._store, **filters)]

    def count(self, kind: str, **where: Any) -> int:
        return self._store.count(kind_info(kind).table, where or None)

    def touchpoints_by_id(self, ids: Sequence[str]) -> list[e.Touchpoint]:
        rows = self._store.select_in("touchpoints", "id", ids)
        return [self._entity(kind_info("touchpoint"), r) for r in rows]

    def journey_of(self, kind: str, id: str) -> str | None:
        """The journey an entity belongs to (None for workspace-wide things)."""
        row = self._store.get(kind_info(kind).table, id)
        return None if row is None else self._journey_of_row(kind_info(kind).table, row)

    def _journey_of_row(self, table: str, row: Row) -> str | None:
        if table == "journeys":
            return row["id"]
        if "journey_id" in row:
            return row["journey_id"]
        tp_id = row.get("touchpoint_id")
        if tp_id:
            tp = self._store.get("touchpoints", tp_id)
            return None if tp is None else tp["journey_id"]
        return None

    # -- generic writes ----------------------------------------------------------------------

    def add(self, entity: Any, index: int | None = None) -> Any:
        """Insert a record (its id already set); `index` places it among its ordered siblings."""
        kind = _kind_of(entity)
        info = kind_info(kind)
        row = e.to_row(entity)
        if row.get("lineage_id") == "":
            row["lineage_id"] = row["id"]  # a new thing starts its own lineage
        validate_values(kind, row)
        with self._operation() as changes:
            self._audit.note_record(kind, row["id"], row)
            journey_id = self._journey_of_row(info.table, row)
            if info.scope is not None:
                row["position"], shifted = self._make_room(info.table, info.scope, row, index)
                changes.extend(
                    Change("changed", kind, i, journey_id, ("position",)) for i in shifted
                )
            self._store.insert(info.table, row)
            changes.append(Change("added", kind, row["id"], journey_id))
        return e.from_row(info.cls, row)

    def _make_room(
        self, table: str, scope_cols: tuple[str, ...], row: Row, index: int | None
    ) -> tuple[int, list[str]]:
        """The position for a new sibling at `index`, and the ids of siblings that moved."""
        scope = {c: row[c] for c in scope_cols}
        siblings = self._store.select(table, scope, ("position", "id"))
        if index is None or index >= len(siblings):
            return ((siblings[-1]["position"] + 1) if siblings else 0), []
        index = max(index, 0)
        wanted = [(s["id"], i + (1 if i >= index else 0)) for i, s in enumerate(siblings)]
        moved = [
            sid for (sid, pos), s in zip(wanted, siblings, strict=True) if s["position"] != pos
        ]
        self._store.set_positions(table, wanted)
        return index, moved

    def update(self, kind: str, id: str, /, **values: Any) -> dict[str, Any]:
        """Change fields of one record; returns the old values (pass them back to undo)."""
        info = kind_info(kind)
        row = self._store.get(info.table, id)
        if row is None:
            raise WorkspaceError(f"no {kind} with id {id}")
        allowed = set(self._store.columns(info.table)) - {"id", "position", "journey_id"}
        unknown = set(values) - allowed
        if unknown:
            raise ValidationError(f"{kind} has no editable field {', '.join(sorted(unknown))}")
        encoded = {k: e.encode_value(k, v) for k, v in values.items()}
        validate_values(kind, {**row, **encoded})
        changed = {k: v for k, v in encoded.items() if row[k] != v}
        old = self._entity(info, row)
        if not changed:
            return {}
        with self._operation() as changes:
            self._audit.note_fields(kind, id, {k: (getattr(old, k), values[k]) for k in changed})
            self._store.update(info.table, id, changed)
            changes.append(
                Change("changed", kind, id, self._journey_of_row(info.table, row), tuple(changed))
            )
        return {k: getattr(old, k) for k in changed}

    def remove(self, kind: str, id: str) -> Removal:
        return self.remove_many(kind, [id])

    def remove_many(self, kind: str, ids: Sequence[str]) -> Removal:
        """Remove records and everything that hangs off them, in one transaction."""
        info = kind_info(kind)
        with self._operation() as changes:
            rows, nulled = self._store.collect_dependents(info.table, list(ids))
            if not rows.get(info.table):
                raise WorkspaceError(f"no {kind} with id {', '.join(ids)}")
            removal = Removal(rows=rows, nulled=nulled)
            for ds in rows.get("datasets", []):
                removal.chunks.extend(self._store.copy_chunks(ds["id"]))
            for sv in rows.get("surveys", []):
                removal.survey_chunks.extend(self._store.copy_chunks(sv["id"], "surveys"))
            journeys = {
                (t, r["id"]): self._journey_of_row(t, r) for t, rs in rows.items() for r in rs
            }
            for t, rs in rows.items():
                for r in rs:
                    self._audit.note_record(KIND_OF_TABLE[t], r["id"], r)
            for table, row_id, column, _ in nulled:
                self._store.update(table, row_id, {column: None})
            for table in reversed(schema.TABLE_ORDER):
                gone = rows.get(table)
                if gone:
                    self._store.delete(table, [r["id"] for r in gone])
                    kind_name = KIND_OF_TABLE[table]
                    changes.extend(
                        Change("removed", kind_name, r["id"], journeys[(table, r["id"])])
                        for r in gone
                    )
            for table, row_id, column, _ in nulled:
                changes.append(self._relinked(table, row_id, column))
        return removal

    def _relinked(self, table: str, row_id: str, column: str) -> Change:
        """The change of a reference that a removal set to NULL (or a restore set back)."""
        row = self._store.get(table, row_id)
        journey = None if row is None else self._journey_of_row(table, row)
        return Change("changed", KIND_OF_TABLE[table], row_id, journey, (column,))

    def restore(self, removal: Removal) -> None:
        """Undo a removal: the same rows, ids, positions and links come back."""
        with self._operation() as changes:
            for table in schema.TABLE_ORDER:
                rows = removal.rows.get(table)
                if rows:
                    self._store.insert_many(table, rows)
                    kind_name = KIND_OF_TABLE[table]
                    for r in rows:
                        self._audit.note_record(kind_name, r["id"], r)
                    changes.extend(
                        Change("added", kind_name, r["id"], self._journey_of_row(table, r))
                        for r in rows
                    )
            self._store.restore_chunks(removal.chunks)
            self._store.restore_chunks(removal.survey_chunks, "surveys")
            for table, row_id, column, value in removal.nulled:
                self._store.update(table, row_id, {column: value})
                changes.append(self._relinked(table, row_id, column))

    def reorder(self, kind: str, id: str, index: int) -> int:
        """Move a stage, lane, journey... to `index` among its siblings; returns its old index."""
        info = kind_info(kind)
        if info.scope is None:
            raise ValidationError(f"{kind}s have no order")
        row = self._store.get(info.table, id)
        if row is None:
            raise WorkspaceError(f"no {kind} with id {id}")
        scope = {c: row[c] for c in info.scope}
        ordered = [r["id"] for r in self._store.select(info.table, scope, ("position", "id"))]
        old_index = ordered.index(id)
        ordered.pop(old_index)
        index = max(0, min(index, len(ordered)))
        ordered.insert(index, id)
        with self._operation() as changes:
            self._audit.note_fields(kind, id, {"position": (old_index, index)})
            self._store.set_positions(info.table, [(sid, i) for i, sid in enumerate(ordered)])
            journey = self._journey_of_row(info.table, row)
            changes.extend(Change("changed", kind, sid, journey, ("position",)) for sid in ordered)
        return old_index

    # -- touchpoint placement ----------------------------------------------------------------

    def placements(self, ids: Sequence[str]) -> list[Placement]:
        return [
            Placement(t.id, t.stage_id, t.lane_id, t.position) for t in self.touchpoints_by_id(ids)
        ]

    def move_touchpoints(
        self, ids: Sequence[str], stage_id: str, lane_id: str, index: int | None = None
    ) -> list[Placement]:
        """Move cards into one cell (at `index`, in the given order); returns the placements of
        every card whose place changed, as they were before, for `set_placements` to undo."""
        with self._operation():
            return self._move_touchpoints(ids, stage_id, lane_id, index)

    def _move_touchpoints(
        self, ids: Sequence[str], stage_id: str, lane_id: str, index: int | None
    ) -> list[Placement]:
        stage = self._store.get("stages", stage_id)
        lane = self._store.get("lanes", lane_id)
        if stage is None or lane is None:
            raise WorkspaceError("the target cell does not exist")
        if stage["journey_id"] != lane["journey_id"]:
            raise ValidationError("stage and lane belong to different journeys")
        moving_rows = self._store.select_in("touchpoints", "id", list(ids))
        if len(moving_rows) != len(set(ids)):
            raise WorkspaceError("some of the touchpoints to move no longer exist")
        if any(r["journey_id"] != stage["journey_id"] for r in moving_rows):
            raise ValidationError("touchpoints can only move within their journey")
        moving_ids = list(dict.fromkeys(ids))
        moving_set = set(moving_ids)
        affected_cells = {(r["stage_id"], r["lane_id"]) for r in moving_rows} | {
            (stage_id, lane_id)
        }
        before: dict[str, Placement] = {}
        cells: dict[tuple[str, str], list[str]] = {}
        for s_id, l_id in affected_cells:
            rows = self._store.select(
                "touchpoints", {"stage_id": s_id, "lane_id": l_id}, ("position", "id")
            )
            cells[(s_id, l_id)] = [r["id"] for r in rows if r["id"] not in moving_set]
            before.update((r["id"], Placement(r["id"], s_id, l_id, r["position"])) for r in rows)
        target = cells[(stage_id, lane_id)]
        if index is None or index > len(target):
            index = len(target)
        new_order = target[:index] + moving_ids + target[index:]
        after: list[Placement] = [
            Placement(i, stage_id, lane_id, n) for n, i in enumerate(new_order)
        ]
        for cell_key, rest in cells.items():
            if cell_key != (stage_id, lane_id):
                after.extend(Placement(i, *cell_key, n) for n, i in enumerate(rest))
        changed = [p for p in after if before.get(p.id) != p]
        self.set_placements(changed)
        return [before[p.id] for p in changed]

    def set_placements(self, placements: Sequence[Placement]) -> list[Placement]:
        """Put cards exactly at the given cells and positions; returns where they were."""
        rows = {
            r["id"]: r
            for r in self._store.select_in("touchpoints", "id", [p.id for p in placements])
        }
        with self._operation() as changes:
            for p in placements:
                was = rows.get(p.id)
                if was is not None:
                    self._audit.note_fields("touchpoint", p.id, {
                        k: (was[k], getattr(p, k)) for k in ("stage_id", "lane_id", "position")
                    })  # fmt: skip
            self._store.update_many(
                "touchpoints",
                ("stage_id", "lane_id", "position"),
                [(p.stage_id, p.lane_id, p.position, p.id) for p in placements],
            )
            changes.extend(
                Change(
                    "changed",
                    "touchpoint",
                    p.id,
                    rows[p.id]["journey_id"] if p.id in rows else None,
                    ("stage_id", "lane_id", "position"),
                )
                for p in placements
            )
        return [
            Placement(p.id, rows[p.id]["stage_id"], rows[p.id]["lane_id"], rows[p.id]["position"])
            for p in placements
            if p.id in rows
        ]

    # -- typed constructors ------------------------------------------------------------------

    def add_party(self, name: str, kind: str = "person", **values: Any) -> e.Party:
        return self.add(e.Party(id=values.pop("id", new_id()), name=name, kind=kind, **values))

    def add_persona(self, name: str, **values: Any) -> e.Persona:
        return self.add(e.Persona(id=values.pop("id", new_id()), name=name, **values))

    def add_kpi(self, name: str, **values: Any) -> e.Kpi:
        return self.add(e.Kpi(id=values.pop("id", new_id()), name=name, **values))

    def add_journey(self, name: str, index: int | None = None, **values: Any) -> e.Journey:
        values.setdefault("created_at", now_iso())
        return self.add(e.Journey(id=values.pop("id", new_id()), name=name, **values), index)

    def add_stage(
        self, journey_id: str, name: str, index: int | None = None, **values: Any
    ) -> e.Stage:
        return self.add(
            e.Stage(id=values.pop("id", new_id()), journey_id=journey_id, name=name, **values),
            index,
        )

    def add_lane(
        self,
        journey_id: str,
        name: str,
        kind: str = "custom",
        index: int | None = None,
        **values: Any,
    ) -> e.Lane:
        return self.add(
            e.Lane(
                id=values.pop("id", new_id()), journey_id=journey_id, name=name, kind=kind, **values
            ),
            index,
        )

    def add_touchpoint(
        self, stage_id: str, lane_id: str, title: str, index: int | None = None, **values: Any
    ) -> e.Touchpoint:
        stage = self._store.get("stages", stage_id)
        lane = self._store.get("lanes", lane_id)
        if stage is None or lane is None:
            raise WorkspaceError("the cell for the new touchpoint does not exist")
        if stage["journey_id"] != lane["journey_id"]:
            raise ValidationError("stage and lane belong to different journeys")
        if lane["kind"] == "channel" and "channel" not in values:
            values["channel"] = lane["name"]  # a card drawn in the "Web" lane is a web touchpoint
        tp = e.Touchpoint(
            id=values.pop("id", new_id()),
            journey_id=stage["journey_id"],
            stage_id=stage_id,
            lane_id=lane_id,
            title=title,
            **values,
        )
        return self.add(tp, index)

    def add_connector(self, source_id: str, target_id: str, **values: Any) -> e.Connector:
        src = self._store.get("touchpoints", source_id)
        dst = self._store.get("touchpoints", target_id)
        if src is None or dst is None:
            raise WorkspaceError("a connector needs two existing touchpoints")
        if src["journey_id"] != dst["journey_id"]:
            raise ValidationError("a connector must join touchpoints of the same journey")
        if source_id == target_id:
            raise ValidationError("a connector cannot join a touchpoint to itself")
        return self.add(
            e.Connector(
                id=values.pop("id", new_id()),
                journey_id=src["journey_id"],
                source_id=source_id,
                target_id=target_id,
                **values,
            )
        )

    def add_reading(
        self,
        touchpoint_id: str,
        kpi_id: str,
        value: float,
        measured_at: str | None = None,
        **values: Any,
    ) -> e.Reading:
        return self.add(
            e.Reading(
                id=values.pop("id", new_id()),
                touchpoint_id=touchpoint_id,
                kpi_id=kpi_id,
                value=float(value),
                measured_at=measured_at or now_iso(),
                **values,
            )
        )

    def assign(self, touchpoint_id: str, party_id: str, role: str, **values: Any) -> e.Raci:
        existing = self._store.select(
            "raci", {"touchpoint_id": touchpoint_id, "party_id": party_id, "role": role}
        )
        if existing:
            raise ValidationError("that RACI assignment exists already")
        return self.add(
            e.Raci(
                id=values.pop("id", new_id()),
                touchpoint_id=touchpoint_id,
                party_id=party_id,
                role=role,
            )
        )

    def add_comment(self, touchpoint_id: str, author: str, text: str, **values: Any) -> e.Comment:
        values.setdefault("created_at", now_iso())
        return self.add(
            e.Comment(
                id=values.pop("id", new_id()),
                touchpoint_id=touchpoint_id,
                author=author,
                text=text,
                **values,
            )
        )

    def add_action(self, touchpoint_id: str, title: str, **values: Any) -> e.Action:
        values.setdefault("created_at", now_iso())
        return self.add(
            e.Action(
                id=values.pop("id", new_id()), touchpoint_id=touchpoint_id, title=title, **values
            )
        )

    def add_dataset(
        self, name: str, payload: bytes, *, n_events: int, n_cases: int, **values: Any
    ) -> e.Dataset:
        """Store an imported event log; `payload` is opaque bytes (Parquet from analysis)."""
        values.setdefault("imported_at", now_iso())
        ds = e.Dataset(
            id=values.pop("id", new_id()), name=name, n_events=n_events, n_cases=n_cases, **values
        )
        label = f"Imported dataset {name!r}: {n_events:,} events, {n_cases:,} cases"
        with self.logged_as(label, summarise=True):
            added = self.add(ds)
            self._store.write_chunks(ds.id, payload)
        return added

    def add_with_payload(self, entity: Any, payload: bytes) -> Any:
        """Insert a record that owns stored chunks (a survey) and its payload, in one step."""
        with self._operation():
            added = self.add(entity)
            self._store.write_chunks(added.id, payload, kind_info(_kind_of(entity)).table)
        return added

    # -- composite operations ----------------------------------------------------------------

    def duplicate_journey(self, journey_id: str, name: str | None = None) -> e.Journey:
        """A deep copy with new ids: structure, cards, links, KPI history, RACI, notes.

        Stages, lanes, cards and connectors keep the lineage of their originals, so versions
        and diffs recognise them in the copy."""
        src = self.get("journey", journey_id)
        ids: dict[str, str] = {}

        def fresh(old: str) -> str:
            ids[old] = new_id()
            return ids[old]

        with self._operation():
            copy = self.add(
                dataclasses.replace(
                    src, id=fresh(src.id), name=name or f"{src.name} (copy)", created_at=now_iso()
                ),
                src.position + 1,
            )
            for s in self.stages(src.id):
                self.add(
                    dataclasses.replace(
                        s, id=fresh(s.id), journey_id=copy.id, lineage_id=s.lineage_id or s.id
                    ),
                    s.position,
                )
            for ln in self.lanes(src.id):
                self.add(
                    dataclasses.replace(
                        ln, id=fresh(ln.id), journey_id=copy.id, lineage_id=ln.lineage_id or ln.id
                    ),
                    ln.position,
                )
            tps = self.touchpoints(src.id)
            for t in tps:
                self.add(
                    dataclasses.replace(
                        t,
                        id=fresh(t.id),
                        journey_id=copy.id,
                        stage_id=ids[t.stage_id],
                        lane_id=ids[t.lane_id],
                        lineage_id=t.lineage_id or t.id,
                    ),
                    t.position,
                )
            for c in self.connectors(src.id):
                self.add(
                    dataclasses.replace(
                        c,
                        id=new_id(),
                        journey_id=copy.id,
                        source_id=ids[c.source_id],
                        target_id=ids[c.target_id],
                        lineage_id=c.lineage_id or c.id,
                    )
                )
            for t in tps:
                for kind in ("reading", "raci", "comment", "action"):
                    for item in self._list(kind, {"touchpoint_id": t.id}):
                        self.add(dataclasses.replace(item, id=new_id(), touchpoint_id=ids[t.id]))
        return copy


def _kind_of(entity: Any) -> str:
    for info in KINDS.values():
        if type(entity) is info.cls:
            return info.name
    raise ValueError(f"not a workspace entity: {entity!r}")
