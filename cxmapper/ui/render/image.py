"""Pictures of the map for people without cxmapper: PNG, SVG and PDF at print quality.

The canvas scene draws the journey exactly as the app shows it; here it is rendered (offscreen
Qt when there is no display) into a QImage, a QSvgGenerator or a QPdfWriter. A PDF puts
the whole map on one page (landscape, or portrait for a tall map), or tiles it on request
(see `ui.render.pdf`). Every file is written to a temporary name and moved into place.
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
from cxmapper.ui.render.pdf import PAGE_MODES, write_pdf

if TYPE_CHECKING:  # loads pandas: imported only when a result can exist (see overlay_of)
    from cxmapper.analysis.tasks import AnalysisResult

FORMATS = ("png", "svg", "pdf")
SCENE_DPI = 96.0  # scene units are screen pixels at 96 dpi
MAX_SIDE = 32_000  # QImage and PNG viewers struggle beyond this
MAX_PIXELS = 400_000_000
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
        # the CLI's --lang (or the app's, handed to an export worker): the Qt texts drawn on
        # the map and the PDF ("5 touchpoints", "page 1 of 1") were English in an Italian export
        from cxmapper.present.language import current_language
        from cxmapper.ui.translations import install_language

        install_language(app, current_language())
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
        self.scene = JourneyScene(group_arrows=False)  # arrows stacked as added (see its doc)
        self.scene.set_journey(ws, journey_id, self.stack, self.bridge)
        o = overlay_of(overlay)
        self.scene.overlay.printed = True
        if o is not None:
            self.scene.overlay.all_unexpected = o.all_unexpected  # as the window shows them
            self.scene.set_overlay(o.cards, o.connector_widths, o.unexpected, o.legend,
                                   None, o.scale, o.channel_hops, o.channel_cards)  # fmt: skip
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
        self.content = content.adjusted(-1, -1, 1, 1)  # the PDF's page margin is its white
        self.source = content.adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)
        self.legend = self.scene.overlay.legend  # the PDF draws it in the page header

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
                 dpi: int = 150, overlay: MapOverlay = None, pages: str = "fit") -> Path:  # fmt: skip
    """Render the whole journey to PNG (at `dpi`), SVG or PDF (`pages` "fit": one page, or
    "tile": across A4 pages); `fmt` defaults to the suffix."""
    fmt = (fmt or Path(path).suffix.lstrip(".")).lower()
    if fmt not in FORMATS:
        raise CxError(f"{path}: cannot export images as {fmt!r}; use png, svg or pdf")
    if not 30 <= dpi <= 1200:
        raise CxError(f"--dpi must be between 30 and 1200, not {dpi}")
    if pages not in PAGE_MODES:
        raise CxError(f"--pages must be fit or tile, not {pages!r}")
    rendered = _Rendered(ws, journey_id, overlay)
    try:
        if fmt == "pdf":
            return atomic_write(path, lambda tmp: write_pdf(rendered, tmp, pages))
        writer = {"png": _write_png, "svg": _write_svg}[fmt]
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
