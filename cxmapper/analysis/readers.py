"""Import event data from any supported file into one normalised, validated event frame.

The normalised frame is the contract with the rest of the app: `case_id`, `activity` (categorical
of strings, so metrics can work on integer codes), `timestamp` (datetime64[ns, UTC]), `channel`
(categorical, may be missing), optional `lifecycle`, then every other source column unchanged
as an attribute for segmenting. Rows stay in file order; metrics do their own stable sort.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from cxmapper.analysis import limits, rawtables
from cxmapper.analysis.columns import (
    ACTIVITY,
    CASE_ID,
    CHANNEL,
    LIFECYCLE,
    TIMESTAMP,
    ColumnMapping,
    MappingRequest,
    detect_mapping,
    resolve_mapping,
)
from cxmapper.analysis.lifecycle import keep_complete, name_with_lifecycle
from cxmapper.analysis.sniff import detect_format
from cxmapper.analysis.timestamps import parse_timestamps
from cxmapper.analysis.xlsx_shape import check_xlsx_shape
from cxmapper.errors import ImportDataError

LIFECYCLE_MODES = ("complete", "all")


@dataclass
class EventLog:
    """A validated event frame plus where it came from and how it was read."""

    frame: pd.DataFrame
    source: str
    mapping: ColumnMapping
    format: str
    encoding: str | None = None
    delimiter: str | None = None
    lifecycle: str = "complete"
    n_events_read: int = 0
    warnings: list[str] = field(default_factory=list)

    @property
    def n_events(self) -> int:
        return len(self.frame)

    @property
    def n_cases(self) -> int:
        case = self.frame[CASE_ID]
        codes = case.cat.codes.to_numpy()
        if not codes.size:
            return 0
        # counting beats np.unique (a full sort) on millions of events
        present = np.bincount(codes[codes >= 0], minlength=len(case.cat.categories))
        return int(np.count_nonzero(present))


def canonical_text(value: object) -> str | None:
    """A cell as identifier text, by its own value only (never by the other rows).

    Text stays exactly as written. A number (an Excel, JSON or Parquet number) becomes its
    canonical decimal text: integral values without ".0" (7, 7.0 -> "7"), others the shortest
    text that reads back to the same float ("7.5"). Booleans become "true"/"false"; missing
    values (None, NaN) stay missing.
    """
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, (bool, np.bool_)):
        return "true" if value else "false"
    if isinstance(value, (int, np.integer)):
        return str(int(value))
    if isinstance(value, (float, np.floating)):
        f = float(value)
        if math.isnan(f):
            return None
        return str(int(f)) if f.is_integer() else repr(f)
    return str(value)


def _is_text(index: pd.Index) -> bool:
    # pandas' "str" dtype reports kind "O" too: test it first, or 200k case ids from an Arrow
    # dictionary would be checked one by one through Arrow's iterator (~0.2 s at 5 M events).
    if str(index.dtype) == "str" or isinstance(index.dtype, pd.StringDtype):
        return True
    if index.dtype.kind == "O":
        return bool(all(isinstance(v, str) for v in index))
    return False


def to_string_category(series: pd.Series) -> pd.Series:
    """Categorical of `canonical_text` values: text as written, numbers in canonical form.

    Works on the distinct values only, so a column of a million repeated ids costs little; two
    values with the same text (7 and "7") become one category.
    """
    if not isinstance(series.dtype, pd.CategoricalDtype):
        series = series.astype("category")
    cats = series.cat.categories
    if _is_text(cats):
        return series
    if cats.dtype.kind in "iuf":  # distinct numbers have distinct canonical texts: rename only
        values = cats.to_numpy()
        if cats.dtype.kind in "iu":
            return series.cat.rename_categories(pd.Index(values.astype(str), dtype="str"))
        with np.errstate(invalid="ignore"):
            small = (values == np.floor(values)) & (np.abs(values) < 2.0**62)
        texts = np.empty(len(cats), dtype=object)
        texts[small] = values[small].astype(np.int64).astype(str)
        texts[~small] = [canonical_text(v) for v in values[~small]]  # fractions, huge, inf
        return series.cat.rename_categories(pd.Index(texts, dtype="str"))
    names = [canonical_text(c) for c in cats]
    ordered = sorted({t for t in names if t is not None})
    position = {t: i for i, t in enumerate(ordered)}
    uniques = pd.Index(ordered, dtype="str")
    remap = np.asarray([-1 if t is None else position[t] for t in names], dtype=np.int64)
    codes = series.cat.codes.to_numpy()
    new_codes = np.where(codes >= 0, remap[np.maximum(codes, 0)] if remap.size else -1, -1)
    return pd.Series(pd.Categorical.from_codes(new_codes, categories=uniques), index=series.index)


def _blank_mask(cat: pd.Series) -> np.ndarray:
    codes = cat.cat.codes.to_numpy()
    cats = cat.cat.categories
    blank_cat = np.asarray(cats.astype("str").str.strip() == "", dtype=bool)
    blank: np.ndarray = codes < 0
    if blank_cat.any():
        blank |= blank_cat[np.maximum(codes, 0)] & (codes >= 0)
    return blank


def _required_text(
    raw: pd.DataFrame,
    cols: Sequence[str],
    role: str,
    source: str,
    locate: rawtables.Locator,
    *,
    strip: bool = True,
) -> pd.Series:
    """Coalesce `cols` left to right; error at the first row still blank (or only spaces).
    `strip=False` keeps the values exactly as written (case ids are identifiers)."""
    result = to_string_category(raw[cols[0]])
    for extra in cols[1:]:
        blank = _blank_mask(result)
        if not blank.any():
            break
        fill = to_string_category(raw[extra])
        merged = result.astype("str").where(~blank, fill.astype("str").where(fill.notna(), None))
        result = merged.where(merged.notna(), None).astype("category")
    blank = _blank_mask(result)
    if blank.any():
        i = int(np.flatnonzero(blank)[0])
        names = " / ".join(limits.excerpt(c) for c in cols)
        raise ImportDataError(f"{source}: {locate(i)}, column {names}: {role} is empty")
    if strip and _is_text(result.cat.categories):
        stripped = result.cat.categories.astype("str").str.strip()
        if not stripped.equals(result.cat.categories.astype("str")):
            result = pd.Series(
                pd.Categorical(stripped[result.cat.codes.to_numpy()]), index=result.index
            )
    return result


def normalise(
    raw: rawtables.RawTable,
    mapping: ColumnMapping,
    *,
    source: str,
    lifecycle: str = "complete",
    tz: str | None = None,
    dayfirst: bool | None = None,
    notes: list[str] | None = None,
) -> tuple[pd.DataFrame, int]:
    """Validate every row, then build the canonical frame; returns it and the rows read.
    What the reading changed on purpose (lifecycle names, DST times) is added to `notes`."""
    frame = raw.frame.reset_index(drop=True)
    locate = raw.locate
    case = _required_text(frame, mapping.case, "case id", source, locate, strip=False)
    activity = _required_text(frame, [mapping.activity], "activity", source, locate)
    ts = parse_timestamps(
        frame[mapping.timestamp],
        source=source,
        column=mapping.timestamp,
        locate=locate,
        unit=mapping.timestamp_unit,
        tz=tz,
        dayfirst=dayfirst,
        notes=notes,
    )
    limits.check_span(source, ts.array.asi8, case.cat.codes.to_numpy(), locate)
    out: dict[str, pd.Series] = {
        CASE_ID: case.reset_index(drop=True),
        ACTIVITY: activity.reset_index(drop=True),
        TIMESTAMP: ts.reset_index(drop=True),
    }
    if mapping.channel:
        out[CHANNEL] = to_string_category(frame[mapping.channel]).reset_index(drop=True)
    else:
        empty = pd.Categorical([None] * len(frame), categories=pd.Index([], dtype="str"))
        out[CHANNEL] = pd.Series(empty)
    if mapping.lifecycle:
        out[LIFECYCLE] = to_string_category(frame[mapping.lifecycle]).reset_index(drop=True)
    used = set(mapping.source_columns())
    for col in frame.columns:
        if col in used:
            continue
        name = col if col not in out else f"raw:{col}"
        out[name] = frame[col]
    result = pd.DataFrame(out)
    n_read = len(result)
    if mapping.lifecycle and lifecycle == "complete":
        result = keep_complete(result, source, mapping.lifecycle)
    elif mapping.lifecycle:
        result = name_with_lifecycle(result, notes if notes is not None else [])
    return result, n_read


def _string_columns(mapping: ColumnMapping) -> list[str]:
    return [*mapping.case, mapping.activity] + [
        c for c in (mapping.channel, mapping.lifecycle) if c
    ]


def _read_raw(
    path: Path, fmt: str, request: MappingRequest | ColumnMapping | None
) -> tuple[rawtables.RawTable, ColumnMapping]:
    source = str(path)
    if fmt == "csv":
        columns, dialect = rawtables.csv_columns(path)
        mapping = resolve_mapping(request, columns, source)
        return rawtables.read_csv(path, dialect, _string_columns(mapping)), mapping
    if fmt == "parquet":
        mapping = resolve_mapping(request, rawtables.parquet_columns(path), source)
        return rawtables.read_parquet(path, _string_columns(mapping)), mapping
    if fmt == "xlsx":
        raw = rawtables.read_xlsx(path)
    elif fmt == "jsonl":
        raw = rawtables.read_jsonl(path)
    elif fmt == "xes":
        raw = rawtables.read_xes_table(path)
    else:
        raise ImportDataError(f"{source}: unsupported format {fmt!r}")
    return raw, resolve_mapping(request, list(raw.frame.columns), source)


def read_events(
    path: str | Path,
    mapping: ColumnMapping | MappingRequest | None = None,
    *,
    preset: str | None = None,
    lifecycle: str = "complete",
    tz: str | None = None,
    dayfirst: bool | None = None,
    format: str | None = None,
) -> EventLog:
    """Import a whole file or raise ImportDataError (never a partial import).

    `mapping` may be concrete columns, a request (preset and/or some columns) or None to detect.
    `lifecycle="complete"` keeps only complete events when a lifecycle column exists.
    """
    path = Path(path)
    if lifecycle not in LIFECYCLE_MODES:
        raise ImportDataError(f"lifecycle must be one of {', '.join(LIFECYCLE_MODES)}")
    if not path.is_file():
        raise ImportDataError(f"{path}: no such file")
    if path.stat().st_size == 0:
        raise ImportDataError(f"{path}: file is empty")
    if preset is not None:
        if isinstance(mapping, ColumnMapping):
            raise ImportDataError("give either a preset or a full column mapping, not both")
        base = mapping or MappingRequest()
        mapping = MappingRequest(
            preset=preset,
            case=base.case,
            activity=base.activity,
            timestamp=base.timestamp,
            channel=base.channel,
            lifecycle=base.lifecycle,
            timestamp_unit=base.timestamp_unit,
        )
    fmt = format or detect_format(path)
    raw, resolved = _read_raw(path, fmt, mapping)
    notes = list(raw.warnings)
    frame, n_read = normalise(
        raw, resolved, source=str(path), lifecycle=lifecycle, tz=tz, dayfirst=dayfirst, notes=notes
    )
    return EventLog(
        frame=frame,
        source=str(path),
        mapping=resolved,
        format=raw.format,
        encoding=raw.encoding,
        delimiter=raw.delimiter,
        lifecycle=lifecycle,
        n_events_read=n_read,
        warnings=notes,
    )


def from_frame(
    frame: pd.DataFrame,
    mapping: ColumnMapping | MappingRequest | None = None,
    *,
    lifecycle: str = "complete",
    tz: str | None = None,
    source: str = "frame",
) -> EventLog:
    """Normalise an in-memory table (e.g. decoded from the workspace) with the same checks."""
    resolved = resolve_mapping(mapping, list(frame.columns), source)
    raw = rawtables.RawTable(frame, lambda i: f"row {i + 1}", "frame")
    notes: list[str] = []
    out, n_read = normalise(raw, resolved, source=source, lifecycle=lifecycle, tz=tz, notes=notes)
    return EventLog(
        out, source, resolved, "frame", lifecycle=lifecycle, n_events_read=n_read, warnings=notes
    )


@dataclass
class Preview:
    """First raw rows and what the importer would do with them, for the import wizard."""

    rows: pd.DataFrame
    columns: list[str]
    format: str
    mapping: ColumnMapping | None
    encoding: str | None = None
    delimiter: str | None = None


def preview(path: str | Path, n: int = 20) -> Preview:
    """Cheap look at a file: raw rows as text plus the detected mapping (None if unsure)."""
    import csv
    import io

    import pyarrow as pa

    path = Path(path)
    if not path.is_file():
        raise ImportDataError(f"{path}: no such file")
    if path.stat().st_size == 0:
        raise ImportDataError(f"{path}: file is empty")
    fmt = detect_format(path)
    encoding = delimiter = None
    if fmt == "csv":
        columns, dialect = rawtables.csv_columns(path)
        reader = csv.reader(io.StringIO(dialect.head_text), delimiter=dialect.delimiter)
        next(reader, None)
        body: list[list[str]] = []
        try:
            for _, r in zip(range(n), reader, strict=False):
                body.append(r)
        except csv.Error:
            pass  # a huge or odd field: show the rows before it; the import reports it exactly
        width = len(columns)
        body = [(r + [""] * width)[:width] for r in body if r]
        rows = pd.DataFrame(body, columns=columns, dtype="str")
        encoding, delimiter = dialect.encoding, dialect.delimiter
    elif fmt == "parquet":
        import pyarrow.parquet as pq

        columns = rawtables.parquet_columns(path)
        try:
            pf = pq.ParquetFile(path)
            batch = next(pf.iter_batches(batch_size=n), None)
            rows = batch.to_pandas() if batch is not None else pd.DataFrame(columns=columns)
        except (pa.ArrowException, OSError, ValueError) as exc:
            raise ImportDataError(f"{path}: cannot read as Parquet ({limits.short(exc)})") from exc
    elif fmt == "xlsx":
        check_xlsx_shape(path)
        try:
            rows = pd.read_excel(path, sheet_name=0, engine="openpyxl", nrows=n, dtype=object)
            rows = rows.infer_objects()  # as the import reads it: text stays text
        except Exception as exc:
            raise ImportDataError(
                f"{path}: cannot read as an Excel workbook ({limits.short(exc)})"
            ) from exc
        columns = [str(c) for c in rows.columns]
    elif fmt == "jsonl":
        raw = rawtables.read_jsonl(path, max_records=max(n, 1))
        rows, columns, encoding = raw.frame.head(n), list(raw.frame.columns), raw.encoding
    else:
        raw = rawtables.read_xes_table(path, max_events=max(n, 1))
        rows, columns = raw.frame.head(n), list(raw.frame.columns)
    return Preview(rows, columns, fmt, detect_mapping(columns), encoding, delimiter)
