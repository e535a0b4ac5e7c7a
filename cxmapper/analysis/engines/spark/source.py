"""A normalised event frame (`readers`) as a Spark view: case_id, activity, _ts (int64 ns UTC),
_rn (the row's file order) and every other column as an attribute.

Why through the importer: the numbers must be the numpy engine's to the last bit, so the events
are read exactly as the importer reads them (case ids as written, names trimmed, timestamps in
nanoseconds, the lifecycle rule) and handed to Spark through Arrow. The warehouse path, where
events never leave the cluster, is the summary step (`spark_summary`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from cxmapper.analysis.columns import ACTIVITY, CASE_ID, TIMESTAMP
from cxmapper.analysis.engines.spark.sql import SparkSql
from cxmapper.analysis.engines.sql.runner import RN, TS
from cxmapper.analysis.kernels import ts_ns

if TYPE_CHECKING:
    from pyspark.sql.types import DataType


def _texts(series: pd.Series) -> np.ndarray:
    """A categorical or object column as Python strings (None where missing)."""
    if isinstance(series.dtype, pd.CategoricalDtype):
        texts = np.asarray(series.cat.categories.astype("str"), dtype=object)
        codes = series.cat.codes.to_numpy()
        values = np.full(codes.size, None, dtype=object)
        if texts.size:
            values[codes >= 0] = texts[codes[codes >= 0]]
        return values
    objects: np.ndarray = series.astype(object).to_numpy(copy=True)
    missing = pd.isna(series).to_numpy()
    objects[~missing] = [str(v) for v in objects[~missing]]
    objects[missing] = None
    return objects


def _column(series: pd.Series) -> tuple[object, DataType]:
    """Values and Spark type of one attribute column: numbers and flags as they are, the rest
    as text (what the numpy engine's `str(value)` shows for a segment value)."""
    from pyspark.sql import types as T

    kind = series.dtype.kind if not isinstance(series.dtype, pd.CategoricalDtype) else "O"
    if kind == "b" and not series.isna().any():
        return series.to_numpy(), T.BooleanType()
    if kind in "iu":
        return series.to_numpy(dtype=np.int64), T.LongType()
    if kind == "f":
        return series.to_numpy(dtype=np.float64), T.DoubleType()
    return _texts(series), T.StringType()


def frame_view(sql: SparkSql, frame: pd.DataFrame) -> tuple[str, list[str]]:
    """The frame as a temp view (rows numbered in frame order), and its event names in the
    frame's category order (the order of touchpoints derived without a journey)."""
    from pyspark.sql import types as T

    data: dict[str, object] = {}
    fields = []
    for col in frame.columns:
        series = frame[col]
        if col == TIMESTAMP:
            data[TS] = ts_ns(series)
            fields.append(T.StructField(TS, T.LongType()))
        elif col in (CASE_ID, ACTIVITY):
            data[str(col)] = _texts(series)
            fields.append(T.StructField(str(col), T.StringType()))
        else:
            values, kind = _column(series)
            data[str(col)] = values
            fields.append(T.StructField(str(col), kind))
    data[RN] = np.arange(len(frame), dtype=np.int64)
    fields.append(T.StructField(RN, T.LongType()))
    pdf = pd.DataFrame(data)
    spark = sql.spark
    if len(pdf):
        df = spark.createDataFrame(pdf, schema=T.StructType(fields))
    else:
        df = spark.createDataFrame([], schema=T.StructType(fields))
    view = sql.name("src")
    df.createOrReplaceTempView(view)
    order = [str(c) for c in frame[ACTIVITY].cat.categories]
    return view, order
