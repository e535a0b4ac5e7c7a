"""Where a journey diff goes on the canvas: which card gets which mark, where ghosts sit.

The canvas always shows the journey as it is now; a diff compares two saved states (two
versions, or a version and now). Its card differences are placed on the cards of the current
map they name: by id first (versions keep ids), then by lineage (a restored or duplicated
card). A removed card becomes a ghost in the cell it had in the older state (its stage and
lane found on the current map the same way). What cannot be placed (a card of the newer
version that is no longer on the map, a ghost whose stage is gone) is counted, so the legend
can say how much the map does not show. No Qt items here: this is the plan the layer draws.

Connectors are placed the same way: an added or changed connector of the current map is
highlighted, a removed one becomes a ghost line between its ends as they are now (a card of
the map, or the ghost of a removed card). RACI and owner changes and KPI target changes are
listed on the cards they concern (a KPI's are the cards it is read on). Every difference of
the diff is counted exactly once in one legend row (`counts`), in `not_shown`, or in
`elsewhere` (stages, lanes and the journey itself, which the list shows): the legend adds up.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from PySide6.QtCore import QCoreApplication

from cxmapper.model import entities as e
from cxmapper.model.versions import JourneyState
from cxmapper.model.versions_diff import Difference, FieldChange, JourneyDiff
from cxmapper.present.labels import field_label

Cell = tuple[str, str]
MARKED = ("added", "changed", "moved")  # changes drawn on a card of the current map
BADGES = ("people", "kpi")  # RACI / owner and KPI target changes, badges on their cards
LINKS = ("link added", "link removed", "link changed")  # connector differences
ROWS = ("added", "removed", "changed", "moved", *LINKS, *BADGES)  # the legend's rows, in order
End = tuple[str, str]  # ("card", current card id) or ("ghost", the removed card's key)


@dataclass(frozen=True)
class Ghost:
    """A removed card, drawn where it was: cell of the current map and its title."""

    key: str  # the lineage the diff names it by
    title: str
    cell: Cell
    tooltip: str


@dataclass(frozen=True)
class GhostLink:
    """A removed connector, drawn between its ends as the current map has them."""

    key: str
    source: End
    target: End
    tooltip: str


@dataclass
class DiffPlan:
    marks: dict[str, set[str]] = field(default_factory=dict)  # current card id -> changes
    tooltips: dict[str, list[str]] = field(default_factory=dict)  # current card id -> lines
    ghosts: list[Ghost] = field(default_factory=list)
    links: dict[str, str] = field(default_factory=dict)  # current connector id -> change
    link_tooltips: dict[str, str] = field(default_factory=dict)  # current connector id -> text
    ghost_links: list[GhostLink] = field(default_factory=list)
    shown: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ROWS, 0))
    not_shown: int = 0  # differences with no place on the current map
    elsewhere: int = 0  # stage, lane and journey differences: in the list, not on the cards

    people: dict[str, list[str]] = field(default_factory=dict)  # card id / ghost key -> lines

    def mark(self, tp_id: str, change: str, lines: list[str]) -> None:
        self.marks.setdefault(tp_id, set()).add(change)
        self.tooltips.setdefault(tp_id, []).extend(lines)

    def mark_people(self, tp_id: str, line: str) -> None:
        self.marks.setdefault(tp_id, set()).add("people")
        self.people.setdefault(tp_id, []).append(line)

    def ghost_tooltip(self, ghost: Ghost) -> str:
        """A ghost's tooltip: where the card was, and the roles it had (gone with it)."""
        lines = [ghost.tooltip]
        if ghost.key in self.people:
            title = QCoreApplication.translate("DiffLayer", "Roles and owners:")
            lines += [title] + ["  " + line for line in self.people[ghost.key]]
        return "\n".join(lines)

    def tooltip(self, tp_id: str) -> str:
        """A card's tooltip: its own changes, its KPIs', then its roles and owner's."""
        lines = list(self.tooltips.get(tp_id, []))
        if tp_id in self.people:
            title = QCoreApplication.translate("DiffLayer", "Roles and owners:")
            lines += [title] + ["  " + line for line in self.people[tp_id]]
        return "\n".join(lines)

    def ghost_cells(self) -> dict[Cell, list[Ghost]]:
        out: dict[Cell, list[Ghost]] = {}
        for g in self.ghosts:
            out.setdefault(g.cell, []).append(g)
        return out

    def counts(self) -> dict[str, int]:
        """Differences per legend row (`ROWS`): with `not_shown` and `elsewhere`, every
        difference of the diff once."""
        return dict(self.shown)

    def total(self) -> int:
        return sum(self.shown.values()) + self.not_shown + self.elsewhere


