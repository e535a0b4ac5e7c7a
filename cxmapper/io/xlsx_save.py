"""Saving a workbook byte for byte as openpyxl's `Workbook.save` does, in less time.

openpyxl 3.1 (pinned) writes each cell through lxml's incremental writer: a `<c>`, `<is>` and
`<t>` element made from Python per cell, and the cell's style array hashed to find its style
id. On a 2,000-touchpoint export (~150,000 cells) that was half of the export's time (issue 18:
export under 2 s); making the elements alone costs more than writing the text they become.
Here openpyxl writes everything but the cells (sheet properties, columns, merges, print
settings, tables) and the `<sheetData>` part is written as text, escaped as lxml escapes it,
with style ids looked up by the array's bytes. The file holds exactly what openpyxl writes
(tests/io/test_xlsx_save.py compares every part of the package).

Text, numbers, dates (as serial numbers, each distinct date converted once) and styled empty
cells are written inline, with each style's ` s="..."` attribute made once and a row's
attributes read straight from its dimension when it has only a height. Attributes of the cells
it does not spell out itself (hyperlinks, formulas, errors, dates with time zones or ISO
dates) come from openpyxl's own cell code, and rich text is serialised by lxml. Sheets are
written in memory, not to a temporary file each; the parts are deflated at COMPRESS_LEVEL.
"""

from __future__ import annotations

import datetime
import re
from io import BytesIO
from pathlib import Path
from typing import Any
from zipfile import ZIP_DEFLATED, ZipFile

from openpyxl.cell import _writer as cell_writer
from openpyxl.cell.rich_text import CellRichText
from openpyxl.comments.comment_sheet import CommentRecord
from openpyxl.compat import safe_string
from openpyxl.utils.cell import get_column_letter
from openpyxl.workbook import Workbook
from openpyxl.worksheet._writer import WorksheetWriter
from openpyxl.worksheet.dimensions import RowDimension, SheetDimension
from openpyxl.worksheet.formula import ArrayFormula, DataTableFormula
from openpyxl.writer.excel import ExcelWriter
from openpyxl.xml.functions import tostring

from cxmapper.io.gc_pause import collection_paused
from cxmapper.io.xlsx_safe import cell_bounds

# openpyxl's own attributes of a cell (private, and left out of its stubs; the version is pinned)
_set_attributes: Any = cell_writer.__dict__["_set_attributes"]
to_excel: Any = cell_writer.__dict__["to_excel"]  # a date's serial number (untyped)
_PLAIN_TYPES = {"s": "inlineStr", "n": "n", "b": "b"}  # data type -> the `t` written
# lxml writes the empty element as a start and end tag, openpyxl's fallback writer may not
_EMPTY_SHEET_DATA = re.compile(rb"<sheetData></sheetData>|<sheetData\s*/>")
_ATTR_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", '"': "&quot;", "\r": "&#13;",
                               "\n": "&#10;", "\t": "&#9;"})  # fmt: skip


# zlib's level for every part (openpyxl leaves zipfile's default, 6). The parts are the same at
# any level; only the container changes. On the 2,000-touchpoint export (16.6 MB of XML):
# level 6 1.50 MB in ~107 ms of compression, 3 1.73 MB in ~49 ms, 1 1.86 MB in ~43 ms.
COMPRESS_LEVEL = 3
_NO_STYLE = bytes(36)  # an unstyled cell's StyleArray: nine zero 32-bit ints
_PRESERVE = ' xml:space="preserve"'  # text starting or ending in white space
# a row's attributes besides its height, style and `customHeight` (see `_row_tag`)
_ROW_FLAGS = ("hidden", "outlineLevel", "collapsed", "thickBot", "thickTop")
_LETTERS = {i: get_column_letter(i) for i in range(1, 703)}  # columns A to ZZ, looked up


def _text(value: str) -> str:
    """`value` escaped as libxml2 escapes text (control characters other than tab and LF never
    reach a cell). `replace` passes over text without the character at C speed; a
    `translate` table looked every character up, a tenth of the save's time."""
    return (value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace("\r", "&#13;"))  # fmt: skip


def _attrs(attrs: dict[str, str]) -> str:
    return "".join(f' {k}="{str(v).translate(_ATTR_ESCAPES)}"' for k, v in attrs.items())


def _xml(element: Any) -> str:
    """An lxml element as text (openpyxl's `tostring` gives UTF-8 bytes)."""
    data: Any = tostring(element)
    return data.decode("utf-8") if isinstance(data, bytes) else str(data)


def _formula(value: object) -> str:
    """The `<f>` element lxml_write_cell writes for a formula, an array or data-table one."""
    attrib: dict[str, str] = {}
    if isinstance(value, ArrayFormula):
        attrib, value = dict(value), value.text
    elif isinstance(value, DataTableFormula):
        attrib, value = dict(value), None
    text = ""
    if isinstance(value, str) and attrib.get("t") != "dataTable":
        text = _text(value[1:])
    return f"<f{_attrs(attrib)}>{text}</f>"


