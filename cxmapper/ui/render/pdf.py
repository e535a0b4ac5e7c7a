"""The map as a PDF for print and management decks.

`fit` (the default) puts the whole journey on ONE page, scaled until it fills the printable
width or height, whichever binds. The page is landscape unless the map is taller than a
landscape page's map area is wide for its height (the demo's eleven lanes under six stages):
then a landscape page would leave half its width white and print the map at two-thirds of the
size a portrait page gives it, so the orientation is the one the map prints largest on (ties:
landscape). The page size is chosen by the map's size: A4 when the map, fitted to A4 below
the header, keeps at least `MIN_READABLE_SCALE` of its screen size (card titles of at least
about 5 pt); otherwise A3, the largest sheet office printers take, at whatever scale the map
fits there. A map too large to read even on A3 is still one page; ask for `tile` to print
it large.

`tile` (on request) prints the map across A4 pages: the stages are shared out
between pages as planned at `TILE_SCALE` of screen size, then the map is grown so the widest
part fills the printable width (one scale for every page, so the pages tape together into a
poster), and the lanes are shared out at that scale. Both orientations are planned and the
one with the fewest pages wins, then the one whose emptiest page (the last aside) is fullest
(`best_tiling`): in landscape the demo's tall Web lane left its first two pages a third empty
over ten pages; in portrait it prints on four, each about 90 % used. Pages break only between stages (columns) and between lanes (rows), so no card is ever cut;
the stages and lanes are shared out evenly between pages, each page repeats the stage and lane
headers of its part, and a part holding no card is left out, so no page is empty.

Every page has a header: the journey's name, the export date, the page number, what part of
the map the page shows, and the overlay's legend (drawn on the page, never over cards).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cxmapper.errors import CxError

if TYPE_CHECKING:
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QPdfWriter

    from cxmapper.ui.render.image import _Rendered

PAGE_MODES = ("fit", "tile")
MIN_READABLE_SCALE = 0.55  # below this share of screen size, card text is too small on paper
TILE_SCALE = 0.75  # tiles are planned at this share of screen size...
MAX_TILE_SCALE = 2.0  # ...then grown to fill the page's width, up to twice screen size
PAGE_MARGIN_MM = 8.0
HEADER_MM = 14.0  # the band above the map: name, date, page, legend
GAP_MM = 2.0  # between header and map


@dataclass(frozen=True)
class Tile:
    """One page of a tiled map: the index ranges [start, end) of its columns and rows."""

    columns: tuple[int, int]
    rows: tuple[int, int]


def group_bands(sizes: Sequence[float], capacity: float) -> list[tuple[int, int]]:
    """Split consecutive bands (stage widths or lane heights) into as few groups as fit in
    `capacity`, then even them out (the smallest capacity that needs no more groups), so a map
    one stage too wide prints as 3 + 3 stages rather than 5 + 1. A band larger than `capacity`
    gets a group of its own."""

    def greedy(cap: float) -> list[tuple[int, int]]:
        groups: list[tuple[int, int]] = []
        start, used = 0, 0.0
        for i, size in enumerate(sizes):
            if i > start and used + size > cap:
                groups.append((start, i))
                start, used = i, 0.0
            used += size
        if sizes:
            groups.append((start, len(sizes)))
        return groups

    if not sizes:
        return []
    wanted = len(greedy(capacity))
    low, high = max(sizes), max(capacity, max(sizes))
    for _ in range(40):  # bisect the smallest capacity that still needs `wanted` groups
        mid = (low + high) / 2
        if len(greedy(mid)) <= wanted:
            high = mid
        else:
            low = mid
    return greedy(high)


def write_pdf(r: _Rendered, tmp: Path, pages: str = "fit") -> None:
    """Write the rendered journey `r` to `tmp` as `pages` ("fit" or "tile", see the module)."""
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter

    if pages not in PAGE_MODES:
        raise CxError(f"--pages must be fit or tile, not {pages!r}")
    writer = QPdfWriter(str(tmp))
    # 96 "dpi" like the screen: items that size fonts in points then keep their proportions
    # (at 300 they would be drawn three times too large). The PDF stays vector graphics.
    writer.setResolution(96)
    writer.setTitle(r.journey.name)
    writer.setCreator("cxmapper")

    landscape, portrait = QPageLayout.Orientation.Landscape, QPageLayout.Orientation.Portrait

    def use(size: QPageSize.PageSizeId, orientation: QPageLayout.Orientation = landscape) -> float:
        """Set the page; the scale a fit-to-page map gets on it."""
        writer.setPageLayout(QPageLayout(QPageSize(size), orientation,
                                         QMarginsF(*[PAGE_MARGIN_MM] * 4), QPageLayout.Unit.Millimeter))  # fmt: skip
        return _fit_scale(r, _map_area(writer))

    if pages == "fit":  # the orientation the map is largest in; A4 when readable on it
        for size in (QPageSize.PageSizeId.A4, QPageSize.PageSizeId.A3):
            best = max((use(size, o), o is landscape, o) for o in (landscape, portrait))
            use(size, best[2])
            if best[0] >= MIN_READABLE_SCALE:
                break
    else:  # the orientation that tiles into the fewest, fullest pages
        areas = []
        for o in (landscape, portrait):
            use(QPageSize.PageSizeId.A4, o)
            area = _map_area(writer)
            areas.append((o, area.width(), area.height()))
        use(QPageSize.PageSizeId.A4, best_tiling(r, areas)[0])
    if r.legend is not None:
        r.legend.setVisible(False)  # drawn in the page header instead, never over cards
    painter = QPainter()
    if not painter.begin(writer):
        raise CxError(f"{tmp.name}: could not start the PDF")
    try:
        if pages == "fit":
            _fit_page(r, writer, painter)
        else:
            _tiled_pages(r, writer, painter)
    finally:
        painter.end()
        if r.legend is not None:
            r.legend.setVisible(True)


def _mm(writer: QPdfWriter, mm: float) -> float:
    return mm / 25.4 * writer.resolution()


def _map_area(writer: QPdfWriter) -> QRectF:
    """The part of the page below the header, in device pixels."""
    from PySide6.QtCore import QRectF

    page = writer.pageLayout().paintRectPixels(writer.resolution())
    top = _mm(writer, HEADER_MM + GAP_MM)
    return QRectF(0, top, page.width(), page.height() - top)


def map_rect(r: _Rendered) -> QRectF:
    """The scene area a page shows: headers and grid, without the overlay legend's strip
    below the grid (the page header draws the legend, once, uncut; the strip would only
    add white space and shrink the map)."""
    from PySide6.QtCore import QRectF

    g = r.scene.grid
    if g is None:
        return r.content
    return QRectF(0, 0, g.width, g.height).adjusted(-1, -1, 1, 1)


def _fit_scale(r: _Rendered, area: QRectF) -> float:
    rect = map_rect(r)
    return min(area.width() / rect.width(), area.height() / rect.height())


def _fit_page(r: _Rendered, writer: Any, painter: Any) -> None:
    from PySide6.QtCore import QRectF

    area, rect = _map_area(writer), map_rect(r)
    scale = _fit_scale(r, area)
    w, h = rect.width() * scale, rect.height() * scale
    _header(r, writer, painter, 1, 1, "")
    r.render(painter, QRectF(area.left() + (area.width() - w) / 2, area.top(), w, h), rect)


def plan_tiles(r: _Rendered, area_w: float, area_h: float) -> tuple[float, list[Tile]]:
    """The scale (device pixels per scene unit) and the pages of a tiled map whose map area is
    `area_w` x `area_h`; pages without a card are left out."""
    from cxmapper.ui.canvas import layout

    g, m = r.scene.grid, r.scene.mirror
    assert g is not None and m is not None
    cols, rows = [c.size for c in g.columns], [w.size for w in g.rows]
    scale = min(TILE_SCALE, area_w / (layout.LANE_HEADER_W + max(cols, default=1.0)),
                area_h / (layout.STAGE_HEADER_H + max(rows, default=1.0)))  # fmt: skip
    col_groups = group_bands(cols, area_w / scale - layout.LANE_HEADER_W)
    widest = max(sum(cols[a:b]) for a, b in col_groups) if col_groups else 1.0
    # the evened-out column parts fill the printable width; the lanes are then shared out
    # between pages at that scale (only a lane too tall for the page at it shrinks the scale)
    scale = min(
        MAX_TILE_SCALE,
        area_w / (layout.LANE_HEADER_W + widest),
        area_h / (layout.STAGE_HEADER_H + max(rows, default=1.0)),
    )
    row_groups = group_bands(rows, area_h / scale - layout.STAGE_HEADER_H)
    occupied = {cell for cell, ids in m.cells.items() if ids}
    tiles = [
        Tile(cg, rg)
        for rg in row_groups for cg in col_groups
        if any((c.id, w.id) in occupied for c in g.columns[cg[0]:cg[1]] for w in g.rows[rg[0]:rg[1]])
    ]  # fmt: skip
    return scale, tiles


def tile_fill(r: _Rendered, scale: float, tile: Tile, area_w: float, area_h: float) -> float:
    """The share of a page's map area the tile's part of the map covers (headers included)."""
    from cxmapper.ui.canvas import layout

    g = r.scene.grid
    assert g is not None
    width = layout.LANE_HEADER_W + sum(c.size for c in g.columns[tile.columns[0] : tile.columns[1]])
    height = layout.STAGE_HEADER_H + sum(w.size for w in g.rows[tile.rows[0] : tile.rows[1]])
    return min(1.0, width * scale / area_w) * min(1.0, height * scale / area_h)


def best_tiling(
    r: _Rendered, areas: Sequence[tuple[Any, float, float]]
) -> tuple[Any, float, list[Tile]]:
    """Of `areas` (an orientation, its map area's width and height), the one whose tiles are
    fewest, then the one whose emptiest page but the last is fullest (the first on a tie):
    its orientation, scale and tiles."""
    best: tuple[tuple[int, float, int], Any, float, list[Tile]] | None = None
    for n, (orientation, w, h) in enumerate(areas):
        scale, tiles = plan_tiles(r, w, h)
        fills = [tile_fill(r, scale, t, w, h) for t in tiles[:-1]]
        key = (len(tiles), -min(fills, default=1.0), n)
        if best is None or key < best[0]:
            best = (key, orientation, scale, tiles)
    assert best is not None
    return best[1], best[2], best[3]


def _tiled_pages(r: _Rendered, writer: Any, painter: Any) -> None:
    from PySide6.QtCore import QCoreApplication, QRectF

    from cxmapper.ui.canvas import layout

    g, m = r.scene.grid, r.scene.mirror
    assert g is not None and m is not None
    area = _map_area(writer)
    scale, tiles = plan_tiles(r, area.width(), area.height())
    lw, sh = layout.LANE_HEADER_W, layout.STAGE_HEADER_H
    for n, tile in enumerate(tiles, start=1):
        if n > 1:
            writer.newPage()
        first_col, last_col = g.columns[tile.columns[0]], g.columns[tile.columns[1] - 1]
        first_row, last_row = g.rows[tile.rows[0]], g.rows[tile.rows[1] - 1]
        part = QCoreApplication.translate("RenderPdf", "Stages {stages} · lanes {lanes}").format(
            stages=_span(m.stages[first_col.id].name, m.stages[last_col.id].name),
            lanes=_span(m.lanes[first_row.id].name, m.lanes[last_row.id].name))  # fmt: skip
        _header(r, writer, painter, n, len(tiles), part)
        x0, y0 = first_col.start, first_row.start
        cw, rh = last_col.end - x0, last_row.end - y0
        ax, ay = area.left(), area.top()
        pieces = (  # (scene source, page target): corner, stage headers, lane headers, cells
            (QRectF(0, 0, lw, sh), QRectF(ax, ay, lw * scale, sh * scale)),
            (QRectF(x0, 0, cw, sh), QRectF(ax + lw * scale, ay, cw * scale, sh * scale)),
            (QRectF(0, y0, lw, rh), QRectF(ax, ay + sh * scale, lw * scale, rh * scale)),
            (QRectF(x0, y0, cw, rh), QRectF(ax + lw * scale, ay + sh * scale, cw * scale, rh * scale)),
        )  # fmt: skip
        for source, target in pieces:
            painter.save()
            painter.setClipRect(target)  # items reaching past the part are cut at its edge
            r.render(painter, target, source)
            painter.restore()


def _span(first: str, last: str) -> str:
    return first if first == last else f"{first} – {last}"


def _header(r: _Rendered, writer: Any, painter: Any, n: int, total: int, part: str) -> None:
    """Journey name, export date, page number and part on the left; the legend on the right."""
    from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QPen
    from PySide6.QtWidgets import QStyleOptionGraphicsItem

    from cxmapper.present.locale_format import format_date

    page = writer.pageLayout().paintRectPixels(writer.resolution())
    band = QRectF(0, 0, page.width(), _mm(writer, HEADER_MM))
    title = QFont("DejaVu Sans")
    title.setPointSizeF(13)
    title.setBold(True)
    small = QFont("DejaVu Sans")
    small.setPointSizeF(8.5)
    facts = [
        QCoreApplication.translate("RenderPdf", "Exported {date}").format(
            date=format_date(dt.date.today())
        ),
        QCoreApplication.translate("RenderPdf", "page {n} of {total}").format(n=n, total=total),
    ]
    # a tiled page says which part it is on a line of its own, across the whole band under the
    # legend: beside it, the part was cut ("· corsie Pensieri…" in Italian)
    painter.setFont(small)
    fm = painter.fontMetrics()
    part_h = float(fm.lineSpacing()) if part else 0.0
    needed = max(fm.horizontalAdvance(x) for x in facts)
    painter.setFont(title)
    needed = max(needed, painter.fontMetrics().horizontalAdvance(r.journey.name))
    gap = _mm(writer, 4)
    legend_w = 0.0
    if r.legend is not None:
        w, h = r.legend.size()
        k = min(1.0, (band.height() - part_h) / h)
        # the texts keep their room (on a portrait page the legend took it and the journey's
        # name read "Acquisto onl…"): the legend shrinks for them, to half its size at most
        k = max(0.5 * k, min(k, (band.width() - needed - gap) / w))
        legend_w = w * k
        painter.save()
        painter.translate(
            band.right() - legend_w, band.top() + (band.height() - part_h - h * k) / 2
        )
        painter.scale(k, k)
        r.legend.paint(painter, QStyleOptionGraphicsItem(), None)
        painter.restore()
    text = band.adjusted(0, 0, -legend_w - gap, 0)
    painter.setPen(QColor("#1f2933"))
    top = QRectF(text.left(), text.top(), text.width(), text.height() * (0.45 if part else 0.55))
    painter.drawText(top, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
                     painter.fontMetrics().elidedText(r.journey.name, Qt.TextElideMode.ElideRight,
                                                      math.floor(top.width())))  # fmt: skip
    painter.setFont(small)
    painter.setPen(QColor("#616e7c"))
    row = QRectF(text.left(), top.bottom() + 2, text.width(), fm.lineSpacing())
    painter.drawText(row, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                     fm.elidedText("  ·  ".join(facts), Qt.TextElideMode.ElideRight,
                                   math.floor(row.width())))  # fmt: skip
    if part:
        row = QRectF(band.left(), band.bottom() - part_h, band.width(), part_h)
        painter.drawText(row, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                         fm.elidedText(part, Qt.TextElideMode.ElideRight, math.floor(row.width())))  # fmt: skip
    painter.setPen(QPen(QColor("#d9dee4"), 1))
    y = band.bottom() + _mm(writer, GAP_MM) / 2
    painter.drawLine(QPointF(band.left(), y), QPointF(band.right(), y))