def _value(v: Any) -> str:
    if v is None or v == "" or v == []:
        return "—"
    if isinstance(v, list):
        return ", ".join(str(x) for x in v)
    return str(v)


def _field_name(name: str) -> str:
    try:
        return field_label(name)
    except KeyError:
        return name.replace("_", " ")


def change_line(f: FieldChange) -> str:
    """'title: Search → Find', the line a tooltip shows per changed field."""
    return f"{_field_name(f.field)}: {_value(f.old)} → {_value(f.new)}"


class _Finder:
    """Ids of the current map by id, then by lineage."""

    def __init__(self, items: dict[str, Any]) -> None:
        self.ids = set(items)
        self.by_lineage: dict[str, str] = {}
        for x in items.values():
            self.by_lineage.setdefault(x.lineage_id or x.id, x.id)

    def find(self, item_id: str | None, lineage: str) -> str | None:
        if item_id is not None and item_id in self.ids:
            return item_id
        return self.by_lineage.get(lineage)


@dataclass
class MapNow:
    """The current map as the canvas mirror holds it: what a plan places differences on."""

    tps: dict[str, e.Touchpoint]
    stages: dict[str, e.Stage]
    lanes: dict[str, e.Lane]
    connectors: dict[str, e.Connector] = field(default_factory=dict)
    kpi_cards: dict[str, list[str]] = field(default_factory=dict)  # KPI id -> cards read on


def plan(diff: JourneyDiff, before: JourneyState, after: JourneyState, now: MapNow) -> DiffPlan:
    """Place every difference of `diff` (from `before` to `after`) on the current map `now`:
    `before` gives a removed card's old cell and a removed connector's ends, `after` the card
    an added RACI assignment is on."""
    out = DiffPlan()
    cards, stage_of, lane_of = _Finder(now.tps), _Finder(now.stages), _Finder(now.lanes)
    old_cards = {t.id: t for t in before.touchpoints}
    old_stages = {s.id: s for s in before.stages}
    old_lanes = {ln.id: ln for ln in before.lanes}
    for d in diff.select(kind="touchpoint"):
        if d.change == "removed":
            ghost = _ghost(d, old_cards, old_stages, old_lanes, stage_of, lane_of)
            if ghost is None:
                out.not_shown += 1
            else:
                out.ghosts.append(ghost)
                out.shown["removed"] += 1
            continue
        tp_id = cards.find(d.id_after, d.key)
        if tp_id is None:
            out.not_shown += 1
            continue
        owner = [f for f in d.fields if f.field == "owner"]
        if d.change == "changed" and len(owner) == len(d.fields):  # only the owner: a badge
            out.mark_people(tp_id, change_line(owner[0]))
            out.shown["people"] += 1
            continue
        rest = tuple(f for f in d.fields if f.field != "owner") if d.change == "changed" else ()
        out.mark(tp_id, d.change, _tip_lines(replace(d, fields=rest) if rest else d))
        if owner:
            out.mark_people(tp_id, change_line(owner[0]))
        out.shown[d.change] += 1
    out.elsewhere = sum(d.kind in ("journey", "stage", "lane") for d in diff.differences)
    ghost_keys = {g.key for g in out.ghosts}
    _plan_links(diff, before, now, cards, ghost_keys, out)
    _plan_raci(diff, before, after, cards, ghost_keys, out)
    _plan_kpis(diff, now, out)
    return out


