"""Where a journey diff goes on the canvas: which card gets which mark, where ghosts sit.

The canvas always shows the journey as it is now; a diff compares two saved states (two
versions, or a version and now). Its card differences are placed on the cards of the current
map they name: by id first (versions keep ids), then by lineage (a restored or duplicated
card). A removed card becomes a ghost in the cell it had in the older state (its stage and
lane found on the current map the same way). What cannot be placed (a card of the newer
version that is no longer on the map, a ghost whose stage is gone) is counted, so the legend
can say how much the map does not show. No Qt items here: this is the plan the layer draws.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication

from cxmapper.model import entities as e
from cxmapper.model.versions import JourneyState
from cxmapper.model.versions_diff import Difference, FieldChange, JourneyDiff
from cxmapper.present.labels import field_label

Cell = tuple[str, str]
MARKED = ("added", "changed", "moved")  # changes drawn on a card of the current map


@dataclass(frozen=True)
class Ghost:
    """A removed card, drawn where it was: cell of the current map and its title."""

    key: str  # the lineage the diff names it by
    title: str
    cell: Cell
    tooltip: str


@dataclass
class DiffPlan:
    marks: dict[str, set[str]] = field(default_factory=dict)  # current card id -> changes
    tooltips: dict[str, list[str]] = field(default_factory=dict)  # current card id -> lines
    ghosts: list[Ghost] = field(default_factory=list)
    not_shown: int = 0  # card differences with no place on the current map

    def ghost_cells(self) -> dict[Cell, list[Ghost]]:
        out: dict[Cell, list[Ghost]] = {}
        for g in self.ghosts:
            out.setdefault(g.cell, []).append(g)
        return out

    def counts(self) -> dict[str, int]:
        """Marks per change (removed = ghosts), what the legend shows beside each swatch."""
        out = {c: sum(c in m for m in self.marks.values()) for c in MARKED}
        out["removed"] = len(self.ghosts)
        return out


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


def plan(
    diff: JourneyDiff,
    before: JourneyState,
    tps: dict[str, e.Touchpoint],
    stages: dict[str, e.Stage],
    lanes: dict[str, e.Lane],
) -> DiffPlan:
    """Place `diff`'s card differences on the current map (`tps`, `stages`, `lanes` as the
    canvas mirror holds them); `before` gives a removed card's old cell and title."""
    out = DiffPlan()
    cards, stage_of, lane_of = _Finder(tps), _Finder(stages), _Finder(lanes)
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
            continue
        tp_id = cards.find(d.id_after, d.key)
        if tp_id is None:
            out.not_shown += 1
            continue
        out.marks.setdefault(tp_id, set()).add(d.change)
        out.tooltips.setdefault(tp_id, []).extend(_tip_lines(d))
    return out


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
