"""The Value model sheet: the journey's money assumptions, one editable row each.

Rows and import are in `io.xlsx_value_model`; this writes them: amounts as numbers with the
currency's number format in the workbook's language (`€ 15.000,00` in Italian), the Amount
column tinted as the cells owners fill in.
"""

from __future__ import annotations

from openpyxl.workbook import Workbook

from cxmapper.io import xlsx_style as st
from cxmapper.io.xlsx_sheets.common import ExportContext, sheet, write_spec_table
from cxmapper.io.xlsx_value_model import VALUE_MODEL, items, stored_fields
from cxmapper.present.language import current_language
from cxmapper.present.money import excel_format

DAYS_FORMAT = "0.0"


def write(wb: Workbook, ctx: ExportContext) -> None:
    fields = stored_fields(ctx.snap)
    rows = items(fields, ctx.snap)
    ws = sheet(wb, ctx, VALUE_MODEL.sheet_key)
    write_spec_table(ws, VALUE_MODEL, rows, ctx)
    money = excel_format(str(fields.get("currency") or "EUR"), current_language())
    amount = VALUE_MODEL.index("amount") + 1
    for row, item in enumerate(rows, start=2):
        cell = ws.cell(row, amount)
        cell.fill = st.NOTE_FILL  # the column owners edit
        if item.is_money:
            cell.number_format = money
        elif item.kind.endswith("_days"):
            cell.number_format = DAYS_FORMAT
    ws.freeze_panes = "B2"
    st.landscape(ws, title_rows="1:1")
