"""Which engine analyses a source when the user does not say (`analyze --engine auto`).

The numpy engine is the fastest while the log fits in memory (it holds about 160 bytes per
event: 0.8 GB per 5 million); DuckDB scans the source in place and spills to disk, so it takes
over where holding the log would crowd a laptop's memory. Counting Parquet rows reads only the
file footers, so choosing costs nothing.
"""

from __future__ import annotations

from pathlib import Path

from cxmapper.analysis.dataset_ref import DatasetRef, FileRef

AUTO = "auto"
#: Above this many events (about 3.2 GB held by the numpy engine) DuckDB analyses the log.
DUCKDB_ABOVE_EVENTS = 20_000_000
#: A CSV this large holds about 20 million events (50 bytes per event is typical).
DUCKDB_ABOVE_CSV_BYTES = 1_000_000_000
_PARQUET = (".parquet", ".pq")


def parquet_rows(path: Path) -> int:
    """Rows of a Parquet file or a folder of Parquet files, from the footers only."""
    import pyarrow.parquet as pq

    files = sorted(p for p in path.rglob("*") if p.suffix in _PARQUET) if path.is_dir() else [path]
    return sum(pq.read_metadata(f).num_rows for f in files)


def choose(ref: DatasetRef) -> str:
    """'duckdb' for a folder of Parquet files, a Parquet source of more than 20 million rows or
    a CSV over 1 GB; 'numpy' otherwise (other formats are read into memory by either engine)."""
    if not isinstance(ref, FileRef):
        return "numpy"
    path = Path(ref.path)
    if path.is_dir():
        return "duckdb"
    if not path.is_file():
        return "numpy"  # the reader reports the missing file
    name = path.name.lower()
    try:
        if path.suffix.lower() in _PARQUET or ref.format == "parquet":
            return "duckdb" if parquet_rows(path) > DUCKDB_ABOVE_EVENTS else "numpy"
    except (OSError, ValueError):
        return "numpy"  # not readable as Parquet: the reader says why
    if name.endswith((".csv", ".tsv", ".txt", ".tab")) or ref.format == "csv":
        return "duckdb" if path.stat().st_size > DUCKDB_ABOVE_CSV_BYTES else "numpy"
    return "numpy"
