"""An in-memory mirror of one journey, kept current from Change events.

The workspace reads from the file on every call; painting thousands of cards cannot. The
mirror loads the journey once, then applies each Change by re-reading only the entity it
names, and reports what the scene must redo (`Dirty`), so one edited card re-lays out its
cell, not the canvas.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from cxmapper.model import entities as e
from cxmapper.model.changes import Change
from cxmapper.model.kpi_status import latest_readings, status
from cxmapper.model.workspace import Workspace
from cxmapper.present.card_text import badge_tooltip, format_badge_value
from cxmapper.ui.canvas import style
from cxmapper.ui.canvas.items.card import Badge, CardContent

Cell = tuple[str, str]
PLACEMENT_FIELDS = frozenset({"stage_id", "lane_id", "position"})


@dataclass
class Dirty:
    everything: bool = False
    structure: bool = False  # stages or lanes added, removed, reordered, resized, renamed
    cells: set[Cell] = field(default_factory=set)
    cards: set[str] = field(default_factory=set)  # content to refresh (or create)
    removed_cards: set[str] = field(default_factory=set)
    connectors: set[str] = field(default_factory=set)  # create or restyle
    removed_connectors: set[str] = field(default_factory=set)
    emotion: bool = False
    journey_gone: bool = False
    fetch: dict[str, tuple[bool, frozenset[str]]] = field(
        default_factory=dict
    )  # id -> (added, fields)

    def __bool__(self) -> bool:
        return bool(
            self.everything or self.structure or self.cells or self.cards or self.removed_cards
            or self.connectors or self.removed_connectors or self.emotion or self.journey_gone
            or self.fetch
        )  # fmt: skip


class JourneyMirror:
    def __init__(self, workspace: Workspace, journey_id: str) -> None:
        self.ws = workspace
        self.journey_id = journey_id
        self.load()

    def load(self) -> None:
        ws, jid = self.ws, self.journey_id
        journey = ws.find("journey", jid)
        self.journey_name = journey.name if journey else ""
        self.stages: dict[str, e.Stage] = {s.id: s for s in ws.stages(jid)}
        self.lanes: dict[str, e.Lane] = {ln.id: ln for ln in ws.lanes(jid)}
        self.tps: dict[str, e.Touchpoint] = {t.id: t for t in ws.touchpoints(jid)}
        self.cells: dict[Cell, list[str]] = {}
        for t in self.tps.values():  # already ordered by position
            self.cells.setdefault((t.stage_id, t.lane_id), []).append(t.id)
        self.connectors: dict[str, e.Connector] = {c.id: c for c in ws.connectors(jid)}
        self.by_card: dict[str, set[str]] = {}
        for c in self.connectors.values():
            self._link(c)
        self.parties: dict[str, str] = {p.id: p.name for p in ws.parties()}
        self.kpis: dict[str, e.Kpi] = {k.id: k for k in ws.kpis()}
        self.latest: dict[str, dict[str, e.Reading]] = {}
        self.reading_tp: dict[str, str] = {}
        readings = ws.readings()
        for (tp_id, kpi_id), r in latest_readings(readings).items():
            if tp_id in self.tps:
                self.latest.setdefault(tp_id, {})[kpi_id] = r
        for r in readings:
            self.reading_tp[r.id] = r.touchpoint_id
        self.notes: dict[str, dict[str, str]] = {"comment": {}, "action": {}}  # id -> tp id
        for comment in ws.comments():
            self.notes["comment"][comment.id] = comment.touchpoint_id
        for a in ws.actions():
            self.notes["action"][a.id] = a.touchpoint_id
        self._counts: dict[str, dict[str, int]] = {"comment": {}, "action": {}}
        for kind, notes in self.notes.items():
            for tp_id in notes.values():
                self._counts[kind][tp_id] = self._counts[kind].get(tp_id, 0) + 1

    # -- reads -------------------------------------------------------------------------------

    def stage_order(self) -> list[e.Stage]:
        return sorted(self.stages.values(), key=lambda s: (s.position, s.id))

    def lane_order(self) -> list[e.Lane]:
        return sorted(self.lanes.values(), key=lambda ln: (ln.position, ln.id))

    def sort_cell(self, cell: Cell) -> list[str]:
        ids = self.cells.get(cell, [])
        ids.sort(key=lambda i: (self.tps[i].position, i))
        return ids

    def content(self, tp_id: str) -> CardContent:
        t = self.tps[tp_id]
        badges = []
        for kpi_id, reading in sorted(
            self.latest.get(tp_id, {}).items(),
            key=lambda kv: (
                (self.kpis[kv[0]].position, self.kpis[kv[0]].name)
                if kv[0] in self.kpis
                else (0, "")
            ),
        ):
            kpi = self.kpis.get(kpi_id)
            if kpi is None:
                continue
            value = format_badge_value(reading.value)
            state = status(kpi, reading.value)
            tip = badge_tooltip(kpi, reading.value, state)
            mark = style.STATUS_MARKS.get(state, "")  # status not by colour alone
            badges.append(Badge(f"{mark} {kpi.name} {value}".strip(), state, tip))
        return CardContent(
            title=t.title,
            channel=t.channel,
            owner=self.parties.get(t.owner_id or "", ""),
            badges=tuple(badges),
            emotion=t.emotion,
            comments=self._counts["comment"].get(tp_id, 0),
            actions=self._counts["action"].get(tp_id, 0),
            is_goal=t.is_goal,
            tags=tuple(t.tags),
        )

    def is_emotion_lane(self, lane_id: str) -> bool:
        lane = self.lanes.get(lane_id)
        return lane is not None and lane.kind == "emotions"

    # -- applying changes --------------------------------------------------------------------

    def apply(self, change: Change, dirty: Dirty) -> None:
        if change.action == "reloaded":
            self.load()
            dirty.everything = True
            return
        handler = getattr(self, f"_apply_{change.kind}", None)
        if handler is not None:
            handler(change, dirty)

    def _apply_journey(self, change: Change, dirty: Dirty) -> None:
        if change.id != self.journey_id:
            return
        if change.action == "removed":
            dirty.journey_gone = True
            return
        journey = self.ws.find("journey", change.id)
        if journey is not None:
            self.journey_name = journey.name
            dirty.structure = True

    def _apply_stage(self, change: Change, dirty: Dirty) -> None:
        self._apply_band(change, dirty, self.stages, "stage")

    def _apply_lane(self, change: Change, dirty: Dirty) -> None:
        self._apply_band(change, dirty, self.lanes, "lane")

    def _apply_band(self, change: Change, dirty: Dirty, table: dict[str, Any], kind: str) -> None:
        if change.journey_id != self.journey_id and change.id not in table:
            return
        dirty.structure = True
        dirty.emotion = True
        if change.action == "removed":
            table.pop(change.id, None)
            for cell in [c for c in self.cells if change.id in c]:
                del self.cells[cell]
            return
        if change.action == "added":
            # an insertion at an index renumbers the siblings without a Change of their own
            siblings = self.ws.stages if kind == "stage" else self.ws.lanes
            table.update({x.id: x for x in siblings(self.journey_id)})
            return
        entity = self.ws.find(kind, change.id)
        if entity is not None:
            table[change.id] = entity

    def _apply_touchpoint(self, change: Change, dirty: Dirty) -> None:
        """Removals apply at once; additions and edits are fetched together in `resolve`
        (one query for the 100 Changes a multi-card move produces)."""
        if change.journey_id != self.journey_id and change.id not in self.tps:
            return
        dirty.emotion = True
        if change.action == "removed":
            dirty.fetch.pop(change.id, None)
            old = self.tps.pop(change.id, None)
            if old is not None:
                self._unplace(old, dirty)
            dirty.removed_cards.add(change.id)
            dirty.cards.discard(change.id)
            return
        added, fields = dirty.fetch.get(change.id, (False, frozenset()))
        dirty.fetch[change.id] = (added or change.action == "added", fields | set(change.fields))

    def resolve(self, dirty: Dirty) -> None:
        """Read the touchpoints named by pending Changes and place them in their cells."""
        if not dirty.fetch:
            return
        pending, dirty.fetch = dirty.fetch, {}
        fresh = {t.id: t for t in self.ws.touchpoints_by_id(list(pending))}
        renumbered: set[Cell] = set()
        for tp_id, (added, fields) in pending.items():
            tp = fresh.get(tp_id)
            if tp is None or tp.journey_id != self.journey_id:
                continue
            old = self.tps.get(tp_id)
            self.tps[tp_id] = tp
            cell = (tp.stage_id, tp.lane_id)
            if old is None or (old.stage_id, old.lane_id) != cell:
                if old is not None:
                    self._unplace(old, dirty)
                self.cells.setdefault(cell, []).append(tp_id)
            if added and old is None:
                renumbered.add(cell)
            dirty.cells.add(cell)
            dirty.removed_cards.discard(tp_id)
            if old is None or not PLACEMENT_FIELDS.issuperset(fields):
                dirty.cards.add(tp_id)
        for stage_id, lane_id in renumbered:
            # an insertion at an index renumbers the cell without Changes for the others
            for sibling in self.ws.cell(stage_id, lane_id):
                if sibling.id in self.tps:
                    self.tps[sibling.id].position = sibling.position

    def _unplace(self, tp: e.Touchpoint, dirty: Dirty) -> None:
        cell = (tp.stage_id, tp.lane_id)
        ids = self.cells.get(cell)
        if ids is not None and tp.id in ids:
            ids.remove(tp.id)
            dirty.cells.add(cell)

    def _apply_connector(self, change: Change, dirty: Dirty) -> None:
        if change.journey_id != self.journey_id and change.id not in self.connectors:
            return
        old = self.connectors.pop(change.id, None)
        if old is not None:
            self._unlink(old)
        if change.action == "removed":
            dirty.removed_connectors.add(change.id)
            dirty.connectors.discard(change.id)
            return
        c = self.ws.find("connector", change.id)
        if c is not None:
            self.connectors[c.id] = c
            self._link(c)
            dirty.connectors.add(c.id)
            dirty.removed_connectors.discard(c.id)

    def _link(self, c: e.Connector) -> None:
        self.by_card.setdefault(c.source_id, set()).add(c.id)
        self.by_card.setdefault(c.target_id, set()).add(c.id)

    def _unlink(self, c: e.Connector) -> None:
        for tp_id in (c.source_id, c.target_id):
            self.by_card.get(tp_id, set()).discard(c.id)

    def _apply_party(self, change: Change, dirty: Dirty) -> None:
        party = self.ws.find("party", change.id) if change.action != "removed" else None
        if party is None:
            self.parties.pop(change.id, None)
        else:
            self.parties[party.id] = party.name
        dirty.cards.update(t.id for t in self.tps.values() if t.owner_id == change.id)

    def _apply_kpi(self, change: Change, dirty: Dirty) -> None:
        kpi = self.ws.find("kpi", change.id) if change.action != "removed" else None
        if kpi is None:
            self.kpis.pop(change.id, None)
        else:
            self.kpis[kpi.id] = kpi
        dirty.cards.update(tp for tp, by_kpi in self.latest.items() if change.id in by_kpi)

    def _apply_reading(self, change: Change, dirty: Dirty) -> None:
        tp_id = self.reading_tp.get(change.id)
        if change.action != "removed":
            r = self.ws.find("reading", change.id)
            tp_id = r.touchpoint_id if r is not None else tp_id
            if r is not None:
                self.reading_tp[r.id] = r.touchpoint_id
        else:
            self.reading_tp.pop(change.id, None)
        if tp_id is None or (tp_id not in self.tps and tp_id not in dirty.fetch):
            return
        latest = latest_readings(self.ws.readings(touchpoint_id=tp_id))
        self.latest[tp_id] = {k: r for (_, k), r in latest.items()}
        dirty.cards.add(tp_id)

    def _apply_comment(self, change: Change, dirty: Dirty) -> None:
        self._apply_note("comment", change, dirty)

    def _apply_action(self, change: Change, dirty: Dirty) -> None:
        self._apply_note("action", change, dirty)

    def _apply_note(self, kind: str, change: Change, dirty: Dirty) -> None:
        notes, counts = self.notes[kind], self._counts[kind]
        old_tp = notes.pop(change.id, None)
        if old_tp is not None:
            counts[old_tp] = counts.get(old_tp, 1) - 1
            dirty.cards.add(old_tp)
        if change.action != "removed":
            note = self.ws.find(kind, change.id)
            if note is not None:
                notes[note.id] = note.touchpoint_id
                counts[note.touchpoint_id] = counts.get(note.touchpoint_id, 0) + 1
                dirty.cards.add(note.touchpoint_id)
        dirty.cards = {t for t in dirty.cards if t in self.tps or t in dirty.fetch}
