"""The Spark engine: every overlay metric as Spark SQL, the same report as numpy and DuckDB.

Why: a team that already runs Spark wants `analyze --engine spark` to answer like the other
engines (tests/analysis/conformance runs all three on the same logs, figures to the last bit),
and the summary step (`spark_summary`) to be the way events stay on the cluster. The session is
one per process (`spark_summary.session`, local[2] unless `master` or spark-submit says
otherwise); each dataset is a temp view in it, each report caches its sorted table and drops it.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pandas as pd

from cxmapper.analysis import dataset_codec
from cxmapper.analysis.columns import ACTIVITY, CASE_ID, CHANNEL, TIMESTAMP
from cxmapper.analysis.dataset_ref import (
    DatasetRef,
    FileRef,
    FrameRef,
    Selection,
    StoredRef,
    verify_fingerprint,
)
from cxmapper.analysis.engines.base import Dataset, DatasetProfile, Period, ReportOptions
from cxmapper.analysis.engines.common import friction, wants_impact
from cxmapper.analysis.engines.spark.funnel_trend import funnel, weekly_trend
from cxmapper.analysis.engines.spark.impact_frame import spark_impact
from cxmapper.analysis.engines.spark.measures import Measures
from cxmapper.analysis.engines.spark.sequence import Sequence, build
from cxmapper.analysis.engines.spark.source import INTERNAL, TS, frame_view
from cxmapper.analysis.engines.spark.sql import SparkSql, literal, quote
from cxmapper.analysis.matching import JourneySpec
from cxmapper.analysis.metrics import check_paths
from cxmapper.analysis.readers import read_events
from cxmapper.analysis.report import JourneyReport
from cxmapper.analysis.segments import SCOPES, compare_tables, utc_ns
from cxmapper.errors import CxError

NAME = "spark"
SEGMENT_LIMIT = 50  # as the numpy engine's `segment_columns`


class SparkDataset:
    """A temp view in the session; selections are views over it."""

    engine = NAME

    def __init__(
        self, sql: SparkSql, view: str, order: list[str], warnings: tuple[str, ...] = ()
    ) -> None:
        self.sql = sql
        self.view = view
        self.order = order  # the event names' order (the importer's categories)
        self.warnings = warnings
        self._n_events: int | None = None

    @property
    def n_events(self) -> int:
        if self._n_events is None:
            self._n_events = int(self.sql.one(f"SELECT count(*) FROM {self.view}")[0])
        return self._n_events

    def columns(self) -> list[str]:
        return [c for c in self.sql.spark.table(self.view).columns if c not in INTERNAL]

    def derived(self, query: str) -> SparkDataset:
        view = self.sql.name("sel")
        self.sql.spark.sql(query).createOrReplaceTempView(view)
        return SparkDataset(self.sql, view, self.order, self.warnings)


def _data(data: Dataset) -> SparkDataset:
    if not isinstance(data, SparkDataset):
        raise TypeError(f"the spark engine cannot read a dataset loaded by {data.engine!r}")
    return data


class SparkEngine:
    """`AnalysisEngine` over Spark SQL; `master` as for `spark_summary.session`."""

    def __init__(self, master: str | None = None) -> None:
        self.master = master
        self._sql: SparkSql | None = None

    @property
    def name(self) -> str:
        return NAME

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
            log = read_events(
                Path(ref.path),
                ref.mapping,
                lifecycle=ref.lifecycle,
                tz=ref.tz,
                dayfirst=ref.dayfirst,
                format=ref.format,
            )
            return self._frame(log.frame, tuple(log.warnings))
        if isinstance(ref, StoredRef):
            from cxmapper.model.workspace import Workspace  # only here: the model is big

            with Workspace.open(ref.workspace) as ws:
                frame = dataset_codec.decode(ws.dataset_payload(ref.dataset_id))
            return self._frame(frame)
        raise TypeError(f"not a dataset reference: {type(ref).__name__}")

    def profile(self, data: Dataset) -> DatasetProfile:
        d = _data(data)
        n_cases, lo, hi = d.sql.one(
            f"SELECT count(DISTINCT {CASE_ID}), min({TS}), max({TS}) FROM {d.view}"
        )
        span = None
        if lo is not None:
            span = tuple(str(pd.Timestamp(v, unit="ns", tz="UTC")) for v in (lo, hi))
        return DatasetProfile(int(n_cases), span, _segment_values(d))  # type: ignore[arg-type]

    def select(self, data: Dataset, selection: Selection) -> SparkDataset:
        d = _data(data)
        if selection.scope not in SCOPES:
            raise CxError(f"scope must be one of {', '.join(SCOPES)}")
        if selection.attribute is not None:
            cols = d.columns()
            if selection.attribute not in cols:
                raise CxError(f"no attribute {selection.attribute!r}; available: {', '.join(cols)}")
            values = ", ".join(literal(str(v)) for v in selection.values) or "NULL"
            match = f"CAST({quote(selection.attribute)} AS STRING) IN ({values})"
            if selection.scope == "event":
                d = d.derived(f"SELECT * FROM {d.view} WHERE {match}")
            else:
                d = d.derived(
                    f"SELECT * FROM {d.view} WHERE {CASE_ID} IN "
                    f"(SELECT {CASE_ID} FROM {d.view} WHERE {match})"
                )
        if selection.period is not None:
            d = _in_period(d, *selection.period, scope=selection.scope)
        return d

    def _sequence(self, d: SparkDataset, spec: JourneySpec | None) -> Sequence:
        return build(d.sql, d.view, d.order, spec)

    def report(
        self, data: Dataset, spec: JourneySpec | None, options: ReportOptions | None = None
    ) -> JourneyReport:
        d = _data(data)
        options = options or ReportOptions()
        seq = self._sequence(d, spec)
        try:
            m = Measures(seq)
            tps = m.touchpoints()
            trans = m.transitions()
            steps_table = funnel(seq, options.funnel_steps, options.funnel_window)
            median = m.journey_median_seconds()
            reference = m.slowness_reference_seconds(median)
        finally:
            seq.drop()
        money, channels = (
            spark_impact(d.sql, d.view, d.columns(), seq.spec, options)
            if wants_impact(options)
            else (None, None)
        )
        table, items = friction(tps, median, reference, options)
        return JourneyReport(
            n_cases=seq.n_cases,
            n_events=seq.n_events,
            touchpoints=tps,
            transitions=trans,
            paths=check_paths(seq.spec.connectors, trans),
            funnel=steps_table,
            friction=items,
            journey_median_seconds=median,
            friction_table=table,
            slowness_reference_seconds=reference,
            unmatched=seq.matching.unmatched,
            suggestions=seq.matching.suggestions,
            engine=NAME,
            warnings=d.warnings,
            money=money,
            channels=channels,
        )

    def weekly_trend(self, data: Dataset, spec: JourneySpec | None) -> pd.DataFrame:
        seq = self._sequence(_data(data), spec)
        try:
            return weekly_trend(seq)
        finally:
            seq.drop()

    def compare_periods(
        self, data: Dataset, spec: JourneySpec | None, before: Period, after: Period
    ) -> pd.DataFrame:
        d = _data(data)
        tables = []
        for period in (before, after):
            seq = self._sequence(_in_period(d, *period, scope="case"), spec)
            try:
                tables.append(Measures(seq).touchpoints())
            finally:
                seq.drop()
        return compare_tables(*tables)


def _in_period(
    d: SparkDataset, start: datetime | str | None, end: datetime | str | None, scope: str
) -> SparkDataset:
    """`segments.filter_period`: [start, end) UTC, by each case's first event or by event."""
    lo, hi = utc_ns(start), utc_ns(end)

    def within(col: str) -> str:
        parts = [f"{col} >= {lo}"] if lo is not None else []
        parts += [f"{col} < {hi}"] if hi is not None else []
        return " AND ".join(parts) or "true"

    if scope == "event":
        return d.derived(f"SELECT * FROM {d.view} WHERE {within(TS)}")
    return d.derived(
        f"SELECT * FROM {d.view} WHERE {CASE_ID} IN (SELECT {CASE_ID} FROM {d.view} "
        f"GROUP BY {CASE_ID} HAVING {within(f'min({TS})')})"
    )


def _segment_values(d: SparkDataset) -> dict[str, list[str]]:
    """`numpy_engine.segment_columns`: attributes with 2..50 values, and a non-empty channel."""
    cols = [c for c in d.columns() if c not in (CASE_ID, ACTIVITY, TIMESTAMP)]
    if not cols:
        return {}
    counts = d.sql.one(
        "SELECT " + ", ".join(f"count(DISTINCT {quote(c)})" for c in cols) + f" FROM {d.view}"
    )
    out: dict[str, list[str]] = {}
    for col, n in zip(cols, counts, strict=True):
        if 1 < n <= SEGMENT_LIMIT or (col == CHANNEL and n):
            rows = d.sql.rows(
                f"SELECT DISTINCT {quote(col)} FROM {d.view} WHERE {quote(col)} IS NOT NULL"
            )
            out[col] = sorted(str(r[0]) for r in rows)
    return out


__all__ = ["NAME", "SparkDataset", "SparkEngine"]
