"""Detect file format, text encoding and CSV delimiter before reading.

Encodings are never guessed silently: UTF-8 (with or without BOM) is tried strictly, then
cp1252 (what Excel on Western Windows writes). If neither decodes the whole file, the error names
the line and field of the first bad byte, so the user can re-export instead of getting mojibake.
"""

from __future__ import annotations

import codecs
import csv
import io
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from cxmapper.analysis import limits
from cxmapper.analysis.limits import check_columns, open_gzip, short
from cxmapper.errors import ImportDataError

HEAD_BYTES = 1 << 20
DELIMITERS = (",", ";", "\t")

_EXTENSIONS = {
    ".csv": "csv",
    ".tsv": "csv",
    ".tab": "csv",
    ".txt": "csv",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
    ".parquet": "parquet",
    ".pq": "parquet",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".xes": "xes",
}


GZIP_MAGIC = b"\x1f\x8b"


def is_gzip(path: Path) -> bool:
    """True when the file starts with the gzip magic bytes, whatever its name says."""
    with path.open("rb") as fh:
        return fh.read(2) == GZIP_MAGIC


def open_binary(path: Path, ratio: int = limits.MAX_GZIP_RATIO) -> BinaryIO:
    """The file's bytes, transparently decompressed when it is gzip (by magic bytes).

    Gzip streams are guarded: corruption and decompression bombs raise ImportDataError.
    """
    if is_gzip(path):
        return open_gzip(path, ratio)
    return path.open("rb")


def inner_suffix(path: Path) -> str:
    """Extension that names the content: 'x.csv.gz' -> '.csv' (a bare '.gz' gives '')."""
    name = path.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    dot = name.rfind(".")
    return name[dot:] if dot > 0 else ""


def _sniff_content(head: bytes) -> str:
    stripped = head.lstrip()
    if head.startswith(b"PAR1"):
        return "parquet"
    if head.startswith(b"PK\x03\x04"):
        return "xlsx"
    if stripped.startswith((b"<?xml", b"<log")):
        return "xes"
    if stripped.startswith((b"{", b"[")):
        return "jsonl"
    return "csv"


def detect_format(path: Path) -> str:
    """Format from the extension (inside any '.gz'), else from the first (decompressed) bytes.

    Compression is recognised by the gzip magic bytes, so 'events.csv.gz', 'events.gz' and a
    gzipped file saved as 'events.csv' all work.
    """
    fmt = _EXTENSIONS.get(inner_suffix(path))
    if fmt:
        return fmt
    if is_gzip(path):
        try:
            with open_gzip(path) as fh:
                head = fh.read(512)
        except ImportDataError:
            return "xes"  # historic default for bare .gz; the reader reports the corruption
        return _sniff_content(head)
    with path.open("rb") as fh:
        return _sniff_content(fh.read(512))


@dataclass(frozen=True)
class CsvDialect:
    encoding: str
    delimiter: str
    columns: list[str]
    head_text: str


def _bad_byte_context(path: Path, offset: int) -> tuple[bytes, int, bytes, int]:
    """File head, line number, the line up to the bad byte, and the byte; streamed, not loaded."""
    head = tail = b""
    newlines = pos = 0
    with open_binary(path) as fh:
        while chunk := fh.read(1 << 22):
            if len(head) < HEAD_BYTES:
                head += chunk[: HEAD_BYTES - len(head)]
            if pos + len(chunk) > offset:
                i = offset - pos
                newlines += chunk.count(b"\n", 0, i)
                cut = chunk.rfind(b"\n", 0, i)
                line = chunk[cut + 1 : i] if cut >= 0 else tail + chunk[:i]
                return head, newlines + 1, line, chunk[i]
            newlines += chunk.count(b"\n")
            cut = chunk.rfind(b"\n")
            tail = (chunk[cut + 1 :] if cut >= 0 else tail + chunk)[-(1 << 16) :]
            pos += len(chunk)
    return head, newlines + 1, tail, 0


