"""The events the money and channel figures read, fetched by the Spark engine (`SqlEngine._events_frame`).

Why not Spark SQL: as for DuckDB (`duck/impact_frame.py`), the figures are defined once
(`engines.common.frame_impact`). The few columns they read are collected from the view in file
order (through Arrow) into the normalised frame the numpy engine would have read, only when
money or channel figures are asked for; so the figures are the numpy engine's to the last bit
(tests/analysis/conformance/test_conformance_money.py), at the cost of holding those columns in
the driver's memory. On a cluster-sized log, run the summary step instead (`--summary`).
"""

from __future__ import annotations

from typing import cast

import pandas as pd

from cxmapper.analysis.columns import ACTIVITY, CASE_ID, CHANNEL, TIMESTAMP
from cxmapper.analysis.engines.base import ReportOptions
from cxmapper.analysis.engines.common import impact_columns
from cxmapper.analysis.engines.spark.sql import SparkSql
from cxmapper.analysis.engines.sql.engine import impact_select
from cxmapper.analysis.engines.sql.runner import RN, TS


def _categorical(values: pd.Series) -> pd.Series:
    """Categories in order of first appearance, as the importer's dictionary encoding."""
    return pd.Series(pd.Categorical(values, categories=pd.unique(values.dropna())))


def events_frame(
    sql: SparkSql, view: str, columns: list[str], options: ReportOptions
) -> pd.DataFrame:
    """The view's events in file order with the columns `impact` reads, normalised as the
    numpy engine's frame (categorical case and event name, UTC timestamps)."""
    extra = impact_columns(columns, options)
    select = ", ".join(impact_select(sql.dialect, columns, options))
    got = cast(pd.DataFrame, sql.spark.sql(f"SELECT {select} FROM {view} ORDER BY {RN}").toPandas())
    frame = pd.DataFrame(
        {
            CASE_ID: _categorical(got[CASE_ID].astype(object)),
            ACTIVITY: _categorical(got[ACTIVITY].astype(object)),
            TIMESTAMP: pd.to_datetime(got[TS].to_numpy(dtype="int64"), unit="ns", utc=True),
        }
    )
    for col in extra:
        values = got[col]
        is_text = values.dtype == object or pd.api.types.is_string_dtype(values)
        frame[col] = _categorical(values.astype(object)) if col == CHANNEL and is_text else values
    return frame
