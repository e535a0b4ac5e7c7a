"""Helpers every sheet uses: a title block and an Excel table with filters and drop-downs."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.filters import AutoFilter
from openpyxl.worksheet.table import Table, TableColumn, TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet

from cxmapper.io import xlsx_style as st
from cxmapper.io.friction_data import FrictionData
from cxmapper.io.snapshot import JourneySnapshot
from cxmapper.io.xlsx_safe import put, sheet_title
from cxmapper.io.xlsx_tables import TableSpec
from cxmapper.present.labels import _, sheet_label
from cxmapper.present.locale_format import localised_excel_format

EXTRA_ROWS = 200  # drop-downs reach this far below the data, for rows owners add


@dataclass
class ExportContext:
    snap: JourneySnapshot
    exported_at: str
    workspace_name: str
    friction: FrictionData | None = None
    baseline: list[tuple[str, str, dict[str, Any]]] = field(default_factory=list)
    style: st.Styler = field(default_factory=st.Styler)
    anchors: dict[str, Any] = field(default_factory=dict)
    sheets: dict[str, str] = field(default_factory=dict)  # sheet key -> title as written
    columns: dict[str, dict[str, str]] = field(default_factory=dict)  # table -> key -> header
    words: dict[str, dict[str, dict[str, str]]] = field(default_factory=dict)  # see TableSpec


def header_row(ws: Worksheet, row: int, headers: Sequence[str], col: int = 1) -> None:
    for i, h in enumerate(headers):
        c = put(ws.cell(row, col + i), h)
        c.font = st.HEADER
        c.fill = st.HEADER_FILL
        c.alignment = st.LEFT_CENTER
    ws.row_dimensions[row].height = 30


def add_table(ws: Worksheet, name: str, top: int, left: int, n_cols: int, last_row: int) -> None:
    ref = f"{get_column_letter(left)}{top}:{get_column_letter(left + n_cols - 1)}{max(last_row, top + 1)}"
    table = Table(displayName=name, ref=ref)
    table.tableStyleInfo = TableStyleInfo(name="TableStyleLight9", showRowStripes=True)
    # Named here from the header cells: left unnamed, openpyxl names them while saving by
    # reading ws[ref], which creates every empty cell of the range (~20,000 in a big export).
    table.tableColumns = [
        TableColumn(id=left + i, name=str(ws.cell(top, left + i).value)) for i in range(n_cols)
    ]
    table.autoFilter = AutoFilter(ref=ref)
    ws.add_table(table)


def list_validation(
    ws: Worksheet, choices: Sequence[str], ref: str, *, strict: bool = True
) -> None:
    dv = DataValidation(type="list", formula1='"' + ",".join(choices) + '"', allow_blank=True)
    dv.errorStyle = "stop" if strict else "warning"
    dv.error = _("Choose one of: {choices}").format(choices=", ".join(choices))
    dv.errorTitle = _("Not in the list")
    dv.showErrorMessage = True
    ws.add_data_validation(dv)
    dv.add(ref)


def whole_validation(ws: Worksheet, low: int, high: int, ref: str) -> None:
    dv = DataValidation(type="whole", operator="between", formula1=str(low), formula2=str(high),
                        allow_blank=True)  # fmt: skip
    dv.error = _("A whole number from {low} to {high}").format(low=low, high=high)
    dv.errorTitle = _("Out of range")
    dv.showErrorMessage = True
    ws.add_data_validation(dv)
    dv.add(ref)


def wrapped_lines(text: str, width: float) -> int:
    """About how many lines `text` takes in a wrapped column `width` characters wide."""
    chars = max(int(width * 1.1), 8)
    return sum(max(1, -(-len(part) // chars)) for part in text.split("\n"))


def write_spec_table(
    ws: Worksheet, spec: TableSpec, items: Sequence[Any], ctx: ExportContext, top: int = 1
) -> int:
    """Write a round-trip table (header at `top`); records the exported values as baseline.
    Returns the last row used."""
    snap = ctx.snap
    cols = spec.columns
    headers = [c.header for c in cols]
    header_row(ws, top, headers)
    ctx.columns[spec.name] = {c.key: h for c, h in zip(cols, headers, strict=True)}
    ctx.words[spec.name] = {  # the words written for keys, so the import reads them back
        c.key: {str(c.shown(k)): k for k in c.labels} for c in cols if c.labels is not None
    }
    key_index = spec.index(spec.key)
    keys = [c.key for c in cols]
    writers = [  # one per column (see Styler.writer); dates formatted per language
        ctx.style.writer(font=st.ID_FONT if c.key.endswith("_id") else st.BODY,
                         alignment=st.WRAP_TOP if c.wrap else st.TOP,
                         number_format=localised_excel_format(c.number_format))
        for c in cols
    ]  # fmt: skip
    row = top
    for row, item in enumerate(items, start=top + 1):
        values = [c.get(item, snap) for c in cols]
        lines = 1
        for j, value in enumerate(values, start=1):
            if value is None or value == "":
                continue  # no cell at all: a large export is mostly the cost per cell
            column = cols[j - 1]
            if column.labels is not None:
                value = column.shown(value)  # a key's word; the baseline keeps the key
            writers[j - 1](ws, row, j, value)
            if column.wrap:
                lines = max(lines, wrapped_lines(str(value), column.width))
        if lines > 1:  # LibreOffice does not grow wrapped rows by itself
            st.row_height(ws, row, 13.5 * lines)
        sent = dict(zip(keys, values, strict=True))  # read-only columns too: an edit is
        del sent[spec.key]  # reported; the row's key is the baseline's own key
        ctx.baseline.append((spec.name, values[key_index], sent))
    last = max(row, top + 1)
    for j, column in enumerate(cols, start=1):
        letter = get_column_letter(j)
        ws.column_dimensions[letter].width = column.width
        span = f"{letter}{top + 1}:{letter}{last + EXTRA_ROWS}"
        if column.choices:
            list_validation(ws, [column.shown(c) for c in column.choices], span)
        if column.field == "emotion":
            whole_validation(ws, -2, 2, span)
        if column.field in ("impact", "effort"):
            whole_validation(ws, 1, 5, span)
    add_table(ws, spec.name, top, 1, len(cols), last)
    ctx.anchors[spec.name] = top
    return last


def sheet(wb: Workbook, ctx: ExportContext, key: str) -> Worksheet:
    """A new sheet titled by the label of `key`; the title written is recorded for the import."""
    ws: Worksheet = wb.create_sheet(sheet_title(sheet_label(key), set(wb.sheetnames)))
    ctx.sheets[key] = ws.title
    ws.sheet_view.showGridLines = False
    ws.sheet_properties.outlinePr = None
    return ws
