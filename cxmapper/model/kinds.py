"""Which table, record type and ordering scope each kind of entity has."""

from __future__ import annotations

from dataclasses import dataclass

from cxmapper.model import entities as e


@dataclass(frozen=True)
class KindInfo:
    name: str
    table: str
    cls: type
    scope: tuple[str, ...] | None  # columns that group siblings for `position`; None: unordered
    order_by: tuple[str, ...]


KINDS: dict[str, KindInfo] = {
    k.name: k
    for k in (
        KindInfo("party", "parties", e.Party, (), ("position", "name")),
        KindInfo("persona", "personas", e.Persona, (), ("position", "name")),
        KindInfo("kpi", "kpis", e.Kpi, (), ("position", "name")),
        KindInfo("journey", "journeys", e.Journey, (), ("position", "created_at")),
        KindInfo("stage", "stages", e.Stage, ("journey_id",), ("position", "id")),
        KindInfo("lane", "lanes", e.Lane, ("journey_id",), ("position", "id")),
        KindInfo(
            "touchpoint", "touchpoints", e.Touchpoint, ("stage_id", "lane_id"), ("position", "id")
        ),
        KindInfo("connector", "connectors", e.Connector, None, ("rowid",)),
        KindInfo("reading", "readings", e.Reading, None, ("measured_at", "rowid")),
        KindInfo("raci", "raci", e.Raci, None, ("rowid",)),
        KindInfo("comment", "comments", e.Comment, None, ("created_at", "rowid")),
        KindInfo("action", "actions", e.Action, None, ("created_at", "rowid")),
        KindInfo("dataset", "datasets", e.Dataset, None, ("imported_at", "rowid")),
        KindInfo("survey", "surveys", e.Survey, None, ("imported_at", "rowid")),
        KindInfo("version", "journey_versions", e.JourneyVersion, None, ("created_at", "rowid")),
    )
}
KIND_OF_TABLE: dict[str, str] = {k.table: k.name for k in KINDS.values()}


def kind_info(kind: str) -> KindInfo:
    try:
        return KINDS[kind]
    except KeyError:
        raise ValueError(f"unknown kind of entity: {kind!r}") from None
