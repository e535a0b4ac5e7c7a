"""Typed constructors (add_journey, add_touchpoint, assign, ...) and composite operations.

A mixin of `Workspace`: each constructor builds the record with a fresh id and checks what the
generic `add` cannot know (a card's cell, a connector's two ends), then adds it in one
transaction through `Workspace.add`.
"""

from __future__ import annotations

import dataclasses
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any, TypeVar

from cxmapper.errors import ValidationError, WorkspaceError
from cxmapper.model import entities as e
from cxmapper.model.ids import kind_of, new_id, now_iso
from cxmapper.model.kinds import kind_info
from cxmapper.model.workspace_reads import WorkspaceReads
from cxmapper.present import keyed_text, log_labels

if TYPE_CHECKING:
    from cxmapper.model.changes import Change

E = TypeVar("E", bound=e.Entity)


class WorkspaceBuilders(WorkspaceReads):
    """Constructors on top of the generic writes that `Workspace` defines."""

    if TYPE_CHECKING:  # defined by Workspace

        def add(self, entity: E, index: int | None = None) -> E: ...

        def _operation(self) -> AbstractContextManager[list[Change]]: ...

        def logged_as(
            self, label: str, *, summarise: bool = False
        ) -> AbstractContextManager[None]: ...

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
        label = keyed_text.keyed(log_labels.IMPORTED_DATASET, name=repr(name), events=n_events,
                                 cases=n_cases)  # fmt: skip
        with self.logged_as(label, summarise=True):
            added = self.add(ds)
            self._store.write_chunks(ds.id, payload)
        return added

    def add_with_payload(self, entity: E, payload: bytes) -> E:
        """Insert a record that owns stored chunks (a survey) and its payload, in one step."""
        with self._operation():
            added = self.add(entity)
            self._store.write_chunks(added.id, payload, kind_info(kind_of(entity)).table)
        return added

    # -- composite operations ----------------------------------------------------------------

    def duplicate_journey(self, journey_id: str, name: str | None = None) -> e.Journey:
        """A deep copy with new ids: structure, cards, links, KPI history, RACI, notes.

        Stages, lanes, cards and connectors keep the lineage of their originals, so versions
        and diffs recognise them in the copy."""
        src: e.Journey = self.get("journey", journey_id)
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
