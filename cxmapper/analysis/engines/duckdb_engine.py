"""The DuckDB engine: every metric as SQL over Parquet or CSV, out of core.

Why: the numpy engine holds the whole log in memory (about 0.8 GB per 5 million events). DuckDB
scans Parquet in place and sorts, joins and aggregates under a memory limit, spilling to a
temporary directory (`duck.db`), so a log larger than memory can be analysed on a laptop. The
numbers are the numpy engine's to the last bit (tests/analysis/conformance runs both); see the
`duck` package for how each part is computed.
"""

from __future__ import annotations

from datetime import datetime

import pandas as pd

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
from cxmapper.analysis.engines.common import (
    friction,
    own,
    read_file,
    read_stored,
    wants_impact,
)
from cxmapper.analysis.engines.duck.db import Database, literal, quote
from cxmapper.analysis.engines.duck.funnel_trend import funnel, weekly_trend
from cxmapper.analysis.engines.duck.impact_frame import duck_impact
from cxmapper.analysis.engines.duck.measures import Measures
from cxmapper.analysis.engines.duck.sequence import Sequence, build
from cxmapper.analysis.engines.duck.source import INTERNAL, RN, TS, file_view, frame_view, scannable
from cxmapper.analysis.matching import JourneySpec
from cxmapper.analysis.metrics import check_paths
from cxmapper.analysis.report import JourneyReport
from cxmapper.analysis.segments import SCOPES, compare_tables, utc_ns
from cxmapper.errors import CxError

NAME = "duckdb"
SEGMENT_LIMIT = 50  # as the numpy engine's `segment_columns`


class DuckDataset:
    """A view in a DuckDB database; selections are views over it in the same database."""

    engine = NAME

    def __init__(self, db: Database, view: str, order: str, warnings: tuple[str, ...] = ()) -> None:
        self.db = db
        self.view = view
        self.order = order  # query of the event names' order (`source.frame_view`)
        self.warnings = warnings
        self._n_events: int | None = None

    @property
    def n_events(self) -> int:
        if self._n_events is None:
            self._n_events = int(self.db.one(f"SELECT count(*) FROM {self.view}")[0])
        return self._n_events

    def columns(self) -> list[str]:
        return [r[0] for r in self.db.rows(f"DESCRIBE {self.view}") if r[0] not in INTERNAL]

    def derived(self, sql: str) -> DuckDataset:
        view = self.db.name("sel")
        self.db.execute(f"CREATE VIEW {view} AS {sql}")
        return DuckDataset(self.db, view, self.order, self.warnings)


def _data(data: Dataset) -> DuckDataset:
    return own(data, DuckDataset, NAME)


class DuckDBEngine:
    """`AnalysisEngine` over DuckDB."""

    @property
    def name(self) -> str:
        return NAME

    def load(self, ref: DatasetRef) -> DuckDataset:
        db = Database()
        if isinstance(ref, FrameRef):
            return DuckDataset(db, *frame_view(db, ref.frame), ref.warnings)
        if isinstance(ref, FileRef):
            verify_fingerprint(ref)
            fmt = scannable(ref)
            if fmt is not None:
                notes: list[str] = []
                view, order = file_view(db, ref, fmt, notes)
                return DuckDataset(db, view, order, tuple(notes))
            log = read_file(ref)  # formats DuckDB does not read as the importer does: in memory
            return DuckDataset(db, *frame_view(db, log.frame), tuple(log.warnings))
        if isinstance(ref, StoredRef):
            return DuckDataset(db, *frame_view(db, read_stored(ref)))
        raise TypeError(f"not a dataset reference: {type(ref).__name__}")

    def profile(self, data: Dataset) -> DatasetProfile:
        d = _data(data)
        n_cases, lo, hi = d.db.one(
            f"SELECT count(DISTINCT {CASE_ID}), min({TS}), max({TS}) FROM {d.view}"
        )
        span = None
        if lo is not None:
            span = tuple(str(pd.Timestamp(v, unit="ns", tz="UTC")) for v in (lo, hi))
        return DatasetProfile(int(n_cases), span, _segment_values(d))  # type: ignore[arg-type]

    def select(self, data: Dataset, selection: Selection) -> DuckDataset:
        d = _data(data)
        if selection.scope not in SCOPES:
            raise CxError(f"scope must be one of {', '.join(SCOPES)}")
        if selection.attribute is not None:
            cols = d.columns()
            if selection.attribute not in cols:
                raise CxError(f"no attribute {selection.attribute!r}; available: {', '.join(cols)}")
            values = ", ".join(literal(str(v)) for v in selection.values) or "NULL"
            match = f"CAST({quote(selection.attribute)} AS VARCHAR) IN ({values})"
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

    def _sequence(self, d: DuckDataset, spec: JourneySpec | None) -> Sequence:
        return build(d.db, d.view, d.order, spec)

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
            duck_impact(d.db, d.view, d.columns(), seq.spec, options)
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
    d: DuckDataset, start: datetime | str | None, end: datetime | str | None, scope: str
) -> DuckDataset:
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


def _segment_values(d: DuckDataset) -> dict[str, list[str]]:
    """`numpy_engine.segment_columns`: attributes with 2..50 values, and a non-empty channel."""
    cols = [c for c in d.columns() if c not in (CASE_ID, ACTIVITY, TIMESTAMP)]
    if not cols:
        return {}
    counts = d.db.one(
        "SELECT " + ", ".join(f"count(DISTINCT {quote(c)})" for c in cols) + f" FROM {d.view}"
    )
    out: dict[str, list[str]] = {}
    for col, n in zip(cols, counts, strict=True):
        if 1 < n <= SEGMENT_LIMIT or (col == CHANNEL and n):
            rows = d.db.rows(
                f"SELECT DISTINCT {quote(col)} FROM {d.view} WHERE {quote(col)} IS NOT NULL"
            )
            out[col] = sorted(str(r[0]) for r in rows)
    return out


__all__ = ["NAME", "RN", "DuckDBEngine", "DuckDataset"]
