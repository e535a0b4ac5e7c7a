"""Plain table sheets: Touchpoints, Actions (sorted by priority) and Comments."""

from __future__ import annotations

from openpyxl.formatting.rule import CellIsRule, ColorScaleRule
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from cxmapper.io import xlsx_style as st
from cxmapper.io.xlsx_sheets.common import ExportContext, sheet, write_spec_table
from cxmapper.io.xlsx_tables import ACTIONS, COMMENTS, TOUCHPOINTS
from cxmapper.present.labels import status_label


def write_touchpoints(wb: Workbook, ctx: ExportContext) -> None:
    ws = sheet(wb, ctx, TOUCHPOINTS.sheet_key)
    last = write_spec_table(ws, TOUCHPOINTS, ctx.snap.ordered_touchpoints(), ctx)
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
    # Quick wins first; among equals, the bigger impact, then the earlier due date.
    items = sorted(
        ctx.snap.actions, key=lambda a: (-a.priority, -a.impact, a.due_date or "9999", a.title)
    )
    last = write_spec_table(ws, ACTIONS, items, ctx)
    col = get_column_letter(ACTIONS.index("priority") + 1)
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
