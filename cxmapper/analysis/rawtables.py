"""Read each supported file format into a raw table with its original column names.

Every reader also returns a `locate(i)` function turning a 0-based record index into the place a
user can find in the file (CSV line, Excel row, JSON line, XES line), so later validation can
name the exact spot. Readers never return a partial table: any bad record is an error.
"""

from __future__ import annotations

import codecs
import contextlib
import io
import json
import math
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv

from cxmapper.analysis import limits
from cxmapper.analysis.dictcodes import dictionary_codes
from cxmapper.analysis.sniff import (
    CsvDialect,
    detect_encoding,
    is_gzip,
    open_binary,
    sniff_csv,
)
from cxmapper.analysis.xlsx_read import read_first_sheet
from cxmapper.analysis.xlsx_shape import check_xlsx_shape
from cxmapper.errors import ImportDataError
from cxmapper.present.labels import _

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


def _line_of(path: Path, needle: bytes) -> int | None:
    """Line number where `needle` first starts, streaming the (decompressed) file in chunks."""
    if not needle:
        return None
    newlines = 0
    tail = b""
    with open_binary(path) as fh:
        while chunk := fh.read(1 << 22):
            data = tail + chunk
            pos = data.find(needle)
            if pos >= 0:
                return newlines + data.count(b"\n", 0, pos) + 1
            keep = min(len(data), len(needle) - 1)
            newlines += data.count(b"\n", 0, len(data) - keep)
            tail = data[len(data) - keep :]
    return None


def _ragged_error(
    path: Path, row: pacsv.InvalidRow, columns: Sequence[str], encoding: str
) -> ImportDataError:
    line: int | None = row.number
    if line is None and row.text:
        needle = row.text[:4096].encode(encoding.replace("-sig", ""), errors="replace")
        line = _line_of(path, needle)
    where = f"line {line}" if line is not None else f"row {limits.excerpt(row.text)}"
    if row.actual_columns > row.expected_columns:
        col = f"after column {limits.excerpt(columns[-1])}"
    else:
        col = f"column {limits.excerpt(columns[row.actual_columns])} missing"
    return ImportDataError(
        f"{path}: {where}: {row.actual_columns} fields but the header has "
        f"{row.expected_columns} ({col})"
    )


