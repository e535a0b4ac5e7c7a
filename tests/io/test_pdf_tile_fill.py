"""Tiled PDF pages are filled sensibly: both A4 orientations are planned and the demo tiles on
the one with the fewest pages, each holding a card and well used. In landscape the demo's tall
Web lane (four cards stacked in one cell) could share no page with the lanes above it, so its
first two pages held only Thoughts and Emotions (65 % of the map area) over ten pages.

Figures from the layout the code plans (`plan_tiles`, `tile_fill`), not from pixels."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from cxmapper.model.demo import write_demo
from cxmapper.model.workspace import Workspace
from cxmapper.ui.render import pdf
from cxmapper.ui.render.image import _Rendered

MM = 96 / 25.4  # device px per mm at the PDF's 96 dpi
MAP_TOP = (pdf.HEADER_MM + pdf.GAP_MM) * MM


def _area(width_mm: float, height_mm: float) -> tuple[float, float]:
    """The map area below the header of an A4 page `width_mm` x `height_mm`."""
    margin = 2 * pdf.PAGE_MARGIN_MM
    return (width_mm - margin) * MM, (height_mm - margin) * MM - MAP_TOP


@pytest.fixture
def rendered(qapp: Any, tmp_path: Path) -> Iterator[_Rendered]:
    write_demo(tmp_path / "demo.cxmap")
    ws = Workspace.open(tmp_path / "demo.cxmap")
    r = _Rendered(ws, ws.find_journey("Online purchase").id, None)
    yield r
    r.close()
    ws.close()


def test_the_demo_tiles_into_few_well_filled_pages(rendered: _Rendered) -> None:
    r = rendered
    areas = [("landscape", *_area(297, 210)), ("portrait", *_area(210, 297))]
    orientation, scale, tiles = pdf.best_tiling(r, areas)
    w, h = next((aw, ah) for o, aw, ah in areas if o == orientation)
    fills = [pdf.tile_fill(r, scale, t, w, h) for t in tiles]
    landscape = pdf.plan_tiles(r, *areas[0][1:])
    assert len(tiles) <= len(landscape[1])  # never more pages than landscape
    assert fills[0] > 0.75  # the first page is well used, not two thirds
    assert min(fills[:-1]) >= 0.7, fills  # and so is every page but the last
    assert min(fills) >= 0.5, fills
    assert scale >= pdf.TILE_SCALE  # as large as tiles are planned, or larger
    g, m = r.scene.grid, r.scene.mirror
    assert g is not None and m is not None
    occupied = {cell for cell, ids in m.cells.items() if ids}
    for t in tiles:  # a card on every page
        cols = g.columns[t.columns[0] : t.columns[1]]
        rows = g.rows[t.rows[0] : t.rows[1]]
        assert any((c.id, w.id) in occupied for c in cols for w in rows)
    # every stage and lane is on some page: the tiles cover the whole map
    covered = {(c, w) for t in tiles for c in range(*t.columns) for w in range(*t.rows)}
    cells = {(c, w) for c in range(len(g.columns)) for w in range(len(g.rows))}
    assert {cw for cw in cells if (g.columns[cw[0]].id, g.rows[cw[1]].id) in occupied} <= covered


def test_a_tie_keeps_the_first_orientation(rendered: _Rendered) -> None:
    area = _area(297, 210)
    assert pdf.best_tiling(rendered, [("a", *area), ("b", *area)])[0] == "a"
