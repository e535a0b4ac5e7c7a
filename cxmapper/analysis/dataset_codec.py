"""Serialise an event frame to compact bytes for the workspace, and back.

Parquet with zstd and dictionary-encoded strings: event logs repeat a few activity names and
case ids millions of times, so this is typically 10-30x smaller than CSV and decodes straight
back into categoricals without re-parsing timestamps.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

import pandas as pd
import pyarrow as pa

from cxmapper.errors import CxError


def encode(frame: pd.DataFrame) -> bytes:
    """Parquet bytes (zstd, dictionary pages); the index is dropped, column order kept."""
    import pyarrow.parquet as pq  # with pyarrow.fs and ssl ~11 ms: not on the analyze path

    table = _arrow_table(frame)
    sink = io.BytesIO()
    pq.write_table(
        table,
        sink,
        compression="zstd",
        compression_level=3,
        use_dictionary=True,
        write_statistics=False,
    )
    return sink.getvalue()


def _arrow_table(frame: pd.DataFrame) -> pa.Table:
    """The frame as Arrow; attribute columns Arrow cannot type are stored as their text.

    Source attributes are whatever the file held: a JSON or XES attribute may mix numbers and
    text, or hold an integer beyond 64 bits. Their text is kept exactly rather than failing the
    import over a column no metric uses.
    """
    try:
        return pa.Table.from_pandas(frame, preserve_index=False)
    except (pa.ArrowException, OverflowError):
        pass
    fixed = frame.copy(deep=False)
    for name in frame.columns:
        column = frame[name]
        if column.dtype != object:
            continue
        try:
            pa.array(column, from_pandas=True)
        except (pa.ArrowException, OverflowError):
            fixed[name] = column.astype(str).where(column.notna(), None)
    return pa.Table.from_pandas(fixed, preserve_index=False)


def decode(data: bytes, columns: Sequence[str] | None = None) -> pd.DataFrame:
    """Inverse of `encode`; `columns` reads only those (cheap: Parquet is columnar)."""
    try:
        import pyarrow.parquet as pq

        table = pq.read_table(pa.BufferReader(data), columns=list(columns) if columns else None)
    except (pa.ArrowException, OSError) as exc:
        raise CxError(f"stored event data cannot be read ({exc})") from exc
    return table.to_pandas()
