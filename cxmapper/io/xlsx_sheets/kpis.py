"""KPIs: the latest reading of each KPI on each touchpoint against its target, traffic-light
coloured by conditional formatting, with blank 'New value' / 'New date' columns for owners;
and the dated history of every reading on its own sheet."""

from __future__ import annotations

from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook

from cxmapper.io import xlsx_style as st
from cxmapper.io.xlsx_sheets.common import (
    ExportContext,
    add_table,
    header_row,
    sheet,
    write_spec_table,
)
from cxmapper.io.xlsx_sheets.lists import status_rules
from cxmapper.io.xlsx_tables import (
    KPI_LATEST_KEYS,
    LATEST,
    LATEST_INPUTS,
    LATEST_TABLE,
    NEW_DATE,
    NEW_VALUE,
    READINGS,
    latest_key,
    latest_row,
)
from cxmapper.present.labels import column_label

FORMATS = {8: "yyyy-mm-dd hh:mm", 14: "yyyy-mm-dd"}
WIDTHS = (12, 26, 16, 12, 18, 11, 8, 17, 10, 10, 11, 18, 11, 12)


def write(wb: Workbook, ctx: ExportContext) -> None:
    snap = ctx.snap
    ws = sheet(wb, ctx, "kpis")
    headers = [column_label(k) for k in KPI_LATEST_KEYS]
    header_row(ws, 1, headers)
    ctx.columns[LATEST_TABLE] = dict(zip(KPI_LATEST_KEYS, headers, strict=True))
    order = {t.id: i for i, t in enumerate(snap.ordered_touchpoints())}
    kpi_order = {k.id: i for i, k in enumerate(snap.kpis)}
    keys = sorted(snap.latest, key=lambda k: (order.get(k[0], 0), kpi_order.get(k[1], 0)))
    writers = [  # one per column (see Styler.writer)
        ctx.style.writer(font=st.ID_FONT if j in (1, 4) else st.BODY,
                         alignment=st.WRAP_TOP if j == 2 else st.TOP,
                         fill=st.NOTE_FILL if j >= 13 else None, number_format=FORMATS.get(j))
        for j in range(1, len(KPI_LATEST_KEYS) + 1)
    ]  # fmt: skip
    row = 1
    for row, (tp_id, kpi_id) in enumerate(keys, start=2):
        shown = latest_row(snap, tp_id, kpi_id)
        if shown is None:  # a reading of a KPI not in the workspace: nothing to show
            continue
        values = list(shown.values())
        for j, value in enumerate(values, start=1):
            if (value is None or value == "") and j < 13:
                continue
            writers[j - 1](ws, row, j, value)
        ctx.baseline.append((LATEST_TABLE, latest_key(tp_id, kpi_id),
                             {h: x for h, x in shown.items() if h not in LATEST_INPUTS or h == LATEST}))  # fmt: skip
    last = max(row, 2)
    for j, width in enumerate(WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(j)].width = width
    status_col = get_column_letter(KPI_LATEST_KEYS.index("status") + 1)
    rng = f"{status_col}2:{status_col}{last}"
    status_rules(ws, rng)
    add_table(ws, LATEST_TABLE, 1, 1, len(KPI_LATEST_KEYS), last)
    from openpyxl.worksheet.datavalidation import DataValidation

    new_col = get_column_letter(KPI_LATEST_KEYS.index(NEW_VALUE) + 1)
    date_col = get_column_letter(KPI_LATEST_KEYS.index(NEW_DATE) + 1)
    dv = DataValidation(
        type="decimal", operator="between", formula1="-1E+300", formula2="1E+300", allow_blank=True
    )
    dv.error, dv.showErrorMessage = "Type a number", True
    ws.add_data_validation(dv)
    dv.add(f"{new_col}2:{new_col}{last}")
    dd = DataValidation(type="date", operator="greaterThan", formula1="1", allow_blank=True)
    dd.error, dd.showErrorMessage = "Type a date (YYYY-MM-DD); empty means the day of import", True
    ws.add_data_validation(dd)
    dd.add(f"{date_col}2:{date_col}{last}")
    ws.freeze_panes = "C2"
    st.landscape(ws, title_rows="1:1")

    hist = sheet(wb, ctx, READINGS.sheet_key)
    order_r = sorted(
        snap.readings,
        key=lambda r: (order.get(r.touchpoint_id, 0), kpi_order.get(r.kpi_id, 0), r.measured_at),
    )
    write_spec_table(hist, READINGS, order_r, ctx)
    hist.freeze_panes = "D2"
    st.landscape(hist, title_rows="1:1")
