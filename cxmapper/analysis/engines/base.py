"""The protocol every analysis engine implements, and the small types that cross it.

Why a protocol: the metrics' callers (CLI `analyze`, the app's analysis worker, the exports)
need results, not numpy. They hand an engine a `DatasetRef` and a `JourneySpec` and get back
the same `JourneyReport` and DataFrames whichever engine ran, so an engine that computes in
DuckDB or Spark replaces the numpy kernels without touching them. What "the same" means is
pinned by tests/analysis/conformance, which every registered engine must pass unchanged.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Protocol

import pandas as pd

from cxmapper.analysis.dataset_ref import DatasetRef, Selection
from cxmapper.analysis.matching import JourneySpec
from cxmapper.analysis.value_model import ValueModel

if TYPE_CHECKING:  # report imports the registry, which imports this module
    from cxmapper.analysis.report import JourneyReport
    from cxmapper.model.entities import Kpi  # annotations only: ~20 ms to import

Period = tuple[datetime | str | None, datetime | str | None]


class Dataset(Protocol):
    """An engine's handle on a loaded dataset; only the engine that made it looks inside."""

    @property
    def engine(self) -> str: ...

    @property
    def n_events(self) -> int: ...

    @property
    def warnings(self) -> tuple[str, ...]: ...


@dataclass(frozen=True)
class DatasetProfile:
    """What the app offers before any filter: all cases, the time span, segment values."""

    n_cases: int
    span: tuple[str, str] | None  # first and last timestamp (UTC, as text), None if empty
    segment_values: dict[str, list[str]]  # attribute -> its values, for few-valued attributes


@dataclass(frozen=True)
class ReportOptions:
    """How to build a report beyond the journey itself."""

    funnel_steps: Sequence[str | Sequence[str]] | None = None  # None: one step per stage
    funnel_window: timedelta | None = None  # measured from each case's step-1 event
    kpis_off_target: Mapping[str, int] | None = None  # the K term of friction per touchpoint
    top_n_friction: int = 5
    value_model: ValueModel | None = None  # prices the money figures; None: no money figures
    channels: bool = False  # the omnichannel figures (always with a value model)
    hop_window_days: float = 7.0  # a channel change further apart than this is no hop
    repeat_window_days: float = 7.0  # without a value model (which has its own)
    fcr_targets: Mapping[str, Kpi] | None = None  # per card: its FCR KPI (`channel_cards`)


class AnalysisEngine(Protocol):
    """Loads datasets and computes every journey metric defined in docs/metrics.md."""

    @property
    def name(self) -> str: ...

    def load(self, ref: DatasetRef) -> Dataset:
        """Read (or open) the dataset; ImportDataError / CxError for bad input."""
        ...

    def profile(self, data: Dataset) -> DatasetProfile: ...

    def select(self, data: Dataset, selection: Selection) -> Dataset:
        """Whole cases (or events, by `selection.scope`) with the attribute value, then in the
        period; the attribute filter first, as the app applies them."""
        ...

    def report(
        self, data: Dataset, spec: JourneySpec | None, options: ReportOptions | None = None
    ) -> JourneyReport:
        """Every metric of one journey; without a spec each event name is a touchpoint."""
        ...

    def weekly_trend(self, data: Dataset, spec: JourneySpec | None) -> pd.DataFrame:
        """Long table (week, touchpoint_id, reach, dropoff_cases, dropoff_rate), weeks from
        Monday 00:00 UTC."""
        ...

    def compare_periods(
        self, data: Dataset, spec: JourneySpec | None, before: Period, after: Period
    ) -> pd.DataFrame:
        """Per touchpoint: each compared metric before, after and the delta (cases by start)."""
        ...
