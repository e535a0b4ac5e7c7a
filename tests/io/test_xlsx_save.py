"""The fast workbook writer (io/xlsx_save, issue 18) writes the very bytes openpyxl writes:
every part of the package is compared with `Workbook.save` of the same workbook, on a real
export of hostile text and on a sheet holding every kind of cell openpyxl can write."""

from __future__ import annotations

import datetime as dt
import gc
import re
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.cell.cell import Cell
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook
from openpyxl.worksheet.formula import ArrayFormula, DataTableFormula

from cxmapper.io import xlsx_style as st
from cxmapper.io.gc_pause import collection_paused
from cxmapper.io.xlsx_export import build_workbook
from cxmapper.io.xlsx_merge import Sent, shown, stored
from cxmapper.io.xlsx_safe import cell_bounds, is_plain_text, new_cell, put
from cxmapper.io.xlsx_save import save_workbook
from cxmapper.model.workspace import Workspace
from tests.io.hostile_text import HOSTILE, build

_MODIFIED = re.compile(rb"<dcterms:modified[^>]*>[^<]*</dcterms:modified>")


def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: _MODIFIED.sub(b"", z.read(n)) for n in z.namelist()}  # the save time


def _assert_same_as_openpyxl(wb: Workbook, tmp_path: Path) -> dict[str, bytes]:
    # openpyxl's first save sets outlineLevelCol on each sheet, which later saves then write:
    # one save first, so both writers see the same workbook
    wb.save(tmp_path / "first.xlsx")
    wb.save(tmp_path / "openpyxl.xlsx")
    save_workbook(wb, tmp_path / "fast.xlsx")
    theirs, ours = _parts(tmp_path / "openpyxl.xlsx"), _parts(tmp_path / "fast.xlsx")
    assert list(ours) == list(theirs)
    for name, data in theirs.items():
        assert ours[name] == data, name
    return ours


def test_a_real_export_of_hostile_text_is_written_byte_for_byte(tmp_path: Path) -> None:
    ws = Workspace.create(tmp_path / "hostile.cxmap")
    journey = build(ws)["journey"]
    wb = build_workbook(ws, journey)
    ws.close()
    parts = _assert_same_as_openpyxl(wb, tmp_path)
    assert len([n for n in parts if n.startswith("xl/worksheets/sheet")]) > 10


def test_every_kind_of_cell_is_written_byte_for_byte(tmp_path: Path) -> None:
    wb = Workbook()
    sheet = wb.active
    assert sheet is not None
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="FFEEAA")
    rows: list[list[Any]] = [
        ["plain", "a & b < c > d \"q\" 'q'", "  spaced  ", "Ünïcödé ≥ 3 · 😀", "tab\tand\nline"],
        [0, -1, 3.25, 1e-12, 12345678901234567890],
        [True, False, None, "", 2.0 / 3.0, float("nan"), float("-inf")],
        [dt.date(2026, 12, 6), dt.datetime(2026, 12, 6, 3, 4, 5), dt.time(7, 8), "=SUM(B2:C2)"],
    ]
    for r, values in enumerate(rows, start=1):
        for c, value in enumerate(values, start=1):
            cell = sheet.cell(r, c)
            cell.value = value
            if (r + c) % 2:
                cell.font, cell.fill = bold, fill
    runs: list[str | TextBlock] = [TextBlock(InlineFont(b=True), "Bold "), "and plain ≥ & < 😀"]
    sheet.cell(5, 1).value = CellRichText(runs)
    sheet.cell(5, 2).alignment = Alignment(wrap_text=True)  # styled, no value
    sheet.cell(5, 3).value = "=text"
    sheet.cell(5, 3).data_type = "s"
    sheet.cell(5, 3).quotePrefix = True
    sheet.cell(6, 1).value = "linked"
    sheet.cell(6, 1).hyperlink = "https://example.com/?a=1&b=2"
    sheet.cell(6, 2).value = "noted"
    sheet.cell(6, 2).comment = Comment("a note", "Ann")
    sheet.cell(6, 3).value = ArrayFormula("C6:C6", "=SUM(A2:B2)")
    sheet.cell(7, 1).value = "#N/A"
    sheet.cell(7, 1).data_type = "e"
    sheet.cell(7, 2).value = DataTableFormula("B7", dt2D=True, r1="A1", r2="A2")
    sheet.merge_cells("A8:C9")
    sheet.cell(8, 1).value = "merged"
    sheet.row_dimensions[10].height = 30  # a row with no cells
    sheet.row_dimensions[2].height = 20
    sheet.row_dimensions[3].hidden = True  # rows with more than a height
    sheet.row_dimensions[4].height = 0
    sheet.row_dimensions[4].outlineLevel = 1
    sheet.row_dimensions[12].font = bold
    sheet.row_dimensions[13].height = 12.75
    for col, when in enumerate((dt.datetime(1900, 1, 3), dt.datetime(2026, 12, 6, 3, 4, 5)), 4):
        sheet.cell(9, col).value = when  # a date written before (the same serial), one not
        sheet.cell(11, col).value = when
        sheet.cell(11, col).number_format = "yyyy-mm-dd"
    sheet.cell(11, 6).value = dt.datetime(2026, 1, 2)
    sheet.cell(11, 6).hyperlink = "https://example.com/day"
    sheet.cell(11, 7).fill = fill  # styled and empty
    sheet.cell(11, 8).comment = Comment("an empty cell's note", "Ann")
    other = wb.create_sheet("Second")
    other.cell(1, 1).value = "plain"
    other.cell(1, 1).font = bold  # the same style as on the first sheet: one style id
    parts = _assert_same_as_openpyxl(wb, tmp_path)
    assert b"&amp; b &lt; c &gt; d" in parts["xl/worksheets/sheet1.xml"]
    reread = openpyxl.load_workbook(tmp_path / "fast.xlsx")["Sheet"]
    assert reread.cell(1, 4).value == "Ünïcödé ≥ 3 · 😀"
    assert reread.cell(1, 3).value == "  spaced  "
    assert reread.cell(6, 2).comment is not None


