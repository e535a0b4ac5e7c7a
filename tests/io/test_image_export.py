"""PNG, SVG and PDF of the map, rendered headless through the canvas scene."""

from __future__ import annotations

import re
import struct
from pathlib import Path
from xml.etree import ElementTree

import pytest

from cxmapper.errors import CxError
from cxmapper.model.workspace import Workspace
from cxmapper.ui.render.image import export_image


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def pdf_pages(path: Path) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", path.read_bytes()))


def test_png_scales_with_dpi(
    qapp, file_ws: Workspace, journey: dict[str, str], tmp_path: Path
) -> None:
    small = export_image(file_ws, journey["journey"], tmp_path / "a.png", "png", dpi=96)
    large = export_image(file_ws, journey["journey"], tmp_path / "b.png", "png", dpi=192)
    (w1, h1), (w2, h2) = png_size(small), png_size(large)
    assert w1 > 300 and h1 > 200
    assert abs(w2 - 2 * w1) <= 2 and abs(h2 - 2 * h1) <= 2
    assert [p.name for p in tmp_path.iterdir() if ".cxtmp" in p.name] == []


def test_svg_parses(qapp, file_ws: Workspace, journey: dict[str, str], tmp_path: Path) -> None:
    out = export_image(file_ws, journey["journey"], tmp_path / "map.svg")
    root = ElementTree.parse(out).getroot()
    assert root.tag.endswith("svg")
    text = out.read_text(encoding="utf-8")
    assert "Home page" in text and "Discover" in text


def test_pdf_one_page(qapp, file_ws: Workspace, journey: dict[str, str], tmp_path: Path) -> None:
    out = export_image(file_ws, journey["journey"], tmp_path / "map.pdf")
    assert out.read_bytes()[:5] == b"%PDF-"
    assert pdf_pages(out) == 1


def test_pdf_tiles_a_large_map(
    qapp, file_ws: Workspace, journey: dict[str, str], tmp_path: Path
) -> None:
    ws = file_ws
    for i in range(14):
        stage = ws.add_stage(journey["journey"], f"Stage {i}")
        ws.add_touchpoint(stage.id, journey["web"], f"Card {i}")
    for i in range(6):
        ws.add_lane(journey["journey"], f"Lane {i}")
    out = export_image(ws, journey["journey"], tmp_path / "big.pdf")
    assert pdf_pages(out) == 1  # the default: one page, however large
    out = export_image(ws, journey["journey"], tmp_path / "tiled.pdf", pages="tile")
    assert out.read_bytes()[:5] == b"%PDF-"
    assert pdf_pages(out) > 1
    with pytest.raises(CxError, match="--pages must be fit or tile"):
        export_image(ws, journey["journey"], tmp_path / "x.pdf", pages="poster")


def test_overlay_from_plain_data(
    qapp, file_ws: Workspace, journey: dict[str, str], tmp_path: Path
) -> None:
    data = {"metrics": [{"touchpoint_id": journey["cart"], "reach": 5, "friction": 0.9}]}
    out = export_image(file_ws, journey["journey"], tmp_path / "o.png", dpi=60, overlay=data)
    assert png_size(out)[0] > 100


def test_bad_format_and_dpi(
    qapp, file_ws: Workspace, journey: dict[str, str], tmp_path: Path
) -> None:
    with pytest.raises(CxError, match="png, svg or pdf"):
        export_image(file_ws, journey["journey"], tmp_path / "x.gif")
    with pytest.raises(CxError, match="--dpi"):
        export_image(file_ws, journey["journey"], tmp_path / "x.png", dpi=5000)
