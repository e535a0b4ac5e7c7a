"""Read each supported file format into a raw table with its original column names.

Every reader also returns a `locate(i)` function turning a 0-based record index into the place a
user can find in the file (CSV line, Excel row, JSON line, XES line), so later validation can
name the exact spot. Readers never return a partial table: any bad record is an error.
"""

from __future__ import annotations

import codecs
import json
import mmap
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from cxmapper.analysis.sniff import (
    CsvDialect,
    detect_encoding,
    is_gzip,
    open_binary,
    read_all,
    sniff_csv,
)
from cxmapper.analysis.xes import read_xes
from cxmapper.errors import ImportDataError

Locator = Callable[[int], str]
DICT_STRING = pa.dictionary(pa.int32(), pa.string())


@dataclass
class RawTable:
    frame: pd.DataFrame
    locate: Locator
    format: str
    encoding: str | None = None
    delimiter: str | None = None
    warnings: list[str] = field(default_factory=list)


def _line_locator(offset: int) -> Locator:
    return lambda i: f"line {i + offset}"


def _row_locator(offset: int) -> Locator:
    return lambda i: f"row {i + offset}"


# --------------------------------------------------------------------------------------- CSV


def csv_columns(path: Path) -> tuple[list[str], CsvDialect]:
    dialect = sniff_csv(path)
    return dialect.columns, dialect


_COLUMN_ERROR = re.compile(r"In CSV column #(\d+): CSV conversion error")


def _ragged_error(
    path: Path, row: pacsv.InvalidRow, columns: Sequence[str], encoding: str
) -> ImportDataError:
    line: int | None = row.number
    if line is None and row.text:
        needle = row.text.encode(encoding.replace("-sig", ""), errors="replace")
        if is_gzip(path):
            data = read_all(path)
            pos = data.find(needle)
            if pos >= 0:
                line = data.count(b"\n", 0, pos) + 1
        else:
            with path.open("rb") as fh, mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as mm:
                pos = mm.find(needle)
                if pos >= 0:
                    line = mm[:pos].count(b"\n") + 1
    where = f"line {line}" if line is not None else f"row {row.text[:60]!r}"
    if row.actual_columns > row.expected_columns:
        col = f"after column {columns[-1]!r}"
    else:
        col = f"column {columns[row.actual_columns]!r} missing"
    return ImportDataError(
        f"{path}: {where}: {row.actual_columns} fields but the header has "
        f"{row.expected_columns} ({col})"
    )


def _valid_utf8(table: pa.Table) -> bool:
    """Whether every text value is valid UTF-8.

    Checking after the parse lets a dictionary column be validated on its distinct values
    (a 25-name dictionary instead of 5 million cells); Arrow's in-parse check looks at each.
    """
    try:
        for column in table.columns:
            if pa.types.is_dictionary(column.type):
                for chunk in column.chunks:
                    chunk.dictionary.validate(full=True)
            elif pa.types.is_string(column.type) or pa.types.is_large_string(column.type):
                column.validate(full=True)
    except pa.ArrowInvalid:
        return False
    return True


def _csv_source(path: Path) -> Path | pa.NativeFile:
    """What pyarrow reads: the path, or a gzip-decompressing stream when the bytes are gzip.

    pyarrow only guesses compression from a '.gz' name; the magic bytes decide here.
    """
    if is_gzip(path):
        return pa.CompressedInputStream(pa.OSFile(str(path)), "gzip")
    return path


