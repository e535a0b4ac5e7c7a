"""Datasets as DuckDB views of one shape: case_id, activity, _ts (int64 ns, UTC), _rn (file order),
channel, lifecycle (when mapped) and every other column as an attribute.

Parquet (a file or a folder of files) is scanned in place, never loaded: only the columns and
row groups a query needs are read. A CSV is copied once into DuckDB's own storage (which spills
to disk) because its row order must be numbered. Other formats (XES, XLSX, JSON) and CSV
dialects DuckDB does not read the way the importer does are read by the importer into memory.

Reading follows docs/metrics.md "Event log" for what DuckDB can read: case ids kept as written
(numbers in canonical text), event names trimmed, timestamps ISO 8601 (offsets honoured, others
in the `tz` zone) or epoch numbers by magnitude, lifecycle filter and suffix. A timestamp the
SQL reader cannot read is an error naming its row and suggesting `--engine numpy`.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from cxmapper.analysis.columns import (
    ACTIVITY,
    CASE_ID,
    CHANNEL,
    LIFECYCLE,
    TIMESTAMP,
    ColumnMapping,
    resolve_mapping,
)
from cxmapper.analysis.dataset_ref import FileRef
from cxmapper.analysis.engines.duck.db import Database, literal, quote
from cxmapper.analysis.engines.sql.runner import INTERNAL, RN, TS
from cxmapper.analysis.kernels import ts_ns
from cxmapper.analysis.lifecycle import COMPLETE, SEPARATOR
from cxmapper.analysis.limits import excerpt
from cxmapper.analysis.sniff import detect_format, is_gzip, sniff_csv
from cxmapper.analysis.timestamps import epoch_unit
from cxmapper.errors import ImportDataError

_NS_PER = {"s": 1_000_000_000, "ms": 1_000_000, "us": 1_000, "ns": 1}
_TEXT_TYPES = ("VARCHAR",)
NORM = f"coalesce(lower(trim({LIFECYCLE})), '{COMPLETE}')"  # `lifecycle._per_event`, in SQL


def frame_view(db: Database, frame: pd.DataFrame) -> tuple[str, str]:
    """An in-memory normalised frame (`readers`) as a view (rows keep their frame order), and
    the query of its event names' order: the frame's category order."""
    data: dict[str, object] = {}
    for col in frame.columns:
        series = frame[col]
        if col == TIMESTAMP:
            data[TS] = ts_ns(series)
        elif isinstance(series.dtype, pd.CategoricalDtype):
            texts = np.asarray(series.cat.categories.astype("str"), dtype=object)
            codes = series.cat.codes.to_numpy()
            values = np.full(codes.size, None, dtype=object)
            if texts.size:
                values[codes >= 0] = texts[codes[codes >= 0]]
            data[str(col)] = values
        else:
            data[str(col)] = series.to_numpy()
    data[RN] = np.arange(len(frame), dtype=np.int64)
    name = db.name("frame")
    db.con.register(name, pd.DataFrame(data))
    view = db.name("src")
    db.execute(f"CREATE VIEW {view} AS SELECT * FROM {name}")
    cats = [str(c) for c in frame[ACTIVITY].cat.categories]
    order = db.name("order")
    db.con.register(order, pd.DataFrame({ACTIVITY: cats, "k1": range(len(cats)), "k2": ""}))
    return view, f"SELECT * FROM {order}"


def parquet_files(path: Path) -> list[Path]:
    """A Parquet file, or every *.parquet / *.pq under a folder in name order (the file order)."""
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.suffix in (".parquet", ".pq"))
        if not files:
            raise ImportDataError(f"{path}: no Parquet files in this folder")
        return files
    return [path]


def scannable(ref: FileRef) -> str | None:
    """'parquet' or 'csv' when DuckDB can scan the file as the importer reads it, else None."""
    path = Path(ref.path)
    if path.is_dir():
        return "parquet"
    if not path.is_file():
        raise ImportDataError(f"{path}: no such file")
    if path.stat().st_size == 0:
        raise ImportDataError(f"{path}: file is empty")
    fmt = ref.format or detect_format(path)
    if fmt == "parquet":
        return fmt
    if fmt == "csv" and not ref.dayfirst and not is_gzip(path):
        dialect = sniff_csv(path)
        if dialect.encoding.replace("-", "").lower() in ("utf8", "utf8sig", "ascii"):
            return fmt
    return None


def _parquet_reader(files: list[Path]) -> str:
    """One relation over the files, `_rn` numbering rows across them in file order."""
    import pyarrow.parquet as pq

    parts, offset = [], 0
    for f in files:
        try:
            rows = pq.read_metadata(f).num_rows
        except (OSError, ValueError) as exc:
            raise ImportDataError(f"{f}: cannot read as Parquet ({exc})") from exc
        parts.append(
            f"SELECT * EXCLUDE (file_row_number), file_row_number + {offset} AS {RN} "
            f"FROM read_parquet({literal(str(f))}, file_row_number = true)"
        )
        offset += rows
    return " UNION ALL ".join(parts)


def _csv_table(db: Database, path: Path) -> str:
    """The CSV copied into a table in file order (every cell as text, as the importer reads
    identifiers); `rowid` then numbers the rows."""
    dialect = sniff_csv(path)
    table = db.name("csv")
    db.execute("SET preserve_insertion_order = true")  # rowid must follow the file's lines
    try:
        db.execute(
            f"CREATE TABLE {table} AS SELECT * FROM read_csv({literal(str(path))}, header = true, "
            f"delim = {literal(dialect.delimiter)}, quote = '\"', escape = '\"', all_varchar = true)"
        )
    finally:
        db.execute("SET preserve_insertion_order = false")
    return f"SELECT *, rowid AS {RN} FROM {table}"


def _text(col: str, kind: str) -> str:
    """A column as identifier text (`readers.canonical_text`, in SQL)."""
    c = quote(col)
    if kind in _TEXT_TYPES:
        return c
    if kind in ("DOUBLE", "FLOAT") or kind.startswith("DECIMAL"):
        return (
            f"CASE WHEN {c} = floor({c}) AND abs({c}) < 4.6e18 "
            f"THEN CAST(CAST({c} AS BIGINT) AS VARCHAR) ELSE CAST({c} AS VARCHAR) END"
        )
    return f"CAST({c} AS VARCHAR)"


def _ts_expr(
    db: Database, reader: str, col: str, kind: str, mapping: ColumnMapping, tz: str | None
) -> str:
    c = quote(col)
    if kind == "TIMESTAMP WITH TIME ZONE":
        return f"epoch_ns({c})"
    if kind.startswith("TIMESTAMP") or kind == "DATE":
        return (
            f"epoch_ns(timezone({literal(tz)}, CAST({c} AS TIMESTAMP)))" if tz else f"epoch_ns({c})"
        )
    if kind in _TEXT_TYPES:
        return f"epoch_ns(TRY_CAST({c} AS TIMESTAMPTZ))"
    unit = mapping.timestamp_unit
    if unit is None:
        top = db.one(f"SELECT max(abs({c}::DOUBLE)) FROM ({reader})")[0]
        unit = epoch_unit(np.asarray([0.0 if top is None else float(top)]))
    return f"CAST(round({c} * {_NS_PER[unit]}) AS BIGINT)"


def file_view(db: Database, ref: FileRef, fmt: str, notes: list[str]) -> tuple[str, str]:
    """A scanned Parquet or CSV source as a normalised view, and the query of its event names'
    order (as the importer's categories: by first appearance in the file, lifecycle values of
    one name in sorted order); ImportDataError for bad rows."""
    path = Path(ref.path)
    source = str(path)
    reader = _parquet_reader(parquet_files(path)) if fmt == "parquet" else _csv_table(db, path)
    kinds = {r[0]: r[1] for r in db.rows(f"DESCRIBE {reader}") if r[0] != RN}
    mapping = resolve_mapping(ref.mapping, list(kinds), source)
    if ref.tz:
        db.execute(f"SET TimeZone = {literal(ref.tz)}")
    case = "coalesce(" + ", ".join(_text(c, kinds[c]) for c in mapping.case) + ")"
    activity = f"trim({_text(mapping.activity, kinds[mapping.activity])})"
    ts = _ts_expr(db, reader, mapping.timestamp, kinds[mapping.timestamp], mapping, ref.tz)
    channel = _text(mapping.channel, kinds[mapping.channel]) if mapping.channel else "NULL::VARCHAR"
    cols = [f"{case} AS {CASE_ID}", f"{activity} AS {ACTIVITY}", f"{ts} AS {TS}", RN]
    cols.append(f"{channel} AS {CHANNEL}")
    if mapping.lifecycle:
        cols.append(f"{_text(mapping.lifecycle, kinds[mapping.lifecycle])} AS {LIFECYCLE}")
    used = set(mapping.source_columns())
    taken = {CASE_ID, ACTIVITY, CHANNEL, LIFECYCLE, TIMESTAMP, *INTERNAL}
    for col in kinds:
        if col not in used:
            cols.append(f"{quote(col)} AS {quote(col if col not in taken else 'raw:' + col)}")
    raw_view = db.name("raw")
    db.execute(f"CREATE VIEW {raw_view} AS SELECT {', '.join(cols)} FROM ({reader})")
    _validate(db, raw_view, reader, mapping, source, fmt)
    first = f"SELECT {ACTIVITY}, min({RN}) AS k1 FROM {raw_view} GROUP BY 1"
    order = f"SELECT {ACTIVITY}, k1, '' AS k2 FROM ({first})"
    if not mapping.lifecycle:
        return raw_view, order
    view = _lifecycle_view(db, raw_view, mapping.lifecycle, ref.lifecycle, source, notes)
    if view != raw_view:  # the cases of every lifecycle value: not those of the view analysed
        db.execute(f"DROP TABLE {db.cases.pop(raw_view)}")
    if view != raw_view and ref.lifecycle != "complete":
        order = (
            f"SELECT {ACTIVITY} || '{SEPARATOR}' || k2 AS {ACTIVITY}, k1, k2 FROM ({first}) "
            f"JOIN (SELECT DISTINCT {ACTIVITY}, {NORM} AS k2 FROM {raw_view}) USING ({ACTIVITY})"
        )
    return view, order


def _where(fmt: str, rn: int) -> str:
    return f"line {rn + 2}" if fmt == "csv" else f"row {rn + 1}"


def _validate(
    db: Database, view: str, reader: str, mapping: ColumnMapping, source: str, fmt: str
) -> None:
    """One pass: the first row with an empty case id, event name or unreadable timestamp.

    The pass groups the events by case id (the first row of each is the case's `cid`, `n` its
    events) and is kept in `db.cases` for the sequence to reuse; the case-id test then runs
    once per case, not once per event (trimming 100 million ids took longer than the grouping)."""
    cases = db.name("cases")
    db.execute(
        f"CREATE TABLE {cases} AS SELECT {CASE_ID}, min({RN}) AS cid, count(*) AS n, "
        f"min({RN}) FILTER ({ACTIVITY} IS NULL OR {ACTIVITY} = '') AS bad_act, "
        f"min({RN}) FILTER ({TS} IS NULL) AS bad_ts FROM {view} GROUP BY {CASE_ID}"
    )
    db.cases[view] = cases
    bad_case, bad_act, bad_ts = db.one(
        f"SELECT min(cid) FILTER ({CASE_ID} IS NULL OR trim({CASE_ID}) = ''), "
        f"min(bad_act), min(bad_ts) FROM {cases}"
    )
    if bad_case is not None:
        names = " / ".join(excerpt(c) for c in mapping.case)
        raise ImportDataError(
            f"{source}: {_where(fmt, bad_case)}, column {names}: case id is empty"
        )
    if bad_act is not None:
        raise ImportDataError(
            f"{source}: {_where(fmt, bad_act)}, column {excerpt(mapping.activity)}: activity is empty"
        )
    if bad_ts is not None:
        value = db.one(
            f"SELECT {quote(mapping.timestamp)} FROM ({reader}) WHERE {RN} = ?", [bad_ts]
        )[0]
        what = (
            "timestamp is empty"
            if value is None or str(value).strip() == ""
            else (
                f"cannot read timestamp {excerpt(value)} (the duckdb engine reads ISO 8601 and epoch "
                "numbers; --engine numpy reads more formats)"
            )
        )
        raise ImportDataError(
            f"{source}: {_where(fmt, bad_ts)}, column {excerpt(mapping.timestamp)}: {what}"
        )


def _lifecycle_view(
    db: Database, view: str, column: str, mode: str, source: str, notes: list[str]
) -> str:
    """`lifecycle.keep_complete` / `lifecycle.name_with_lifecycle`, in SQL."""
    norm = NORM
    out = db.name("src")
    if mode == "complete":
        n = db.one(f"SELECT count(*) FROM {view} WHERE {norm} = '{COMPLETE}'")[0]
        if not n:
            raise ImportDataError(
                f"{source}: column {column!r} has no 'complete' events; "
                "import with lifecycle 'all' to keep every event"
            )
        db.execute(f"CREATE VIEW {out} AS SELECT * FROM {view} WHERE {norm} = '{COMPLETE}'")
        return out
    values = [r[0] for r in db.rows(f"SELECT DISTINCT {norm} FROM {view} ORDER BY 1")]
    if len(values) <= 1:
        return view
    db.execute(
        f"CREATE VIEW {out} AS SELECT * REPLACE ({ACTIVITY} || '{SEPARATOR}' || {norm} AS "
        f"{ACTIVITY}) FROM {view}"
    )
    first = db.one(f"SELECT {ACTIVITY} FROM {out} ORDER BY {RN} LIMIT 1")[0]
    notes.append(
        f"lifecycle 'all' with {len(values)} lifecycle values ({', '.join(values)}): each event "
        f"name carries its lifecycle (e.g. {first!r}), so the start and end "
        "of one step are two steps, not a repeat"
    )
    return out
