"""The demo workbook (with its analysis) as it prints: every sheet landscape, one page wide and
as many tall as it needs, its header repeated, no raw id printed (id columns hidden and left
out of the print area, but still in the workbook for the round trip), the wide Touchpoints
sheet on A3 at a readable scale, and the change log's print area cut to its newest rows."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.utils import column_index_from_string, get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from cxmapper.cli import main
from cxmapper.io.xlsx_one_page import A4_HEIGHT_PT, height_points
from cxmapper.io.xlsx_print import A3_WIDTH_UNITS, A4_WIDTH_UNITS, MIN_SCALE, bounds, width_units
from cxmapper.present import language

# one worker runs the whole module, so its module-scoped fixtures are built once, not once
# per worker that gets one of its tests (issue 18)
pytestmark = pytest.mark.xdist_group("io/test_xlsx_print_setup")

MAPS = ("Map", "Friction map")
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("print")
    ws, out = tmp / "demo.cxmap", tmp / "demo.xlsx"
    assert main(["--lang", "en", "demo", str(ws)]) == 0
    assert main(["--lang", "en", "import", str(ws), str(tmp / "demo-events.csv"), "--name",
                 "events", "--journey", "Online purchase"]) == 0  # fmt: skip
    assert main(["--lang", "en", "export", str(ws), "--journey", "Online purchase",
                 "--dataset", "events", "--xlsx", str(out)]) == 0  # fmt: skip
    language.use_language("en")
    return out


def _visible(path: Path) -> list[Worksheet]:
    wb = load_workbook(path)
    return [s for s in wb.worksheets if s.sheet_state == "visible"]


def _hidden_cols(ws: Worksheet) -> set[int]:
    hidden: set[int] = set()
    for key, dim in ws.column_dimensions.items():
        if dim.hidden:  # a dimension may cover a run of columns (min..max)
            lo, hi = dim.min or column_index_from_string(key), dim.max or 0
            hidden.update(range(lo, max(lo, hi) + 1))
    return hidden


def _area(ws: Worksheet) -> tuple[int, int, int, int]:
    area = ws.print_area
    assert area, f"{ws.title}: no print area"
    ref = area if isinstance(area, str) else area[0]
    return bounds(ref)


def test_every_sheet_prints_landscape_one_page_wide(book: Path) -> None:
    for ws in _visible(book):
        setup = ws.page_setup
        assert setup.orientation == "landscape", ws.title
        tall = 1 if ws.title in MAPS else 0  # a map on one page, the rest as tall as they are
        assert (setup.fitToWidth, setup.fitToHeight) == (1, tall), ws.title
        fit = ws.sheet_properties.pageSetUpPr
        assert fit is not None and fit.fitToPage, ws.title


def test_the_map_sheets_print_on_one_page(book: Path) -> None:
    """LibreOffice printed the demo's Map on two pages (one page wide, as tall as needed):
    a map is fitted 1 wide x 1 tall, on A3 when A4 would print it below `MIN_SCALE`."""
    sheets = {ws.title: ws for ws in _visible(book)}
    for title in MAPS:
        ws = sheets[title]
        setup = ws.page_setup
        assert (setup.orientation, setup.fitToWidth, setup.fitToHeight) == ("landscape", 1, 1)
        fit = ws.sheet_properties.pageSetUpPr
        assert fit is not None and fit.fitToPage
        left, top, right, bottom = _area(ws)
        filled = [(c.row, c.column) for row in ws.iter_rows() for c in row if c.value]
        assert (left, top) == (1, 1)  # the lane labels and the stage headers
        assert right == max(c for _, c in filled) and bottom == max(r for r, _ in filled)
        on_a4 = min(A4_WIDTH_UNITS / width_units(ws, left, right),
                    A4_HEIGHT_PT / height_points(ws, top, bottom))  # fmt: skip
        paper = ws.PAPERSIZE_A4 if on_a4 >= MIN_SCALE else ws.PAPERSIZE_A3
        assert str(setup.paperSize) == paper, title
    assert str(sheets["Map"].page_setup.paperSize) == sheets["Map"].PAPERSIZE_A3  # the demo: A3


def test_governance_health_versions_and_log_repeat_their_header(book: Path) -> None:
    sheets = {ws.title: ws for ws in _visible(book)}
    assert sheets["Governance health"].print_title_rows == "$8:$8"
    assert sheets["Versions"].print_title_rows == "$3:$3"
    assert sheets["Change log"].print_title_rows == "$3:$3"
    assert sheets["Touchpoints"].print_title_rows == "$1:$1"
    # the overdue table's columns are sized for it, not for the change log (7 columns on A4)
    health = sheets["Governance health"]
    assert width_units(health, 1, 7) <= 150


def test_no_id_is_printed_but_every_id_stays_in_the_workbook(book: Path) -> None:
    ids_kept = 0
    for ws in _visible(book):
        hidden = _hidden_cols(ws)
        left = _area(ws)[0]
        assert left not in hidden, f"{ws.title}: print area starts at a hidden column"
        for row in ws.iter_rows():  # the whole sheet: on screen no id shows either
            for cell in row:
                if isinstance(cell.value, str) and UUID.fullmatch(cell.value):
                    assert cell.column in hidden, f"{ws.title}!{cell.coordinate}: id printed"
                    ids_kept += 1
    assert ids_kept > 100  # the ids are there, hidden: the import matches rows by them
    sheets = {ws.title: ws for ws in _visible(book)}
    tp = sheets["Touchpoints"]
    assert tp["A1"].value == "Touchpoint ID" and 1 in _hidden_cols(tp)
    assert _area(tp)[0] == 2  # from Stage on
    values = sheets["Value model"]
    assert 1 in _hidden_cols(values)  # setting keys ("value_per_conversion") are ids too


def test_titles_above_a_hidden_id_column_stay_visible(book: Path) -> None:
    sheets = {ws.title: ws for ws in _visible(book)}
    for title, text in (("Friction", "Friction"), ("Follow-ups", "Follow-ups"),
                        ("Governance", "RACI matrix")):  # fmt: skip
        ws = sheets[title]
        cell = next(c for row in ws.iter_rows(max_row=1) for c in row if c.value == text)
        assert cell.column not in _hidden_cols(ws), title


def test_touchpoints_print_on_a3_at_a_readable_scale(book: Path) -> None:
    ws = {s.title: s for s in _visible(book)}["Touchpoints"]
    left, _top, right, _bottom = _area(ws)
    assert str(ws.page_setup.paperSize) == ws.PAPERSIZE_A3
    assert A3_WIDTH_UNITS / width_units(ws, left, right) >= 0.75  # ~7.5 pt text or larger


def test_change_log_prints_its_newest_rows_only(book: Path) -> None:
    ws = {s.title: s for s in _visible(book)}["Change log"]
    _left, _top, right, bottom = _area(ws)
    assert bottom == 3 + 100 and ws.max_row > bottom  # the sheet holds them all
    assert get_column_letter(right) == "G"
    assert "newest 100" in str(ws["A2"].value)


def test_change_log_rows_are_one_line_unless_their_text_wraps(book: Path) -> None:
    """A timestamp is 19 characters: its column is wide enough, or every row doubled."""
    ws = {s.title: s for s in _visible(book)}["Change log"]
    rows = range(4, ws.max_row + 1)
    tall = [r for r in rows if ws.row_dimensions[r].height]
    assert len(tall) <= 0.25 * len(rows)


def test_wrapped_cells_of_the_round_trip_tables_get_rows_tall_enough(book: Path) -> None:
    """Touchpoints' Key KPI ("Drop-off rate 35.24% (target ≤ 40%)") wraps to two lines; the
    row was one line tall and LibreOffice printed the second over the next row."""
    ws = {s.title: s for s in _visible(book)}["Touchpoints"]
    col = next(c.column for c in ws[1] if c.value == "Key KPI")
    width = ws.column_dimensions[get_column_letter(col)].width
    long_rows = [c.row for c in ws.iter_cols(min_col=col, max_col=col, min_row=2).__next__()
                 if c.value and len(str(c.value)) > width * 1.1]  # fmt: skip
    assert long_rows
    for row in long_rows:
        assert (ws.row_dimensions[row].height or 0) >= 2 * 13.5, row
