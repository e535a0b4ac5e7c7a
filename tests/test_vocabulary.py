"""One vocabulary: one heat scale, one channel palette and one word per KPI status on the
canvas, in pictures, in the workbook and in the CLI; labels change without touching keys."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtGui import QColor

from cxmapper.cli import main
from cxmapper.errors import ValidationError
from cxmapper.io import xlsx_style
from cxmapper.io.friction_data import TouchpointMetrics
from cxmapper.io.xlsx_export import export_xlsx
from cxmapper.io.xlsx_sheets import map_sheet
from cxmapper.model.validation import CHOICES, RANGES, REQUIRED_TEXT, validate_values
from cxmapper.model.workspace import Workspace
from cxmapper.present import card_text, heat, labels, palette
from cxmapper.ui.canvas import style

STEPS = [i / 20 for i in range(21)]


def test_the_heat_scale_is_colour_blind_safe_and_readable() -> None:
    """Lightness falls strictly from the palest to the darkest end, so the order reads the same
    with any colour vision (and in grey print); text on every step has WCAG AA contrast."""
    lum = [heat.luminance(heat.heat_rgb(f)) for f in STEPS]
    assert all(a > b for a, b in itertools.pairwise(lum)), lum
    assert lum[0] / lum[-1] > 2.5  # a visible range, not a pale wash
    for f in STEPS:
        assert heat.contrast(heat.heat_rgb(f), heat.heat_ink(f)) >= 4.5, f
    for name, matrix in DICHROMACY.items():  # as people with red-green blindness see it
        seen = [simulated_luminance(heat.heat_rgb(f), matrix) for f in STEPS]
        assert all(a > b for a, b in itertools.pairwise(seen)), name


# Viénot, Brettel & Mollon (1999), in linear RGB
DICHROMACY = {
    "protanopia": ((0.11238, 0.88762, 0.0), (0.11238, 0.88762, 0.0), (0.00401, -0.00401, 1.0)),
    "deuteranopia": ((0.29275, 0.70725, 0.0), (0.29275, 0.70725, 0.0), (-0.02234, 0.02234, 1.0)),
}


def simulated_luminance(rgb: tuple[int, int, int], matrix: tuple[tuple[float, ...], ...]) -> float:
    def linear(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    lin = [linear(c) for c in rgb]
    r, g, b = (sum(m * x for m, x in zip(row, lin, strict=True)) for row in matrix)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def test_canvas_pictures_and_workbook_use_the_one_heat_scale() -> None:
    for f in STEPS:
        expected = heat.heat_hex(f)
        assert style.heat_colour(f).name() == "#" + expected.lower()  # canvas and pictures
        assert xlsx_style.friction_colour(f) == expected  # workbook fills and legend
        assert style.heat_ink(f).name() == "#" + heat.hex_of(heat.heat_ink(f)).lower()
        assert xlsx_style.friction_ink(f) == heat.hex_of(heat.heat_ink(f))
    m = TouchpointMetrics(touchpoint_id="t", friction=0.25)
    scale = heat.heat_range([0.0, 50.0])  # the journey's own range, as on the canvas
    fill = map_sheet._card_fill(None, m, overlay=True, scale=scale)  # type: ignore[arg-type]
    assert fill.fgColor.rgb.endswith(heat.heat_hex(0.5))  # the Friction map sheet's cards


def test_mail_is_e_mail_on_the_canvas_and_in_the_workbook() -> None:
    email = palette.CHANNELS["email"]
    for typed in ("mail", "E-mail", " email "):
        assert style.channel_style(typed).colour == QColor(email.colour)  # type: ignore[union-attr]
        assert xlsx_style.channel_colour(typed) == email.tint
    assert palette.channel_key("post") == "letter" != palette.channel_key("mail")
    assert all(labels.channel_label(k) for k in palette.CHANNELS)  # one label per key
    assert style.channel_style("") is None and xlsx_style.channel_colour("") is None
    other = style.channel_style("carrier pigeon")
    assert other is not None and other.letter == palette.OTHER_CHANNEL.glyph


@pytest.fixture
def marked(monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """Every status label replaced by a marker, as a translation would."""
    words = {k: f"<{k}-status>" for k in labels.STATUS_KEYS}
    for key, word in words.items():
        monkeypatch.setitem(labels.STATUS, key, word)
    return words


def test_kpi_status_reads_the_same_everywhere(
    file_ws: Workspace, small_journey: dict[str, str], tmp_path: Path,
    marked: dict[str, str], capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    ids = small_journey
    file_ws.add_reading(ids["home"], ids["csat"], 4.5)  # CSAT target 4.2, higher: on target
    book = export_xlsx(file_ws, ids["journey"], tmp_path / "j.xlsx")
    wb = openpyxl.load_workbook(book)
    kpis = wb["KPIs"]
    status_col = [c.value for c in kpis[1]].index("Status") + 1
    assert kpis.cell(2, status_col).value == marked["green"]
    formulas = {r.formula[0] for cf in kpis.conditional_formatting for r in cf.rules}
    assert formulas == {f'"{marked[k]}"' for k in ("green", "amber", "red")}
    overview = {c.value for row in wb["Overview"].iter_rows() for c in row}
    assert set(marked.values()) <= overview  # the legend
    map_text = "".join(str(c.value) for row in wb["Map"].iter_rows() for c in row)
    assert marked["green"] in map_text  # the card's key KPI
    csat = file_ws.get("kpi", ids["csat"])
    assert card_text.reading_line(csat, 4.5, "green") in map_text  # the canvas's card text
    file_ws.close()
    assert main(["info", file_ws.path]) == 0
    assert f"1 {marked['green']}" in capsys.readouterr().out  # the CLI
    assert main(["info", "--json", file_ws.path]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["journeys"][0]["kpi_status"] == {"green": 1}  # keys, not labels


def test_canvas_badge_and_inspector_say_the_same(
    qapp: object, file_ws: Workspace, small_journey: dict[str, str], marked: dict[str, str]
) -> None:
    from cxmapper.ui.canvas.mirror import JourneyMirror

    ids = small_journey
    file_ws.add_reading(ids["home"], ids["csat"], 4.5)
    mirror = JourneyMirror(file_ws, ids["journey"])
    (badge,) = mirror.content(ids["home"]).badges
    assert badge.status == "green" and marked["green"] in badge.tooltip
    csat = file_ws.get("kpi", ids["csat"])
    assert badge.tooltip == card_text.badge_tooltip(csat, 4.5, "green")  # shared card text


def test_model_errors_name_fields_by_their_labels(monkeypatch: pytest.MonkeyPatch) -> None:
    kinds_and_fields = {
        *((k, f) for k, f in CHOICES), *((k, f) for k, f in RANGES),
        *((k, f) for k, fs in REQUIRED_TEXT.items() for f in fs),
    }  # fmt: skip
    for kind, field in kinds_and_fields:  # every field a rule names has a label
        assert labels.kind_label(kind) and labels.field_label(field)
    with pytest.raises(ValidationError, match=r"^a touchpoint needs a title$"):
        validate_values("touchpoint", {"title": " "})
    monkeypatch.setitem(labels.FIELDS, "title", "heading")
    monkeypatch.setitem(labels.KINDS, "touchpoint", "step")
    with pytest.raises(ValidationError, match=r"^a step needs a heading$"):
        validate_values("touchpoint", {"title": " "})
    with pytest.raises(ValidationError, match=r"^step emotion must be a whole number from -2 to 2"):
        validate_values("touchpoint", {"emotion": 7})
