"""A one-page PDF fills its page: the drawn map spans at least 95 % of the printable width or
of the height below the header, whichever binds, and a tall journey (the demo: eleven lanes
under six stages) is not printed in the middle half of a landscape sheet but on a portrait one.

The drawn map is measured in the page itself, rendered by poppler's pdftoppm (the tests skip
where poppler-utils is not installed): the box of every non-white pixel below the header.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest

from cxmapper.model.demo import write_demo
from cxmapper.model.workspace import Workspace
from cxmapper.ui.render import pdf
from cxmapper.ui.render.image import export_image

pytestmark = pytest.mark.skipif(not shutil.which("pdftoppm"), reason="poppler-utils not installed")

DPI = 40


def page_pixels(path: Path, folder: Path) -> np.ndarray:
    from PySide6.QtGui import QImage

    subprocess.run(["pdftoppm", "-r", str(DPI), "-gray", "-singlefile", str(path),
                    str(folder / "page")], check=True)  # fmt: skip
    image = QImage(str(folder / "page.pgm")).convertToFormat(QImage.Format.Format_Grayscale8)
    rows = [np.frombuffer(image.constScanLine(y), np.uint8, image.width()) for y in range(image.height())]  # fmt: skip
    return np.array(rows)


def map_fill(path: Path, folder: Path) -> tuple[float, float, bool]:
    """(share of the printable width, share of the map area's height) the drawn map spans,
    and whether the page is portrait."""
    gray = page_pixels(path, folder)
    px = DPI / 25.4
    margin, top = pdf.PAGE_MARGIN_MM * px, (pdf.PAGE_MARGIN_MM + pdf.HEADER_MM + pdf.GAP_MM) * px
    h, w = gray.shape
    area = gray[round(top) : round(h - margin), round(margin) : round(w - margin)]
    ys, xs = np.nonzero(area < 250)
    assert len(xs), "nothing drawn below the header"
    width = (xs.max() - xs.min() + 1) / area.shape[1]
    height = (ys.max() - ys.min() + 1) / area.shape[0]
    return width, height, h > w


def grid_journey(ws: Workspace, name: str, stages: int, lanes: int) -> str:
    j = ws.add_journey(name)
    ss = [ws.add_stage(j.id, f"Stage {i + 1}") for i in range(stages)]
    ls = [ws.add_lane(j.id, f"Lane {i + 1}") for i in range(lanes)]
    for s in ss:
        for lane in ls:
            ws.add_touchpoint(s.id, lane.id, f"{s.name} in {lane.name}")
    return j.id


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    write_demo(tmp_path / "demo.cxmap")
    ws = Workspace.open(tmp_path / "demo.cxmap")
    yield ws
    ws.close()


def test_the_demo_fills_a_portrait_page(qapp, ws: Workspace, tmp_path: Path) -> None:
    out = export_image(ws, ws.find_journey("Online purchase").id, tmp_path / "demo.pdf")
    width, height, portrait = map_fill(out, tmp_path)
    assert portrait
    assert max(width, height) >= 0.95  # the binding dimension
    # its shape is close to the portrait map area's: both are nearly filled (on a landscape
    # page the map spanned the height and 47-49 % of the width)
    assert min(width, height) >= 0.85, (width, height)


@pytest.mark.parametrize(
    ("stages", "lanes", "portrait"),
    [(8, 3, False), (2, 10, True), (4, 4, False)],  # 2 x 10: 27 % of a landscape width
    ids=["wide", "very-tall", "square"],
)
def test_the_map_fills_the_binding_dimension(
    qapp, ws: Workspace, tmp_path: Path, stages: int, lanes: int, portrait: bool
) -> None:
    journey = grid_journey(ws, "Grid", stages, lanes)
    out = export_image(ws, journey, tmp_path / "grid.pdf")
    width, height, is_portrait = map_fill(out, tmp_path)
    assert is_portrait == portrait
    assert max(width, height) >= 0.95, (width, height)
