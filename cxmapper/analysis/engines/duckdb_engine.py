"""The DuckDB engine: every metric as SQL over Parquet or CSV, out of core.

Why: the numpy engine holds the whole log in memory (about 0.8 GB per 5 million events). DuckDB
scans Parquet in place and sorts, joins and aggregates under a memory limit, spilling to a
temporary directory (`duck.db`), so a log larger than memory can be analysed on a laptop. The
numbers are the numpy engine's to the last bit (tests/analysis/conformance runs both). The
queries it shares with the Spark engine are in `engines.sql`; what is DuckDB's own (reading
sources, the connection, the sorted sequence's build, the funnel) is in the `duck` package.
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
from cxmapper.analysis.engines.duck.funnel_trend import funnel
from cxmapper.analysis.engines.duck.impact_frame import events_frame
from cxmapper.analysis.engines.duck.measures import DuckMeasures
from cxmapper.analysis.engines.duck.runner import DuckSql
from cxmapper.analysis.engines.duck.sequence import build
from cxmapper.analysis.engines.duck.source import file_view, frame_view, scannable
from cxmapper.analysis.engines.sql.engine import SqlDataset, SqlEngine
from cxmapper.analysis.engines.sql.runner import RN
from cxmapper.analysis.engines.sql.sequence import Sequence
from cxmapper.analysis.matching import JourneySpec

NAME = "duckdb"


class DuckDataset(SqlDataset[DuckSql]):
    """A view in a DuckDB database; selections are views over it in the same database."""

    engine = NAME

    def __init__(self, db: DuckSql, view: str, order: str, warnings: tuple[str, ...] = ()) -> None:
        super().__init__(db, view, warnings)
        self.order = order  # query of the event names' order (`source.frame_view`)


class DuckDBEngine(SqlEngine[DuckSql, DuckDataset]):
    """`AnalysisEngine` over DuckDB."""

    NAME = NAME
    dataset_type = DuckDataset

    def load(self, ref: DatasetRef) -> DuckDataset:
        db = DuckSql()
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

    def _measures(
        self, seq: Sequence[DuckSql], options: ReportOptions | None = None
    ) -> DuckMeasures:
        return DuckMeasures(seq)  # fewer passes over the step table (duck/measures.py)

    def _sequence(self, d: DuckDataset, spec: JourneySpec | None) -> Sequence[DuckSql]:
        return build(d.run, d.view, d.order, spec)

    def _funnel(
        self,
        seq: Sequence[DuckSql],
        steps: Seq[str | Seq[str]] | None,
        window: timedelta | None,
    ) -> pd.DataFrame:
        return funnel(seq, steps, window)

    def _events_frame(self, d: DuckDataset, options: ReportOptions) -> pd.DataFrame:
        return events_frame(d.run, d.view, d.columns(), options)


__all__ = ["NAME", "RN", "DuckDBEngine", "DuckDataset"]
