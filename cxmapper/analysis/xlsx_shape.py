"""Refuse Excel workbooks whose first sheet spans an absurd range, before pandas reads it.

pandas pads every row to the widest one, so a 1.5 KB workbook with a single cell at XFD1048576
becomes 17 billion cells (gigabytes, minutes). The cell references are scanned in the sheet's
XML (a regular expression over the decompressed stream: a few hundred MB/s) and the used range
is checked against `limits`; zip parts that inflate past `limits.XLSX_MAX_PART` are refused
first, so the scan itself is bounded too.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from pathlib import Path

from cxmapper.analysis import limits
from cxmapper.errors import ImportDataError

_CELL = re.compile(rb'<(?:\w+:)?c\s[^>]*?\br="([A-Z]{1,3})([0-9]{1,7})"')
_ROW = re.compile(rb'<(?:\w+:)?row\s[^>]*?\br="([0-9]{1,7})"')
_FIRST_SHEET = re.compile(rb'<(?:\w+:)?sheet\s[^>]*?\b\w+:id="([^"]+)"')
_RELATIONSHIP = re.compile(rb"<(?:\w+:)?Relationship\s[^>]*>")
_ATTR = re.compile(rb'(\w+)="([^"]*)"')


def _column_number(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n


def _column_letters(n: int) -> str:
    out = ""
    while n:
        n, rem = divmod(n - 1, 26)
        out = chr(65 + rem) + out
    return out


def _first_sheet(zf: zipfile.ZipFile) -> str | None:
    """Zip path of the workbook's first sheet (the one pandas reads), None if not found."""
    names = set(zf.namelist())
    if "xl/workbook.xml" not in names or "xl/_rels/workbook.xml.rels" not in names:
        return None
    found = _FIRST_SHEET.search(zf.read("xl/workbook.xml"))
    if not found:
        return None
    for rel in _RELATIONSHIP.findall(zf.read("xl/_rels/workbook.xml.rels")):
        attrs = dict(_ATTR.findall(rel))
        if attrs.get(b"Id") == found.group(1) and b"Target" in attrs:
            target = attrs[b"Target"].decode("utf-8", "replace")
            path = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
            path = posixpath.normpath(path)
            return path if path in names else None
    return None


def _used_range(zf: zipfile.ZipFile, member: str) -> tuple[int, int, bool]:
    """Highest row and column referenced in the sheet XML, and whether it has a DOCTYPE."""
    max_row = max_col = 0
    tail = b""
    doctype = False
    with zf.open(member) as fh:
        while chunk := fh.read(1 << 22):
            data = tail + chunk
            doctype = doctype or b"<!doctype" in data[:4096].lower()
            for letters, digits in _CELL.findall(data):
                max_col = max(max_col, _column_number(letters))
                max_row = max(max_row, int(digits))
            for digits in _ROW.findall(data):
                max_row = max(max_row, int(digits))
            tail = data[-256:]
    return max_row, max_col, doctype


def check_xlsx_shape(path: Path) -> None:
    """ImportDataError when the workbook would take absurd memory or time to read."""
    try:
        with zipfile.ZipFile(path) as zf:
            for info in zf.infolist():
                if info.file_size > limits.XLSX_MAX_PART:
                    raise ImportDataError(
                        f"{path}: part {limits.excerpt(info.filename)} inflates to "
                        f"{info.file_size >> 20:,} MB; refused as a possible decompression bomb"
                    )
            sheet = _first_sheet(zf)
            if sheet is None:
                return  # unusual layout: openpyxl reports what is wrong
            rows, cols, doctype = _used_range(zf, sheet)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise ImportDataError(
            f"{path}: cannot read as an Excel workbook ({limits.short(exc)})"
        ) from exc
    if doctype:
        raise ImportDataError(
            f"{path}: the first sheet's XML has a DOCTYPE declaration (refused for safety)"
        )
    span = f"A1:{_column_letters(cols)}{rows}"
    if cols > limits.MAX_COLUMNS:
        raise ImportDataError(
            f"{path}: the first sheet has a cell in column {_column_letters(cols)}, past the "
            f"{limits.MAX_COLUMNS:,} columns an event log may have (used range {span}); "
            "delete stray cells or export only the columns you need"
        )
    if rows * cols > limits.XLSX_MAX_CELLS:
        raise ImportDataError(
            f"{path}: the first sheet's used range {span} spans {rows * cols:,} cells, more "
            f"than {limits.XLSX_MAX_CELLS:,}; delete stray cells or save the log as CSV"
        )