def test_a_write_only_workbook_is_saved_by_openpyxl(tmp_path: Path) -> None:
    wb = Workbook(write_only=True)
    sheet = wb.create_sheet("Rows")
    sheet.append(["a", 1])
    save_workbook(wb, tmp_path / "w.xlsx")
    reread = openpyxl.load_workbook(tmp_path / "w.xlsx")["Rows"]
    assert [c.value for c in reread[1]] == ["a", 1]


def test_the_baseline_of_a_row_is_shown_and_stored_as_defined() -> None:
    """Sent.of computes `stored` only for text the export alters (issue 18); the result is
    the definition's: `shown` of every value, `stored` where that differs."""
    values: dict[str, Any] = {f"text {k}": v for k, v in HOSTILE.items()}
    values.update({"int": 7, "float": 2.5, "none": None, "date": "2026-12-06", "cr": "a\rb"})
    values.update({"plain": "plain", "spaced": "  spaced ", "500": "a" * 500, "501": "b" * 501,
                   "formula": "=SUM(A1)", "number": " 007 ", "tab": "a\tb", "é": "é" * 3})  # fmt: skip
    sent = Sent.of(values)
    assert sent.shown == {k: shown(v) for k, v in values.items()}
    assert sent.stored == {k: stored(v) for k, v in values.items() if stored(v) != shown(v)}
    assert set(sent.stored) >= {"text long", "text control", "text crlf", "cr"}


def test_text_written_without_put_is_what_put_writes(tmp_path: Path) -> None:
    """Styler.write sets plain text directly (issue 18); `is_plain_text` admits only text that
    `put()` would write unchanged and without a quote prefix."""
    wb = Workbook()
    sheet = wb.active
    assert sheet is not None
    samples = ["plain", "", " spaced ", "a" * 16_383, "a" * 16_384, "=SUM(A1)", "-5", "tab\tx",
               "line\nbreak", "é", "@x", "+1", "ok 100%"]  # fmt: skip
    for row, text in enumerate(samples, start=1):
        cell = put(sheet.cell(row, 1), text)
        if is_plain_text(text):
            assert (cell.value, cell.data_type, cell.quotePrefix) == (text, "s", False), text
    assert [is_plain_text(t) for t in samples] == [
        True, True, True, True, False, False, False, False, False, False, False, False, True,
    ]  # fmt: skip


def test_a_new_cell_is_the_cell_openpyxl_makes() -> None:
    """new_cell fills Cell's slots itself (issue 18): every slot as `Cell(...)` fills it, the
    style array copied (a later change to one cell's style must not reach another)."""
    wb = Workbook()
    sheet = wb.active
    assert sheet is not None
    template = put(sheet.cell(1, 1), "styled")
    template.font = Font(bold=True)
    template_style: Any = template._style  # type: ignore[attr-defined]  # a slot the stubs omit
    for style in (None, template_style):
        ours: Any = new_cell(sheet, 2, 3, style)
        theirs: Any = Cell(sheet, row=2, column=3, style_array=style)
        cells: Any = sheet._cells  # a slot the stubs omit, as above
        for slot in ("row", "column", "_value", "data_type", "parent", "_hyperlink", "_comment"):
            assert getattr(ours, slot) == getattr(theirs, slot), slot
        assert type(ours._style) is type(theirs._style) and ours._style == theirs._style
        assert style is None or ours._style is not style
        assert cells[(2, 3)] is ours
    ours.font = Font(italic=True)
    assert template.font.b and not template.font.i


