"""Governance: the RACI matrix (touchpoints x people/teams) and who is responsible for each KPI.

Cells take R, A, C or I from a drop-down (A/R for both). A live formula and a conditional
format flag every row without exactly one Accountable, so the warning stays right while
owners edit the sheet.
"""

from __future__ import annotations

from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook

from cxmapper.io import xlsx_style as st
from cxmapper.io.xlsx_safe import put
from cxmapper.io.xlsx_sheets.common import (
    ExportContext,
    header_row,
    list_validation,
    sheet,
    write_spec_table,
)
from cxmapper.io.xlsx_tables import KPI_OWNERSHIP
from cxmapper.model import entities as e
from cxmapper.present.labels import _, column_label

RACI_ORDER = "ARCI"  # "A/R", as the drop-down offers it
RACI_CHOICES = ("R", "A", "C", "I", "A/R")
MATRIX_KEYS = ("touchpoint_id", "touchpoint", "stage", "check")  # then one column per party
MAX_PARTY_COLUMNS = 60
MAX_BORDERED_CELLS = 20_000
ROTATED = Alignment(text_rotation=90, horizontal="center", vertical="bottom", wrap_text=True)


def roles_text(roles: set[str]) -> str:
    return "/".join(sorted(roles, key=RACI_ORDER.index))


def matrix_parties(ctx: ExportContext) -> list[e.Party]:
    """Columns: everyone already in the RACI or owning something here, then the rest of the
    workspace's people and teams while there is room (so owners can assign them too)."""
    snap = ctx.snap
    used = {r.party_id for r in snap.raci} | {t.owner_id for t in snap.touchpoints}
    first = [p for p in snap.parties if p.id in used]
    rest = [p for p in snap.parties if p.id not in used]
    return (
        (first + rest[: max(0, MAX_PARTY_COLUMNS - len(first))])
        if len(first) < MAX_PARTY_COLUMNS
        else first
    )


def write(wb: Workbook, ctx: ExportContext) -> None:
    snap = ctx.snap
    ws = sheet(wb, ctx, "governance")
    put(ws.cell(1, 1), _("RACI matrix")).font = st.TITLE
    put(
        ws.cell(2, 1),
        _("R responsible · A accountable (exactly one per touchpoint) · C consulted · I informed"),
    ).font = st.SUBTITLE
    top = 4
    parties = matrix_parties(ctx)
    headers = [column_label(k) for k in MATRIX_KEYS]
    header_row(ws, top, [*headers, *(p.name for p in parties)])
    ctx.columns["RACI"] = dict(zip(MATRIX_KEYS, headers, strict=True))
    first_party_col = len(MATRIX_KEYS) + 1
    for j in range(first_party_col, first_party_col + len(parties)):
        ws.cell(top, j).alignment = ROTATED
        ws.column_dimensions[get_column_letter(j)].width = 6
    ws.row_dimensions[top].height = max(
        60, min(140, 6 * max((len(p.name) for p in parties), default=8))
    )
    for col, width in zip("ABCD", (12, 30, 16, 17), strict=True):
        ws.column_dimensions[col].width = width

    col_of = {p.id: j for j, p in enumerate(parties, start=first_party_col)}
    last_col = get_column_letter(max(first_party_col + len(parties) - 1, first_party_col))
    # one writer per kind of cell (see Styler.writer): the matrix is ~6 cells a touchpoint
    id_cell, text_cell = ctx.style.writer(font=st.ID_FONT), ctx.style.writer(font=st.BODY)
    role_cell = ctx.style.writer(font=st.BOLD, alignment=st.CENTER)
    row = top
    for row, tp in enumerate(snap.governed_touchpoints(), start=top + 1):
        stage = snap.stage_by_id.get(tp.stage_id)
        id_cell(ws, row, 1, tp.id)
        text_cell(ws, row, 2, tp.title)
        text_cell(ws, row, 3, stage.name if stage else "")
        roles: dict[str, set[str]] = {}
        for raci in snap.raci_by_tp.get(tp.id, []):
            roles.setdefault(raci.party_id, set()).add(raci.role)
        texts = {party_id: roles_text(rs) for party_id, rs in roles.items()}
        for party_id, text in texts.items():
            if party_id in col_of:
                role_cell(ws, row, col_of[party_id], text)
        rng = f"${get_column_letter(first_party_col)}{row}:${last_col}{row}"
        ok, none, many = _("OK"), _("No Accountable"), _("More than one A")
        check = ws.cell(row, 4)
        check.value = (f'=IF(COUNTIF({rng},"*A*")=1,"{ok}",IF(COUNTIF({rng},"*A*")=0,'
                       f'"{none}","{many}"))')  # fmt: skip
        ctx.style(check, font=st.BODY)
        ctx.baseline.append(
            ("RACI", tp.id, {p.id: texts.get(p.id, "") for p in parties})  # "": no role
        )
    last = max(row, top + 1)
    if (last - top) * len(parties) <= MAX_BORDERED_CELLS:
        for r in range(top + 1, last + 1):
            for j in range(first_party_col, first_party_col + len(parties)):
                ctx.style(ws.cell(r, j), border=st.GRID_BORDER)
    else:  # a huge matrix: Excel's own grid instead of styling 100,000 empty cells
        ws.sheet_view.showGridLines = True
    if parties:
        first_letter = get_column_letter(first_party_col)
        list_validation(ws, RACI_CHOICES, f"{first_letter}{top + 1}:{last_col}{last}", strict=False)
        ws.conditional_formatting.add(
            f"A{top + 1}:{last_col}{last}",
            FormulaRule(formula=[f'COUNTIF(${first_letter}{top + 1}:${last_col}{top + 1},"*A*")<>1'],
                        fill=PatternFill("solid", fgColor="FFC7CE", bgColor="FFC7CE"),
                        font=Font(name=st.FONT_NAME, color="9C0006")),
        )  # fmt: skip
    ws.freeze_panes = ws.cell(top + 1, 3).coordinate
    ctx.anchors["RACI"] = {"header_row": top, "parties": [p.id for p in parties]}

    kpi_top = last + 3
    put(ws.cell(kpi_top - 1, 1), _("KPI ownership")).font = st.SECTION
    write_spec_table(ws, KPI_OWNERSHIP, snap.kpis, ctx, top=kpi_top)
    # write_spec_table sized columns A-I for the KPI table; keep the matrix's own widths.
    for col, width in zip("ABCD", (12, 30, 16, 17), strict=True):
        ws.column_dimensions[col].width = width
    for j in range(first_party_col, first_party_col + len(parties)):
        ws.column_dimensions[get_column_letter(j)].width = 6
    for j in range(len(MATRIX_KEYS) + 1, len(KPI_OWNERSHIP.columns) + 1):
        ws.column_dimensions[get_column_letter(j)].width = max(
            ws.column_dimensions[get_column_letter(j)].width or 0, 12
        )
    st.landscape(ws, title_rows=f"{top}:{top}", title_cols="A:B")
