"""Improvements: did each done action work? Its card before and after, measure by measure,
with the scipy test already computed by `feedback.verdicts` (two-proportion for rates,
Mann-Whitney U for times and scores), the effect, its interval where the test gives one, the
p-value and the verdict; one row per action and measure, the action's verdict on each."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from openpyxl.workbook import Workbook

from cxmapper.io import xlsx_style as st
from cxmapper.io.xlsx_safe import put
from cxmapper.io.xlsx_sheets.common import ExportContext
from cxmapper.io.xlsx_sheets.voice import COUNT, Col, voice_sheet, write_rows
from cxmapper.present.labels import _
from cxmapper.present.locale_format import localised_excel_format
from cxmapper.present.voice_sheet_labels import (
    measure_label,
    unit_label,
    verdict_label,
    voice_sheet_label,
)

if TYPE_CHECKING:
    from cxmapper.feedback.report import FeedbackReport

RATES = ("dropoff", "repeat", "conversion", "detractors", "assisted_contacts")
DATE = "yyyy-mm-dd"
VALUE = "0.0"  # rates in %, times in seconds, scores on their scale: one decimal reads all


def unit_of(measure: str) -> str:
    return "pct" if measure in RATES else "seconds" if measure == "time_to_next" else "score"


def span(window: tuple[str, str]) -> str:
    """'2026-03-04 – 2026-03-31': the window's first and last day (the end is exclusive)."""
    start, end = window
    last = dt.date.fromisoformat(end) - dt.timedelta(days=1)
    return f"{start} – {last.isoformat()}"


COLUMNS = (
    Col("action", 30, wrap=True), Col("touchpoint", 24, wrap=True), Col("done_on", 11),
    Col("verdict", 24), Col("measure", 26), Col("unit", 8), Col("before", 23),
    Col("after", 23), Col("n_before", 9, COUNT), Col("n_after", 9, COUNT),
    Col("value_before", 10, VALUE), Col("value_after", 10, VALUE), Col("effect", 11, VALUE),
    Col("low", 9, VALUE), Col("high", 9, VALUE), Col("p_value", 10),
    Col("measure_verdict", 24), Col("action_id", 12),
)  # fmt: skip


def write(wb: Workbook, ctx: ExportContext, report: FeedbackReport) -> None:
    ws = voice_sheet(wb, ctx, "improvements")
    put(ws.cell(1, 1), voice_sheet_label("improvements")).font = st.TITLE
    note = _(
        "Each done action's card in equal windows before and after its date. Rates in %, "
        "two-proportion test; times and scores by their medians, Mann-Whitney U. Each measure "
        "is judged at 0.05 divided by the measures tested; greyed: not enough data."
    )
    put(ws.cell(2, 1), note).font = st.SUBTITLE
    titles = {t.id: t.title for t in report.spec.touchpoints}
    rows = []
    for a in report.verdicts:
        if a.touchpoint_id not in ctx.snap.tp_by_id:
            continue
        v = a.verdict
        for m in v.measures:
            c = m.comparison
            values = (
                a.title, titles.get(a.touchpoint_id, ""), dt.date.fromisoformat(a.done_on),
                verdict_label(v.verdict), measure_label(m.measure), unit_label(unit_of(m.measure)),
                span(v.before), span(v.after), c.n_a, c.n_b, c.value_a, c.value_b, c.effect,
                c.low, c.high, c.p_value, verdict_label(m.verdict), a.action_id,
            )  # fmt: skip
            rows.append((values, not m.enough))
    last = write_rows(ws, ctx, "Improvements", COLUMNS, rows, top=4)
    date_format = localised_excel_format(DATE) or DATE
    for row in range(5, last + 1):
        if ws.cell(row, 3).value is not None:
            ws.cell(row, 3).number_format = date_format