def read_csv(path: Path, dialect: CsvDialect, string_columns: Sequence[str] = ()) -> RawTable:
    """Read with pyarrow (multithreaded); mapped text columns come back dictionary-encoded."""
    encoding = dialect.encoding
    columns = dialect.columns
    dict_cols = {c for c in string_columns if c in columns}
    forced_string: set[str] = set()
    newlines = False
    warnings: list[str] = []
    if encoding not in ("utf-8", "utf-8-sig"):
        warnings.append(f"read as {encoding} (not UTF-8)")
    for _attempt in range(len(columns) + 3):
        bad_rows: list[pacsv.InvalidRow] = []

        def on_invalid(row: pacsv.InvalidRow, bad_rows: list = bad_rows) -> str:
            bad_rows.append(row)
            return "skip"

        utf8 = encoding.startswith("utf-8")  # other encodings are transcoded: valid by then
        col_types: dict[str, pa.DataType] = {c: DICT_STRING for c in dict_cols}
        col_types.update({c: pa.string() for c in forced_string})
        try:
            table = pacsv.read_csv(
                _csv_source(path),
                read_options=pacsv.ReadOptions(
                    encoding="utf8" if encoding.startswith("utf-8") else encoding,
                    column_names=columns,
                    skip_rows=1,
                    block_size=1 << 24,
                ),
                parse_options=pacsv.ParseOptions(
                    delimiter=dialect.delimiter,
                    newlines_in_values=newlines,
                    invalid_row_handler=on_invalid,
                ),
                convert_options=pacsv.ConvertOptions(
                    column_types=col_types,
                    decimal_point="," if dialect.delimiter == ";" else ".",
                    strings_can_be_null=True,
                    quoted_strings_can_be_null=False,
                    # Checked afterwards on the distinct values only (`_valid_utf8`).
                    check_utf8=not utf8,
                ),
            )
        except pa.ArrowInvalid as exc:
            msg = str(exc)
            if "utf8" in msg.lower() or "utf-8" in msg.lower():
                encoding = detect_encoding(path, b"", full=True)
                if encoding == dialect.encoding:
                    raise ImportDataError(f"{path}: {msg}") from exc
                warnings = [f"read as {encoding} (not UTF-8)"]
                continue
            m = _COLUMN_ERROR.search(msg)
            if m:
                name = columns[int(m.group(1))]
                if name in forced_string or name in dict_cols:
                    raise ImportDataError(f"{path}: column {name!r}: {msg}") from exc
                forced_string.add(name)  # type inferred from the first block; later rows differ
                continue
            raise ImportDataError(f"{path}: cannot read as delimited text ({msg})") from exc
        except OSError as exc:  # e.g. a truncated or corrupt gzip stream
            raise ImportDataError(f"{path}: cannot read ({exc})") from exc
        if bad_rows and not newlines:
            newlines = True  # maybe a quoted value spans lines; retry before blaming the row
            continue
        if bad_rows:
            raise _ragged_error(path, bad_rows[0], columns, encoding)
        if utf8 and not _valid_utf8(table):
            encoding = detect_encoding(path, b"", full=True)  # names the byte if none fits
            if encoding.startswith("utf-8"):  # pragma: no cover - Arrow and Python disagree
                raise ImportDataError(f"{path}: invalid UTF-8 text")
            warnings = [f"read as {encoding} (not UTF-8)"]
            continue
        break
    else:  # pragma: no cover - every column forced to text already
        raise ImportDataError(f"{path}: cannot read as delimited text")
    if table.num_rows == 0:
        raise ImportDataError(f"{path}: the file has a header but no data rows")
    frame = _csv_frame(table)
    locate = _line_locator(2) if not newlines else (lambda i: f"record {i + 1}")
    return RawTable(frame, locate, "csv", encoding, dialect.delimiter, warnings)


def _categorical(column: pa.ChunkedArray) -> pd.Categorical:
    """Dictionary column to pandas without going through `to_pandas` (2-3x faster on big logs).

    Chunks carry their own dictionaries; after unifying them the codes are the concatenated
    indices and the categories the shared dictionary, in order of first appearance, exactly as
    `to_pandas` builds them.
    """
    column = column.unify_dictionaries()
    chunks = column.chunks
    dictionary = chunks[0].dictionary if chunks else pa.array([], pa.string())
    parts = []
    for chunk in chunks:
        indices = chunk.indices
        if indices.null_count:
            indices = pc.fill_null(indices, -1)
        parts.append(indices.to_numpy(zero_copy_only=False))
    codes = np.concatenate(parts) if len(parts) != 1 else parts[0]
    del parts, chunks, column
    categories = pd.Index(dictionary.to_pandas())
    try:
        # Arrow dictionaries hold distinct non-null values by construction: skip pandas'
        # uniqueness check (a hash of every category, ~40 ms per 200k case ids).
        dtype = pd.CategoricalDtype._from_fastpath(categories, ordered=False)
    except AttributeError:  # pragma: no cover - private pandas API went away
        dtype = pd.CategoricalDtype(categories)
    return pd.Categorical.from_codes(codes, dtype=dtype, validate=False)


def _csv_frame(table: pa.Table) -> pd.DataFrame:
    """Table to pandas column by column, dropping each Arrow column once converted.

    Peak memory is the table plus one converted column rather than the table plus the whole
    frame, and Arrow's allocator gives the freed parse buffers back to the OS at the end.
    """
    columns: dict[str, object] = {}
    for name in table.column_names:
        column = table.column(0)
        table = table.remove_column(0)
        if pa.types.is_dictionary(column.type) and pa.types.is_string(column.type.value_type):
            columns[name] = pd.Series(_categorical(column), copy=False)
        else:
            if pa.types.is_date(column.type):
                column = column.cast(pa.timestamp("s"))
            single = pa.table({name: column})
            del column
            columns[name] = single.to_pandas(split_blocks=True, self_destruct=True)[name]
            del single
    del table
    frame = pd.DataFrame(columns, copy=False)
    pa.default_memory_pool().release_unused()
    return frame


# -------------------------------------------------------------------------------------- XLSX


def read_xlsx(path: Path) -> RawTable:
    try:
        # object: text cells stay text ("007" is not the number 7, whatever the other rows)
        frame = pd.read_excel(path, sheet_name=0, engine="openpyxl", dtype=object).infer_objects()
    except Exception as exc:  # openpyxl raises many types for corrupt files
        raise ImportDataError(f"{path}: cannot read as an Excel workbook ({exc})") from exc
    frame.columns = [str(c).strip() for c in frame.columns]
    if frame.empty:
        raise ImportDataError(f"{path}: the first sheet has no data rows")
    return RawTable(frame, _row_locator(2), "xlsx")


# ----------------------------------------------------------------------------------- Parquet


