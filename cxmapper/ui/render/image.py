"""Pictures of the map for people without cxmapper: PNG, SVG and PDF at print quality.

The canvas scene draws the journey exactly as the app shows it; here it is rendered (offscreen
Qt when there is no display) into a QImage, a QSvgGenerator or a QPdfWriter. A PDF
fits the whole map on one landscape page when the text stays readable, and otherwise tiles it
across numbered pages. Every file is written to a temporary name and moved into place.
"""

from __future__ import annotations

import math
import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias

from PySide6.QtWidgets import QApplication

from cxmapper.errors import CxError
from cxmapper.io.atomic import atomic_write
from cxmapper.io.friction_data import FrictionData, coerce_friction
from cxmapper.model.workspace import Workspace
from cxmapper.present.heat import heat_range
from cxmapper.present.labels import legend_label
from cxmapper.present.overlay import Overlay, OverlayValue, build_overlay, friction_scale
from cxmapper.present.units import format_score

if TYPE_CHECKING:  # loads pandas: imported only when a result can exist (see overlay_of)
    from cxmapper.analysis.tasks import AnalysisResult

FORMATS = ("png", "svg", "pdf")
SCENE_DPI = 96.0  # scene units are screen pixels at 96 dpi
MAX_SIDE = 32_000  # QImage and PNG viewers struggle beyond this
MAX_PIXELS = 400_000_000
MIN_READABLE_SCALE = 0.55  # PDF: below this share of screen size, card text is too small
TILE_SCALE = 0.75
MARGIN = 24.0  # scene units of white around the map


def ensure_app() -> QApplication:
    """A QApplication for the scene's widgets-based items; offscreen without a display (the
    CLI and the export worker have none)."""
    app = QApplication.instance()
    if app is None:
        if sys.platform.startswith("linux") and not (
            os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
        ):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    return app


# an overlay of the app, an analysis result, or friction data (or its plain-dict form)
MapOverlay: TypeAlias = "Overlay | AnalysisResult | FrictionData | Mapping[str, Any] | None"


def overlay_of(overlay: MapOverlay) -> Overlay | None:
    """What `scene.set_overlay` draws, from an overlay of the app, an `AnalysisResult`
    (drawn as its friction overlay) or the friction data of the CLI's --dataset (or its
    plain-dict form)."""
    if overlay is None or isinstance(overlay, Overlay):
        return overlay
    tasks = sys.modules.get("cxmapper.analysis.tasks")  # an AnalysisResult implies it is loaded;
    if tasks is not None and isinstance(overlay, tasks.AnalysisResult):  # the CLI need not load it
        return build_overlay(overlay, "friction")
    data = coerce_friction(overlay)
    if data is None:
        return None
    scored = [m for m in data.metrics if m.friction is not None]
    scale = heat_range(100.0 * (m.friction or 0.0) for m in scored)  # unrounded, as the app
    cards = {}
    for m in scored:  # tinted relative to the journey's own range, as in the app
        fraction = scale.fraction(100.0 * (m.friction or 0.0)) if scale else None
        cards[m.touchpoint_id] = OverlayValue(fraction or 0.0, format_score(m.score),
                                              "; ".join(m.reasons))  # fmt: skip
    widths = {(t.source_id, t.target_id): float(t.cases) for t in data.transitions}
    return Overlay(cards, widths, [], legend_label("friction"), {}, friction_scale(scale))


class _Rendered:
    """A journey laid out in a scene, ready to render; `close()` disconnects it."""

    def __init__(self, ws: Workspace, journey_id: str, overlay: MapOverlay) -> None:
        ensure_app()
        from cxmapper.ui.canvas.scene import JourneyScene
        from cxmapper.ui.model_bridge import ModelBridge
        from cxmapper.ui.undo_stack import GuardedUndoStack

        self.journey = ws.get("journey", journey_id)
        self.stack = GuardedUndoStack()
        self.bridge = ModelBridge(ws, poll_ms=0)
        self.scene = JourneyScene()
        self.scene.set_journey(ws, journey_id, self.stack, self.bridge)
        o = overlay_of(overlay)
        self.scene.overlay.printed = True
        if o is not None:
            self.scene.overlay.all_unexpected = o.all_unexpected  # as the window shows them
            self.scene.set_overlay(o.cards, o.connector_widths, o.unexpected, o.legend,
                                   None, o.scale)  # fmt: skip
        self.scene.clear_all_selection()
        self.scene.set_current_cell(None)
        self.scene.flush()
        from PySide6.QtWidgets import QGraphicsItem

        for item in self.scene.items():  # cached items would reach SVG/PDF as bitmaps
            item.setCacheMode(QGraphicsItem.CacheMode.NoCache)
        content = self.scene.content_rect()
        if content.isEmpty():
            self.close()
            raise CxError(f"journey {self.journey.name!r} has nothing to draw (no stages or lanes)")
        self.source = content.adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)

    def render(self, painter: Any, target: Any, source: Any = None) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QPainter

        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.fillRect(target, Qt.GlobalColor.white)
        self.scene.render(painter, target, source if source is not None else self.source,
                          Qt.AspectRatioMode.KeepAspectRatio)  # fmt: skip

    def close(self) -> None:
        self.scene.clear_scene()
        self.bridge.detach()
        self.scene.deleteLater()
        self.bridge.deleteLater()


