"""The journey as a grid people recognise: stages across, lanes down, one cell per card.

Cards of one stage x lane cell stack downwards, so a lane takes as many rows as its fullest
cell and its label is merged across them. The card text (title, owner, key KPI) is rich
text; the fill is the channel colour, or the friction colour on the overlay version.
"""

from __future__ import annotations

from collections import defaultdict
from copy import copy, deepcopy
from functools import cache
from typing import TYPE_CHECKING, Any

from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.styles import Border, Color, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from cxmapper.io import xlsx_style as st
from cxmapper.io.friction_data import TouchpointMetrics
from cxmapper.io.snapshot import JourneySnapshot
from cxmapper.io.xlsx_one_page import one_page
from cxmapper.io.xlsx_safe import clean_text, put
from cxmapper.io.xlsx_sheets.common import ExportContext, sheet
from cxmapper.model import entities as e
from cxmapper.model.kpi_status import status
from cxmapper.present.card_text import format_number, reading_line
from cxmapper.present.heat import HeatRange, heat_range
from cxmapper.present.labels import _
from cxmapper.present.locale_format import format_date
from cxmapper.present.overlay import friction_scale
from cxmapper.present.units import format_score
from cxmapper.present.value_labels import channel_text

if TYPE_CHECKING:
    from openpyxl.xml.functions import Element

FIRST_ROW = 4  # rows 1-2 title, 3 stage headers
LINE_HEIGHT = 12.5


class RunFont(InlineFont):
    """A rich-text run font whose XML is built once and copied for every run that uses it.

    A 2,000-card map writes its handful of fonts ~6,000 times; openpyxl's generic serialiser
    rebuilds the same few elements each time. The fonts here are constants, never changed.
    openpyxl's serialiser lists the fields of the class itself only, so a subclass must name
    InlineFont's, or every run is written as an empty `<rPr/>` (LibreOffice then shows a
    serif font, titles not bold, and the wider glyphs overflow the rows).
    """

    __attrs__ = InlineFont.__attrs__
    __elements__ = InlineFont.__elements__
    __nested__ = InlineFont.__nested__

    def to_tree(
        self, tagname: str | None = None, idx: Any = None, namespace: str | None = None
    ) -> Element:
        cache = self.__dict__.setdefault("_trees", {})
        if tagname not in cache:
            cache[tagname] = super().to_tree(tagname, idx, namespace)
        return deepcopy(cache[tagname])  # an element can have one parent only


_TITLE_FONT = RunFont(rFont=st.FONT_NAME, sz=10.5, b=True, color=Color(st.INK))
_META_FONT = RunFont(rFont=st.FONT_NAME, sz=9, color=Color(st.MUTED))
# on a heat fill grey is too faint: the scale is made for dark text (`present.heat`)
_HEAT_META_FONT = RunFont(rFont=st.FONT_NAME, sz=9, color=Color(st.INK))
_STATUS_FONTS = {
    k: RunFont(rFont=st.FONT_NAME, sz=9, b=True, color=Color(text))
    for k, (_, text) in st.STATUS_COLOURS.items()
}


@cache
def _heat_font(share: float) -> RunFont:
    """Friction text on a heat-filled card, in the ink that contrasts with that fill."""
    return RunFont(rFont=st.FONT_NAME, sz=9, b=True, color=Color(st.friction_ink(share)))


