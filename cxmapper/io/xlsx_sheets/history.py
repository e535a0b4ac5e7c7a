"""Read-only sheets for governing the journey over time: Governance health (the three
shares and every overdue reading, owner by owner), Versions, and the Change log (who changed
what and when). The import ignores them: they report, owners edit the other sheets."""

from __future__ import annotations

from typing import Any

from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from cxmapper.io import xlsx_style as st
from cxmapper.io.xlsx_safe import put
from cxmapper.io.xlsx_sheets.common import ExportContext, add_table, header_row, sheet
from cxmapper.model.freshness import governance_health, overdue_readings
from cxmapper.model.versions import versions
from cxmapper.model.workspace import Workspace
from cxmapper.present import log_labels
from cxmapper.present.labels import N_, _

LOG_HEADERS = (N_("When"), N_("Who"), N_("Operation"), N_("Action"), N_("Kind"), N_("Name"),
               N_("Fields"))  # fmt: skip
VERSION_HEADERS = (N_("Version"), N_("Saved"), N_("By"), N_("Live from"), N_("Note"))
OVERDUE_HEADERS = (N_("Touchpoint"), N_("KPI"), N_("Owner"), N_("Frequency"),
                   N_("Latest reading"), N_("Due on"), N_("Days overdue"))  # fmt: skip
LOG_WIDTHS = (19, 14, 24, 10, 14, 24, 44)
VERSION_WIDTHS = (24, 17, 16, 12, 60)
OVERDUE_WIDTHS = (40, 22, 18, 12, 14, 12, 12)
PRINTED_LOG_ROWS = 100  # the newest: the print area stops there, the sheet holds them all
MAX_WIDTH = 60.0  # longer texts (the log's fields) wrap in their cell
MAX_LOG_ROWS = 50_000  # the newest; the whole log stays in the workspace and `cxmapper log`


def _name(details: dict[str, Any]) -> str:
    for key in ("title", "name", "role", "value"):
        if details.get(key):
            return str(details[key])
    return ""  # a summary entry: its worded summary (LogEntry.summary) instead


def _rows(
    ws: Worksheet,
    top: int,
    headers: tuple[str, ...],
    rows: list[list[Any]],
    name: str,
    widths: tuple[float, ...],
    styler: st.Styler,
) -> None:
    """A table at `top`, each column `widths` wide, its text wrapped and its rows sized for
    it (LibreOffice does not grow wrapped rows by itself). Printed landscape, one page wide,
    the header repeated on every page."""
    header_row(ws, top, [_(h) for h in headers])
    widths = tuple(  # the table's widths, widened where a header or a value would be cut
        fit_width([_(h)] + [str(row[c]) for row in rows if c < len(row) and row[c] is not None],
                  widths[c])
        for c, h in enumerate(headers)
    )  # fmt: skip
    write = styler.writer(font=st.BODY, alignment=st.WRAP_TOP)  # fast: see Styler
    chars = [max(int(width * 1.1), 8) for width in widths]  # per line, in each column
    for r, values in enumerate(rows, start=top + 1):
        lines = 1
        for c, value in enumerate(values, start=1):
            if value is None or value == "":
                continue
            write(ws, r, c, value)
            n = -(-len(str(value)) // chars[c - 1])
            if n > lines:
                lines = n
        if lines > 1:
            st.row_height(ws, r, 13.5 * lines)
    add_table(ws, name, top, 1, len(headers), top + len(rows))
    for j, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(j)].width = width
    st.landscape(ws, title_rows=f"{top}:{top}")


def fit_width(texts: list[str], least: float) -> float:
    """A column as wide as its longest text (Italian labels are longer than the English the
    defaults were chosen for, and a cut text reads as another word), `MAX_WIDTH` at most."""
    longest = max((len(t) for t in texts), default=0)
    return max(least, min(MAX_WIDTH, longest * 1.1 + 2))


