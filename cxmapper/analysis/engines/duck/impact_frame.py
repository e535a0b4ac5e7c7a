"""The events the money and channel figures read, fetched by the DuckDB engine (`SqlEngine._events_frame`).

Why not SQL: the figures are defined once (`engines.common.frame_impact`); a second
implementation in SQL would be a second definition to keep equal. Instead the few columns they
read (case, event name, time, file order, channel, the segment attribute) are fetched from the
view in file order, as the normalised frame the numpy engine would have read. The figures are
then the numpy engine's to the last bit (tests/analysis/conformance), at the cost of holding
those columns in memory (dictionary codes, then `prepare`'s sorted arrays: a few tens of bytes
per event), only when money or channel figures are asked for.
"""

from __future__ import annotations

import pandas as pd
import pyarrow as pa

from cxmapper.analysis.columns import ACTIVITY, CASE_ID, CHANNEL, TIMESTAMP
from cxmapper.analysis.engines.base import ReportOptions
from cxmapper.analysis.engines.common import impact_columns
from cxmapper.analysis.engines.duck.runner import DuckSql
from cxmapper.analysis.engines.sql.engine import impact_select
from cxmapper.analysis.engines.sql.runner import RN, TS


def events_frame(
    db: DuckSql, view: str, columns: list[str], options: ReportOptions
) -> pd.DataFrame:
    """The view's events in file order with the columns `impact` reads, normalised as the
    numpy engine's frame (categorical case and event name, UTC timestamps)."""
    extra = impact_columns(columns, options)
    select = ", ".join(impact_select(db.dialect, columns, options))
    with db.lock:  # Arrow, dictionary-encoded: three times faster than a frame of strings
        table = db.con.sql(f"SELECT {select} FROM {view} ORDER BY {RN}").to_arrow_table()

    def categorical(name: str) -> pd.Series:
        return table[name].combine_chunks().dictionary_encode().to_pandas()

    frame = pd.DataFrame(
        {
            CASE_ID: categorical(CASE_ID),
            ACTIVITY: categorical(ACTIVITY),
            TIMESTAMP: pd.to_datetime(table[TS].to_numpy(), unit="ns", utc=True),
        }
    )
    for col in extra:
        is_text = pa.types.is_string(table[col].type) or pa.types.is_large_string(table[col].type)
        frame[col] = categorical(col) if col == CHANNEL and is_text else table[col].to_pandas()
    return frame