def _plan_links(
    diff: JourneyDiff,
    before: JourneyState,
    now: MapNow,
    cards: _Finder,
    ghost_keys: set[str],
    out: DiffPlan,
) -> None:
    links = _Finder(now.connectors)
    old_links = {c.id: c for c in before.connectors}
    old_cards = {t.id: t for t in before.touchpoints}

    def end(card_id: str) -> End | None:
        old = old_cards.get(card_id)
        key = (old.lineage_id or old.id) if old is not None else card_id
        found = cards.find(card_id, key)
        if found is not None:
            return ("card", found)
        return ("ghost", key) if key in ghost_keys else None

    for d in diff.select(kind="connector"):
        if d.change == "removed":
            old = old_links.get(d.id_before or "")
            ends = (end(old.source_id), end(old.target_id)) if old is not None else (None, None)
            if ends[0] is None or ends[1] is None:
                out.not_shown += 1
                continue
            tip = QCoreApplication.translate("DiffLayer", "Removed connector: {arrow}")
            out.ghost_links.append(GhostLink(d.key, ends[0], ends[1], tip.format(arrow=d.label)))
            out.shown["link removed"] += 1
            continue
        c_id = links.find(d.id_after, d.key)
        if c_id is None:
            out.not_shown += 1
            continue
        if d.change == "added":
            tip = QCoreApplication.translate("DiffLayer", "Added connector: {arrow}")
            text = tip.format(arrow=d.label)
        else:
            tip = QCoreApplication.translate("DiffLayer", "Changed connector: {arrow}")
            text = "\n".join(
                [tip.format(arrow=d.label)] + ["  " + change_line(f) for f in d.fields]
            )
        out.links[c_id] = d.change
        out.link_tooltips[c_id] = text
        out.shown[f"link {d.change}"] += 1


def _plan_raci(
    diff: JourneyDiff,
    before: JourneyState,
    after: JourneyState,
    cards: _Finder,
    ghost_keys: set[str],
    out: DiffPlan,
) -> None:
    """A RACI change is listed on its card; one of a removed card, on its ghost."""
    records = {("removed", r.id): r for r in before.raci} | {("added", r.id): r for r in after.raci}
    for d in diff.select(kind="raci"):
        r = records.get((d.change, (d.id_before if d.change == "removed" else d.id_after) or ""))
        card_key = d.key.split("/")[0]
        tp_id = cards.find(r.touchpoint_id if r else None, card_key)
        on_ghost = tp_id is None and card_key in ghost_keys
        if (tp_id is None and not on_ghost) or r is None:
            out.not_shown += 1
            continue
        state = before if d.change == "removed" else after
        who = f"{state.party_name(r.party_id)}: {r.role}"
        line = (
            QCoreApplication.translate("DiffLayer", "added {who}")
            if d.change == "added"
            else QCoreApplication.translate("DiffLayer", "removed {who}")
        ).format(who=who)
        if tp_id is None:  # not a card of the map: listed by the ghost's tooltip
            out.people.setdefault(card_key, []).append(line)
        else:
            out.mark_people(tp_id, line)
        out.shown["people"] += 1


def _plan_kpis(diff: JourneyDiff, now: MapNow, out: DiffPlan) -> None:
    for d in diff.select(kind="kpi"):
        on = [t for t in now.kpi_cards.get(d.id_after or d.key, []) if t in now.tps]
        if not on:
            out.not_shown += 1
            continue
        title = QCoreApplication.translate("DiffLayer", "KPI {name}:").format(name=d.label)
        for tp_id in on:
            out.mark(tp_id, "kpi", [title] + ["  " + change_line(f) for f in d.fields])
        out.shown["kpi"] += 1


def _tip_lines(d: Difference) -> list[str]:
    if d.change == "added":
        return [QCoreApplication.translate("DiffLayer", "Added")]
    if d.change == "moved":
        return [
            QCoreApplication.translate("DiffLayer", "Moved")
            + ": "
            + "; ".join(change_line(f) for f in d.fields)
        ]
    return [QCoreApplication.translate("DiffLayer", "Changed") + ":"] + [
        "  " + change_line(f) for f in d.fields
    ]


def _ghost(
    d: Difference,
    old_cards: dict[str, e.Touchpoint],
    old_stages: dict[str, e.Stage],
    old_lanes: dict[str, e.Lane],
    stage_of: _Finder,
    lane_of: _Finder,
) -> Ghost | None:
    old = old_cards.get(d.id_before or "")
    if old is None:
        return None
    s, ln = old_stages.get(old.stage_id), old_lanes.get(old.lane_id)
    stage = stage_of.find(old.stage_id, (s.lineage_id or s.id) if s else old.stage_id)
    lane = lane_of.find(old.lane_id, (ln.lineage_id or ln.id) if ln else old.lane_id)
    if stage is None or lane is None:
        return None
    where = f"{s.name if s else '?'} / {ln.name if ln else '?'}"
    tip = QCoreApplication.translate("DiffLayer", "Removed: {title} (was in {where})").format(
        title=old.title, where=where
    )
    return Ghost(d.key, old.title, (stage, lane), tip)
