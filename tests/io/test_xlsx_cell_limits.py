"""Every cell the export writes fits Excel's 32,767-character limit (UTF-16 units, as Excel
counts), is cut visibly with the mark when it cannot, and holds only what XML can carry."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont

from cxmapper.io.xlsx_export import export_xlsx
from cxmapper.io.xlsx_import import plan_xlsx_import
from cxmapper.io.xlsx_safe import (
    MAX_CELL_CHARS,
    TRUNCATION_MARK,
    clean_rich_text,
    clean_text,
    restore_cut,
    utf16_len,
)
from cxmapper.model.workspace import Workspace
from tests.io.hostile_text import build


def cells(path: Path) -> list[tuple[str, str, str]]:
    """(sheet, coordinate, text) of every cell, rich text as its plain text."""
    wb = openpyxl.load_workbook(path, rich_text=True)
    return [
        (ws.title, c.coordinate, str(c.value))
        for ws in wb.worksheets
        for row in ws.iter_rows()
        for c in row
        if c.value is not None
    ]


def over_limit(path: Path) -> list[tuple[str, str, int]]:
    return [(s, xy, utf16_len(t)) for s, xy, t in cells(path) if utf16_len(t) > MAX_CELL_CHARS]


def test_hostile_journey_cells_fit(file_ws: Workspace, tmp_path: Path) -> None:
    ids = build(file_ws)
    tp = file_ws.get("touchpoint", ids["tp:long"])
    out = export_xlsx(file_ws, ids["journey"], tmp_path / "h.xlsx")
    assert over_limit(out) == []
    card = next(t for s, _, t in cells(out) if s == "Map" and t.startswith(tp.title[:50]))
    assert MAX_CELL_CHARS - 10 < utf16_len(card) <= MAX_CELL_CHARS and TRUNCATION_MARK in card
    assert "Owner: " in card and "CSAT" in card  # title and channel cut, the KPI line kept
    emoji = next(t for s, _, t in cells(out) if s == "Touchpoints" and t.startswith("😀"))
    assert utf16_len(emoji) == MAX_CELL_CHARS and emoji.endswith(TRUNCATION_MARK)


def test_emoji_heavy_baseline_fits(file_ws: Workspace, small_journey: dict[str, str],
                                   tmp_path: Path) -> None:  # fmt: skip
    """The hidden sheet packs its lines into cells by characters: escaped as ASCII, no emoji
    counts twice."""
    ws, ids = file_ws, small_journey
    for n in range(120):
        ws.add_touchpoint(ids["use"], ids["web"], f"{n} " + "😀" * 400, description="👍🏽" * 240)
    out = export_xlsx(ws, ids["journey"], tmp_path / "e.xlsx")
    assert over_limit(out) == []
    assert plan_xlsx_import(ws, out).changes == []


def test_long_journey_name_and_xml_illegal_characters(file_ws: Workspace, tmp_path: Path) -> None:
    """A 40,000-character journey name no longer cuts the hidden sheet's header (the import
    said 'damaged'); U+FFFE / U+FFFF no longer make the save fail."""
    j = file_ws.add_journey("J" * 40_000)
    stage = file_ws.add_stage(j.id, "S\ufffe")
    lane = file_ws.add_lane(j.id, "L\uffff")
    file_ws.add_touchpoint(stage.id, lane.id, "a\ufffeb", description="\uffff")
    out = export_xlsx(file_ws, j.id, tmp_path / "n.xlsx")
    assert over_limit(out) == []
    assert not any("\ufffe" in t or "\uffff" in t for _, _, t in cells(out))
    plan = plan_xlsx_import(file_ws, out)
    assert plan.changes == [] and plan.conflicts == []


def test_clean_text_cuts_by_utf16_units() -> None:
    text = "a" + "😀" * 20_000
    cut = clean_text(text)
    assert cut.endswith(TRUNCATION_MARK) and utf16_len(cut) <= MAX_CELL_CHARS
    assert text.startswith(cut[: -len(TRUNCATION_MARK)])
    assert clean_text("x" * MAX_CELL_CHARS) == "x" * MAX_CELL_CHARS  # at the limit: whole
    assert clean_text("a\r\nb\rc\x00\x1fd\te") == "a\nb\ncd\te"


def test_line_feeds_and_tabs_pass_and_other_control_characters_go() -> None:
    """legal_text returns text whose only control characters are LF and tab as it is (issue
    18: without a regular expression over it), and still drops the rest around them."""
    assert clean_text('["a", "b"]\n["c",\t"d"]') == '["a", "b"]\n["c",\t"d"]'
    assert clean_text("a\nb\x7f\tc") == "a\nb\x7f\tc"  # DEL is legal XML
    assert clean_text("a\nb\x01\tc\x0b") == "a\nb\tc"
    assert clean_text("a\n\rb\t") == "a\n\nb\t"


def test_rich_text_is_cut_in_its_longest_run() -> None:
    bold = InlineFont(b=True)
    rich = CellRichText([TextBlock(bold, "t" * 40_000), "\nOwner: Ann", TextBlock(bold, "\nKPI")])
    cut = clean_rich_text(rich)
    assert utf16_len(str(cut)) == MAX_CELL_CHARS
    assert str(cut).endswith("t" + TRUNCATION_MARK + "\nOwner: Ann\nKPI")
    assert cut[0].font is bold
    many = clean_rich_text(CellRichText(["x" * 10_000 for _ in range(5)]))  # cut alike
    assert utf16_len(str(many)) <= MAX_CELL_CHARS and len({len(run) for run in many}) == 1
    small = CellRichText(["a\x07b", TextBlock(bold, "c\r\nd")])
    assert str(clean_rich_text(small)) == "abc\nd"


def test_restore_cut() -> None:
    stored = "".join(f"{i:05d} " for i in range(7_000))
    shown = clean_text(stored)
    assert restore_cut("NEW" + shown[3:], stored) == "NEW" + stored[3:]
    assert restore_cut("NEW" + shown[3 : -len(TRUNCATION_MARK)], stored) == (
        "NEW" + shown[3 : -len(TRUNCATION_MARK)]
    )  # mark deleted: the owner's text is the whole value
    assert restore_cut("short …[cut]", "short") == "short …[cut]"  # never cut: as typed


def test_friction_sheets_with_hostile_text_fit(file_ws: Workspace, tmp_path: Path) -> None:
    ids = build(file_ws)
    tps = [ids[k] for k in ("tp:long", "tp:long emoji", "tp:control", "tp:crlf")]
    data = {
        "dataset_name": "log\r\n" + "😀" * 20_000, "n_cases": 10, "n_events": 90,
        "metrics": [{"touchpoint_id": t, "reach": 8, "events": 12, "dropoff_rate": 0.4,
                     "friction": 0.8, "reasons": ["x\x00" * 20_000]} for t in tps],
        "transitions": [{"source_id": tps[0], "target_id": tps[1], "cases": 7, "median_seconds": 12.0}],
        "funnel": [{"label": "=Stage\x01" * 5_000, "cases": 10, "share": 1.0}],
    }  # fmt: skip
    out = export_xlsx(file_ws, ids["journey"], tmp_path / "f.xlsx", analysis=data)
    assert {"Friction map", "Friction"} <= set(openpyxl.load_workbook(out).sheetnames)
    assert over_limit(out) == []
    assert plan_xlsx_import(file_ws, out).changes == []