@contextlib.contextmanager
def _catch_unraisable(caught: list[BaseException]) -> Iterator[None]:
    """Collect what pyarrow raises while building a bad row's text for our row handler.

    pyarrow decodes the row before calling the handler; undecodable bytes raise inside it,
    which Python would print as "Exception ignored ... Traceback" before the parse stops.
    """
    previous = sys.unraisablehook

    def hook(info: sys.UnraisableHookArgs) -> None:
        if info.exc_value is not None:
            caught.append(info.exc_value)

    sys.unraisablehook = hook
    try:
        yield
    finally:
        sys.unraisablehook = previous


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
    if is_gzip(path):  # read through the guard against decompression bombs
        return pa.PythonFile(open_binary(path), mode="r")
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
        warnings.append(_("read as {encoding} (not UTF-8)").format(encoding=encoding))
    for _attempt in range(len(columns) + 3):
        bad_rows: list[pacsv.InvalidRow] = []
        undecodable: list[BaseException] = []

        def on_invalid(row: pacsv.InvalidRow, bad_rows: list[pacsv.InvalidRow] = bad_rows) -> str:
            # Stop at the first bad row: only it is reported, and a huge ragged file must not
            # be parsed (and kept) to the end first.
            bad_rows.append(row)
            return "error"

        utf8 = encoding.startswith("utf-8")  # other encodings are transcoded: valid by then
        gzipped = is_gzip(path)
        col_types: dict[str, pa.DataType] = {c: DICT_STRING for c in dict_cols}
        col_types.update({c: pa.string() for c in forced_string})
        try:
            with _catch_unraisable(undecodable):
                table = pacsv.read_csv(
                    _csv_source(path),
                    read_options=pacsv.ReadOptions(
                        encoding="utf8" if encoding.startswith("utf-8") else encoding,
                        column_names=columns,
                        skip_rows=1,
                        block_size=1 << 24,
                        # Threaded reading reads the whole stream ahead even after a bad row;
                        # a gzip stream is decompressed by one thread anyway.
                        use_threads=not gzipped,
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
            msg = limits.short(str(exc))
            if bad_rows:
                table = None
            elif undecodable:  # a bad row that is not UTF-8 either: name the first bad byte
                previous, encoding = encoding, detect_encoding(path, b"", full=True)
                if encoding == previous:
                    raise ImportDataError(f"{path}: cannot read as delimited text ({msg})") from exc
                warnings = [f"read as {encoding} (not UTF-8)"]
                continue
            elif "utf8" in msg.lower() or "utf-8" in msg.lower():
                encoding = detect_encoding(path, b"", full=True)
                if encoding == dialect.encoding:
                    raise ImportDataError(f"{path}: {msg}") from exc
                warnings = [f"read as {encoding} (not UTF-8)"]
                continue
            elif m := _COLUMN_ERROR.search(msg):
                name = columns[int(m.group(1))]
                if name in forced_string or name in dict_cols:
                    raise ImportDataError(f"{path}: column {limits.excerpt(name)}: {msg}") from exc
                forced_string.add(name)  # type inferred from the first block; later rows differ
                continue
            else:
                raise ImportDataError(f"{path}: cannot read as delimited text ({msg})") from exc
        except OSError as exc:  # e.g. a truncated or corrupt gzip stream
            raise ImportDataError(f"{path}: cannot read ({limits.short(str(exc))})") from exc
        except UnicodeDecodeError as exc:  # transcoding a non-UTF-8 file, e.g. cut UTF-16
            raise ImportDataError(
                f"{path}: text is not valid {encoding} ({exc.reason}); re-export the file as UTF-8"
            ) from exc
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


def _categorical(column: pa.ChunkedArray, *, trusted: bool = True) -> pd.Categorical:
    """Dictionary column to pandas without going through `to_pandas` (2-3x faster on big logs).

    The codes and categories are what `to_pandas` builds: the chunks' dictionaries unified, in
    order of first appearance (`dictcodes.dictionary_codes`, which unifies each distinct
    dictionary once). A file's own dictionaries (Parquet: `trusted=False`) may be corrupt:
    indices out of bounds or repeated values raise ArrowInvalid instead of becoming codes that
    point nowhere (the CSV reader builds its dictionaries itself).
    """
    codes, dictionary = dictionary_codes(column, trusted=trusted)
    del column
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
    check_xlsx_shape(path)
    try:
        # object: text cells stay text ("007" is not the number 7, whatever the other rows)
        frame = read_first_sheet(path)
    except Exception as exc:  # openpyxl raises many types for corrupt files
        raise ImportDataError(
            f"{path}: cannot read as an Excel workbook ({limits.short(exc)})"
        ) from exc
    limits.check_columns(path, len(frame.columns))
    frame.columns = [str(c).strip() for c in frame.columns]
    if frame.empty:
        raise ImportDataError(f"{path}: the first sheet has no data rows")
    return RawTable(frame, _row_locator(2), "xlsx")


# ----------------------------------------------------------------------------------- Parquet


def parquet_columns(path: Path) -> list[str]:
    import pyarrow.parquet as pq  # only Parquet imports pay for loading it

    try:
        names = list(pq.read_schema(path).names)
    except (pa.ArrowException, OSError) as exc:
        raise ImportDataError(f"{path}: cannot read as Parquet ({limits.short(str(exc))})") from exc
    limits.check_columns(path, len(names))
    return names


def read_parquet(path: Path, string_columns: Sequence[str] = ()) -> RawTable:
    import pyarrow.parquet as pq

    try:
        schema = pq.read_schema(path)
        limits.check_columns(path, len(schema.names))
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
        raise ImportDataError(f"{path}: cannot read as Parquet ({limits.short(str(exc))})") from exc
    if table.num_rows == 0:
        raise ImportDataError(f"{path}: the file has no rows")
    try:
        frame = _parquet_frame(table)
    except (pa.ArrowException, OSError, ValueError) as exc:  # e.g. out-of-range dates
        raise ImportDataError(f"{path}: cannot read as Parquet ({limits.short(str(exc))})") from exc
    del table
    pa.default_memory_pool().release_unused()  # give the decode buffers back before metrics
    return RawTable(frame, _row_locator(1), "parquet")


def _is_text_dictionary(dtype: pa.DataType) -> bool:
    return bool(pa.types.is_dictionary(dtype) and pa.types.is_string(dtype.value_type))


def _parquet_frame(table: pa.Table) -> pd.DataFrame:
    """Parquet table to pandas: dictionary text columns by `_categorical`, the rest as before.

    `to_pandas` of the 200k-case-id dictionary column costs about twice `_categorical`'s work
    at 5 M events. A table written by pandas keeps `to_pandas` for all of it: its metadata may
    restore an index or dtypes that the column-by-column path would not.
    """
    names = table.column_names
    text = [i for i, f in enumerate(table.schema) if _is_text_dictionary(f.type)]
    pandas_meta = bool(table.schema.metadata and b"pandas" in table.schema.metadata)
    if not text or pandas_meta or len(set(names)) != len(names):
        return table.to_pandas(split_blocks=True, self_destruct=True)
    # The column with the largest dictionary (the case ids) converts on a worker thread while
    # this one converts the others: Arrow and numpy release the GIL for nearly all of it.
    sizes = {i: max((len(c.dictionary) for c in table.column(i).chunks), default=0) for i in text}
    largest = max(text, key=sizes.__getitem__)
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="cx-parquet") as pool:
        job = pool.submit(_categorical, table.column(largest), trusted=False)
        categories = {
            names[i]: _categorical(table.column(i), trusted=False) for i in text if i != largest
        }
        rest = table.drop_columns([names[i] for i in text])
        del table
        frame = rest.to_pandas(split_blocks=True, self_destruct=True)
        del rest
        categories[names[largest]] = job.result()
    for i in text:  # ascending: every column before position i is already in place
        frame.insert(i, names[i], categories.pop(names[i]))
    return frame


# ------------------------------------------------------------------------------- JSON Lines


def _flatten(
    obj: dict[str, Any], prefix: str = "", out: dict[str, Any] | None = None, depth: int = 0
) -> dict[str, Any]:
    """Nested objects become dotted columns; GA4 `event_params` lists become one column per key."""
    out = {} if out is None else out
    if depth > limits.MAX_JSON_DEPTH:
        raise ValueError(f"objects nested more than {limits.MAX_JSON_DEPTH} levels deep")
    for key, value in obj.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            _flatten(value, f"{name}.", out, depth + 1)
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


def _float(text: str) -> float:
    value = float(text)
    if math.isinf(value):
        raise ValueError(f"number {limits.excerpt(text)} is out of range")
    return value


def _constant(name: str) -> float:
    if name == "NaN":
        return math.nan
    raise ValueError(f"{name} is not a value an event log may hold")


_DECODER = json.JSONDecoder(parse_float=_float, parse_constant=_constant)


def _parse(text: str, path: Path, where: str) -> object:
    """json.loads, with every way the text can be bad (also 1e999, deep nesting) as a user error."""
    try:
        return _DECODER.decode(text)
    except json.JSONDecodeError as exc:
        at = f"line {exc.lineno}" if where == "file" else where
        raise ImportDataError(f"{path}: {at}: invalid JSON ({exc.msg})") from exc
    except RecursionError as exc:
        raise ImportDataError(f"{path}: {where}: values nested too deeply") from exc
    except (ValueError, OverflowError) as exc:
        reason = str(exc)
        if "integer string conversion" in reason:  # Python's 4,300-digit limit
            reason = "a number of more than 4,300 digits"
        raise ImportDataError(f"{path}: {where}: {limits.short(reason, 120)}") from exc


def _record(item: object, path: Path, where: str) -> dict[str, Any]:
    if not isinstance(item, dict):
        raise ImportDataError(f"{path}: {where}: expected a JSON object")
    try:
        return _flatten(item)
    except (ValueError, RecursionError) as exc:
        raise ImportDataError(f"{path}: {where}: {limits.short(str(exc), 120)}") from exc


def read_jsonl(path: Path, max_records: int | None = None) -> RawTable:
    """JSON Lines (or one JSON array) as a flat table; `max_records` reads only the file's start.

    Lines are decoded and parsed one at a time from the (decompressed) stream, so memory is
    the records kept, not the file text; a JSON array has to be read whole.
    """
    with open_binary(path, limits.JSON_GZIP_RATIO) as fh:
        head = fh.read(1 << 20)
    if not head.strip():
        raise ImportDataError(f"{path}: file is empty")
    encoding = detect_encoding(path, head, full=max_records is None)
    start = codecs.getincrementaldecoder(encoding)("replace").decode(head[:4096])
    records: list[dict[str, Any]] = []
    lines: list[int] = []
    columns: set[str] = set()
    no = 0

    def keep(record: dict[str, Any], line: int) -> None:
        records.append(record)
        lines.append(line)
        columns.update(record)
        limits.check_columns(path, len(columns))  # distinct keys: 20,000 would never finish

    try:
        with (
            open_binary(path, limits.JSON_GZIP_RATIO) as fh,
            io.TextIOWrapper(fh, encoding=encoding) as text,
        ):
            if start.lstrip("\ufeff \t\r\n").startswith("["):
                items = _parse(text.read(), path, "file")
                if not isinstance(items, list):
                    raise ImportDataError(f"{path}: expected a JSON array of objects")
                for i, item in enumerate(items):
                    keep(_record(item, path, f"record {i + 1}"), i + 1)
                locate: Locator = _row_locator(1)
            else:
                for no, line in enumerate(text, start=1):
                    if not line.strip():
                        continue
                    keep(_record(_parse(line, path, f"line {no}"), path, f"line {no}"), no)
                    if len(records) == max_records:
                        break
                line_arr = np.asarray(lines)

                def locate(i: int) -> str:
                    return f"line {int(line_arr[i])}"

    except UnicodeDecodeError as exc:
        raise ImportDataError(
            f"{path}: line {no + 1}: text is not valid {encoding} ({exc.reason})"
        ) from exc
    if not records:
        raise ImportDataError(f"{path}: no records")
    frame = pd.DataFrame.from_records(records)
    return RawTable(frame, locate, "jsonl", encoding)


# --------------------------------------------------------------------------------------- XES


def read_xes_table(path: Path, max_events: int | None = None) -> RawTable:
    """Whole log, or only its first `max_events` events (previews)."""
    from cxmapper.analysis.xes import read_xes  # its XML parser loads urllib and ssl: ~30 ms

    xes = read_xes(path, max_events)
    lines = xes.lines
    case_names = xes.frame["case:concept:name"]

    def locate(i: int) -> str:
        return f"line {int(lines[i])} (trace {limits.excerpt(case_names.iloc[i])})"

    return RawTable(xes.frame, locate, "xes", "utf-8")
