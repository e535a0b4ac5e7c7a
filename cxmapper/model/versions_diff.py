"""What changed between two states of a journey (two versions, or a version and now).

Records are matched by id first (versions of one journey keep ids), then by lineage (a
duplicated journey has new ids but the lineage of its originals). One edit gives one
difference: a card renamed is `changed` (fields old -> new), a card dragged to another cell
is `moved` (stage / lane old -> new), siblings whose place in a stack shifted because of it are
not differences. Stages and lanes are `moved` only when their order among the stages (lanes)
both states share changed, counted minimally (the longest run kept in order stays put).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any

from cxmapper.model.versions import JourneyState

TOUCHPOINT_FIELDS = ("title", "description", "channel", "component", "emotion", "tags",
                     "is_goal", "match_events", "match_patterns")  # fmt: skip
STAGE_FIELDS = ("name", "description")
LANE_FIELDS = ("name", "kind")
CONNECTOR_FIELDS = ("label", "kind")
KPI_FIELDS = ("target", "tolerance", "direction", "unit", "frequency")
JOURNEY_FIELDS = ("description", "state")
_getters: dict[tuple[str, ...], Any] = {}


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: Any
    new: Any


@dataclass(frozen=True)
class Difference:
    """One difference. `kind`: journey, stage, lane, touchpoint, connector, raci, kpi;
    `change`: added, removed, changed, moved. `key` is the lineage both sides share."""

    kind: str
    change: str
    key: str
    label: str
    id_before: str | None = None
    id_after: str | None = None
    fields: tuple[FieldChange, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind, "change": self.change, "key": self.key, "label": self.label,
            "id_before": self.id_before, "id_after": self.id_after,
            "fields": [{"field": f.field, "old": f.old, "new": f.new} for f in self.fields],
        }  # fmt: skip


@dataclass
class JourneyDiff:
    before: str
    after: str
    differences: list[Difference] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for d in self.differences:
            out[f"{d.change} {d.kind}"] = out.get(f"{d.change} {d.kind}", 0) + 1
        return dict(sorted(out.items()))

    def select(self, kind: str | None = None, change: str | None = None) -> list[Difference]:
        return [
            d
            for d in self.differences
            if (kind is None or d.kind == kind) and (change is None or d.change == change)
        ]

    def to_json(self) -> dict[str, Any]:
        return {"from": self.before, "to": self.after, "counts": self.counts(),
                "differences": [d.to_json() for d in self.differences]}  # fmt: skip


def _lineage(x: Any) -> str:
    return getattr(x, "lineage_id", "") or x.id


def match(
    before: list[Any], after: list[Any]
) -> tuple[list[tuple[Any, Any]], list[Any], list[Any]]:
    """(pairs, removed, added): by id, then what is left by lineage."""
    after_by_id = {x.id: x for x in after}
    pairs, rest = [], []
    for b in before:
        a = after_by_id.pop(b.id, None)
        (pairs.append((b, a)) if a is not None else rest.append(b))
    by_lineage: dict[str, list[Any]] = {}
    for a in after_by_id.values():
        by_lineage.setdefault(_lineage(a), []).append(a)
    removed = []
    for b in rest:
        candidates = by_lineage.get(_lineage(b))
        if candidates:
            a = candidates.pop(0)
            pairs.append((b, a))
            del after_by_id[a.id]
        else:
            removed.append(b)
    return pairs, removed, list(after_by_id.values())


def _field_changes(b: Any, a: Any, names: tuple[str, ...]) -> list[FieldChange]:
    get = _getters.get(names) or _getters.setdefault(names, attrgetter(*names))
    if get(b) == get(a):  # the common case, decided in C
        return []
    return [
        FieldChange(n, getattr(b, n), getattr(a, n))
        for n in names
        if getattr(b, n) != getattr(a, n)
    ]


def _moved_in_order(pairs: list[tuple[Any, Any]]) -> set[str]:
    """Ids (before) of the ordered items that moved: all but a longest increasing run."""
    ordered = sorted(pairs, key=lambda p: (p[0].position, p[0].id))
    after_rank = {
        p[1].id: i for i, p in enumerate(sorted(pairs, key=lambda p: (p[1].position, p[1].id)))
    }
    ranks = [after_rank[a.id] for _, a in ordered]
    tails: list[int] = []
    tail_idx: list[int] = []
    prev = [-1] * len(ranks)
    for i, r in enumerate(ranks):
        j = bisect_left(tails, r)
        if j == len(tails):
            tails.append(r)
            tail_idx.append(i)
        else:
            tails[j] = r
            tail_idx[j] = i
        prev[i] = tail_idx[j - 1] if j else -1
    keep: set[int] = set()
    i = tail_idx[-1] if tail_idx else -1
    while i >= 0:
        keep.add(i)
        i = prev[i]
    return {ordered[i][0].id for i in range(len(ordered)) if i not in keep}


def diff_states(before: JourneyState, after: JourneyState) -> JourneyDiff:
    """Every difference from `before` to `after`, in map order (structure, cards, links...)."""
    out = JourneyDiff(before.label, after.label)
    add = out.differences.append
    changes = _field_changes(before.journey, after.journey, JOURNEY_FIELDS)
    if changes:
        add(Difference("journey", "changed", _lineage(after.journey), after.journey.name,
                       before.journey.id, after.journey.id, tuple(changes)))  # fmt: skip
    keys: dict[str, dict[str, str]] = {}  # kind -> id on either side -> shared key
    for kind, names in (("stage", STAGE_FIELDS), ("lane", LANE_FIELDS)):
        pairs, removed, added = match(getattr(before, f"{kind}s"), getattr(after, f"{kind}s"))
        keys[kind] = {}
        moved = _moved_in_order(pairs)
        for b, a in pairs:
            keys[kind][b.id] = keys[kind][a.id] = _lineage(b)
            changes = _field_changes(b, a, names)
            if changes:
                add(Difference(kind, "changed", _lineage(b), a.name, b.id, a.id, tuple(changes)))
            if b.id in moved:
                add(Difference(kind, "moved", _lineage(b), a.name, b.id, a.id,
                               (FieldChange("position", b.position, a.position),)))  # fmt: skip
        for b in removed:
            add(Difference(kind, "removed", _lineage(b), b.name, b.id, None))
        for a in added:
            keys[kind][a.id] = _lineage(a)
            add(Difference(kind, "added", _lineage(a), a.name, None, a.id))
    _diff_cards(before, after, keys, out)
    return out


def _diff_cards(before: JourneyState, after: JourneyState, keys: dict[str, dict[str, str]],
                out: JourneyDiff) -> None:  # fmt: skip
    add = out.differences.append
    names = {
        (side, kind, x.id): x.name
        for side, state in (("b", before), ("a", after))
        for kind in ("stage", "lane")
        for x in getattr(state, f"{kind}s")
    }
    pairs, removed, added = match(before.touchpoints, after.touchpoints)
    card_key: dict[str, str] = {}
    for b, a in pairs:
        card_key[b.id] = card_key[a.id] = _lineage(b)
        changes = _field_changes(b, a, TOUCHPOINT_FIELDS)
        if b.owner_id != a.owner_id:
            changes.append(FieldChange("owner", before.party_name(b.owner_id),
                                       after.party_name(a.owner_id)))  # fmt: skip
        if changes:
            add(
                Difference(
                    "touchpoint", "changed", _lineage(b), a.title, b.id, a.id, tuple(changes)
                )
            )
        if b.stage_id == a.stage_id and b.lane_id == a.lane_id:
            continue  # the common case (versions keep ids): not moved
        moves = [
            FieldChange(
                kind, names[("b", kind, getattr(b, col))], names[("a", kind, getattr(a, col))]
            )
            for kind, col in (("stage", "stage_id"), ("lane", "lane_id"))
            if keys[kind].get(getattr(b, col)) != keys[kind].get(getattr(a, col))
        ]
        if moves:
            add(Difference("touchpoint", "moved", _lineage(b), a.title, b.id, a.id, tuple(moves)))
    for b in removed:
        card_key[b.id] = _lineage(b)
        add(Difference("touchpoint", "removed", _lineage(b), b.title, b.id, None))
    for a in added:
        card_key[a.id] = _lineage(a)
        add(Difference("touchpoint", "added", _lineage(a), a.title, None, a.id))
    titles = {t.id: t.title for t in (*before.touchpoints, *after.touchpoints)}

    def link(c: Any) -> tuple[str, str]:
        return card_key.get(c.source_id, c.source_id), card_key.get(c.target_id, c.target_id)

    pairs, removed, added = match(before.connectors, after.connectors)
    for b, a in pairs:
        if link(b) != link(a):
            removed.append(b)
            added.append(a)
            continue
        changes = _field_changes(b, a, CONNECTOR_FIELDS)
        if changes:
            add(Difference("connector", "changed", _lineage(b), _arrow(a, titles), b.id, a.id,
                           tuple(changes)))  # fmt: skip
    for b in removed:
        add(Difference("connector", "removed", _lineage(b), _arrow(b, titles), b.id, None))
    for a in added:
        add(Difference("connector", "added", _lineage(a), _arrow(a, titles), None, a.id))
    _diff_raci(before, after, card_key, titles, out)
    _diff_kpis(before, after, out)


def _arrow(c: Any, titles: dict[str, str]) -> str:
    return f"{titles.get(c.source_id, '?')} → {titles.get(c.target_id, '?')}"


def _diff_raci(before: JourneyState, after: JourneyState, card_key: dict[str, str],
               titles: dict[str, str], out: JourneyDiff) -> None:  # fmt: skip
    def assignments(state: JourneyState) -> dict[tuple[str, str, str], Any]:
        return {(card_key.get(r.touchpoint_id, r.touchpoint_id), r.party_id, r.role): r
                for r in state.raci}  # fmt: skip

    b_set, a_set = assignments(before), assignments(after)
    for change, side, state, other in (("removed", b_set, before, a_set),
                                       ("added", a_set, after, b_set)):  # fmt: skip
        for key, r in side.items():
            if key in other:
                continue
            label = (
                f"{state.party_name(r.party_id)}: {r.role} on {titles.get(r.touchpoint_id, '?')}"
            )
            ids = (r.id, None) if change == "removed" else (None, r.id)
            out.differences.append(Difference("raci", change, "/".join(key), label, *ids))


def _diff_kpis(before: JourneyState, after: JourneyState, out: JourneyDiff) -> None:
    after_by_id = {k.id: k for k in after.kpis}
    for b in before.kpis:
        a = after_by_id.get(b.id)
        if a is None:
            continue
        changes = _field_changes(b, a, KPI_FIELDS)
        if b.owner_id != a.owner_id:
            changes.append(FieldChange("owner", before.party_name(b.owner_id),
                                       after.party_name(a.owner_id)))  # fmt: skip
        if changes:
            out.differences.append(
                Difference("kpi", "changed", b.id, a.name, b.id, a.id, tuple(changes))
            )


def compare(ws: Any, journey_id: str, from_ref: str, to_ref: str) -> JourneyDiff:
    """The diff between two versions of a journey (id or name), either of which may be
    `current` (the journey as it is now)."""
    from cxmapper.model.versions import find_state

    return diff_states(find_state(ws, journey_id, from_ref), find_state(ws, journey_id, to_ref))
