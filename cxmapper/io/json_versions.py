"""Journey versions in the JSON format (version 2): export them, and re-key them on import.

A version travels as its record with the snapshot as a JSON object (readable, diffable). On
import the ids inside a snapshot follow the ids the import gave the records (an id taken in the
target workspace gets a new one); a record deleted before the export, which only the version
still knows, keeps its id where it is free and the journey keeps its own (a second copy of a
journey gets new ids throughout, so restoring one copy's version cannot collide with the other). Lineage ids are never changed: they are what
recognises a card across versions and copies.
"""

from __future__ import annotations

import json
from typing import Any

from cxmapper.model.versions import PARTS
from cxmapper.model.workspace import Workspace, new_id

# Inside a snapshot: which references point at which kind.
_SNAPSHOT_REFS: dict[str, tuple[tuple[str, str], ...]] = {
    "stage": (("journey_id", "journey"),),
    "lane": (("journey_id", "journey"),),
    "touchpoint": (("journey_id", "journey"), ("stage_id", "stage"), ("lane_id", "lane"),
                   ("owner_id", "party")),
    "connector": (("journey_id", "journey"), ("source_id", "touchpoint"),
                  ("target_id", "touchpoint")),
    "raci": (("touchpoint_id", "touchpoint"), ("party_id", "party")),
    "kpi": (("owner_id", "party"),),
}  # fmt: skip


def export_versions(ws: Workspace, journey_id: str) -> list[dict[str, Any]]:
    out = []
    for v in ws._list("version", {"journey_id": journey_id}):
        record = {k: getattr(v, k) for k in vars(v)}
        record["snapshot"] = json.loads(v.snapshot)
        out.append(record)
    return out


def decode_raw(raw: Any) -> Any:
    """A version record as read from a file: its snapshot object back to the stored text."""
    if isinstance(raw, dict) and isinstance(raw.get("snapshot"), dict):
        raw = {**raw, "snapshot": json.dumps(raw["snapshot"], ensure_ascii=False,
                                             separators=(",", ":"))}  # fmt: skip
    return raw


def journey_record(record: dict[str, Any]) -> dict[str, Any]:
    """A journey's record for the file (format 4): its value model as a JSON object, not text."""
    if isinstance(record.get("value_model"), str):
        record = {**record, "value_model": json.loads(record["value_model"] or "{}")}
    return record


def decode_journey(raw: Any) -> Any:
    """A journey record as read from a file: its value model object back to the stored text."""
    if isinstance(raw, dict) and isinstance(raw.get("value_model"), dict):
        raw = {**raw, "value_model": json.dumps(raw["value_model"], sort_keys=True)}
    return raw


def rekey_snapshot(ws: Workspace, text: str, remap: dict[tuple[str, str], str],
                   fresh: dict[tuple[str, str], str]) -> str:  # fmt: skip
    """The snapshot with every id and reference following the import's new ids."""
    doc = json.loads(text)
    journey_id = doc["journey"]["id"]
    copying = remap.get(("journey", journey_id), journey_id) != journey_id  # a second copy

    def new(kind: str, old: str | None) -> str | None:
        if old is None:
            return None
        if (kind, old) in remap:
            return remap[(kind, old)]
        if kind in ("party", "kpi"):  # not in the file: left as it was (names are kept)
            return old
        if (kind, old) not in fresh:
            free = not copying and ws.find(kind, old) is None
            fresh[(kind, old)] = old if free else new_id()
        return fresh[(kind, old)]

    doc["journey"]["id"] = new("journey", doc["journey"]["id"])
    for key, kind, _ in PARTS:
        for record in doc.get(key, []):
            record["id"] = new(kind, record["id"])
            for column, target in _SNAPSHOT_REFS[kind]:
                if column in record:
                    record[column] = new(target, record[column])
    doc["parties"] = {new("party", p): n for p, n in doc.get("parties", {}).items()}
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":"))


__all__ = ["decode_journey", "decode_raw", "export_versions", "journey_record", "rekey_snapshot"]
