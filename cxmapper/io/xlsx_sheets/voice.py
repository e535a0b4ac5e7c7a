"""Voice of the customer: per touchpoint its responses, share of the journey's responses, NPS
with its 95 % interval, CSAT, CES and top topics; then the Drivers and Improvements sheets.

Written only when the workspace holds a survey. The figures are the feedback report's (one
implementation: `feedback.measures.figures`), the very numbers `cxmapper feedback` prints;
percentages are stored as fractions with a % format and every figure stays a number, so a
reader can sort, filter and compute with them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from cxmapper.io import xlsx_style as st
from cxmapper.io.xlsx_safe import put, sheet_title
from cxmapper.io.xlsx_sheets.common import ExportContext, add_table, header_row
from cxmapper.present import voice_labels as vl
from cxmapper.present.labels import _
from cxmapper.present.locale_format import format_number, format_percent
from cxmapper.present.topic_labels import topic_label
from cxmapper.present.voice_sheet_labels import (
    indicative_mark,
    voice_column_label,
    voice_sheet_label,
)

if TYPE_CHECKING:
    from cxmapper.feedback.report import FeedbackReport

GREY = Font(name=st.FONT_NAME, size=10, color=st.MUTED)  # indicative rows (n < 30)
SIGNED = "+0;-0;0"
SIGNED_1 = "+0.0;-0.0;0.0"
PERCENT = "0%"
COUNT = "#,##0"
MEAN = "0.00"


@dataclass(frozen=True)
class Col:
    key: str
    width: float
    number_format: str | None = None
    wrap: bool = False


def voice_sheet(wb: Workbook, ctx: ExportContext, key: str) -> Worksheet:
    """A new sheet titled by the label of `key`, recorded for the import like every sheet."""
    ws: Worksheet = wb.create_sheet(sheet_title(voice_sheet_label(key), set(wb.sheetnames)))
    ctx.sheets[key] = ws.title
    ws.sheet_view.showGridLines = False
    return ws


def p_format(p: float | None) -> str:
    """Small p-values in scientific notation, so 1.6e-07 does not read as 0.000."""
    return "0.00E+00" if p is not None and p < 0.001 else "0.000"


def fraction(pct: float | None) -> float | None:
    """A percentage (0-100) as the fraction Excel's % format shows."""
    return None if pct is None else pct / 100.0


def write_rows(
    ws: Worksheet,
    ctx: ExportContext,
    table: str,
    cols: Sequence[Col],
    rows: Sequence[tuple[Sequence[Any], bool]],
    top: int,
) -> int:
    """A header at `top` and one row per (values, greyed); an Excel table with filters.
    Returns the last row used."""
    header_row(ws, top, [voice_column_label(c.key) for c in cols])
    row = top
    for row, (values, grey) in enumerate(rows, start=top + 1):
        lines = 1
        for j, (col, value) in enumerate(zip(cols, values, strict=True), start=1):
            if value is None or value == "":
                continue
            if col.key == "indicative":
                value = indicative_mark(bool(value))
            fmt = p_format(value) if col.key == "p_value" else col.number_format
            font = st.ID_FONT if col.key.endswith("_id") else GREY if grey else st.BODY
            ctx.style.write(ws, row, j, value, font=font,
                            alignment=st.WRAP_TOP if col.wrap else st.TOP, number_format=fmt)  # fmt: skip
            if col.wrap:  # LibreOffice does not grow wrapped rows by itself
                lines = max(lines, -(-len(str(value)) // max(int(col.width * 1.1), 8)))
        ws.row_dimensions[row].height = 13.5 * lines
    last = max(row, top + 1)
    for j, col in enumerate(cols, start=1):
        ws.column_dimensions[get_column_letter(j)].width = col.width
    add_table(ws, table, top, 1, len(cols), last)
    ws.freeze_panes = ws.cell(top + 1, 3).coordinate
    st.landscape(ws, title_rows=f"{top}:{top}")
    return last


VOICE_COLUMNS = (
    Col("touchpoint", 28, wrap=True), Col("stage", 16),
    Col("responses", 10, COUNT), Col("share", 10, PERCENT),
    Col("nps", 7, SIGNED), Col("nps_low", 9, SIGNED), Col("nps_high", 9, SIGNED),
    Col("csat_pct", 10, PERCENT), Col("csat_mean", 9, MEAN),
    Col("ces_mean", 9, MEAN), Col("ces_easy_pct", 9, PERCENT),
    Col("indicative", 11), Col("top_topics", 48, wrap=True), Col("touchpoint_id", 12),
)  # fmt: skip


def topics_text(report: FeedbackReport, tp_id: str) -> str:
    """'delivery 67 (40 % negative); payment 46 (…)': the card's top topics, most said first."""
    return "; ".join(
        _("{topic} {count} ({negative:.0%} negative)").format(
            topic=topic_label(s.topic), count=s.count, negative=s.negative_share
        )
        for s in report.topics.get(tp_id, [])[:3]
    )


def write_voice(wb: Workbook, ctx: ExportContext, report: FeedbackReport) -> None:
    snap = ctx.snap
    ws = voice_sheet(wb, ctx, "voice")
    put(ws.cell(1, 1), voice_sheet_label("voice")).font = st.TITLE
    total = len(report.responses)
    j = report.journey
    # numbers in the workbook's language ("4.379", "98%"): the line read "4,379" in Italian
    lines = [_("{n} responses about this journey; {card} linked to a card, {case} to a case.").format(
        n=format_number(total), card=format_percent(report.linked.share_linked()),
        case=format_percent(report.linked.share_case()))]  # fmt: skip
    if j.nps is not None and j.nps_low is not None and j.nps_high is not None:
        lines.append(f"{vl.scale_name('nps')} {vl.nps_text(j.nps, j.nps_low, j.nps_high, j.nps_n)}")
    lines.append(_("Greyed rows: fewer than 30 responses, indicative only."))
    put(ws.cell(2, 1), " ".join(lines)).font = st.SUBTITLE
    rows = []
    for t in report.spec.touchpoints:
        f = report.per_touchpoint.get(t.id)
        if f is None or t.id not in snap.tp_by_id:  # no answers, or not this owner's card
            continue
        stage = snap.stage_by_id.get(snap.tp_by_id[t.id].stage_id)
        values = (
            t.title, stage.name if stage else "", f.n, f.n / total if total else None,
            f.nps, f.nps_low, f.nps_high, fraction(f.csat_pct), f.csat_mean, f.ces_mean,
            fraction(f.ces_easy_pct), f.indicative, topics_text(report, t.id), t.id,
        )  # fmt: skip
        rows.append((values, f.indicative))
    write_rows(ws, ctx, "VoiceOfCustomer", VOICE_COLUMNS, rows, top=4)


def write(wb: Workbook, ctx: ExportContext, ws_model: Any, journey_id: str) -> None:
    """The Voice of the customer, Drivers and Improvements sheets, when a survey is stored."""
    if not ws_model.surveys():
        return
    from cxmapper.feedback.report import feedback_report
    from cxmapper.io.xlsx_sheets import drivers, improvements

    report = feedback_report(ws_model, journey_id)
    write_voice(wb, ctx, report)
    drivers.write(wb, ctx, report)
    improvements.write(wb, ctx, report)
