"""Channels: omnichannel continuity from the analysed log, for readers of the workbook.

The journey's figures (hop rate, switching, repeat contacts, FCR), the channel-to-channel
matrix (hops, cases, share of cases, median time between, handovers to staff) and, per card,
escalation to an assisted channel and FCR against the card's FCR KPI target, with its value
at risk when the journey has a value model. Written only when the analysis has channel
figures (`io.impact_data`); reference only, nothing here is imported back. Every figure is a
number with a number format (shares as %, times as durations, money in the currency's format
for the workbook's language), so readers can sort and compute with it.
"""

from __future__ import annotations

from typing import Any

from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook

from cxmapper.io import xlsx_style as st
from cxmapper.io.impact_data import ImpactData
from cxmapper.io.xlsx_safe import put
from cxmapper.io.xlsx_sheets.common import ExportContext, add_table, header_row, sheet
from cxmapper.present.labels import (
    CHANNELS,
    channel_figure_label,
    channel_label,
    column_label,
    sheet_label,
    status_label,
)
from cxmapper.present.language import current_language
from cxmapper.present.money import excel_format

SHARE = "0.0%"
COUNT = "#,##0"
DURATION = "[h]:mm:ss"
SHARES = ("hop_rate", "switched_share", "repeat_contact_rate", "fcr")
MATRIX_KEYS = ("from_channel", "to_channel", "hops", "cases", "case_rate", "median_time",
               "handover")  # fmt: skip
CARD_KEYS = ("touchpoint_id", "touchpoint", "stage", "channel", "digital_events", "escalations",
             "escalation_rate", "contacts", "fcr", "fcr_target", "fcr_status", "value_at_risk")  # fmt: skip
WIDTHS = (14, 28, 16, 14, 14, 16, 18, 14, 13, 12, 16, 16)
HANDOVER = "✓"


def _channel(key: str) -> str:
    return channel_label(key) if key in CHANNELS else key


def _cell(ctx: ExportContext, ws: Any, row: int, col: int, value: Any, fmt: str | None) -> None:
    if value is None or value == "":
        return
    ctx.style.write(ws, row, col, value, font=st.BODY, alignment=st.TOP, number_format=fmt)


def write(wb: Workbook, ctx: ExportContext) -> None:
    impact: ImpactData | None = ctx.friction.impact if ctx.friction is not None else None
    if impact is None or not impact.channels:
        return
    ws = sheet(wb, ctx, "channels")
    put(ws.cell(1, 1), sheet_label("channels")).font = st.TITLE
    row = 3
    for key, value in impact.channels.items():  # the journey's figures
        put(ws.cell(row, 1), channel_figure_label(key)).font = st.BOLD
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
        _cell(ctx, ws, row, 3, value, SHARE if key in SHARES else COUNT)
        row += 1
    row += 1
    top = row
    header_row(ws, top, [column_label(k) for k in MATRIX_KEYS])
    for row, m in enumerate(impact.matrix, start=top + 1):
        seconds = m.get("median_seconds")
        values = (_channel(str(m["from"])), _channel(str(m["to"])), int(m["hops"]),
                  int(m["cases"]), m.get("case_rate"),
                  None if seconds is None else seconds / 86_400.0,
                  HANDOVER if m.get("handover") else "")  # fmt: skip
        for col, (value, fmt) in enumerate(
            zip(values, (None, None, COUNT, COUNT, SHARE, DURATION, None), strict=True), start=1
        ):
            _cell(ctx, ws, row, col, value, fmt)
    add_table(ws, "ChannelMatrix", top, 1, len(MATRIX_KEYS), max(row, top + 1))
    _cards(ws, ctx, impact, max(row, top + 1) + 3)
    for col, width in enumerate(WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    st.landscape(ws, title_rows=None)


def _cards(ws: Any, ctx: ExportContext, impact: ImpactData, top: int) -> None:
    """Per card with a digital event or a contact, in map order."""
    snap = ctx.snap
    money = excel_format(impact.currency or "EUR", current_language())
    formats = (None, None, None, None, COUNT, COUNT, SHARE, COUNT, SHARE, "0.0", None, money)
    header_row(ws, top, [column_label(k) for k in CARD_KEYS])
    row = top
    for tp in snap.ordered_touchpoints():
        c = impact.cards.get(tp.id)
        if not c or not (c.get("digital_events") or c.get("contacts")):
            continue
        row += 1
        stage = snap.stage_by_id.get(tp.stage_id)
        status = str(c.get("fcr_status") or "none")
        risk = impact.money.get(tp.id, {}).get("value_at_risk") if impact.currency else None
        values = (tp.id, tp.title, stage.name if stage else "", tp.channel,
                  c.get("digital_events"), c.get("escalations"), c.get("escalation_rate"),
                  c.get("contacts"), c.get("fcr"), c.get("fcr_target"),
                  status_label(status) if status != "none" else "", risk)  # fmt: skip
        for col, (value, fmt) in enumerate(zip(values, formats, strict=True), start=1):
            _cell(ctx, ws, row, col, value, fmt)
    add_table(ws, "ChannelCards", top, 1, len(CARD_KEYS), max(row, top + 1))
