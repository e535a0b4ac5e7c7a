"""Where a journey's cards come from: their lineage across versions and duplicated journeys.

A card's lineage id is stored with it (schema 5): its own id for a card drawn here, the
original's lineage for a card copied by `duplicate_journey` or brought back by a restore. This
module only reads: for each version, how many cards it holds and how many lineages appear in
it for the first time; for each card of the journey now, the first version that held its
lineage (None: drawn after the last version) and, when its lineage names a card of another
journey, that journey (the card is a copy). Nothing is stored, nothing migrated.
"""

from __future__ import annotations

from dataclasses import dataclass

from cxmapper.model import entities as e
from cxmapper.model.versions import current_state, decode_state, versions
from cxmapper.model.workspace import Workspace


@dataclass(frozen=True)
class VersionCards:
    version_id: str
    cards: int
    new_cards: int  # lineages no older version of this journey held


@dataclass(frozen=True)
class CardLineage:
    card_id: str
    title: str
    lineage_id: str
    first_version: str | None  # name of the oldest version holding the lineage
    copied_from: str | None  # name of the journey whose card it was copied from


@dataclass(frozen=True)
class Lineage:
    versions: list[VersionCards]
    cards: list[CardLineage]


def _lineage(t: e.Touchpoint) -> str:
    return t.lineage_id or t.id


def journey_lineage(ws: Workspace, journey_id: str) -> Lineage:
    """Per version, its card counts; per card now, its lineage, first version and origin."""
    found = sorted(versions(ws, journey_id), key=lambda v: v.created_at)
    first_in: dict[str, str] = {}
    per_version = []
    for v in found:
        held = {_lineage(t) for t in decode_state(v.snapshot, v.name).touchpoints}
        new = held - set(first_in)
        for key in new:
            first_in[key] = v.name
        per_version.append(VersionCards(v.id, len(held), len(new)))
    journeys: dict[str, str] = {}
    cards = []
    for t in current_state(ws, journey_id).touchpoints:
        key = _lineage(t)
        origin = None
        if key != t.id:
            source = ws.find("touchpoint", key)
            if source is not None and source.journey_id != journey_id:
                if source.journey_id not in journeys:
                    journeys[source.journey_id] = ws.get("journey", source.journey_id).name
                origin = journeys[source.journey_id]
        cards.append(CardLineage(t.id, t.title, key, first_in.get(key), origin))
    return Lineage(per_version, cards)