def test_the_collector_is_paused_while_exporting_and_restored_after() -> None:
    assert gc.isenabled()
    with collection_paused():
        assert not gc.isenabled()
        with collection_paused():  # nested (or another thread's export): still paused
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with collection_paused():
            pass
        assert not gc.isenabled()  # paused by someone else: left as it was
    finally:
        gc.enable()


def test_a_column_writer_makes_the_cells_write_makes() -> None:
    """Styler.writer makes its cells inline (issue 18): each is the cell Styler.write makes for
    the same value, slot by slot, with its own copy of the style array, whatever the value
    (text put() must change or quote, numbers, nothing) and whether or not the combination
    was seen before."""
    wb = Workbook()
    sheet = wb.active
    assert sheet is not None
    values: list[Any] = ["plain", "", "=SUM(A1)", "é ≥", "a\rb", "a" * 16_384, 3, 2.5, None,
                         0, float("nan"), True, dt.date(2026, 12, 6), dt.datetime(2026, 12, 6, 7),
                         dt.datetime(2026, 1, 1), *HOSTILE.values()]  # fmt: skip
    bold = Font(bold=True)
    fills = (None, PatternFill("solid", fgColor="FFEEAA"), None, None)
    formats = ("0.0", "0.0", "yyyy-mm-dd hh:mm", None)  # dates keep a date format only
    for col, (fill, number_format) in enumerate(zip(fills, formats, strict=True), start=1):
        styler = st.Styler()
        write = styler.writer(font=bold, fill=fill, alignment=st.TOP, number_format=number_format)
        for row, value in enumerate(values, start=1):
            ours: Any = write(sheet, row, col, value)
            theirs: Any = styler.write(sheet, row, col + 10, value, font=bold, fill=fill,
                                       alignment=st.TOP, number_format=number_format)  # fmt: skip
            for slot in ("row", "_value", "data_type", "parent", "_hyperlink", "_comment"):
                same = getattr(ours, slot) == getattr(theirs, slot) or value != value  # NaN
                assert same and type(ours._value) is type(theirs._value), (slot, value)
            assert ours._style == theirs._style and ours._style is not theirs._style, value
            assert type(ours._style) is type(theirs._style)
            assert sheet._cells[(row, col)] is ours  # type: ignore[attr-defined]
    made: Any = sheet.cell(3, 1)  # made inline, the combination known
    made.font = Font(italic=True)  # one cell's own style: no other cell changes
    assert sheet.cell(4, 1).font.b and not sheet.cell(4, 1).font.i
    assert styler.write(sheet, 40, 1, "x", font=bold, alignment=st.TOP, number_format="0.0").font.b


def test_a_row_height_is_the_dimension_openpyxl_makes() -> None:
    """xlsx_style.row_height makes a new row's dimension without its constructor (issue 18):
    the same attributes, owner and style as `ws.row_dimensions[row].height = h` makes, and an
    existing dimension keeps its other settings."""
    wb = Workbook()
    sheet = wb.active
    assert sheet is not None
    for row, height in enumerate((27, 13.5, 0, 409.5), start=1):
        st.row_height(sheet, row, height)
        sheet.row_dimensions[row + 10].height = height
        ours: Any = sheet.row_dimensions[row]
        theirs: Any = sheet.row_dimensions[row + 10]
        assert type(ours) is type(theirs) and ours.parent is theirs.parent is sheet
        assert ours.__dict__ == {**theirs.__dict__, "index": row}, height
        assert ours._style is theirs._style is None and dict(ours) == dict(theirs)
    sheet.row_dimensions[30].hidden = True
    st.row_height(sheet, 30, 20)
    assert sheet.row_dimensions[30].hidden and sheet.row_dimensions[30].height == 20


def test_cell_bounds_are_what_openpyxl_computes() -> None:
    """cell_bounds replaces calculate_dimension, max_row and max_column (issue 18)."""
    wb = Workbook()
    sheet = wb.active
    assert sheet is not None
    assert cell_bounds(sheet) is None and sheet.calculate_dimension() == "A1:A1"
    for row, col in ((5, 3), (2, 30), (700, 2), (9, 800)):
        sheet.cell(row, col)
        top, left, bottom, right = cell_bounds(sheet) or (0, 0, 0, 0)
        assert (sheet.min_row, sheet.min_column, sheet.max_row, sheet.max_column) == (
            top, left, bottom, right,
        )  # fmt: skip
        assert sheet.calculate_dimension() == (
            f"{get_column_letter(left)}{top}:{get_column_letter(right)}{bottom}"
        )
