"""`make screenshots` also renders the gallery in Italian (the Italian demo, the app in Italian)
into docs/images/gallery/it, and that set is committed: every view of the English gallery has
its Italian picture, each a real image listed in the Italian index."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]
IT = ROOT / "docs" / "images" / "gallery" / "it"
FIXED = ["window-1366x768", "window-1920x1080", "presentation", "import-wizard",
         "export-dialog", "canvas-diff", "pdf-page-1", "pdf-tiled-page-1"]  # fmt: skip
# at least this many of each kind: the overlays, inspector tabs and analysis views
KINDS = {"overlay-": 6, "inspector-": 8, "analysis-": 8}


def test_make_screenshots_renders_italian_too() -> None:
    script = (ROOT / "scripts" / "make-gallery.sh").read_text(encoding="utf-8")
    assert "run --lang it" in script


def test_the_italian_gallery_is_there() -> None:
    pngs = {p.stem: p for p in IT.glob("*.png")}
    assert [n for n in FIXED if n not in pngs] == []
    for prefix, least in KINDS.items():
        assert sum(1 for n in pngs if n.startswith(prefix)) >= least, prefix
    # pictures of tabs are named by page key, as in English (test_gallery_page_keys)
    assert "analysis-trend" in pngs and "analysis-andamento-settimanale" not in pngs
    index = (IT / "README.md").read_text(encoding="utf-8")
    for name, path in pngs.items():
        assert f"({name}.png)" in index
        image = QImage(str(path))
        assert not image.isNull() and image.width() >= 300, name