def export_image(ws: Workspace, journey_id: str, path: str | Path, fmt: str | None = None,
                 dpi: int = 150, overlay: MapOverlay = None) -> Path:  # fmt: skip
    """Render the whole journey to PNG (at `dpi`), SVG or PDF; `fmt` defaults to the suffix."""
    fmt = (fmt or Path(path).suffix.lstrip(".")).lower()
    if fmt not in FORMATS:
        raise CxError(f"{path}: cannot export images as {fmt!r}; use png, svg or pdf")
    if not 30 <= dpi <= 1200:
        raise CxError(f"--dpi must be between 30 and 1200, not {dpi}")
    rendered = _Rendered(ws, journey_id, overlay)
    try:
        writer = {"png": _write_png, "svg": _write_svg, "pdf": _write_pdf}[fmt]
        return atomic_write(path, lambda tmp: writer(rendered, tmp, dpi))
    finally:
        rendered.close()


def _write_png(r: _Rendered, tmp: Path, dpi: int) -> None:
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QImage, QPainter

    scale = dpi / SCENE_DPI
    width, height = math.ceil(r.source.width() * scale), math.ceil(r.source.height() * scale)
    if max(width, height) > MAX_SIDE or width * height > MAX_PIXELS:
        raise CxError(f"the map would be {width:,} x {height:,} pixels at {dpi} dpi; "
                      "choose a lower --dpi, or export SVG or PDF")  # fmt: skip
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    if image.isNull():
        raise CxError(f"not enough memory for a {width:,} x {height:,} image; choose a lower --dpi")
    painter = QPainter(image)  # at the image's default 96 dpi: fonts in points keep their size
    try:
        r.render(painter, QRectF(0, 0, width, height))
    finally:
        painter.end()
    dots_per_metre = round(dpi / 0.0254)  # only now: the file says how large to print it
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    if not image.save(str(tmp), "PNG"):  # type: ignore[call-overload]  # str works
        raise CxError(f"{tmp.name}: could not write the PNG")


def _write_svg(r: _Rendered, tmp: Path, dpi: int) -> None:
    from PySide6.QtCore import QRectF, QSize
    from PySide6.QtGui import QPainter
    from PySide6.QtSvg import QSvgGenerator

    width, height = math.ceil(r.source.width()), math.ceil(r.source.height())
    gen = QSvgGenerator()
    gen.setFileName(str(tmp))
    gen.setSize(QSize(width, height))
    gen.setViewBox(QRectF(0, 0, width, height))
    gen.setResolution(round(SCENE_DPI))
    gen.setTitle(r.journey.name)
    gen.setDescription("Customer-journey map exported from cxmapper")
    painter = QPainter()
    if not painter.begin(gen):
        raise CxError(f"{tmp.name}: could not start the SVG")
    try:
        r.render(painter, QRectF(0, 0, width, height))
    finally:
        painter.end()


def _write_pdf(r: _Rendered, tmp: Path, dpi: int) -> None:
    from PySide6.QtCore import QMarginsF, QRectF, Qt
    from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QPdfWriter

    writer = QPdfWriter(str(tmp))
    # 96 "dpi" like the screen: items that size fonts in points then keep their proportions
    # (at 300 they would be drawn three times too large). The PDF stays vector graphics.
    writer.setResolution(round(SCENE_DPI))
    writer.setTitle(r.journey.name)
    writer.setCreator("cxmapper")
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Landscape,
                                     QMarginsF(10, 10, 10, 10), QPageLayout.Unit.Millimeter))  # fmt: skip
    page = writer.pageLayout().paintRectPixels(writer.resolution())
    per_scene_unit = writer.resolution() / SCENE_DPI  # device pixels for one scene unit at 100 %
    header_h = 0.045 * page.height()
    area = QRectF(0, header_h, page.width(), page.height() - header_h)
    fit = min(area.width() / r.source.width(), area.height() / r.source.height()) / per_scene_unit
    if fit >= MIN_READABLE_SCALE:
        tiles = [(r.source, 0, 0)]
        cols = rows = 1
    else:  # tile at a readable size, with a small overlap so no card is cut unseen
        tile_w = area.width() / (per_scene_unit * TILE_SCALE)
        tile_h = area.height() / (per_scene_unit * TILE_SCALE)
        overlap = 24.0
        cols = max(1, math.ceil((r.source.width() - overlap) / (tile_w - overlap)))
        rows = max(1, math.ceil((r.source.height() - overlap) / (tile_h - overlap)))
        tiles = [
            (QRectF(r.source.left() + c * (tile_w - overlap), r.source.top() + k * (tile_h - overlap), tile_w, tile_h), k, c)
            for k in range(rows) for c in range(cols)
        ]  # fmt: skip
    painter = QPainter()
    if not painter.begin(writer):
        raise CxError(f"{tmp.name}: could not start the PDF")
    try:
        font = QFont("DejaVu Sans")
        font.setPointSizeF(9)
        painter.setFont(font)
        for n, (source, k, c) in enumerate(tiles, start=1):
            if n > 1:
                writer.newPage()
            label = r.journey.name
            if len(tiles) > 1:
                label += (
                    f" — part {k + 1}.{c + 1} (row {k + 1} of {rows}, column {c + 1} of {cols})"
                )
            painter.drawText(
                QRectF(0, 0, page.width(), header_h),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                label,
            )
            painter.drawText(QRectF(0, 0, page.width(), header_h), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             f"page {n} of {len(tiles)}")  # fmt: skip
            target = QRectF(area)
            if len(tiles) > 1:  # same scale on every page; the last row/column may be partly empty
                target = QRectF(area.left(), area.top(), source.width() * per_scene_unit * TILE_SCALE,
                                source.height() * per_scene_unit * TILE_SCALE)  # fmt: skip
            r.render(painter, target, source)
    finally:
        painter.end()
