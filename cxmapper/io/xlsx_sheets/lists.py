"""Plain table sheets: Touchpoints, Actions (sorted by priority) and Comments."""

from __future__ import annotations

from openpyxl.formatting.rule import CellIsRule, ColorScaleRule
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from cxmapper.io import xlsx_style as st
from cxmapper.io.xlsx_sheets.action_money import actions_table, touchpoints_table
from cxmapper.io.xlsx_sheets.common import ExportContext, sheet, write_spec_table
from cxmapper.io.xlsx_tables import ACTIONS, COMMENTS, TOUCHPOINTS
from cxmapper.present.labels import status_label


def write_touchpoints(wb: Workbook, ctx: ExportContext) -> None:
    ws = sheet(wb, ctx, TOUCHPOINTS.sheet_key)
    spec = touchpoints_table(ctx)  # with each card's value at risk, when priced
    last = write_spec_table(ws, spec, ctx.snap.ordered_touchpoints(), ctx)
    col = get_column_letter(TOUCHPOINTS.index("kpi_status") + 1)
    status_rules(ws, f"{col}2:{col}{last}")
    ws.freeze_panes = "B2"
    st.landscape(ws, title_rows="1:1")


def status_rules(ws: Worksheet, rng: str) -> None:
    """Status cells (their labels, `present.labels.status_label`) coloured like Excel's
    traffic-light formats."""
    for key in ("green", "amber", "red"):
        bg, fg = st.STATUS_COLOURS[key]
        ws.conditional_formatting.add(rng, CellIsRule(
            operator="equal", formula=[f'"{status_label(key)}"'],
            fill=PatternFill("solid", fgColor=bg, bgColor=bg), font=Font(name=st.FONT_NAME, color=fg, bold=True),
        ))  # fmt: skip


def write_actions(wb: Workbook, ctx: ExportContext) -> None:
    ws = sheet(wb, ctx, ACTIONS.sheet_key)
    spec, items = actions_table(ctx)  # by priority; in money with a priced analysis
    last = write_spec_table(ws, spec, items, ctx)
    col = get_column_letter(spec.index("priority") + 1)
    if items:
        ws.conditional_formatting.add(
            f"{col}2:{col}{last}",
            ColorScaleRule(
                start_type="min", start_color="FFFFFF", end_type="max", end_color="63BE7B"
            ),
        )
    ws.freeze_panes = "D2"
    st.landscape(ws, title_rows="1:1")


def write_comments(wb: Workbook, ctx: ExportContext) -> None:
    ws = sheet(wb, ctx, COMMENTS.sheet_key)
    write_spec_table(ws, COMMENTS, ctx.snap.comments, ctx)
    ws.freeze_panes = "D2"
    st.landscape(ws, title_rows="1:1")
