"""One consistent read of everything a journey export needs.

Exporters (Excel, JSON) work from this snapshot instead of querying the workspace cell by cell:
it is read once, in one place, and gives the lookups (party by id, latest reading...) that
every sheet needs.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Protocol, TypeVar

from cxmapper.model import entities as e
from cxmapper.model.governance import GovernanceWarning, governed, raci_warnings
from cxmapper.model.kpi_status import latest_readings
from cxmapper.model.workspace import Workspace


class OnTouchpoint(Protocol):
    """Anything recorded against one touchpoint (readings, RACI, comments, actions)."""

    @property
    def touchpoint_id(self) -> str: ...


T = TypeVar("T", bound=OnTouchpoint)


def on_touchpoints(items: list[T], ids: set[str]) -> list[T]:
    """The items recorded against the touchpoints `ids`, in their order."""
    return [x for x in items if x.touchpoint_id in ids]


@dataclass
class JourneySnapshot:
    journey: e.Journey
    persona: e.Persona | None
    stages: list[e.Stage]
    lanes: list[e.Lane]
    touchpoints: list[e.Touchpoint]
    connectors: list[e.Connector]
    readings: list[e.Reading]
    raci: list[e.Raci]
    comments: list[e.Comment]
    actions: list[e.Action]
    parties: list[e.Party]  # every party of the workspace, in their order
    kpis: list[e.Kpi]  # every KPI definition of the workspace
    party_by_id: dict[str, e.Party] = field(default_factory=dict)
    kpi_by_id: dict[str, e.Kpi] = field(default_factory=dict)
    stage_by_id: dict[str, e.Stage] = field(default_factory=dict)
    lane_by_id: dict[str, e.Lane] = field(default_factory=dict)
    tp_by_id: dict[str, e.Touchpoint] = field(default_factory=dict)
    latest: dict[tuple[str, str], e.Reading] = field(default_factory=dict)
    raci_by_tp: dict[str, list[e.Raci]] = field(default_factory=dict)
    _latest_tp: dict[str, dict[tuple[str, str], e.Reading]] | None = None

    def __post_init__(self) -> None:
        self.party_by_id = {p.id: p for p in self.parties}
        self.kpi_by_id = {k.id: k for k in self.kpis}
        self.stage_by_id = {s.id: s for s in self.stages}
        self.lane_by_id = {ln.id: ln for ln in self.lanes}
        self.tp_by_id = {t.id: t for t in self.touchpoints}
        self.latest = latest_readings(self.readings)
        by_tp: dict[str, list[e.Raci]] = defaultdict(list)
        for r in self.raci:
            by_tp[r.touchpoint_id].append(r)
        self.raci_by_tp = dict(by_tp)

    def party_name(self, party_id: str | None) -> str:
        party = self.party_by_id.get(party_id or "")
        return party.name if party else ""

    def ordered_touchpoints(self) -> list[e.Touchpoint]:
        """Reading order of the map: stage by stage, lane by lane, then the card stack."""
        s_pos = {s.id: i for i, s in enumerate(self.stages)}
        l_pos = {ln.id: i for i, ln in enumerate(self.lanes)}
        return sorted(
            self.touchpoints,
            key=lambda t: (s_pos.get(t.stage_id, 0), l_pos.get(t.lane_id, 0), t.position, t.id),
        )

    def key_reading(self, tp_id: str) -> tuple[e.Kpi, e.Reading] | None:
        """The KPI shown on a card: the one with the most recent reading, preferring one
        with a target (a status is what readers look for)."""
        best: tuple[e.Kpi, e.Reading] | None = None
        for (_, kpi_id), reading in self._latest_by_tp().get(tp_id, {}).items():
            kpi = self.kpi_by_id.get(kpi_id)
            if kpi is None:
                continue
            rank = (kpi.target is not None, reading.measured_at)
            if best is None or rank > (best[0].target is not None, best[1].measured_at):
                best = (kpi, reading)
        return best

    def _latest_by_tp(self) -> dict[str, dict[tuple[str, str], e.Reading]]:
        if self._latest_tp is None:
            cache: dict[str, dict[tuple[str, str], e.Reading]] = defaultdict(dict)
            for key, reading in self.latest.items():
                cache[key[0]][key] = reading
            self._latest_tp = dict(cache)
        return self._latest_tp

    def governed_touchpoints(self) -> list[e.Touchpoint]:
        """Cards that need RACI: not the customer's thoughts and emotions."""
        return governed(self.ordered_touchpoints(), self.lanes)

    def warnings(self) -> list[GovernanceWarning]:
        return raci_warnings(self.ordered_touchpoints(), self.raci, self.lanes)

    def referenced_party_ids(self) -> set[str]:
        """Parties this journey mentions (owners, RACI, their teams): what a JSON export carries."""
        ids = {t.owner_id for t in self.touchpoints}
        ids |= {r.owner_id for r in self.readings} | {r.party_id for r in self.raci}
        ids |= {a.owner_id for a in self.actions}
        ids |= {
            self.kpi_by_id[k].owner_id for k in self.referenced_kpi_ids() if k in self.kpi_by_id
        }
        ids.discard(None)
        frontier = set(ids)
        while frontier:  # teams of people, and teams of teams
            teams = {self.party_by_id[p].team_id for p in frontier if p in self.party_by_id}
            teams.discard(None)
            frontier = teams - ids
            ids |= frontier
        return {i for i in ids if i in self.party_by_id}

    def referenced_kpi_ids(self) -> set[str]:
        return {r.kpi_id for r in self.readings}


def take_snapshot(ws: Workspace, journey_id: str) -> JourneySnapshot:
    journey = ws.get("journey", journey_id)
    touchpoints = ws.touchpoints(journey_id)
    tp_ids = {t.id for t in touchpoints}

    persona = ws.find("persona", journey.persona_id) if journey.persona_id else None
    return JourneySnapshot(
        journey=journey, persona=persona, stages=ws.stages(journey_id), lanes=ws.lanes(journey_id),
        touchpoints=touchpoints, connectors=ws.connectors(journey_id),
        readings=on_touchpoints(ws.readings(), tp_ids), raci=on_touchpoints(ws.raci(), tp_ids),
        comments=on_touchpoints(ws.comments(), tp_ids),
        actions=on_touchpoints(ws.actions(), tp_ids),
        parties=ws.parties(), kpis=ws.kpis(),
    )  # fmt: skip
