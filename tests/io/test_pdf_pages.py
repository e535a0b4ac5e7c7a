"""The PDF of the demo journey as a stakeholder gets it: one page by default (portrait: the
demo is taller than wide, see test_pdf_fit_fills_page), tiled on request without cutting a
card, a header (and legend) on every page, a muted emotion band.

Page text is read with poppler's pdftotext and pictures with pdftoppm; the tests skip cleanly
where poppler-utils is not installed.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

from cxmapper.model.demo import write_demo
from cxmapper.model.workspace import Workspace
from cxmapper.ui.render.image import export_image
from cxmapper.ui.render.pdf import group_bands

needs_poppler = pytest.mark.skipif(
    not (shutil.which("pdftotext") and shutil.which("pdfinfo")),
    reason="poppler-utils not installed",
)


@pytest.fixture
def demo(tmp_path: Path) -> tuple[Workspace, str, list[str]]:
    """The demo workspace, its 'Online purchase' journey and its card titles."""
    path = tmp_path / "demo.cxmap"
    write_demo(path)
    ws = Workspace.open(path)
    journey = ws.find_journey("Online purchase")
    titles = [t.title for t in ws.touchpoints(journey.id)]
    yield ws, journey.id, titles
    ws.close()


def page_count(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    return int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.M).group(1))


def page_size(pdf: Path, page: int) -> tuple[float, float]:
    info = subprocess.run(["pdfinfo", "-f", str(page), "-l", str(page), str(pdf)],
                          capture_output=True, text=True, check=True).stdout  # fmt: skip
    w, h = re.search(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info).groups()
    return float(w), float(h)


def page_text(pdf: Path, page: int) -> str:
    out = subprocess.run(["pdftotext", "-raw", "-f", str(page), "-l", str(page), str(pdf), "-"],
                         capture_output=True, text=True, check=True).stdout  # fmt: skip
    # in drawing order (-raw), a title wrapped onto two lines reads as one; "ﬁ" reads as "fi"
    return " ".join(unicodedata.normalize("NFKC", out).split())


def shows(text: str, title: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(' '.join(title.split()))}(?!\w)", text) is not None


def friction_overlay(ws: Workspace, journey_id: str) -> dict:
    first = ws.touchpoints(journey_id)[0]
    return {"metrics": [{"touchpoint_id": first.id, "reach": 5, "friction": 0.9}]}


@needs_poppler
def test_demo_journey_is_one_page_with_every_card(qapp, demo, tmp_path: Path) -> None:
    ws, journey_id, titles = demo
    out = export_image(
        ws, journey_id, tmp_path / "map.pdf", overlay=friction_overlay(ws, journey_id)
    )
    assert page_count(out) == 1
    w, h = page_size(out, 1)
    assert w < h  # portrait: the demo's eleven lanes make it taller than wide
    assert (round(w), round(h)) in {(595, 842), (842, 1191)}  # A4 or A3
    text = page_text(out, 1)
    assert "Online purchase" in text and "Exported" in text
    assert "Friction" in text  # the legend is on the page
    assert [t for t in titles if not shows(text, t)] == []


@needs_poppler
def test_tiles_never_cut_a_card_and_repeat_the_header(qapp, demo, tmp_path: Path) -> None:
    ws, journey_id, titles = demo
    out = export_image(ws, journey_id, tmp_path / "tiles.pdf", pages="tile",
                       overlay=friction_overlay(ws, journey_id))  # fmt: skip
    n = page_count(out)
    assert n > 1
    texts = [page_text(out, p) for p in range(1, n + 1)]
    first = tuple(map(round, page_size(out, 1)))
    assert first in ((842, 595), (595, 842))  # A4, turned the way it tiles best
    for p, text in enumerate(texts, start=1):
        assert tuple(map(round, page_size(out, p))) == first  # one orientation: a poster
        assert "Online purchase" in text and f"page {p} of {n}" in text and "Friction" in text
        assert any(shows(text, t) for t in titles), f"page {p} has no card"
    for title in titles:  # whole, on exactly one page
        assert sum(shows(text, title) for text in texts) == 1, title


def test_pages_are_shared_out_evenly_between_stages() -> None:
    assert group_bands([220.0] * 6, 1256.0) == [(0, 3), (3, 6)]
    assert group_bands([100.0, 500.0, 100.0], 300.0) == [(0, 1), (1, 2), (2, 3)]
    assert group_bands([], 100.0) == []


@pytest.mark.skipif(not shutil.which("pdftoppm"), reason="poppler-utils not installed")
def test_emotion_band_prints_muted(qapp, demo, tmp_path: Path) -> None:
    """PDF drops a gradient's transparency: the band printed as a saturated red/green block."""
    from PySide6.QtGui import QColor, QImage

    ws, journey_id, _ = demo
    out = export_image(ws, journey_id, tmp_path / "map.pdf")
    subprocess.run(["pdftoppm", "-r", "40", "-png", "-singlefile", str(out), str(tmp_path / "p")],
                   check=True)  # fmt: skip
    image = QImage(str(tmp_path / "p.png"))
    loud = total = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            c = QColor(image.pixel(x, y))
            total += 1
            vivid = c.hsvSaturation() > 120 and c.value() > 120
            loud += vivid and (90 <= c.hue() <= 160 or c.hue() < 15 or c.hue() > 345)
    assert loud / total < 0.01, f"{loud / total:.1%} of the page is saturated red or green"


