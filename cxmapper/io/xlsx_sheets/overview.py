"""The first sheet a stakeholder sees: what this journey is, how healthy it is, how to read
the colours, and how owners send updates back."""

from __future__ import annotations

from collections import Counter

from openpyxl.styles import Font
from openpyxl.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

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
from cxmapper.present.locale_format import format_date, format_number
from cxmapper.present.units import format_score
from cxmapper.present.value_labels import channel_text

MAX_WARNINGS = 40
HOW_TO_CHARS = 120  # characters of body text per line across columns A:B (24 + 64 wide)
HOW_TO_LINE_PT = 13.0
STATE_WORDS = {"current": N_("current"), "future": N_("future")}  # model.entities.JOURNEY_STATES

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
    if not isinstance(ws, Worksheet):  # a new workbook's one sheet is a worksheet
        raise TypeError(f"the overview needs a worksheet, not {type(ws).__name__}")
    ws.title = sheet_title(sheet_label("overview"), set())
    ctx.sheets["overview"] = ws.title
    ws.sheet_view.showGridLines = False
    put(ws.cell(1, 1), snap.journey.name).font = st.TITLE
    put(ws.cell(2, 1), _("Customer-journey map exported from cxmapper")).font = st.SUBTITLE
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
    n = format_number
    goals = sum(t.is_goal for t in snap.touchpoints)
    exported = format_date(ctx.exported_at) + ctx.exported_at.replace("T", " ")[10:16] + " UTC"
    facts = [
        (_("Journey"), snap.journey.name),
        (_("Persona"), snap.persona.name if snap.persona else "—"),
        (_("State"), _(STATE_WORDS.get(snap.journey.state, snap.journey.state))),
        (_("Description"), snap.journey.description or "—"),
        (_("Workspace"), ctx.workspace_name),
        (_("Exported"), exported),
        (_("Stages / lanes"), _("{stages} stages, {lanes} lanes").format(
            stages=n(len(snap.stages)), lanes=n(len(snap.lanes)))),
        (sheet_label("touchpoints"), (_("{count} ({goals} goal)") if goals == 1 else _("{count} ({goals} goals)")).format(
            count=n(len(snap.touchpoints)), goals=n(goals))),
        (_("KPI readings"), _("{count} readings; latest: {green} on target, {amber} near target, "
                              "{red} off target").format(
            count=n(len(snap.readings)), green=statuses["green"], amber=statuses["amber"],
            red=statuses["red"])),
        (_("RACI assignments"), n(len(snap.raci))),
        (sheet_label("actions"), _("{count} ({open} open or in progress)").format(
            count=n(len(snap.actions)), open=open_actions)),
        (sheet_label("comments"), _("{count} ({open} unresolved)").format(
            count=n(len(snap.comments)), open=open_comments)),
    ]  # fmt: skip
    if ctx.friction:
        facts.append((_("Behavioural data"), _("{dataset}: {cases} cases, {events} events").format(
            dataset=ctx.friction.dataset_name, cases=n(ctx.friction.n_cases),
            events=n(ctx.friction.n_events))))  # fmt: skip
    row = 4
    for label, value in facts:
        put(ws.cell(row, 1), label).font = st.BOLD
        c = put(ws.cell(row, 2), value)
        c.font, c.alignment = st.BODY, st.WRAP_TOP
        row += 1

    row += 1
    put(ws.cell(row, 1), _("Governance warnings")).font = st.SECTION
    row += 1
    warnings = snap.warnings()
    if not warnings:
        put(
            ws.cell(row, 1), _("None: every touchpoint has exactly one Accountable.")
        ).font = st.BODY
        row += 1
    for w in warnings[:MAX_WARNINGS]:
        c = put(ws.cell(row, 1), w.message)
        c.font = st.WARN
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
        row += 1
    if len(warnings) > MAX_WARNINGS:
        put(
            ws.cell(row, 1),
            _("… and {count} more (see the {sheet} sheet)").format(
                count=len(warnings) - MAX_WARNINGS, sheet=sheet_label("governance")
            ),
        ).font = st.SMALL
        row += 1

    row += 1
    put(ws.cell(row, 1), _("Updating this workbook")).font = st.SECTION
    row += 1
    for line in how_to():
        text = "• " + line
        c = put(ws.cell(row, 1), text)
        c.font, c.fill, c.alignment = st.BODY, st.NOTE_FILL, st.WRAP_TOP
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
        # wrapped in A:B and the row made tall enough: a longer (Italian) sentence ran past
        # the printed page; LibreOffice does not grow a merged wrapped row by itself
        ws.row_dimensions[row].height = HOW_TO_LINE_PT * -(-len(text) // HOW_TO_CHARS)
        row += 1

    _legend(ws, ctx)
    st.landscape(ws)


def _legend(ws: Worksheet, ctx: ExportContext) -> None:
    """Colour keys in columns D-E: channels used on the map, KPI status, friction."""
    row = 4
    put(ws.cell(row, 4), _("Legend")).font = st.SECTION
    row += 1
    put(ws.cell(row, 4), _("Channel (card colour)")).font = st.BOLD
    row += 1
    channels = sorted(
        {t.channel.strip() for t in ctx.snap.touchpoints if t.channel.strip()}, key=str.lower
    )
    for channel in channels[:20]:
        swatch = ws.cell(row, 4)
        swatch.fill = st.fill(st.channel_colour(channel) or "FFFFFF")
        put(swatch, channel_text(channel)).font = st.BODY
        row += 1
    swatch = put(ws.cell(row, 4), _("(no channel)"))
    swatch.fill, swatch.font = st.NEUTRAL_CARD, st.BODY
    row += 2
    put(ws.cell(row, 4), _("KPI status (latest reading)")).font = st.BOLD
    row += 1
    for key, (bg, fg) in st.STATUS_COLOURS.items():
        c = put(ws.cell(row, 4), status_label(key))
        c.fill = st.fill(bg)
        c.font = Font(name=st.FONT_NAME, size=10, bold=True, color=fg)
        put(ws.cell(row, 5), status_hint(key)).font = st.BODY
        row += 1
    if ctx.friction:
        row += 1
        put(
            ws.cell(row, 4), _("Friction ({sheet})").format(sheet=sheet_label("friction_map"))
        ).font = st.BOLD
        row += 1
        scale = heat_range(m.score for m in ctx.friction.metrics) or HeatRange(0.0, 100.0)
        for score, meaning in (  # the canvas's scale: relative to the journey's own range
            (0.0, N_("smoothest in this journey")),
            (0.5, N_("halfway between")),
            (1.0, N_("worst in this journey")),
        ):
            value = scale.low + score * (scale.high - scale.low)
            c = put(ws.cell(row, 4), _("friction {score}").format(score=format_score(value)))
            c.fill = st.fill(st.friction_colour(score))
            c.font = Font(name=st.FONT_NAME, size=10, color=st.friction_ink(score))
            put(ws.cell(row, 5), _(meaning)).font = st.BODY
            row += 1
