"""How the journey scene is shown, rather than what it holds: the far-zoom overview, the
analysis overlay and presentation mode.

A mixin of `JourneyScene` (scene.py keeps the items and their layout), so the scene module
stays one readable size. It relies on the scene's `cards`, `connector_items`, `_card_rects`,
`mirror`, `grid`, `gestures`, `overlay`, `_overview_item`, `is_dimmed()`,
`clear_all_selection()` and `set_current_cell()`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainterPath

from cxmapper.present.overlay import OverlayValue
from cxmapper.ui.canvas import style
from cxmapper.ui.canvas.items.connector import OverlayPathItem
from cxmapper.ui.canvas.items.overview import OverviewItem
from cxmapper.ui.canvas.overlay import OverlayLayer

if TYPE_CHECKING:
    from PySide6.QtWidgets import QGraphicsItem

    from cxmapper.present.card_channels import CardChannel
    from cxmapper.ui.canvas import layout
    from cxmapper.ui.canvas.gestures import Gestures
    from cxmapper.ui.canvas.items.card import CardItem
    from cxmapper.ui.canvas.items.channel_arcs import Hop
    from cxmapper.ui.canvas.items.connector import ConnectorItem
    from cxmapper.ui.canvas.mirror import Cell, JourneyMirror


class SceneDisplay:
    """Overview, overlay and presentation mode of a `JourneyScene`."""

    cards: dict[str, CardItem]
    connector_items: dict[str, ConnectorItem]
    _card_rects: dict[str, tuple[float, float, float, float]]
    mirror: JourneyMirror | None
    grid: layout.Grid | None
    gestures: Gestures
    overlay: OverlayLayer
    overview: bool
    presentation: bool
    _overview_item: OverviewItem | None
    _overview_dirty: bool

    if TYPE_CHECKING:  # what the scene (QGraphicsScene, scene.py, selection.py) gives the mixin

        def addItem(self, item: QGraphicsItem) -> None: ...
        def is_dimmed(self, tp_id: str) -> bool: ...
        def clear_all_selection(self) -> None: ...
        def set_current_cell(self, cell: Cell | None) -> None: ...

    # -- far-zoom overview -------------------------------------------------------------------

    def set_overview(self, on: bool) -> None:
        """Draw cards and arrows as one item (far zoom on a big map) or as items again."""
        if on == self.overview:
            return
        self.overview = on
        if on:
            self.gestures.cancel()
        for group in (self.cards.values(), self.connector_items.values()):
            for item in group:
                item.setVisible(not on)
        if on:
            if self._overview_item is None:
                self._overview_item = OverviewItem()
                self.addItem(self._overview_item)
            self._overview_item.setVisible(True)
            self._refresh_overview()
        elif self._overview_item is not None:
            self._overview_item.setVisible(False)

    def _refresh_overview(self) -> None:
        item, g = self._overview_item, self.grid
        if item is None or g is None:
            return
        arrows = QPainterPath()
        for c in self.connector_items.values():
            arrows.addPath(c.mapToScene(c.path()))
        cards = []
        for tp_id, rect in self._card_rects.items():
            chan = style.channel_style(self.mirror.tps[tp_id].channel) if self.mirror else None
            cards.append((rect, chan.colour if chan else None, self.is_dimmed(tp_id)))
        item.set_content(QRectF(0, 0, g.width, g.height), cards, arrows)
        self._overview_dirty = False

    # -- overlay -----------------------------------------------------------------------------

    def set_overlay(
        self,
        card_values: Mapping[str, OverlayValue] | None,
        connector_widths: Mapping[tuple[str, str], float] | None = None,
        unexpected: Sequence[tuple[str, str]] | None = None,
        legend: str = "",
        tooltips: Mapping[tuple[str, str], str] | None = None,
        legend_scale: tuple[str, str] = ("", ""),
        arcs: Sequence[Hop] | None = None,
        channel_cards: Mapping[str, CardChannel] | None = None,
    ) -> None:
        """Show behavioural figures on the map (see `OverlayLayer.set`); None removes them."""
        self.overlay.set(
            card_values, connector_widths, unexpected, legend, tooltips, legend_scale, arcs,
            channel_cards,
        )  # fmt: skip

    @property
    def overlay_paths(self) -> list[OverlayPathItem]:
        return self.overlay.paths

    # -- presentation ---------------------------------------------------------------------

    def set_presentation(self, on: bool) -> None:
        """Projected in a workshop: nothing selected, no current-cell highlight."""
        self.presentation = on
        if on:
            self.clear_all_selection()
            self.set_current_cell(None)
        for item in self.cards.values():
            item.set_presentation(on)


__all__ = ["SceneDisplay"]
