"""The workspace: every operation the UI and CLI perform on a .cxmap file.

Each public method that changes something is one transaction, committed before it returns
(autosave), and then announced to subscribers as `Change`s. Removals return a `Removal`
snapshot that `restore` puts back exactly (same ids, order, links and KPI history), which is
what undo needs. Nothing is cached: reads go to the file, so a second process's edits are
seen as soon as they are committed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from cxmapper.errors import ValidationError, WorkspaceError
from cxmapper.model import entities as e
from cxmapper.model.audit import (
    AuditCollector,
    default_author,
    entry_from_row,
    external_changes,
)
from cxmapper.model.changes import Change, ChangeHub, Listener
from cxmapper.model.ids import kind_of, new_id, now_iso
from cxmapper.model.kinds import KIND_OF_TABLE, kind_info
from cxmapper.model.persistence import log_store, schema
from cxmapper.model.persistence.store import Row, Store
from cxmapper.model.validation import validate_values
from cxmapper.model.workspace_builders import WorkspaceBuilders

__all__ = ["Placement", "Removal", "Workspace", "new_id", "now_iso"]

E = TypeVar("E", bound=e.Entity)  # the record type `add` inserts and returns

MAX_INCREMENTAL = 500  # more log entries than this since the last poll: reload instead


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


class Workspace(WorkspaceBuilders):
    """An open .cxmap file. Use as a context manager or call `close()`.

    Reads live in workspace_reads.py, typed constructors in workspace_builders.py (mixins);
    this class holds the life cycle, transactions and the generic writes."""

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

    # -- settings ----------------------------------------------------------------------------

    def set_meta(self, key: str, value: str) -> None:
        """Workspace-wide settings (e.g. the pseudonymisation key); one transaction."""
        with self._operation():
            self._store.set_meta(key, value)

    # -- generic writes ----------------------------------------------------------------------

    def add(self, entity: E, index: int | None = None) -> E:
        """Insert a record (its id already set); `index` places it among its ordered siblings."""
        kind = kind_of(entity)
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
        return e.from_row(type(entity), row)

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