def _bad_byte_message(path: Path, offset: int) -> str:
    head, line_no, line, byte = _bad_byte_context(path, offset)
    delimiter = sniff_delimiter(head.decode("latin-1"), path)
    where = f"line {line_no}"
    header = head.split(b"\n", 1)[0].decode("latin-1").rstrip("\r")
    try:
        names = next(csv.reader([header], delimiter=delimiter), [])
    except csv.Error:
        names = []
    field = line.decode("latin-1").count(delimiter)
    if field < len(names):
        where += f", column {limits.excerpt(names[field])}"
    return (
        f"{path}: {where}: byte 0x{byte:02x} is neither UTF-8 nor cp1252 text; "
        "re-export the file as UTF-8"
    )


def first_decode_error(path: Path, encoding: str) -> int | None:
    """Byte offset of the first undecodable byte in the whole file, or None if it decodes."""
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    offset = 0
    with open_binary(path) as fh:
        while chunk := fh.read(1 << 22):
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError as exc:
                return offset + exc.start
            offset += len(chunk)
    try:
        decoder.decode(b"", final=True)
    except UnicodeDecodeError as exc:
        return offset + exc.start - len(exc.object) if exc.object else offset
    return None


def detect_encoding(path: Path, head: bytes, full: bool) -> str:
    """'utf-8-sig', 'utf-8', 'utf-16' or 'cp1252'; `full` scans the whole file, not only `head`."""
    if head.startswith(codecs.BOM_UTF8):
        enc = "utf-8-sig"
    elif head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    else:
        enc = "utf-8"
    if full:
        bad = first_decode_error(path, enc)
    else:
        try:
            codecs.getincrementaldecoder(enc)("strict").decode(head, final=False)
            bad = None
        except UnicodeDecodeError as exc:
            bad = exc.start
    if bad is None:
        return enc
    if b"\x00" in head:
        raise ImportDataError(f"{path}: looks like a binary file, not delimited text")
    cp_bad = first_decode_error(path, "cp1252")
    if cp_bad is None:
        return "cp1252"
    raise ImportDataError(_bad_byte_message(path, cp_bad))


def sniff_delimiter(text: str, path: Path) -> str:
    """Pick the delimiter giving the same field count (>1) on the most sample lines."""
    if inner_suffix(path) in (".tsv", ".tab"):
        return "\t"
    lines = text.splitlines()[:50]
    if len(lines) > 1 and not text.endswith(("\n", "\r")):
        lines = lines[:-1]  # the last line of the sample may be cut
    best, best_score = ",", (-1.0, 0)
    for delim in DELIMITERS:
        try:
            rows = list(csv.reader(io.StringIO("\n".join(lines)), delimiter=delim))
        except csv.Error:  # e.g. a huge field: this delimiter does not explain the sample
            continue
        if not rows:
            continue
        width = len(rows[0])
        if width < 2:
            continue
        same = sum(1 for r in rows if len(r) == width) / len(rows)
        score = (same, width)
        if score > best_score:
            best, best_score = delim, score
    return best


def sniff_csv(path: Path) -> CsvDialect:
    try:
        with open_binary(path) as fh:
            head = fh.read(HEAD_BYTES)
    except (OSError, EOFError) as exc:
        raise ImportDataError(f"{path}: cannot read compressed file ({exc})") from exc
    if not head.strip():
        raise ImportDataError(f"{path}: file is empty")
    encoding = detect_encoding(path, head, full=False)
    text = codecs.getincrementaldecoder(encoding)("replace").decode(head, final=False)
    delimiter = sniff_delimiter(text, path)
    try:
        first = next(csv.reader(io.StringIO(text), delimiter=delimiter), [])
    except csv.Error as exc:
        raise ImportDataError(f"{path}: line 1: cannot read the header row ({short(exc)})") from exc
    check_columns(path, len(first))
    columns = [c.strip() for c in first]
    if not any(columns):
        raise ImportDataError(f"{path}: line 1: the header row is empty")
    return CsvDialect(encoding, delimiter, columns, text)