class _SheetWriter(WorksheetWriter):
    """openpyxl's sheet writer, leaving `<sheetData>` empty; `sheet_data` holds its rows."""

    def __init__(self, ws: Any, style_ids: dict[bytes, str], style_attrs: dict[bytes, str]) -> None:
        super().__init__(ws, out=BytesIO())  # in memory: no temporary file per sheet
        self._style_ids = style_ids
        self._style_attrs = style_attrs  # array bytes -> ` s="id"`, "" for no style
        self.sheet_data = ""

    def write_dimensions(self) -> None:
        """`<dimension>` as openpyxl writes it, its bounds found by `cell_bounds`."""
        ws: Any = self.ws  # never write-only here (see _save)
        bounds = cell_bounds(ws)
        ref = "A1:A1"  # as openpyxl's calculate_dimension for a sheet without cells
        if bounds is not None:
            top, left, bottom, right = bounds
            ref = f"{get_column_letter(left)}{top}:{get_column_letter(right)}{bottom}"
        self.xf.send(SheetDimension(ref).to_tree())

    def write_rows(self) -> None:
        xf: Any = self.xf.send(True)
        with xf.element("sheetData"):
            pass  # filled in by `_Writer.write_worksheet` (lxml cannot take XML text)
        self.xf.send(None)
        ws: Any = self.ws  # the stubs leave out the private parts used here
        dims = ws.row_dimensions
        style_attrs = self._style_attrs
        letters = _LETTERS
        book = ws.parent
        plain_dates = not book.iso_dates  # dates as serial numbers, openpyxl's default
        epoch = book.epoch
        serials: dict[datetime.datetime, str] = {}  # a date's serial number as written
        row_text = ""
        parts: list[str] = []
        add = parts.append
        # openpyxl's `rows()` sorts the cells, groups them by row in a dict of lists and sorts
        # that again; here one pass over the sorted cells closes a row where the next begins,
        # and rows with dimensions but no cells are written between them, as `rows()` would.
        bare = sorted(dims)  # rows with dimensions, in order; those without cells come out
        next_bare = 0  # index into `bare` of the first row not written yet
        row_idx = 0
        for (r, column), cell in sorted(ws._cells.items()):
            if r != row_idx:
                if row_idx:
                    add("</row>")
                while next_bare < len(bare) and bare[next_bare] <= r:
                    if bare[next_bare] < r:  # a row with dimensions and no cells
                        add(f"{self._row_tag(bare[next_bare])}</row>")
                    next_bare += 1
                row_idx = r
                row_text = f"{r}"  # the coordinate's row, made once per row
                add(self._row_tag(r))
            if cell._comment is not None:  # as openpyxl's write_row
                ws._comments.append(CommentRecord.from_cell(cell))
            style = cell._style
            value = cell._value
            kind = type(value)
            data_type = cell.data_type
            if (
                (
                    (kind is str and value and data_type == "s")
                    or ((kind is int or kind is float) and data_type == "n")
                    or (kind is datetime.datetime and data_type == "d" and plain_dates)
                )
                and cell._hyperlink is None  # (a merged cell's covered part has no such slot)
            ) or (
                value is None
                and data_type == "n"
                and cell.hyperlink is None
                and cell._comment is None
            ):
                # most cells: text, a number, a date, or styled and empty, without a hyperlink
                # (`_cell` inlined, issue 18)
                sid: str | None = ""  # the ` s="..."` attribute, by the array's bytes
                if style is not None:
                    key = style.tobytes()
                    sid = style_attrs.get(key)
                    if sid is None:  # the first cell of its style (an unstyled one has none)
                        sid = style_attrs[key] = f' s="{self._style_id(cell)}"'
                letter = letters.get(column) or get_column_letter(column)
                if kind is not str:
                    if value is None:  # empty: written only when styled
                        if sid:
                            add(f'<c r="{letter}{row_text}"{sid} t="n"></c>')
                        continue
                    if kind is datetime.datetime:  # as `_set_attributes`: a serial number
                        if value.tzinfo is not None:  # openpyxl's TypeError
                            _set_attributes(cell, bool(sid))
                        number = serials.get(value)
                        if number is None:
                            number = serials[value] = safe_string(to_excel(value, epoch))
                    else:
                        number = safe_string(value)
                    add(f'<c r="{letter}{row_text}"{sid} t="n"><v>{number}</v></c>')
                    continue
                space = _PRESERVE if value[0].isspace() or value[-1].isspace() else ""
                if "&" in value or "<" in value or ">" in value or "\r" in value:
                    value = _text(value)  # (rarely: tested here, without a call)
                add(
                    f'<c r="{letter}{row_text}"{sid} t="inlineStr"><is><t{space}>{value}</t></is></c>'
                )
                continue
            styled = style is not None and any(style)
            if value is None and not styled and not cell._comment:
                continue
            add(self._cell(cell, row_idx, styled))
        if row_idx:
            add("</row>")
        for bare_row in bare[next_bare:]:
            add(f"{self._row_tag(bare_row)}</row>")
        self.sheet_data = "".join(parts)

    def _row_tag(self, row_idx: int) -> str:
        """`<row>` with the row's dimensions, as openpyxl's write_row writes it."""
        ws: Any = self.ws  # never write-only here (see _save)
        dim: Any = ws.row_dimensions.get(row_idx)  # `_style`: a slot the stubs leave out
        if dim is None:
            return f'<row r="{row_idx}">'
        fields = dim.__dict__  # openpyxl's descriptors keep the values here
        row_style = dim._style
        if (
            type(dim) is RowDimension
            and (row_style is None or not any(row_style))
            and not any(fields.get(name) for name in _ROW_FLAGS)
        ):  # only a height (most rows): what iterating the dimension yields, without its
            height = fields.get("ht")  # nine lookups through descriptors and properties
            if height is None:
                return f'<row r="{row_idx}">'
            shown = f' ht="{safe_string(height)}"' if height else ""
            return f'<row r="{row_idx}"{shown} customHeight="1">'
        attrs = {"r": f"{row_idx}"}
        attrs.update(dim)
        return f"<row{_attrs(attrs)}>"

    def _style_id(self, cell: Any) -> str:
        key = cell._style.tobytes()
        sid = self._style_ids.get(key)
        if sid is None:  # the first cell of this style: openpyxl registers it, as it would
            sid = self._style_ids[key] = f"{cell.style_id}"
        return sid

    def _cell(self, cell: Any, row_idx: int, styled: bool) -> str:
        """One `<c>` as lxml_write_cell writes it (an empty element as start and end tag)."""
        kind = cell.data_type
        value = cell._value
        written = _PLAIN_TYPES.get(kind)
        if written is not None and cell.hyperlink is None:
            sid = f' s="{self._style_id(cell)}"' if styled else ""
            head = f'<c r="{get_column_letter(cell.column)}{row_idx}"{sid} t="{written}">'
        else:  # dates, formulas, hyperlinks, errors: openpyxl's own attributes and value
            if styled:
                self._style_id(cell)  # registered in the order openpyxl would
            value, attrs = _set_attributes(cell, styled)
            head = f"<c{_attrs(attrs)}>"
        if value is None or value == "":
            return head + "</c>"
        if kind == "s":
            if isinstance(value, CellRichText):
                return f"{head}{_xml(value.to_tree())}</c>"
            space = ' xml:space="preserve"' if value != value.strip() else ""
            return f"{head}<is><t{space}>{_text(value)}</t></is></c>"
        if kind == "f":
            return f"{head}{_formula(value)}<v></v></c>"
        return f"{head}<v>{_text(safe_string(value))}</v></c>"


