"""The change log (audit trail): when, who, and what every committed operation changed.

Entries are collected while an operation runs and written in that operation's own
transaction (see `Workspace._operation`), so the log can never disagree with the data: a
rolled-back edit leaves no entry, a committed one always has its entries. There is one entry
per `Change` the operation announced, in order, with old -> new values where the model knew
them (an update, a move), except that siblings whose position merely shifted (a card inserted
above them) share one entry per kind and journey; an import is summarised as one entry. Undo and redo are ordinary
model operations, so they are logged like any edit. The log has no foreign keys: the history
of a deleted card outlives the card.
"""

from __future__ import annotations

import getpass
import json
import os
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from cxmapper.model.changes import Change
from cxmapper.present.keyed_text import readable

SUMMARY = "summary"  # the action of an entry that stands for a whole (import) operation
# Fields that name an entity in an entry of an addition or a removal.
_IDENTIFYING = ("title", "name", "role", "party_id", "touchpoint_id", "kpi_id", "value")


@dataclass(frozen=True)
class LogEntry:
    """One logged change. `fields` maps a field to [old, new] (None when only the fact of the
    change is known, e.g. a sibling's position shifted by an insertion)."""

    seq: int
    operation: int  # the seq of the operation's first entry: entries of one commit share it
    at: str
    author: str
    label_key: str  # as stored: a language-neutral key (present.log_labels) or older free text
    action: str  # added | removed | changed | summary
    kind: str
    entity_id: str
    journey_id: str | None
    details: dict[str, Any] = field(default_factory=dict)

    @property
    def label(self) -> str:
        """The operation's label in the current language (older free text as stored)."""
        return readable(self.label_key)

    @property
    def fields(self) -> dict[str, Any]:
        return dict(self.details.get("fields", {}))

    @property
    def summary(self) -> str:
        return readable(str(self.details.get("summary", "")))

    def to_json(self) -> dict[str, Any]:
        return {
            "seq": self.seq, "operation": self.operation, "at": self.at, "author": self.author,
            "label": self.label, "action": self.action, "kind": self.kind,
            "id": self.entity_id, "journey_id": self.journey_id, "details": self.details,
        }  # fmt: skip

    @property
    def shifted(self) -> dict[str, Any]:
        """Ids (-> [old, new] position) of the records whose place among siblings shifted,
        for the one entry that stands for all of them."""
        return dict(self.details.get("shifted", {}))

    def to_changes(self) -> list[Change] | None:
        """The notifications this entry stands for; None for a summary (reload everything)."""
        if self.action not in ("added", "removed", "changed"):
            return None
        if not self.entity_id:
            return [Change("changed", self.kind, i, self.journey_id, ("position",))
                    for i in self.shifted]  # fmt: skip
        return [Change(self.action, self.kind, self.entity_id, self.journey_id,  # type: ignore[arg-type]
                       tuple(self.fields))]  # fmt: skip


def default_author() -> str:
    """Who edits when nobody said: the login name (the CLI's --author and the app's
    settings override it)."""
    try:
        return os.environ.get("CXMAPPER_AUTHOR") or getpass.getuser()
    except (OSError, KeyError):
        return ""


def identify(row: dict[str, Any]) -> dict[str, Any]:
    """The few fields that say which record an addition or removal was about."""
    return {k: row[k] for k in _IDENTIFYING if k in row and row[k] not in (None, "")}


class AuditCollector:
    """What one operation knows beyond its Changes: old/new values and a label."""

    def __init__(self) -> None:
        self.notes: dict[tuple[str, str], dict[str, Any]] = {}
        self.label = ""
        self.summarise = False

    def reset(self) -> None:
        self.notes = {}
        self.label = ""
        self.summarise = False

    def note_fields(self, kind: str, id: str, values: dict[str, tuple[Any, Any]]) -> None:
        fields = self.notes.setdefault((kind, id), {}).setdefault("fields", {})
        for name, (old, new) in values.items():
            fields[name] = [old, new] if name not in fields else [fields[name][0], new]

    def note_record(self, kind: str, id: str, row: dict[str, Any]) -> None:
        self.notes.setdefault((kind, id), {}).update(identify(row))

    def rows(self, changes: list[Change], at: str, author: str) -> list[tuple[Any, ...]]:
        """Rows for the change_log table (without seq and operation), in change order; none
        for an operation that changed nothing (an import with nothing to apply)."""
        if not changes:
            return []
        if self.summarise:
            counts = Counter(f"{c.action} {c.kind}" for c in changes)
            journeys = {c.journey_id for c in changes if c.journey_id}
            journey = next(iter(journeys)) if len(journeys) == 1 else None
            summary = {"summary": self.label, "counts": dict(sorted(counts.items()))}
            return [(at, author, self.label, SUMMARY, "operation", "", journey, _dump(summary))]
        out: list[Any] = []
        shifted: dict[tuple[str, str | None], dict[str, Any]] = {}  # one entry per kind/journey
        for c in changes:
            note = self.notes.get((c.kind, c.id), {})
            details: dict[str, Any] = {k: v for k, v in note.items() if k != "fields"}
            if c.action == "changed":
                known = note.get("fields", {})
                values = {f: known.get(f) for f in c.fields}
                moved = {f for f, v in values.items() if v is None or v[0] != v[1]}
                if moved <= {"position"}:  # only its place among siblings shifted
                    key = (c.kind, c.journey_id)
                    if key not in shifted:
                        shifted[key] = {}
                        out.append(key)  # placeholder: the entry goes where the first was
                    shifted[key][c.id] = values.get("position")
                    continue
                details["fields"] = values
            out.append((at, author, self.label, c.action, c.kind, c.id, c.journey_id,
                        _dump(details)))  # fmt: skip
        return [
            (at, author, self.label, "changed", x[0], "", x[1],
             _dump({"fields": {"position": None}, "shifted": shifted[x]}))
            if len(x) == 2 else x
            for x in out
        ]  # fmt: skip


def _dump(details: dict[str, Any]) -> str:
    return json.dumps(details, ensure_ascii=False, separators=(",", ":"), default=str)


def external_changes(entries: list[LogEntry]) -> list[Change]:
    """The net notifications for entries another process committed, in order; [] when one
    of them cannot be told apart (a summary: reload instead).

    A record added and removed again since the last poll was never seen here, so nothing is
    said about it; a record changed and then removed is only removed.
    """
    changes: list[Change] = []
    for x in entries:
        found = x.to_changes()
        if found is None:
            return []
        changes.extend(found)
    first: dict[tuple[str, str], str] = {}
    last: dict[tuple[str, str], str] = {}
    for c in changes:
        first.setdefault((c.kind, c.id), c.action)
        last[(c.kind, c.id)] = c.action
    out = []
    for c in changes:
        key = (c.kind, c.id)
        if last[key] == "removed" and (c.action != "removed" or first[key] == "added"):
            continue  # gone at the end: only its removal matters, if it was ever seen
        out.append(c)
    return out


def entry_from_row(row: dict[str, Any]) -> LogEntry:
    return LogEntry(
        seq=row["seq"], operation=row["operation"], at=row["at"], author=row["author"],
        label_key=row["label"], action=row["action"], kind=row["kind"], entity_id=row["entity_id"],
        journey_id=row["journey_id"], details=json.loads(row["details"] or "{}"),
    )  # fmt: skip
