"""Drivers: which moments cost score. Per card and behaviour, the score of respondents whose
case did it against those whose case did not, ranked by impact (difference x share), most
costly first, as `cxmapper feedback` ranks them (docs/metrics.md, Drivers)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from openpyxl.workbook import Workbook

from cxmapper.io import xlsx_style as st
from cxmapper.io.xlsx_safe import put
from cxmapper.io.xlsx_sheets.common import ExportContext
from cxmapper.io.xlsx_sheets.voice import (
    COUNT,
    PERCENT,
    SIGNED_1,
    Col,
    voice_sheet,
    write_rows,
)
from cxmapper.present import voice_labels as vl
from cxmapper.present.labels import _
from cxmapper.present.voice_sheet_labels import behaviour_label, voice_sheet_label

if TYPE_CHECKING:
    from cxmapper.feedback.report import FeedbackReport

COLUMNS = (
    Col("rank", 6, "0"), Col("touchpoint", 28, wrap=True), Col("behaviour", 16),
    Col("n_did", 11, COUNT), Col("n_not", 11, COUNT), Col("score_did", 10, SIGNED_1),
    Col("score_not", 10, SIGNED_1), Col("difference", 10, SIGNED_1), Col("low", 9, SIGNED_1),
    Col("high", 9, SIGNED_1), Col("p_value", 10), Col("share", 10, PERCENT),
    Col("impact", 12, SIGNED_1), Col("indicative", 11), Col("touchpoint_id", 12),
)  # fmt: skip


def write(wb: Workbook, ctx: ExportContext, report: FeedbackReport) -> None:
    ws = voice_sheet(wb, ctx, "drivers")
    put(ws.cell(1, 1), voice_sheet_label("drivers")).font = st.TITLE
    scale = vl.scale_name(report.scale) if report.scale else ""
    note = _(
        "Which moments cost {scale}: each respondent scores +100 (promoter / satisfied / easy), "
        "0 or -100 (detractor, NPS only); difference = those whose case did it - those whose "
        "case did not, with Welch's 95 % interval; impact = difference x share of respondents."
    ).format(scale=scale)
    put(ws.cell(2, 1), note).font = st.SUBTITLE
    keep = ctx.snap.tp_by_id
    rows = []
    for rank, d in enumerate((d for d in report.drivers if d.touchpoint_id in keep), start=1):
        values = (
            rank, d.title, behaviour_label(d.behaviour), d.n_did, d.n_not, d.score_did,
            d.score_not, d.difference, d.low, d.high, d.p_value, d.share, d.impact,
            d.indicative, d.touchpoint_id,
        )  # fmt: skip
        rows.append((values, d.indicative))
    write_rows(ws, ctx, "Drivers", COLUMNS, rows, top=4)