class _Writer(ExcelWriter):
    def __init__(self, workbook: Workbook, archive: ZipFile) -> None:
        super().__init__(workbook, archive)
        self._style_ids: dict[bytes, str] = {}
        self._style_attrs: dict[bytes, str] = {_NO_STYLE: ""}

    def write_worksheet(self, ws: Any) -> None:
        # ExcelWriter.write_worksheet for a workbook built in memory (never write-only, see
        # save_workbook), with the rows put into the sheet's XML as text
        from openpyxl.drawing.spreadsheet_drawing import SpreadsheetDrawing

        ws._drawing = SpreadsheetDrawing()
        ws._drawing.charts = ws._charts
        ws._drawing.images = ws._images
        writer: Any = _SheetWriter(ws, self._style_ids, self._style_attrs)
        writer.write()
        ws._rels = writer._rels
        xml = writer.out.getvalue()
        rows = writer.sheet_data.encode("ascii", "xmlcharrefreplace")  # as lxml's ASCII output
        empty = _EMPTY_SHEET_DATA.search(xml)  # the first: cell text before it is escaped
        if empty is None:
            raise RuntimeError(f"no <sheetData> written for sheet {ws.title!r}")
        filled = b"<sheetData>" + rows + b"</sheetData>"
        archive: Any = self.__dict__["_archive"]  # ExcelWriter's, left out of the stubs
        archive.writestr(ws.path[1:], xml[: empty.start()] + filled + xml[empty.end() :])
        self.manifest.append(ws)


def save_workbook(wb: Workbook, path: str | Path) -> None:
    """`wb.save(path)`, faster (see the module), with the cycle collector paused (io.gc_pause)."""
    with collection_paused():
        _save(wb, path)


def _save(wb: Workbook, path: str | Path) -> None:
    if wb.write_only:  # write-only sheets stream their own XML: nothing to gain here
        wb.save(path)
        return
    wb.properties.modified = datetime.datetime.now(tz=datetime.UTC).replace(tzinfo=None)
    with ZipFile(path, "w", ZIP_DEFLATED, allowZip64=True, compresslevel=COMPRESS_LEVEL) as archive:
        _Writer(wb, archive).save()