def write(wb: Workbook, ctx: ExportContext, *, overlay: bool = False) -> Worksheet:
    snap = ctx.snap
    ws = sheet(wb, ctx, "friction_map" if overlay else "map")
    metrics = ctx.friction.by_touchpoint() if (overlay and ctx.friction) else {}
    # Colour relative to the journey's own range, as the canvas: scores of one dataset are
    # often all low, and the question the overlay answers is "where is it worst".
    scale = heat_range(m.score for m in metrics.values())
    n_cols = len(snap.stages) + 1

    what = _("friction overlay") if overlay else _("journey map")
    title = f"{snap.journey.name} — {what}"
    put(ws.cell(1, 1), title).font = st.TITLE
    ws.row_dimensions[1].height = 28
    state = _("Future state") if snap.journey.state == "future" else _("Current state")
    bits = [_("Persona: {name}").format(name=snap.persona.name) if snap.persona else "", state,
            _("exported {date}").format(date=format_date(ctx.exported_at[:10]))]  # fmt: skip
    if overlay and ctx.friction:
        bits.append(_("dataset {name} ({cases} cases)").format(
            name=ctx.friction.dataset_name, cases=format_number(ctx.friction.n_cases)))  # fmt: skip
        if scale is not None:  # the canvas legend's words: the tint is relative to this journey
            bits.append(_("colour: {scale}").format(scale=", ".join(friction_scale(scale))))
    put(ws.cell(2, 1), " · ".join(b for b in bits if b)).font = st.SUBTITLE
    if n_cols > 1:
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=n_cols)
        ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=n_cols)

    # styled through ctx.style (font, fill, alignment, as set before): its first cell of a
    # combination looks each style up in the workbook, the others copy its style array
    ctx.style(put(ws.cell(3, 1), _("Lane \\ Stage")), st.HEADER, st.HEADER_FILL, st.CENTER)
    ws.column_dimensions["A"].width = 18
    for j, stage in enumerate(snap.stages, start=2):
        ctx.style(put(ws.cell(3, j), stage.name), st.HEADER, st.HEADER_FILL, st.WRAP_CENTER)
        ws.column_dimensions[get_column_letter(j)].width = max(24.0, min(48.0, stage.width / 7.5))
    ws.row_dimensions[3].height = 24

    cells: dict[tuple[str, str], list[e.Touchpoint]] = defaultdict(list)
    for tp in snap.ordered_touchpoints():
        cells[(tp.stage_id, tp.lane_id)].append(tp)

    row = FIRST_ROW
    edged: dict[bytes, Any] = {}  # a cell's style array -> the same with the lane's edge
    for lane in snap.lanes:
        depth = max([len(cells[(s.id, lane.id)]) for s in snap.stages] + [1])
        ctx.style(put(ws.cell(row, 1), lane.name), st.BOLD, st.LANE_FILL, st.LEFT_CENTER)
        if depth > 1:
            ws.merge_cells(start_row=row, start_column=1, end_row=row + depth - 1, end_column=1)
        heights = [1] * depth
        for j, stage in enumerate(snap.stages, start=2):
            width = ws.column_dimensions[get_column_letter(j)].width
            stack = cells[(stage.id, lane.id)]
            for k in range(depth):
                c: Cell | MergedCell = ws.cell(row + k, j)
                if k >= len(stack):
                    ctx.style(c, fill=st.EMPTY_FILL, border=st.CARD_BORDER)
                    continue
                tp = stack[k]
                text, lines = _card_text(
                    tp, snap, metrics.get(tp.id) if overlay else None, overlay, width, scale
                )
                put(c, text)  # within the cell limit, like every cell
                ctx.style(c, fill=_card_fill(tp, metrics.get(tp.id), overlay, scale), border=st.CARD_BORDER,
                          alignment=st.WRAP_TOP)  # fmt: skip
                heights[k] = max(heights[k], lines)
        for k in range(depth):
            ws.row_dimensions[row + k].height = LINE_HEIGHT * heights[k] + 8
        edge_row = row + depth - 1
        for j in range(1, n_cols + 1):  # a grey line under each lane
            c = ws.cell(edge_row, j)
            before = c._style  # type: ignore[union-attr]  # a slot the stubs leave out
            key = b"" if before is None else before.tobytes()
            done = edged.get(key)
            if done is not None:  # a style given its edge before: the same result, copied
                c._style = copy(done)  # type: ignore[union-attr]  # as above
                continue
            b = c.border
            c.border = Border(left=b.left, right=b.right, top=b.top, bottom=st.LANE_EDGE)
            edged[key] = copy(c._style)  # type: ignore[union-attr]  # as above
        row += depth

    ws.freeze_panes = ws.cell(FIRST_ROW, 2).coordinate
    st.landscape(ws, title_rows="1:3", title_cols="A:A")
    one_page(ws, n_cols, max(row - 1, 3))  # a map is one picture: never split over pages
    ws.sheet_view.zoomScale = 90
    return ws


def _card_fill(tp: e.Touchpoint, m: TouchpointMetrics | None, overlay: bool,
               scale: HeatRange | None = None) -> PatternFill:  # fmt: skip
    if overlay:
        return st.fill(
            st.friction_colour(None if m is None or scale is None else scale.fraction(m.score))
        )
    colour = st.channel_colour(tp.channel)
    return st.fill(colour) if colour else st.NEUTRAL_CARD


def _lines(text: str, chars: float) -> int:
    return sum(1 + int(len(part) // max(chars, 1.0)) for part in text.split("\n"))


def _card_text(
    tp: e.Touchpoint,
    snap: JourneySnapshot,
    m: TouchpointMetrics | None,
    overlay: bool,
    width: float,
    scale: HeatRange | None = None,
) -> tuple[CellRichText, int]:
    """Title in bold, then owner, channel and key KPI; returns the text and an estimate of
    its wrapped line count (Excel does not size rows to rich text by itself)."""
    title = clean_text(tp.title)
    if tp.is_goal:
        title += "  [" + _("goal") + "]"
    parts: list[TextBlock | str] = [TextBlock(_TITLE_FONT, title)]
    small = width * 1.25  # characters per line at 9 pt
    lines = _lines(title, width * 0.95)
    meta = []
    owner = snap.party_name(tp.owner_id)
    if owner:
        meta.append(_("Owner: {name}").format(name=owner))
    if tp.channel:
        meta.append(channel_text(tp.channel))
    if tp.emotion:
        meta.append(_("feeling {score}").format(score=f"{tp.emotion:+d}"))
    meta_font = _HEAT_META_FONT if overlay else _META_FONT
    if meta:
        meta_text = clean_text(" · ".join(meta))
        parts.append(TextBlock(meta_font, "\n" + meta_text))
        lines += _lines(meta_text, small)
    if overlay:
        if m is None:
            parts.append(TextBlock(meta_font, "\n" + _("no events matched")))
            lines += 1
        else:
            drop = "" if m.dropoff_rate is None else " · " + _("drop-off {rate}").format(
                rate=f"{m.dropoff_rate:.0%}")  # fmt: skip
            reach = _("reach {n}").format(n=format_number(m.reach))
            parts.append(TextBlock(meta_font, f"\n{reach}{drop}"))
            lines += 1
            if m.friction is not None:
                share = (scale.fraction(m.score) if scale else None) or 0.0  # as the fill
                reason = clean_text(
                    _("friction {score}").format(score=format_score(m.score))
                    + (f": {m.reasons[0]}" if m.reasons else "")
                )
                parts.append(TextBlock(_heat_font(share), "\n" + reason))
                lines += _lines(reason, small)
    else:
        key = snap.key_reading(tp.id)
        if key is not None:
            kpi, reading = key
            state = status(kpi, reading.value)
            text = clean_text(reading_line(kpi, reading.value, state))
            parts.append(TextBlock(_STATUS_FONTS[state], "\n" + text))
            lines += _lines(text, small)
    return CellRichText(parts), lines
