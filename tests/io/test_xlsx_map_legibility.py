"""The Map and Friction map sheets as LibreOffice and Excel show them: every rich-text run in a
named font (titles bold), rows tall enough for their wrapped text, the canvas's heat colours."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.utils import get_column_letter

from cxmapper.io.xlsx_export import export_xlsx
from cxmapper.model.workspace import Workspace
from cxmapper.present.heat import heat_hex, heat_range

REASONS = {  # as the analysis words them; the last words are what LibreOffice used to clip
    "home": ["19% of visitors drop off here"],
    "search": ["slow: 90% move on within 13.8 days (over 100x the journey median)"],
    "cart": ["72% of visitors drop off here"],
    "slow": ["35% repeat; 19% of visitors drop off here before paying"],  # wraps at words
}
FRICTION = {"home": 0.097, "search": 0.25, "cart": 0.273, "slow": 0.31}


@pytest.fixture
def book(file_ws: Workspace, journey: dict[str, str], tmp_path: Path):
    ws = file_ws
    # a KPI reading whose status words end a long line ("... near target")
    ws.add_reading(journey["search"], journey["csat"], 4.0, measured_at="2026-03-01T00:00:00+00:00")
    data = {
        "dataset_name": "web-events",
        "n_cases": 10_200,
        "metrics": [
            {"touchpoint_id": journey[k], "reach": 3142, "dropoff_rate": 0.19, "friction": f,
             "reasons": REASONS[k]}
            for k, f in FRICTION.items()
        ],
    }  # fmt: skip
    path = export_xlsx(ws, journey["journey"], tmp_path / "map.xlsx", analysis=data)
    return load_workbook(path, rich_text=True)


def card_cells(sheet):
    for row in sheet.iter_rows(min_row=4, min_col=2):
        for cell in row:
            if isinstance(cell.value, CellRichText):
                yield cell


def test_every_run_names_its_font_and_titles_are_bold(book) -> None:
    for name in ("Map", "Friction map"):
        cells = list(card_cells(book[name]))
        assert len(cells) >= 4, name
        for cell in cells:
            runs = [r for r in cell.value if isinstance(r, TextBlock)]
            assert len(runs) == len(cell.value), f"{name}!{cell.coordinate}: a run without a font"
            for run in runs:
                assert run.font.rFont == "Calibri" and run.font.sz, f"{name}!{cell.coordinate}"
            assert runs[0].font.b, f"{name}!{cell.coordinate}: the title is not bold"


def wrapped(text: str, width: float, size: float) -> int:
    """Lines of `text` wrapped at word boundaries in a column `width` wide, counting a glyph
    as wide as Calibri's '0' at `size` points (the column unit is one '0' at 11 pt)."""
    chars = max(int(width * 11 / size), 1)
    return sum(
        max(len(textwrap.wrap(p, chars, break_on_hyphens=False)), 1) for p in text.split("\n")
    )


def test_rows_are_tall_enough_for_their_wrapped_text(book) -> None:
    for name in ("Map", "Friction map"):
        sheet = book[name]
        for cell in card_cells(sheet):
            width = sheet.column_dimensions[get_column_letter(cell.column)].width
            need = sum(wrapped(r.text.removeprefix("\n"), width, r.font.sz) * r.font.sz * 1.2
                       for r in cell.value)  # fmt: skip
            height = sheet.row_dimensions[cell.row].height
            assert height >= need, f"{name}!{cell.coordinate}: {height} pt < {need:.1f} pt"


def test_friction_map_fills_are_the_canvas_heat_colours(book, journey: dict[str, str]) -> None:
    sheet = book["Friction map"]
    # the sheet's tint spans the journey's own range, as the canvas (present.heat.heat_range)
    scale = heat_range(FRICTION.values())
    assert scale is not None
    seen = {}
    for cell in card_cells(sheet):
        title = cell.value[0].text
        seen[title] = cell.fill.fgColor.rgb[-6:]
    titles = {
        "home": "Home page",
        "search": "Search",
        "cart": "Cart  [goal]",
        "slow": "Slow checkout",
    }
    for key, f in FRICTION.items():
        assert seen[titles[key]] == heat_hex(scale.fraction(f)), key
    assert seen["=1+1"] == heat_hex(None)  # no value: the scale's neutral grey


def test_friction_map_text_is_readable_on_its_fill(book) -> None:
    """Grey owner lines on a dark heat fill were unreadable: every run keeps WCAG AA contrast."""
    from cxmapper.present.heat import contrast

    def rgb(argb: str) -> tuple[int, int, int]:
        return tuple(int(argb[-6:][i : i + 2], 16) for i in (0, 2, 4))  # type: ignore[return-value]

    for cell in card_cells(book["Friction map"]):
        fill = rgb(cell.fill.fgColor.rgb)
        for run in cell.value:
            ink = rgb(run.font.color.rgb)
            assert contrast(ink, fill) >= 4.5, f"{cell.coordinate} {run.text.strip()!r}"
