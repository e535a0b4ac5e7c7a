"""The first engine: pandas frames in memory, every metric from the numpy kernels.

Loading reads the whole event table into a normalised frame (`readers`); a report sorts and maps
it once (`prepared`) and computes all metrics from the same integer arrays (`metrics`,
`funnel`, `friction`), with one worker thread taking the step sorts.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import pandas as pd

from cxmapper.analysis.columns import CASE_ID, CHANNEL, TIMESTAMP
from cxmapper.analysis.dataset_ref import (
    DatasetRef,
    FileRef,
    FrameRef,
    Selection,
    StoredRef,
    verify_fingerprint,
)
from cxmapper.analysis.engines.base import Dataset, DatasetProfile, Period, ReportOptions
from cxmapper.analysis.engines.common import friction, own, read_file, read_stored
from cxmapper.analysis.funnel import funnel
from cxmapper.analysis.impact import impact
from cxmapper.analysis.matching import JourneySpec
from cxmapper.analysis.metrics import (
    journey_median_seconds,
    path_check,
    prefetch,
    slowness_reference_seconds,
    touchpoint_metrics,
    transition_metrics,
)
from cxmapper.analysis.prepared import prepare
from cxmapper.analysis.report import JourneyReport
from cxmapper.analysis.segments import (
    compare_periods,
    filter_attribute,
    filter_period,
    weekly_trend,
)

NAME = "numpy"


@dataclass(frozen=True, eq=False)
class FrameDataset:
    """A normalised event frame (categorical case_id and activity, UTC timestamps)."""

    frame: pd.DataFrame
    warnings: tuple[str, ...] = ()
    engine: str = NAME

    @property
    def n_events(self) -> int:
        return len(self.frame)


def _frame(data: Dataset) -> pd.DataFrame:
    return own(data, FrameDataset, NAME).frame


def segment_columns(frame: pd.DataFrame, limit: int = 50) -> dict[str, list[str]]:
    """Attributes worth offering as segments: few distinct values (channel, device, ...)."""
    out: dict[str, list[str]] = {}
    for col in frame.columns:
        if col in (CASE_ID, TIMESTAMP) or col == "activity":
            continue
        values = frame[col].dropna().unique()
        if 1 < len(values) <= limit or (col == CHANNEL and len(values)):
            out[str(col)] = sorted(str(v) for v in values)
    return out


class NumpyEngine:
    """`AnalysisEngine` over pandas frames and the numpy kernels."""

    @property
    def name(self) -> str:
        return NAME

    def load(self, ref: DatasetRef) -> FrameDataset:
        if isinstance(ref, FrameRef):
            return FrameDataset(ref.frame, ref.warnings)
        if isinstance(ref, FileRef):
            verify_fingerprint(ref)
            log = read_file(ref)
            return FrameDataset(log.frame, tuple(log.warnings))
        if isinstance(ref, StoredRef):
            return FrameDataset(read_stored(ref))
        raise TypeError(f"not a dataset reference: {type(ref).__name__}")

    def profile(self, data: Dataset) -> DatasetProfile:
        frame = _frame(data)
        ts = frame[TIMESTAMP]
        span = (str(ts.min()), str(ts.max())) if len(ts) else None
        return DatasetProfile(int(frame[CASE_ID].nunique()), span, segment_columns(frame))

    def select(self, data: Dataset, selection: Selection) -> FrameDataset:
        frame = _frame(data)
        if selection.attribute is not None:
            values = list(selection.values)
            frame = filter_attribute(frame, selection.attribute, values, selection.scope)
        if selection.period is not None:
            frame = filter_period(frame, *selection.period, scope=selection.scope)
        return FrameDataset(frame, data.warnings)

    def report(
        self, data: Dataset, spec: JourneySpec | None, options: ReportOptions | None = None
    ) -> JourneyReport:
        """Sort and map once, then compute all metrics from the same arrays.

        One worker thread takes the step sorts and selections (numpy releases the GIL there),
        so a second core shortens the wall time; every number is the same as in sequence.
        """
        frame = _frame(data)
        options = options or ReportOptions()
        pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="cx-metrics")
        try:
            p = prepare(frame, spec, pool)
            prefetch(p, pool)
            steps_table = funnel(p, options.funnel_steps, options.funnel_window)
            tps = touchpoint_metrics(p)
            trans = transition_metrics(p)
            median = journey_median_seconds(p)
            reference = slowness_reference_seconds(p)
            money, channels = impact(p, frame, options)
        finally:
            pool.shutdown(wait=True, cancel_futures=True)  # on error, drop queued work
        p.cache.clear()  # intermediates are large; the report keeps only small tables
        table, items = friction(tps, median, reference, options)
        return JourneyReport(
            n_cases=p.n_cases_total,
            n_events=len(frame),
            touchpoints=tps,
            transitions=trans,
            paths=path_check(p, trans),
            funnel=steps_table,
            friction=items,
            journey_median_seconds=median,
            friction_table=table,
            slowness_reference_seconds=reference,
            unmatched=p.matching.unmatched,
            suggestions=p.matching.suggestions,
            engine=NAME,
            warnings=data.warnings,
            money=money,
            channels=channels,
        )

    def weekly_trend(self, data: Dataset, spec: JourneySpec | None) -> pd.DataFrame:
        return weekly_trend(_frame(data), spec)

    def compare_periods(
        self, data: Dataset, spec: JourneySpec | None, before: Period, after: Period
    ) -> pd.DataFrame:
        return compare_periods(_frame(data), spec, before, after)
