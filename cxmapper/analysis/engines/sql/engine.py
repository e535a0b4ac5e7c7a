"""The public methods of the SQL engines (`AnalysisEngine`), written once over a `SqlRunner`.

Why a base class: DuckDB and Spark profile, select, report, trend and compare a dataset with
the same queries and the same Python around them; an engine subclass says only how it loads a
source, builds the sorted sequence, walks the funnel and fetches the events the money and
channel figures read (`SqlEngine`'s abstract methods).
"""

from __future__ import annotations

import copy
from abc import ABC, abstractmethod
from collections.abc import Sequence as Seq
from datetime import datetime, timedelta
from typing import ClassVar, Generic, Self, TypeVar

import pandas as pd

from cxmapper.analysis.columns import ACTIVITY, CASE_ID, CHANNEL, TIMESTAMP
from cxmapper.analysis.dataset_ref import DatasetRef, Selection
from cxmapper.analysis.engines.base import Dataset, DatasetProfile, Period, ReportOptions
from cxmapper.analysis.engines.common import (
    frame_impact,
    friction,
    impact_columns,
    own,
    wants_impact,
)
from cxmapper.analysis.engines.sql.measures import Measures
from cxmapper.analysis.engines.sql.runner import INTERNAL, TS, Dialect, SqlRunner
from cxmapper.analysis.engines.sql.sequence import R, Sequence
from cxmapper.analysis.engines.sql.trend import weekly_trend
from cxmapper.analysis.matching import JourneySpec
from cxmapper.analysis.metrics import check_paths
from cxmapper.analysis.report import JourneyReport
from cxmapper.analysis.segments import SCOPES, compare_tables, utc_ns
from cxmapper.errors import CxError

SEGMENT_LIMIT = 50  # as the numpy engine's `segment_columns`


R_co = TypeVar("R_co", bound=SqlRunner, covariant=True)


class SqlDataset(Generic[R_co]):
    """A view run by one runner; selections are views over it, made by the same runner."""

    engine: ClassVar[str]

    def __init__(self, run: R_co, view: str, warnings: tuple[str, ...] = ()) -> None:
        self.run = run
        self.view = view
        self.warnings = warnings
        self._n_events: int | None = None

    @property
    def n_events(self) -> int:
        if self._n_events is None:
            self._n_events = int(self.run.one(f"SELECT count(*) FROM {self.view}")[0])
        return self._n_events

    def columns(self) -> list[str]:
        return [c for c in self.run.columns(self.view) if c not in INTERNAL]

    def derived(self, sql: str) -> Self:
        """A dataset of the rows `sql` selects, with everything else of this one."""
        view = self.run.name("sel")
        self.run.create_view(view, sql)
        out = copy.copy(self)
        out.view = view
        out._n_events = None
        return out


D = TypeVar("D", bound=SqlDataset[SqlRunner])


