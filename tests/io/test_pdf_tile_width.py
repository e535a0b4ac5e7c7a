"""Tiled PDF pages fill the printable width: the stage parts are evened out and the map grown
until the widest part spans the page (one scale for all pages, so they tape into a poster);
the lanes are then shared out between pages at that scale, so no card is cut."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from cxmapper.model.demo import write_demo
from cxmapper.model.workspace import Workspace
from cxmapper.ui.render import pdf
from cxmapper.ui.render.image import _Rendered, export_image


def test_every_tiled_page_fills_the_printable_width(qapp, tmp_path: Path, monkeypatch) -> None:
    write_demo(tmp_path / "demo.cxmap")
    ws = Workspace.open(tmp_path / "demo.cxmap")
    journey = ws.find_journey("Online purchase")
    pages: dict[int, list] = defaultdict(list)  # page -> page targets drawn on it
    original = _Rendered.render
    page = [1]
    printable: dict[int, tuple[float, float]] = {}  # page -> its printable width, height (px)
    new_page = pdf._header

    def header(r, writer, painter, n, total, part) -> None:
        page[0] = n
        rect = writer.pageLayout().paintRectPixels(writer.resolution())
        printable[n] = (rect.width(), rect.height())
        new_page(r, writer, painter, n, total, part)

    def spy(self, painter, target, source=None) -> None:
        pages[page[0]].append(target)
        original(self, painter, target, source)

    monkeypatch.setattr(_Rendered, "render", spy)
    monkeypatch.setattr(pdf, "_header", header)
    try:
        export_image(ws, journey.id, tmp_path / "tiles.pdf", pages="tile")
    finally:
        ws.close()
    assert len(pages) > 1
    for n, targets in pages.items():
        width, height = printable[n]
        left = min(t.left() for t in targets)
        right = max(t.right() for t in targets)
        bottom = max(t.bottom() for t in targets)
        # the demo's six equal stages print as 3 + 3: every page, the last too, is filled
        assert right - left >= 0.9 * width, f"page {n}: {(right - left) / width:.0%}"
        assert right <= width + 0.5  # and nothing runs off the page
        assert bottom <= height + 0.5
        assert left == pytest.approx(0.0)