def parquet_columns(path: Path) -> list[str]:
    import pyarrow.parquet as pq  # only Parquet imports pay for loading it

    try:
        return list(pq.read_schema(path).names)
    except (pa.ArrowException, OSError) as exc:
        raise ImportDataError(f"{path}: cannot read as Parquet ({exc})") from exc


def read_parquet(path: Path, string_columns: Sequence[str] = ()) -> RawTable:
    import pyarrow.parquet as pq

    try:
        schema = pq.read_schema(path)
        dict_cols = [
            c
            for c in string_columns
            if c in schema.names
            and (
                pa.types.is_string(schema.field(c).type)
                or pa.types.is_large_string(schema.field(c).type)
            )
        ]
        table = pq.read_table(path, read_dictionary=dict_cols or None)
    except (pa.ArrowException, OSError) as exc:
        raise ImportDataError(f"{path}: cannot read as Parquet ({exc})") from exc
    if table.num_rows == 0:
        raise ImportDataError(f"{path}: the file has no rows")
    frame = table.to_pandas(split_blocks=True, self_destruct=True)
    del table
    pa.default_memory_pool().release_unused()  # give the decode buffers back before metrics
    return RawTable(frame, _row_locator(1), "parquet")


# ------------------------------------------------------------------------------- JSON Lines


def _flatten(obj: dict, prefix: str = "", out: dict | None = None) -> dict:
    """Nested objects become dotted columns; GA4 `event_params` lists become one column per key."""
    out = {} if out is None else out
    for key, value in obj.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            _flatten(value, f"{name}.", out)
        elif (
            isinstance(value, list)
            and value
            and all(isinstance(v, dict) and "key" in v and "value" in v for v in value)
        ):
            for item in value:
                val = item["value"]
                if isinstance(val, dict):
                    val = next((v for v in val.values() if v is not None), None)
                out[f"{name}.{item['key']}"] = val
        elif isinstance(value, list):
            out[name] = json.dumps(value)
        else:
            out[name] = value
    return out


def _jsonl_head(path: Path, n_records: int) -> bytes | None:
    """The complete lines holding the first `n_records` records, read a megabyte at a time.

    None when only the whole file will do: a JSON array, or UTF-16 (its newlines are two bytes).
    """
    buf = b""
    newlines = 0  # an upper bound on the complete records so far (blank lines count too)
    try:
        with open_binary(path) as fh:
            while chunk := fh.read(1 << 20):
                buf += chunk
                start = buf.removeprefix(codecs.BOM_UTF8).lstrip()[:2]
                if start.startswith(b"[") or start in (b"\xff\xfe", b"\xfe\xff"):
                    return None
                newlines += chunk.count(b"\n")
                if newlines < n_records:
                    continue
                complete = buf[: buf.rfind(b"\n") + 1]
                if sum(1 for line in complete.splitlines() if line.strip()) >= n_records:
                    return complete
    except (OSError, EOFError) as exc:
        raise ImportDataError(f"{path}: cannot read compressed file ({exc})") from exc
    return buf


def read_jsonl(path: Path, max_records: int | None = None) -> RawTable:
    """JSON Lines (or one JSON array) as a flat table; `max_records` reads only the file's start."""
    head = _jsonl_head(path, max_records) if max_records is not None else None
    raw = read_all(path) if head is None else head
    if not raw.strip():
        raise ImportDataError(f"{path}: file is empty")
    encoding = detect_encoding(path, raw[: 1 << 20], full=head is None)
    text = raw.decode(encoding)
    records: list[dict] = []
    lines: list[int] = []
    if text.lstrip().startswith("["):
        try:
            items = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ImportDataError(f"{path}: line {exc.lineno}: invalid JSON ({exc.msg})") from exc
        for i, item in enumerate(items):
            if not isinstance(item, dict):
                raise ImportDataError(f"{path}: record {i + 1}: expected a JSON object")
            records.append(_flatten(item))
            lines.append(i + 1)
        locate: Locator = _row_locator(1)
    else:
        for no, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ImportDataError(f"{path}: line {no}: invalid JSON ({exc.msg})") from exc
            if not isinstance(item, dict):
                raise ImportDataError(f"{path}: line {no}: expected a JSON object")
            records.append(_flatten(item))
            lines.append(no)
            if len(records) == max_records:
                break
        line_arr = np.asarray(lines)

        def locate(i: int) -> str:
            return f"line {int(line_arr[i])}"

    if not records:
        raise ImportDataError(f"{path}: no records")
    frame = pd.DataFrame.from_records(records)
    return RawTable(frame, locate, "jsonl", encoding)


# --------------------------------------------------------------------------------------- XES


def read_xes_table(path: Path, max_events: int | None = None) -> RawTable:
    """Whole log, or only its first `max_events` events (previews)."""
    xes = read_xes(path, max_events)
    lines = xes.lines
    case_names = xes.frame["case:concept:name"]

    def locate(i: int) -> str:
        return f"line {int(lines[i])} (trace {case_names.iloc[i]!r})"

    return RawTable(xes.frame, locate, "xes", "utf-8")
