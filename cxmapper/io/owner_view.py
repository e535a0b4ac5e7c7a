"""The part of a journey one owner looks after, for `cxmapper export --xlsx --owner NAME`.

An owner's touchpoints are those they own or are Accountable for; with them go their KPI
readings, RACI, comments and actions, the connectors between them, and the KPIs read on them
or owned by the person. Stages, lanes and people stay whole, so the map keeps its shape and
every name in the workbook resolves. The workbook is an ordinary export of this smaller
snapshot, so it imports back through the same round trip (rows it does not contain are simply
not part of its baseline).
"""

from __future__ import annotations

from cxmapper.errors import CxError
from cxmapper.io.snapshot import JourneySnapshot, on_touchpoints
from cxmapper.model.entities import Party


def find_owner(parties: list[Party], name_or_id: str) -> Party:
    """A person or team by id, exact name, or case-insensitive name."""
    for p in parties:
        if name_or_id in (p.id, p.name):
            return p
    hits = [p for p in parties if p.name.casefold() == name_or_id.casefold()]
    if len(hits) == 1:
        return hits[0]
    names = ", ".join(repr(p.name) for p in parties) or "none"
    raise CxError(f"--owner {name_or_id!r}: no such person or team (people and teams: {names})")


def owner_view(snap: JourneySnapshot, party_id: str) -> JourneySnapshot:
    accountable = {r.touchpoint_id for r in snap.raci if r.party_id == party_id and r.role == "A"}
    cards = [t for t in snap.touchpoints if t.owner_id == party_id or t.id in accountable]
    ids = {t.id for t in cards}

    readings = on_touchpoints(snap.readings, ids)
    kpi_ids = {r.kpi_id for r in readings} | {k.id for k in snap.kpis if k.owner_id == party_id}
    return JourneySnapshot(
        journey=snap.journey, persona=snap.persona, stages=snap.stages, lanes=snap.lanes,
        touchpoints=cards,
        connectors=[c for c in snap.connectors if c.source_id in ids and c.target_id in ids],
        readings=readings, raci=on_touchpoints(snap.raci, ids),
        comments=on_touchpoints(snap.comments, ids),
        actions=on_touchpoints(snap.actions, ids), parties=snap.parties,
        kpis=[k for k in snap.kpis if k.id in kpi_ids],
    )  # fmt: skip
