"""What the journey scene has selected, found, highlighted and filtered.

A mixin of `JourneyScene` (scene.py keeps the items and their layout; this keeps the state a
user sets on them), so the scene module stays one readable size. It relies on the scene's
`cards`, `connector_items`, `stage_headers`, `lane_headers`, `lane_cells`, `mirror`,
`selected_connectors`, `_current_cell`, `_filter`, `_highlight` and `flush()`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import QGraphicsItem, QGraphicsView

from cxmapper.model.find import DEFAULT_FIELDS, find_touchpoints
from cxmapper.ui.canvas.items.card import CardItem
from cxmapper.ui.canvas.items.grid import HeaderItem
from cxmapper.ui.canvas.mirror import Cell

if TYPE_CHECKING:
    from cxmapper.ui.canvas.items.connector import ConnectorItem
    from cxmapper.ui.canvas.items.grid import LaneCellsItem, LaneHeaderItem, StageHeaderItem
    from cxmapper.ui.canvas.mirror import JourneyMirror

FIND_FIELDS = DEFAULT_FIELDS


class SceneSelection:
    """Selection, current cell, find, highlight and filter of a `JourneyScene`."""

    cards: dict[str, CardItem]
    connector_items: dict[str, ConnectorItem]
    stage_headers: dict[str, StageHeaderItem]
    lane_headers: dict[str, LaneHeaderItem]
    lane_cells: dict[str, LaneCellsItem]
    mirror: JourneyMirror | None
    selected_connectors: set[str]
    _current_cell: Cell | None
    _highlight: set[str]
    _filter: set[str] | None

    if TYPE_CHECKING:  # what the scene (QGraphicsScene, scene.py) gives the mixin
        selectionChanged: SignalInstance

        def selectedItems(self) -> list[QGraphicsItem]: ...
        def views(self) -> list[QGraphicsView]: ...
        def clearSelection(self) -> None: ...
        def flush(self) -> None: ...

    def selected_entities(self) -> list[tuple[str, str]]:
        """What is selected, as (kind, id): touchpoint, connector, stage or lane."""
        out: list[tuple[str, str]] = []
        for item in self.selectedItems():
            if isinstance(item, CardItem):
                out.append(("touchpoint", item.tp_id))
            elif isinstance(item, HeaderItem):
                out.append((item.kind, item.entity_id))
        out.extend(("connector", c) for c in sorted(self.selected_connectors))
        return out

    def selected_card_ids(self) -> list[str]:
        """Selected cards in map order (stage, lane, position)."""
        ids = {i.tp_id for i in self.selectedItems() if isinstance(i, CardItem)}
        return [t for t in self.ordered_card_ids() if t in ids]

    def ordered_card_ids(self) -> list[str]:
        m = self.mirror
        if m is None:
            return []
        out = []
        for s in m.stage_order():
            for ln in m.lane_order():
                out.extend(m.cells.get((s.id, ln.id), []))
        return out

    def select_entity(self, kind: str, id: str, add: bool = False) -> bool:
        """Select one entity (and show it); False if it is not on this canvas."""
        self.flush()
        if not add:
            self.clear_all_selection()
        item: QGraphicsItem | None = None
        if kind == "touchpoint":
            item = self.cards.get(id)
        elif kind == "stage":
            item = self.stage_headers.get(id)
        elif kind == "lane":
            item = self.lane_headers.get(id)
        elif kind == "connector" and id in self.connector_items:
            self.set_connector_selected(id, True)
            return True
        if item is None:
            return False
        item.setSelected(True)
        if isinstance(item, CardItem):
            item.setFocus()
            self.set_current_cell(self.cell_of(id))
            for view in self.views():
                view.ensureVisible(item, 40, 40)
        return True

    def clear_all_selection(self) -> None:
        had = bool(self.selected_connectors)
        for c in list(self.selected_connectors):
            self.set_connector_selected(c, False, notify=False)
        self.clearSelection()
        if had:
            self.selectionChanged.emit()

    def set_connector_selected(self, c_id: str, on: bool, notify: bool = True) -> None:
        item = self.connector_items.get(c_id)
        if item is None:
            return
        (self.selected_connectors.add if on else self.selected_connectors.discard)(c_id)
        item.set_selected(on)
        if notify:
            self.selectionChanged.emit()

    def cell_of(self, tp_id: str) -> Cell | None:
        t = self.mirror.tps.get(tp_id) if self.mirror else None
        return None if t is None else (t.stage_id, t.lane_id)

    def current_cell(self) -> Cell | None:
        """The cell new cards and pastes go to: the last clicked cell or the selected card's."""
        return self._current_cell

    def set_current_cell(self, cell: Cell | None) -> None:
        if cell == self._current_cell:
            return
        old = self.lane_cells.get(self._current_cell[1]) if self._current_cell else None
        if old is not None:
            old.set_current(None)
        self._current_cell = cell
        new = self.lane_cells.get(cell[1]) if cell else None
        if new is not None and cell is not None:
            new.set_current(cell[0])

    # -- find, highlight, filter -------------------------------------------------------------

    def find(self, text: str, fields: Sequence[str] = FIND_FIELDS) -> list[str]:
        """Touchpoints matching `text` by the one find rule (model/find.py), in map order."""
        m = self.mirror
        if m is None:
            return []
        hits = set(find_touchpoints(text, m.tps.values(), m.parties, fields))
        return [t for t in self.ordered_card_ids() if t in hits]

    def set_highlight(self, ids: Iterable[str]) -> None:
        self._highlight = set(ids)
        for tp_id, item in self.cards.items():
            item.set_highlight(tp_id in self._highlight)

    def set_filter(self, ids: Iterable[str] | None) -> None:
        """Dim every card not in `ids` (and arrows not between shown cards); None shows all."""
        self._filter = None if ids is None else set(ids)
        for tp_id, item in self.cards.items():
            item.setOpacity(1.0 if self._filter is None or tp_id in self._filter else 0.25)
        for arrow in self.connector_items.values():
            keep = self._filter is None or {arrow.source_id, arrow.target_id} <= self._filter
            arrow.set_dimmed(not keep)

    def is_dimmed(self, tp_id: str) -> bool:
        return self._filter is not None and tp_id not in self._filter


__all__ = ["FIND_FIELDS", "SceneSelection"]
