"""`make screenshots` shows stakeholders' outputs too: every page of the one-page PDF and page 1
of the PDF tiled on request, listed in the gallery's index (scripts/gallery.py). Skips where
poppler-utils (pdftoppm, pdfinfo) is not installed; LibreOffice's workbook pages are left out
here (they take a minute)."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtGui import QImage

from cxmapper.model.demo import write_demo
from cxmapper.model.workspace import Workspace

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(
    not (shutil.which("pdftoppm") and shutil.which("pdfinfo")), reason="poppler-utils not installed"
)


def load_gallery() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gallery", ROOT / "scripts" / "gallery.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_gallery_has_page_one_of_the_tiled_pdf(
    qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gallery = load_gallery()
    which = shutil.which
    monkeypatch.setattr(gallery.shutil, "which", lambda n: None if n == "soffice" else which(n))
    workspace = tmp_path / "demo.cxmap"
    events = write_demo(workspace)
    from cxmapper.analysis.tasks import import_events

    with Workspace.open(workspace) as ws:  # the dataset the gallery's export names
        import_events(str(events)).add_to(ws)
    out = tmp_path / "gallery"
    out.mkdir()
    g = gallery.Gallery(out)
    gallery.capture_outputs(g, workspace, tmp_path)
    g.write_index()
    names = [name for name, _ in g.shots]
    assert "pdf-page-1.png" in names  # the default, one page
    assert "pdf-tiled-page-1.png" in names
    tiled = QImage(str(out / "pdf-tiled-page-1.png"))
    assert not tiled.isNull()
    # an A4 tile, turned the way the map tiles into the fewest pages (the demo: portrait)
    long, short = max(tiled.width(), tiled.height()), min(tiled.width(), tiled.height())
    assert abs(long / short - 297 / 210) < 0.02
    caption = dict(g.shots)["pdf-tiled-page-1.png"]
    assert "tiled" in caption and "page 1 of " in caption and "?" not in caption
    assert "(pdf-tiled-page-1.png)" in (out / "README.md").read_text(encoding="utf-8")
