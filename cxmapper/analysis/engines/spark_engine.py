"""The Spark engine: every overlay metric as Spark SQL, the same report as numpy and DuckDB.

Why: a team that already runs Spark wants `analyze --engine spark` to answer like the other
engines (tests/analysis/conformance runs all three on the same logs, figures to the last bit),
and the summary step (`spark_summary`) to be the way events stay on the cluster. The session is
one per process (`spark_summary.session`, local[2] unless `master` or spark-submit says
otherwise); each dataset is a temp view in it, each report caches its sorted table and drops it.
The queries it shares with the DuckDB engine are in `engines.sql`; what is Spark's own (the
session, reading through the importer, the sorted sequence's build, the funnel walk, exact
order statistics in one job) is in the `spark` package.
"""

from __future__ import annotations

from collections.abc import Sequence as Seq
from datetime import timedelta

import pandas as pd

from cxmapper.analysis.dataset_ref import (
    DatasetRef,
    FileRef,
    FrameRef,
    StoredRef,
    verify_fingerprint,
)
from cxmapper.analysis.engines.base import ReportOptions
from cxmapper.analysis.engines.common import read_file, read_stored
from cxmapper.analysis.engines.spark.funnel_trend import funnel, funnel_part
from cxmapper.analysis.engines.spark.impact_frame import events_frame
from cxmapper.analysis.engines.spark.measures import SparkMeasures
from cxmapper.analysis.engines.spark.sequence import build
from cxmapper.analysis.engines.spark.source import frame_view
from cxmapper.analysis.engines.spark.sql import SparkSql
from cxmapper.analysis.engines.sql.engine import SqlDataset, SqlEngine
from cxmapper.analysis.engines.sql.sequence import Sequence
from cxmapper.analysis.matching import JourneySpec

NAME = "spark"


class SparkDataset(SqlDataset[SparkSql]):
    """A temp view in the session; selections are views over it."""

    engine = NAME

    def __init__(
        self, sql: SparkSql, view: str, order: list[str], warnings: tuple[str, ...] = ()
    ) -> None:
        super().__init__(sql, view, warnings)
        self.order = order  # the event names' order (the importer's categories)


class SparkEngine(SqlEngine[SparkSql, SparkDataset]):
    """`AnalysisEngine` over Spark SQL; `master` as for `spark_summary.session`."""

    NAME = NAME
    dataset_type = SparkDataset

    def __init__(self, master: str | None = None) -> None:
        self.master = master
        self._sql: SparkSql | None = None

    def _session(self) -> SparkSql:
        if self._sql is None:
            from cxmapper.analysis.engines import spark_summary

            spark = spark_summary.session(self.master)
            spark.conf.set("spark.sql.execution.arrow.pyspark.enabled", "true")
            if (spark.sparkContext.master or "").startswith(
                "local"
            ):  # one shuffle partition per core:
                cores = spark.sparkContext.defaultParallelism  # fewer tasks, same answers
                spark.conf.set("spark.sql.shuffle.partitions", str(cores))
            self._sql = SparkSql(spark)
        return self._sql

    def _frame(self, frame: pd.DataFrame, warnings: tuple[str, ...] = ()) -> SparkDataset:
        sql = self._session()
        view, order = frame_view(sql, frame)
        return SparkDataset(sql, view, order, warnings)

    def load(self, ref: DatasetRef) -> SparkDataset:
        if isinstance(ref, FrameRef):
            return self._frame(ref.frame, ref.warnings)
        if isinstance(ref, FileRef):
            verify_fingerprint(ref)
            log = read_file(ref)
            return self._frame(log.frame, tuple(log.warnings))
        if isinstance(ref, StoredRef):
            return self._frame(read_stored(ref))
        raise TypeError(f"not a dataset reference: {type(ref).__name__}")

    def _sequence(self, d: SparkDataset, spec: JourneySpec | None) -> Sequence[SparkSql]:
        return build(d.run, d.view, d.order, spec)

    def _measures(
        self, seq: Sequence[SparkSql], options: ReportOptions | None = None
    ) -> SparkMeasures:
        """Every aggregate, and the report's funnel, in one Spark job (spark/measures.py)."""
        if options is None:
            return SparkMeasures(seq)
        return SparkMeasures(seq, funnel_part(seq, options.funnel_steps, options.funnel_window))

    def _funnel(
        self,
        seq: Sequence[SparkSql],
        steps: Seq[str | Seq[str]] | None,
        window: timedelta | None,
    ) -> pd.DataFrame:
        return funnel(seq, steps, window, getattr(seq, "fetched", None))

    def _events_frame(self, d: SparkDataset, options: ReportOptions) -> pd.DataFrame:
        return events_frame(d.run, d.view, d.columns(), options)


__all__ = ["NAME", "SparkDataset", "SparkEngine"]
