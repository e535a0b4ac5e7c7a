"""The first sheet a stakeholder sees: what this journey is, how healthy it is, how to read
the colours, and how owners send updates back."""

from __future__ import annotations

from collections import Counter

from openpyxl.styles import Font
from openpyxl.workbook import Workbook

from cxmapper.io import xlsx_style as st
from cxmapper.io.xlsx_safe import put, sheet_title
from cxmapper.io.xlsx_sheets.common import ExportContext
from cxmapper.model.kpi_status import status
from cxmapper.present.heat import HeatRange, heat_range
from cxmapper.present.labels import (
    N_,
    _,
    column_label,
    sheet_label,
    status_hint,
    status_label,
)
from cxmapper.present.units import format_score

MAX_WARNINGS = 40

# {sheet:key} and {column:key} are filled with the labels (see how_to)
HOW_TO = (
    N_("Owners: edit your touchpoints on the {touchpoints} sheet (title, description, owner...)."),
    N_("Report a KPI reading: fill '{new_value}' (and '{new_date}') on the {kpis} sheet, or add a row to '{kpi_history}'."),
    N_("Change RACI on the {governance} sheet: one letter per cell (R, A, C or I; A/R for both)."),
    N_("Add comments or actions as new rows at the bottom of those sheets; leave the ID column empty."),
    N_("Do not change the ID columns. Send the file back; it is read with 'cxmapper import-xlsx'."),
)  # fmt: skip


def how_to() -> list[str]:
    names = {k: sheet_label(k) for k in ("touchpoints", "kpis", "kpi_history", "governance")}
    names.update({k: column_label(k) for k in ("new_value", "new_date")})
    return [_(line).format(**names) for line in HOW_TO]


def write(wb: Workbook, ctx: ExportContext) -> None:
    snap = ctx.snap
    ws = wb.active
    ws.title = sheet_title(sheet_label("overview"), set())
    ctx.sheets["overview"] = ws.title
    ws.sheet_view.showGridLines = False
    put(ws.cell(1, 1), snap.journey.name).font = st.TITLE
    put(ws.cell(2, 1), "Customer-journey map exported from cxmapper").font = st.SUBTITLE
    ws.row_dimensions[1].height = 30
    ws.column_dimensions["A"].width = 24
    ws.column_dimensions["B"].width = 64
    ws.column_dimensions["C"].width = 4
    ws.column_dimensions["D"].width = 22
    ws.column_dimensions["E"].width = 34

    statuses = Counter(
        status(snap.kpi_by_id[k], r.value)
        for (_, k), r in snap.latest.items()
        if k in snap.kpi_by_id
    )
    open_actions = sum(1 for a in snap.actions if a.status in ("open", "in progress"))
    open_comments = sum(1 for c in snap.comments if not c.resolved)
    facts = [
        ("Journey", snap.journey.name),
        ("Persona", snap.persona.name if snap.persona else "—"),
        ("State", snap.journey.state),
        ("Description", snap.journey.description or "—"),
        ("Workspace", ctx.workspace_name),
        ("Exported", ctx.exported_at.replace("T", " ")[:16] + " UTC"),
        ("Stages / lanes", f"{len(snap.stages)} stages, {len(snap.lanes)} lanes"),
        ("Touchpoints", f"{len(snap.touchpoints):,} ({_plural(sum(t.is_goal for t in snap.touchpoints), 'goal')})"),
        ("KPI readings", f"{len(snap.readings):,} readings; latest: {statuses['green']} green, "
                         f"{statuses['amber']} amber, {statuses['red']} red"),
        ("RACI assignments", f"{len(snap.raci):,}"),
        ("Actions", f"{len(snap.actions):,} ({open_actions} open or in progress)"),
        ("Comments", f"{len(snap.comments):,} ({open_comments} unresolved)"),
    ]  # fmt: skip
    if ctx.friction:
        facts.append(("Behavioural data", f"{ctx.friction.dataset_name}: {ctx.friction.n_cases:,} cases, "
                                          f"{ctx.friction.n_events:,} events"))  # fmt: skip
    row = 4
    for label, value in facts:
        put(ws.cell(row, 1), label).font = st.BOLD
        c = put(ws.cell(row, 2), value)
        c.font, c.alignment = st.BODY, st.WRAP_TOP
        row += 1

    row += 1
    put(ws.cell(row, 1), "Governance warnings").font = st.SECTION
    row += 1
    warnings = snap.warnings()
    if not warnings:
        put(ws.cell(row, 1), "None: every touchpoint has exactly one Accountable.").font = st.BODY
        row += 1
    for w in warnings[:MAX_WARNINGS]:
        c = put(ws.cell(row, 1), w.message)
        c.font = st.WARN
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
        row += 1
    if len(warnings) > MAX_WARNINGS:
        put(
            ws.cell(row, 1), f"… and {len(warnings) - MAX_WARNINGS} more (see the Governance sheet)"
        ).font = st.SMALL
        row += 1

    row += 1
    put(ws.cell(row, 1), "Updating this workbook").font = st.SECTION
    row += 1
    for line in how_to():
        c = put(ws.cell(row, 1), "• " + line)
        c.font, c.fill = st.BODY, st.NOTE_FILL
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
        row += 1

    _legend(ws, ctx)
    st.landscape(ws)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def _legend(ws, ctx: ExportContext) -> None:
    """Colour keys in columns D-E: channels used on the map, KPI status, friction."""
    row = 4
    put(ws.cell(row, 4), "Legend").font = st.SECTION
    row += 1
    put(ws.cell(row, 4), "Channel (card colour)").font = st.BOLD
    row += 1
    channels = sorted(
        {t.channel.strip() for t in ctx.snap.touchpoints if t.channel.strip()}, key=str.lower
    )
    for channel in channels[:20]:
        swatch = ws.cell(row, 4)
        swatch.fill = st.fill(st.channel_colour(channel) or "FFFFFF")
        put(swatch, channel).font = st.BODY
        row += 1
    swatch = put(ws.cell(row, 4), "(no channel)")
    swatch.fill, swatch.font = st.NEUTRAL_CARD, st.BODY
    row += 2
    put(ws.cell(row, 4), "KPI status (latest reading)").font = st.BOLD
    row += 1
    for key, (bg, fg) in st.STATUS_COLOURS.items():
        c = put(ws.cell(row, 4), status_label(key))
        c.fill = st.fill(bg)
        c.font = Font(name=st.FONT_NAME, size=10, bold=True, color=fg)
        put(ws.cell(row, 5), status_hint(key)).font = st.BODY
        row += 1
    if ctx.friction:
        row += 1
        put(ws.cell(row, 4), "Friction (Friction map)").font = st.BOLD
        row += 1
        scale = heat_range(m.score for m in ctx.friction.metrics) or HeatRange(0.0, 100.0)
        for score, meaning in (  # the canvas's scale: relative to the journey's own range
            (0.0, "smoothest in this journey"),
            (0.5, "halfway between"),
            (1.0, "worst in this journey"),
        ):
            value = scale.low + score * (scale.high - scale.low)
            c = put(ws.cell(row, 4), f"friction {format_score(value)}")
            c.fill = st.fill(st.friction_colour(score))
            c.font = Font(name=st.FONT_NAME, size=10, color=st.friction_ink(score))
            put(ws.cell(row, 5), meaning).font = st.BODY
            row += 1
