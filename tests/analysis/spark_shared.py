"""Spark results that several test files assert on, computed once per test process.

Why: summarising BPIC 2012 in Spark costs ~40 s of JVM time on the 2-core machine, and two files
check the same summary (its counts against the raw log, and its import into a workspace). Every
Spark test is in the xdist group "spark", so one worker computes it once for both.
"""

from __future__ import annotations

import copy
import functools
import tempfile
from pathlib import Path
from typing import Any

import pandas as pd
from analysis_helpers import real_log

from cxmapper.analysis.engines import spark_summary as ss


def warehouse_table(frame: pd.DataFrame) -> pd.DataFrame:
    """A log as a warehouse holds it: plain strings, microsecond timestamps (no nanos in Spark)."""
    return pd.DataFrame(
        {
            "case_id": frame["case_id"].astype(str),
            "activity": frame["activity"].astype(str),
            "timestamp": frame["timestamp"].dt.as_unit("us"),
        }
    )


@functools.cache
def _bpic2012_summary() -> dict[str, Any]:
    frame = real_log("bpic2012.xes.gz").frame
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bpic.parquet"
        warehouse_table(frame).to_parquet(path, index=False)
        spark = ss.session("local[2]")
        return ss.summarize(ss.read(spark, ss.SparkSource(str(path))), source_name=path.name)


def bpic2012_summary() -> dict[str, Any]:
    """Spark's summary of BPIC 2012 (all lifecycle events, read from Parquet), a fresh copy."""
    return copy.deepcopy(_bpic2012_summary())