class SqlEngine(ABC, Generic[R, D]):
    """`AnalysisEngine` over SQL; `NAME` and `dataset_type` name the engine and its datasets
    (whose runner is an `R`)."""

    NAME: ClassVar[str]
    dataset_type: type[D]

    @property
    def name(self) -> str:
        return self.NAME

    @abstractmethod
    def load(self, ref: DatasetRef) -> D: ...

    @abstractmethod
    def _sequence(self, d: D, spec: JourneySpec | None) -> Sequence[R]:
        """The sorted sequence of the dataset's events mapped to the journey's touchpoints."""

    @abstractmethod
    def _funnel(
        self,
        seq: Sequence[R],
        steps: Seq[str | Seq[str]] | None,
        window: timedelta | None,
    ) -> pd.DataFrame:
        """`funnel.funnel_table` of the sequence (definition: docs/metrics.md)."""

    @abstractmethod
    def _events_frame(self, d: D, options: ReportOptions) -> pd.DataFrame:
        """The view's events in file order with the columns `impact` reads (`impact_select`),
        normalised as the numpy engine's frame (categorical case and event name, UTC times)."""

    def _measures(self, seq: Sequence[R], options: ReportOptions | None = None) -> Measures[R]:
        """The sequence's aggregates; an engine whose SQL computes them its own way (fewer
        passes, another dialect's functions) overrides this with a `Measures` subclass.
        `options` are the report's (None elsewhere): an engine may fetch its funnel with them."""
        return Measures(seq)

    def _data(self, data: Dataset) -> D:
        return own(data, self.dataset_type, self.NAME)

    def profile(self, data: Dataset) -> DatasetProfile:
        d = self._data(data)
        n_cases, lo, hi = d.run.one(
            f"SELECT count(DISTINCT {CASE_ID}), min({TS}), max({TS}) FROM {d.view}"
        )
        span = None
        if lo is not None:
            span = tuple(str(pd.Timestamp(v, unit="ns", tz="UTC")) for v in (lo, hi))
        return DatasetProfile(int(n_cases), span, _segment_values(d))  # type: ignore[arg-type]

    def select(self, data: Dataset, selection: Selection) -> D:
        d = self._data(data)
        dialect = d.run.dialect
        if selection.scope not in SCOPES:
            raise CxError(f"scope must be one of {', '.join(SCOPES)}")
        if selection.attribute is not None:
            cols = d.columns()
            if selection.attribute not in cols:
                raise CxError(f"no attribute {selection.attribute!r}; available: {', '.join(cols)}")
            values = ", ".join(dialect.literal(str(v)) for v in selection.values) or "NULL"
            match = f"CAST({dialect.quote(selection.attribute)} AS {dialect.text}) IN ({values})"
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

    def report(
        self, data: Dataset, spec: JourneySpec | None, options: ReportOptions | None = None
    ) -> JourneyReport:
        d = self._data(data)
        options = options or ReportOptions()
        seq = self._sequence(d, spec)
        try:
            m = self._measures(seq, options)
            tps = m.touchpoints()
            trans = m.transitions()
            steps_table = self._funnel(seq, options.funnel_steps, options.funnel_window)
            median = m.journey_median_seconds()
            reference = m.slowness_reference_seconds(median)
        finally:
            seq.drop()
        money, channels = (
            frame_impact(self._events_frame(d, options), seq.spec, options)
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
            engine=self.NAME,
            warnings=d.warnings,
            money=money,
            channels=channels,
        )

    def weekly_trend(self, data: Dataset, spec: JourneySpec | None) -> pd.DataFrame:
        seq = self._sequence(self._data(data), spec)
        try:
            return weekly_trend(seq)
        finally:
            seq.drop()

    def compare_periods(
        self, data: Dataset, spec: JourneySpec | None, before: Period, after: Period
    ) -> pd.DataFrame:
        d = self._data(data)
        tables = []
        for period in (before, after):
            seq = self._sequence(_in_period(d, *period, scope="case"), spec)
            try:
                tables.append(self._measures(seq).touchpoints())
            finally:
                seq.drop()
        return compare_tables(*tables)


def impact_select(dialect: Dialect, columns: list[str], options: ReportOptions) -> list[str]:
    """The select list of `SqlEngine._events_frame`: case and event name as text, the time, and
    the channel and segment columns the figures read (`common.impact_columns`)."""
    extra = impact_columns(columns, options)
    return [
        f"CAST({CASE_ID} AS {dialect.text}) AS {CASE_ID}",
        f"CAST({ACTIVITY} AS {dialect.text}) AS {ACTIVITY}",
        TS,
        *map(dialect.quote, extra),
    ]


def _in_period(d: D, start: datetime | str | None, end: datetime | str | None, scope: str) -> D:
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


def _segment_values(d: SqlDataset[SqlRunner]) -> dict[str, list[str]]:
    """`numpy_engine.segment_columns`: attributes with 2..50 values, and a non-empty channel."""
    cols = [c for c in d.columns() if c not in (CASE_ID, ACTIVITY, TIMESTAMP)]
    if not cols:
        return {}
    quote = d.run.dialect.quote
    counts = d.run.one(
        "SELECT " + ", ".join(f"count(DISTINCT {quote(c)})" for c in cols) + f" FROM {d.view}"
    )
    out: dict[str, list[str]] = {}
    for col, n in zip(cols, counts, strict=True):
        if 1 < n <= SEGMENT_LIMIT or (col == CHANNEL and n):
            rows = d.run.rows(
                f"SELECT DISTINCT {quote(col)} FROM {d.view} WHERE {quote(col)} IS NOT NULL"
            )
            out[col] = sorted(str(r[0]) for r in rows)
    return out
