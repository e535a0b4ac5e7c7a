"""Friction: what the behavioural data says about each touchpoint, worst first; then the
funnel and the transitions between touchpoints. Written only when a dataset was analysed."""

from __future__ import annotations

from openpyxl.formatting.rule import ColorScaleRule, DataBarRule
from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook

from cxmapper.io import xlsx_style as st
from cxmapper.io.friction_data import FrictionData
from cxmapper.io.xlsx_safe import put
from cxmapper.io.xlsx_sheets.common import ExportContext, add_table, header_row, sheet
from cxmapper.present.heat import heat_range
from cxmapper.present.labels import N_, _
from cxmapper.present.locale_format import format_number

METRIC_HEADERS = (
    N_("Touchpoint ID"), N_("Touchpoint"), N_("Stage"), N_("Lane"), N_("Friction"),
    N_("Reasons"), N_("Reach"), N_("Events"), N_("Repeat cases"), N_("Starts"), N_("Exits"),
    N_("Drop-off"), N_("Median to next"), N_("P90 to next"), N_("Back-steps"),
)  # fmt: skip
SCORE_FORMAT = "0.0"  # the score has one decimal everywhere (CLI, app, images)
WIDTHS = (12, 26, 14, 14, 9, 44, 9, 9, 9, 8, 8, 9, 11, 11, 9)


DURATION_FORMAT = "[h]:mm:ss"  # to the second: web steps take seconds; days show as hours


def _duration(seconds: float | None) -> float | None:
    """Seconds as an Excel duration (a number of days), so it stays a number to compute with."""
    return None if seconds is None else seconds / 86400.0


def write(wb: Workbook, ctx: ExportContext) -> None:
    data: FrictionData | None = ctx.friction
    if data is None:
        return
    snap = ctx.snap
    ws = sheet(wb, ctx, "friction")
    put(ws.cell(1, 1), _("Friction")).font = st.TITLE
    put(ws.cell(2, 1), _("Dataset {name}: {cases} cases, {events} events. Friction score 0-100 (as "
                         "in the app): 0 = smooth, 100 = worst; drop-off = share of cases that end "
                         "here without reaching a goal; times to next step in "
                         "hours:minutes:seconds.").format(
        name=data.dataset_name, cases=format_number(data.n_cases),
        events=format_number(data.n_events))).font = st.SUBTITLE  # fmt: skip

    def names(tp_id: str) -> tuple[str, str, str]:
        tp = snap.tp_by_id.get(tp_id)
        if tp is None:
            return (tp_id, "", "")
        s, ln = snap.stage_by_id.get(tp.stage_id), snap.lane_by_id.get(tp.lane_id)
        return (tp.title, s.name if s else "", ln.name if ln else "")

    row = 4
    put(ws.cell(row, 1), _("Top friction")).font = st.SECTION
    row += 1
    scale = heat_range(m.score for m in data.metrics)  # the canvas's range: min..max shown
    for rank, m in enumerate(data.top(10), start=1):
        title, stage, _lane = names(m.touchpoint_id)
        c = put(ws.cell(row, 2), f"{rank}. {title} ({stage})")
        share = scale.fraction(m.score) if scale else None
        c.font, c.fill = st.BOLD, st.fill(st.friction_colour(share))
        c = put(ws.cell(row, 5), m.score)
        c.font, c.number_format = st.BODY, SCORE_FORMAT
        put(ws.cell(row, 6), "; ".join(m.reasons)).font = st.BODY
        row += 1
    if not data.top(1):
        put(ws.cell(row, 2), _("No friction scores in this analysis.")).font = st.BODY
        row += 1

    row += 1
    put(ws.cell(row, 1), _("Per touchpoint")).font = st.SECTION
    top = row + 1
    header_row(ws, top, [_(h) for h in METRIC_HEADERS])
    metrics = sorted(data.metrics, key=lambda m: -(m.friction if m.friction is not None else -1))
    row = top
    for row, m in enumerate(metrics, start=top + 1):
        title, stage, lane = names(m.touchpoint_id)
        score = m.score  # the analysis's number, to its one decimal
        reasons = "; ".join(m.reasons)
        values = (m.touchpoint_id, title, stage, lane, score, reasons, m.reach, m.events,
                  m.repeat_cases, m.starts, m.exits, m.dropoff_rate, _duration(m.median_time_to_next),
                  _duration(m.p90_time_to_next), m.back_steps)  # fmt: skip
        for j, value in enumerate(values, start=1):
            put(ws.cell(row, j), value).font = st.BODY
        ws.cell(row, 5).number_format = SCORE_FORMAT
        ws.cell(row, 12).number_format = "0%"
        ws.cell(row, 13).number_format = ws.cell(row, 14).number_format = DURATION_FORMAT
        ws.cell(row, 6).alignment = st.WRAP_TOP
        # LibreOffice does not grow wrapped rows by itself: size them for the reasons text
        chars_per_line = max(int(WIDTHS[5] * 1.15), 10)
        ws.row_dimensions[row].height = 13.5 * max(1, -(-len(reasons) // chars_per_line))
    last = max(row, top + 1)
    add_table(ws, "FrictionMetrics", top, 1, len(METRIC_HEADERS), last)
    if metrics and scale is not None:
        # the overlay's heat scale (present.heat) over the journey's own range, its two ends
        # and middle, so the colours here mean what they mean on the canvas and the Map sheets
        ws.conditional_formatting.add(f"E{top + 1}:E{last}", ColorScaleRule(
            start_type="num", start_value=scale.low, start_color=st.friction_colour(0.0),
            mid_type="num", mid_value=(scale.low + scale.high) / 2, mid_color=st.friction_colour(0.5),
            end_type="num", end_value=max(scale.high, scale.low + 0.1), end_color=st.friction_colour(1.0)))  # fmt: skip
        ws.conditional_formatting.add(f"L{top + 1}:L{last}", DataBarRule(
            start_type="num", start_value=0, end_type="num", end_value=1,
            color=st.friction_colour(1.0)))  # fmt: skip
    for j, width in enumerate(WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(j)].width = width

    row = last + 2
    put(ws.cell(row, 1), _("Funnel")).font = st.SECTION
    row += 1
    header_row(ws, row, (_("Step"), _("Cases"), _("Share")), col=2)
    funnel_top = row + 1
    for step in data.funnel:
        row += 1
        put(ws.cell(row, 2), step.label).font = st.BODY
        put(ws.cell(row, 3), step.cases).font = st.BODY
        c = put(ws.cell(row, 4), step.share)
        c.font, c.number_format = st.BODY, "0%"
    if data.funnel:
        ws.conditional_formatting.add(f"D{funnel_top}:D{row}", DataBarRule(
            start_type="num", start_value=0, end_type="num", end_value=1, color="5B9BD5"))  # fmt: skip

    row += 2
    put(ws.cell(row, 1), _("Transitions (most frequent first)")).font = st.SECTION
    row += 1
    header_row(ws, row, (_("From"), _("To"), _("Cases"), _("Median time")), col=2)
    for t in sorted(data.transitions, key=lambda t: -t.cases)[:500]:
        row += 1
        put(ws.cell(row, 2), names(t.source_id)[0]).font = st.BODY
        put(ws.cell(row, 3), names(t.target_id)[0]).font = st.BODY
        put(ws.cell(row, 4), t.cases).font = st.BODY
        c = put(ws.cell(row, 5), _duration(t.median_seconds))
        c.font, c.number_format = st.BODY, DURATION_FORMAT
    ws.freeze_panes = "C4"
    st.landscape(ws)
