"""Whole units of analysis work, as the GUI runs them in a worker process and the CLI inline.

Each task takes plain arguments (paths, ids, dicts) and returns plain picklable results, so it
can run in a separate process that the user can cancel at any moment without corrupting
anything: tasks only read the workspace; storing a dataset is the caller's (undoable) step.
`progress(fraction, message)` is called between stages.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import pandas as pd

from cxmapper.analysis import dataset_codec, engines, linked
from cxmapper.analysis.columns import MappingRequest
from cxmapper.analysis.dataset_ref import Selection
from cxmapper.analysis.readers import read_events
from cxmapper.analysis.report import JourneyReport
from cxmapper.analysis.workspace_adapter import journey_spec
from cxmapper.present.keyed_text import keyed
from cxmapper.present.labels import N_

if TYPE_CHECKING:  # the model is imported where it is used: a worker process starts lighter
    from cxmapper.analysis.bootstrap import TouchpointProposal
    from cxmapper.model.entities import Dataset as StoredDataset
    from cxmapper.model.workspace import Workspace


Progress = Callable[[float, str], None]


def _quiet(_fraction: float, _message: str) -> None:
    pass


@dataclass
class ImportedDataset:
    """An event file read, validated and encoded; ready for `Workspace.add_dataset`."""

    name: str
    source: str
    payload: bytes
    n_events: int
    n_cases: int
    columns: list[str]
    options: dict[str, object]

    def add_to(self, ws: Workspace, journey_id: str | None = None) -> StoredDataset:
        return ws.add_dataset(
            self.name,
            self.payload,
            n_events=self.n_events,
            n_cases=self.n_cases,
            source=self.source,
            columns=self.columns,
            options=self.options,
            journey_id=journey_id,
        )


def import_events(
    path: str | Path,
    *,
    preset: str | None = None,
    columns: dict[str, str | None] | None = None,
    lifecycle: str = "complete",
    dayfirst: bool | None = None,
    name: str | None = None,
    progress: Progress = _quiet,
    tz: str | None = None,
) -> ImportedDataset:
    """Read and validate a whole event file (ImportDataError on any bad row: nothing partial)."""
    path = Path(path)
    progress(0.05, keyed(N_("Reading {name}"), name=path.name))
    request = None
    if columns and any(columns.values()):
        case = columns.get("case")
        request = MappingRequest(
            case=(case,) if isinstance(case, str) else case,
            activity=columns.get("activity"),
            timestamp=columns.get("timestamp"),
            channel=columns.get("channel"),
        )
    log = read_events(path, request, preset=preset, lifecycle=lifecycle, dayfirst=dayfirst, tz=tz)
    progress(0.7, keyed(N_("Compressing {n} events"), n=log.n_events))
    payload = dataset_codec.encode(log.frame)
    progress(0.95, keyed(N_("Finished")))
    return ImportedDataset(
        name=name or path.stem,
        source=str(path),
        payload=payload,
        n_events=log.n_events,
        n_cases=log.n_cases,
        columns=[str(c) for c in log.frame.columns],
        options={
            "format": log.format,
            "encoding": log.encoding,
            "delimiter": log.delimiter,
            "lifecycle": lifecycle,
            "tz": tz,
            "mapping": log.mapping.to_dict(),
            "events_read": log.n_events_read,
            "warnings": log.warnings,
        },
    )


class StorableDataset(Protocol):
    """What the import dialogs hand over: an event log read (`analysis.tasks.ImportedDataset`),
    a summary, or a link to a file, each able to add itself to a workspace."""

    name: str
    n_events: int
    n_cases: int
    options: dict[str, object]

    def add_to(self, ws: Workspace, journey_id: str | None = None) -> object: ...


class PayloadSource(Protocol):
    """Where stored event data comes from (a `Workspace`)."""

    def dataset_payload(self, dataset_id: str) -> bytes: ...


def load_frame(ws: PayloadSource, dataset_id: str) -> pd.DataFrame:
    payload = ws.dataset_payload(dataset_id)
    if not payload and hasattr(ws, "get"):  # a linked dataset keeps no events: read its file
        options = ws.get("dataset", dataset_id).options
        if linked.is_linked(options):
            return linked.read_frame(options)
    return dataset_codec.decode(payload)


def kpis_off_target(ws: Workspace, journey_id: str) -> dict[str, int]:
    """How many KPIs miss their target (amber or red) at each touchpoint, by latest reading."""
    from cxmapper.model.kpi_status import latest_readings, status

    kpis = {k.id: k for k in ws.kpis()}
    tp_ids = {t.id for t in ws.touchpoints(journey_id)}
    counts: dict[str, int] = {}
    for (tp_id, kpi_id), reading in latest_readings(ws.readings()).items():
        if tp_id in tp_ids and status(kpis[kpi_id], reading.value) in ("amber", "red"):
            counts[tp_id] = counts.get(tp_id, 0) + 1
    return counts


@dataclass
class AnalysisRequest:
    workspace: str
    journey_id: str
    dataset_id: str
    segment: tuple[str, str] | None = None  # (attribute column, value): whole cases
    period: tuple[datetime | None, datetime | None] | None = None  # [start, end) by case start
    compare_to: tuple[datetime | None, datetime | None] | None = None  # the "before" period
    funnel_steps: list[str] | None = None  # touchpoint ids; None: one step per stage
    funnel_window_days: float | None = None
    engine: str = engines.DEFAULT  # which analysis engine computes (`engines.get`)


@dataclass
class AnalysisResult:
    """Everything the overlay, charts and exports need, already computed."""

    report: JourneyReport
    friction: pd.DataFrame  # score and components for every reached touchpoint
    weekly: pd.DataFrame
    comparison: pd.DataFrame | None
    segment_values: dict[str, list[str]] = field(default_factory=dict)
    n_cases_total: int = 0
    span: tuple[str, str] | None = None


def run_analysis(request: AnalysisRequest, progress: Progress = _quiet) -> AnalysisResult:
    from cxmapper.analysis.channel_cards import fcr_kpis
    from cxmapper.analysis.stored_value import value_model_of
    from cxmapper.analysis.summary_import import stored_summary_result
    from cxmapper.model.workspace import Workspace

    engine = engines.get(request.engine)
    summary = stored_summary_result(request)  # a Spark summary: figures, not events
    if summary is not None:
        progress(1.0, keyed(N_("Finished")))
        return summary
    progress(0.05, keyed(N_("Loading the dataset")))
    data = engine.load(linked.dataset_ref(request.workspace, request.dataset_id))  # or its file
    with Workspace.open(request.workspace) as ws:
        spec = journey_spec(ws, request.journey_id)
        off_target = kpis_off_target(ws, request.journey_id)
        value_model = value_model_of(ws.get("journey", request.journey_id))
        fcr_targets = fcr_kpis(ws, request.journey_id)  # cards' FCR KPIs (channel_cards)
    profile = engine.profile(data)
    if request.segment:
        data = engine.select(data, Selection(request.segment[0], (request.segment[1],)))
    segmented = data
    if request.period:
        data = engine.select(data, Selection(period=request.period))
    progress(0.35, keyed(N_("Measuring {n} events"), n=data.n_events))
    window = timedelta(days=request.funnel_window_days) if request.funnel_window_days else None
    options = engines.ReportOptions(
        request.funnel_steps,
        window,
        off_target,
        top_n_friction=10,
        value_model=value_model,  # the journey's stored assumptions price the money figures
        channels=True,
        fcr_targets=fcr_targets,
    )
    report = engine.report(data, spec, options)
    progress(0.75, keyed(N_("Weekly trend")))
    weekly = engine.weekly_trend(data, spec)
    comparison = None
    if request.compare_to:
        progress(0.85, keyed(N_("Comparing periods")))
        after = request.period or (None, None)
        comparison = engine.compare_periods(segmented, spec, request.compare_to, after)
    progress(1.0, keyed(N_("Finished")))
    return AnalysisResult(
        report,
        report.friction_table,
        weekly,
        comparison,
        profile.segment_values,
        profile.n_cases,
        profile.span,
    )


def propose_touchpoints(
    workspace: str, dataset_id: str, top_n: int = 12, n_stages: int = 5, progress: Progress = _quiet
) -> list[TouchpointProposal]:
    """Touchpoints suggested from the most common events, placed by first-seen order."""
    from cxmapper.analysis.bootstrap import bootstrap_touchpoints
    from cxmapper.model.workspace import Workspace

    progress(0.1, keyed(N_("Loading the dataset")))
    with Workspace.open(workspace) as ws:
        frame = load_frame(ws, dataset_id)
    progress(0.5, keyed(N_("Ranking events")))
    return bootstrap_touchpoints(frame, top_n=top_n, n_stages=n_stages)
