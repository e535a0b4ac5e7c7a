"""Refuse XML with a document type declaration before any library parses it.

A workbook is a zip of XML parts that come back from other people. A DOCTYPE lets an XML part
declare entities: `&xxe;` naming a local file (or an undefined one) made the import die with a
ParseError traceback, and nested entities ("billion laughs") are expanded by the standard
parser until memory runs out. Excel and cxmapper never write a DOCTYPE, so any part that has
one is refused whole. The check parses each part with defusedxml (`forbid_dtd`) only up to its
root element: a DOCTYPE can only come before it, so the rest of the part (the sheet data) is
not read twice.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import IO

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser, ParseError

from cxmapper.errors import CxError

XML_SUFFIXES = (".xml", ".rels", ".vml")
CHUNK = 64 * 1024


class _RootReached(Exception):
    """Raised by the parser target at the first element: the prolog is over."""


class _StopAtRoot:
    def start(self, tag: str, attrs: dict[str, str]) -> None:
        raise _RootReached

    def close(self) -> None:
        return None


def refuse_unsafe_parts(path: Path) -> None:
    """Raise CxError naming the part if any XML part of the zip at `path` has a DOCTYPE."""
    try:
        with zipfile.ZipFile(path) as archive:
            for info in archive.infolist():
                if info.filename.lower().endswith(XML_SUFFIXES):
                    with archive.open(info) as part:
                        _check_prolog(path, info.filename, part)
    except (zipfile.BadZipFile, OSError, RuntimeError, EOFError) as exc:
        raise CxError(f"{path}: not an Excel workbook (.xlsx) cxmapper can read ({exc})") from exc


def _check_prolog(path: Path, name: str, part: IO[bytes]) -> None:
    parser = DefusedXMLParser(
        target=_StopAtRoot(), forbid_dtd=True, forbid_entities=True, forbid_external=True
    )
    try:
        while chunk := part.read(CHUNK):
            parser.feed(chunk)
    except _RootReached:
        return
    except DefusedXmlException as exc:
        raise CxError(
            f"{path}: refused: the part {name} has a document type declaration (DOCTYPE), "
            f"which Excel never writes and which can make XML read files or expand without "
            f"end ({type(exc).__name__})"
        ) from exc
    except ParseError as exc:
        raise CxError(f"{path}: the part {name} is not well-formed XML ({exc})") from exc
