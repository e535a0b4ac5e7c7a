"""Money and channel figures for the DuckDB engine: the numpy engine's code on the same events.

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

from cxmapper.analysis.channels import ChannelFigures
from cxmapper.analysis.columns import ACTIVITY, CASE_ID, CHANNEL, TIMESTAMP
from cxmapper.analysis.engines.base import ReportOptions
from cxmapper.analysis.engines.common import frame_impact, impact_columns
from cxmapper.analysis.engines.duck.db import Database, quote
from cxmapper.analysis.engines.duck.source import RN, TS
from cxmapper.analysis.matching import JourneySpec
from cxmapper.analysis.money import MoneyFigures


def events_frame(
    db: Database, view: str, columns: list[str], options: ReportOptions
) -> pd.DataFrame:
    """The view's events in file order with the columns `impact` reads, normalised as the
    numpy engine's frame (categorical case and event name, UTC timestamps)."""
    extra = impact_columns(columns, options)
    text = [
        f"CAST({CASE_ID} AS VARCHAR) AS {CASE_ID}",
        f"CAST({ACTIVITY} AS VARCHAR) AS {ACTIVITY}",
    ]
    select = ", ".join([*text, TS, *map(quote, extra)])
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


def duck_impact(
    db: Database,
    view: str,
    columns: list[str],
    spec: JourneySpec,
    options: ReportOptions,
) -> tuple[MoneyFigures | None, ChannelFigures | None]:
    """(money, channels) of the view's events, exactly as the numpy engine computes them.

    `spec` is the sequence's journey: without a journey, the touchpoints it derived from the
    event names (the numpy engine's derived ones), so the cards come in the report's order."""
    return frame_impact(events_frame(db, view, columns, options), spec, options)
