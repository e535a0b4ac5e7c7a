"""Reading a workspace: records by kind, id and parent, payloads, meta and the change log.

A mixin of `Workspace` (see workspace.py), kept apart so the class that changes the file stays
small. Nothing is cached: every read goes to the file, so another process's commits are seen.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from cxmapper.errors import WorkspaceError
from cxmapper.model import entities as e
from cxmapper.model.audit import LogEntry, entry_from_row
from cxmapper.model.kinds import kind_info
from cxmapper.model.persistence import log_store
from cxmapper.model.persistence.store import Row, Store


class WorkspaceReads:
    """The read side of `Workspace`; it needs only the open store."""

    _store: Store

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
        return e.from_row(info.cls, row, f"{self._store.path}: table {info.table}")

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

    def change_log(self, **filters: Any) -> list[LogEntry]:
        """The audit trail, oldest first; filters: after_seq, journey_id, entity_id, since and
        until (ISO date or time), author, card_id, limit (see persistence.log_store.select)."""
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
            return str(row["id"])
        if "journey_id" in row:
            return None if row["journey_id"] is None else str(row["journey_id"])
        tp_id = row.get("touchpoint_id")
        if tp_id:
            tp = self._store.get("touchpoints", tp_id)
            return None if tp is None else str(tp["journey_id"])
        return None