def _share(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"


def write_health(wb: Workbook, ctx: ExportContext) -> None:
    snap = ctx.snap
    ws = sheet(wb, ctx, "governance_health")
    put(ws.cell(1, 1), _("Governance health")).font = st.TITLE
    health = governance_health(snap.touchpoints, snap.lanes, snap.raci, snap.kpis, snap.readings)
    lines = [
        (_("Touchpoints with exactly one Accountable"), health.accountable_share,
         _("{n} of {total}").format(n=health.with_one_accountable, total=health.governed_touchpoints)),
        (_("KPIs with an owner"), health.kpi_owner_share,
         _("{n} of {total}").format(n=health.kpis_with_owner, total=health.kpis)),
        (_("Readings up to date"), health.readings_up_to_date_share,
         _("{n} of {total}").format(n=health.readings_up_to_date, total=health.expected_readings)),
    ]  # fmt: skip
    for r, (label, share, counts) in enumerate(lines, start=3):
        put(ws.cell(r, 1), label).font = st.BOLD
        put(ws.cell(r, 2), _share(share))
        put(ws.cell(r, 3), counts)
    put(ws.cell(7, 1), _("Overdue readings (owner must add a reading)")).font = st.SECTION
    rows = []
    for o in overdue_readings(snap.kpis, snap.readings):
        tp, kpi = snap.tp_by_id.get(o.touchpoint_id), snap.kpi_by_id.get(o.kpi_id)
        owner = snap.party_name(tp.owner_id) if tp is not None else ""
        rows.append([tp.title if tp else o.touchpoint_id, kpi.name if kpi else o.kpi_id, owner,
                     o.frequency, o.latest_at[:10], o.due_on, o.days_overdue])  # fmt: skip
    _rows(ws, 8, OVERDUE_HEADERS, rows, "OverdueReadings", OVERDUE_WIDTHS, ctx.style)
    labels = fit_width([str(line[0]) for line in lines], 20)  # the label above the table
    ws.column_dimensions["A"].width = max(ws.column_dimensions["A"].width or 0, labels)


def write_versions(wb: Workbook, ctx: ExportContext, ws_: Workspace) -> None:
    ws = sheet(wb, ctx, "versions")
    put(ws.cell(1, 1), _("Versions")).font = st.TITLE
    found = sorted(versions(ws_, ctx.snap.journey.id), key=lambda v: v.created_at)
    rows = [[v.name, v.created_at[:19].replace("T", " "), v.author, v.live_from, v.note]
            for v in found]  # fmt: skip
    _rows(ws, 3, VERSION_HEADERS, rows, "Versions", VERSION_WIDTHS, ctx.style)


def write_change_log(wb: Workbook, ctx: ExportContext, ws_: Workspace) -> None:
    ws = sheet(wb, ctx, "change_log")
    put(ws.cell(1, 1), _("Change log")).font = st.TITLE
    entries = ws_.change_log(journey_id=ctx.snap.journey.id)[-MAX_LOG_ROWS:]
    rows = [[x.at[:19].replace("T", " "), x.author, x.label, log_labels.action_word(x.action),
             log_labels.kind_word(x.kind),
             _name(x.details) or x.summary, log_labels.fields_text(x.fields)] for x in reversed(entries)]  # fmt: skip
    _rows(ws, 3, LOG_HEADERS, rows, "ChangeLog", LOG_WIDTHS, ctx.style)
    if len(rows) > PRINTED_LOG_ROWS:  # pages of history nobody reads on paper
        put(
            ws.cell(2, 1),
            _("Printed: the newest {n} of {total} changes; the sheet holds them all.").format(
                n=PRINTED_LOG_ROWS, total=len(rows)
            ),
        ).font = st.SUBTITLE
        last = get_column_letter(len(LOG_HEADERS))
        ws.print_area = f"A1:{last}{3 + PRINTED_LOG_ROWS}"


def write(wb: Workbook, ctx: ExportContext, ws: Workspace, owner_view: bool) -> None:
    """Health for any workbook (an owner's shows their own cards); versions and the log only
    for the whole journey's workbook: an owner's view holds only their part."""
    write_health(wb, ctx)
    if not owner_view:
        write_versions(wb, ctx, ws)
        write_change_log(wb, ctx, ws)
