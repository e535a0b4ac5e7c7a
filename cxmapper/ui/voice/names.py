"""Cards of a journey by id: title and stage name, as the Voice views' rows show them."""

from __future__ import annotations

from dataclasses import dataclass

from cxmapper.model.workspace import Workspace


@dataclass(frozen=True)
class CardName:
    title: str
    stage: str


def card_names(ws: Workspace, journey_id: str) -> dict[str, CardName]:
    stages = {s.id: s.name for s in ws.stages(journey_id)}
    return {t.id: CardName(t.title, stages.get(t.stage_id, "")) for t in ws.touchpoints(journey_id)}


def party_names(ws: Workspace) -> dict[str, str]:
    return {p.id: p.name for p in ws.parties()}