@needs_poppler
def test_cli_tiles_on_request(qapp, demo, tmp_path: Path) -> None:
    from cxmapper.cli import main

    ws, _, _ = demo
    ws.close()
    fit, tiled = tmp_path / "fit.pdf", tmp_path / "tiled.pdf"
    args = ["export", str(ws.path), "--journey", "Online purchase"]
    assert main([*args, "--pdf", str(fit)]) == 0
    assert main([*args, "--pdf", str(tiled), "--pages", "tile"]) == 0
    assert page_count(fit) == 1 and page_count(tiled) > 1
    with pytest.raises(SystemExit) as refused:  # argparse refuses an unknown mode
        main([*args, "--pdf", str(tmp_path / "x.pdf"), "--pages", "poster"])
    assert refused.value.code == 2 and not (tmp_path / "x.pdf").exists()


@needs_poppler
def test_a_small_journey_prints_on_a4(
    qapp, file_ws: Workspace, small_journey, tmp_path: Path
) -> None:
    """A3 only when A4 would shrink the cards below readable size: the demo needs it, a
    three-stage journey does not."""
    out = export_image(file_ws, small_journey["journey"], tmp_path / "small.pdf")
    assert page_count(out) == 1
    assert tuple(map(round, page_size(out, 1))) == (842, 595)
    assert shows(page_text(out, 1), "Home page")


def test_the_legend_strip_below_the_grid_is_not_printed(
    qapp, demo, tmp_path: Path, monkeypatch
) -> None:
    """The page header draws the overlay legend; the scene's legend strip below the grid
    (part of content_rect since the legend moved there) would print as an empty band and
    shrink the map, so the page shows headers and grid only, as large as without an overlay."""
    from cxmapper.ui.render.image import _Rendered

    ws, journey_id, _ = demo
    drawn: list[tuple[float, float, float]] = []  # (target width, target height, source bottom)
    original = _Rendered.render

    def spy(self, painter, target, source=None) -> None:
        drawn.append((target.width(), target.height(), source.bottom()))
        grid = self.scene.grid
        assert source.bottom() <= grid.height + 1  # nothing of the strip below the grid
        original(self, painter, target, source)

    monkeypatch.setattr(_Rendered, "render", spy)
    export_image(ws, journey_id, tmp_path / "plain.pdf")
    export_image(ws, journey_id, tmp_path / "heat.pdf", overlay=friction_overlay(ws, journey_id))
    assert len(drawn) == 2
    assert drawn[1] == pytest.approx(drawn[0])  # the overlay's map is as large as the plain one
