"""One call that computes every journey metric, and its JSON form for the CLI and exports."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from cxmapper.analysis import engines
from cxmapper.analysis.channels import ChannelFigures
from cxmapper.analysis.dataset_ref import DatasetRef, FileRef, FrameRef, StoredRef
from cxmapper.analysis.friction import FrictionItem
from cxmapper.analysis.impact_json import activity_fields, channels_json, money_json
from cxmapper.analysis.matching import JourneySpec
from cxmapper.analysis.metrics import PathCheck, journey_median_seconds, start_end_counts
from cxmapper.analysis.money import MoneyFigures
from cxmapper.analysis.readers import EventLog
from cxmapper.analysis.value_model import ValueModel

if TYPE_CHECKING:  # annotations only: the model's entities take ~20 ms to import
    from cxmapper.model.entities import Kpi

__all__ = ["JourneyReport", "analyze", "as_ref", "journey_median_seconds", "to_json_dict"]


@dataclass
class JourneyReport:
    """Everything the overlay, CLI and exports show for one log (or one filtered slice)."""

    n_cases: int
    n_events: int
    touchpoints: pd.DataFrame
    transitions: pd.DataFrame
    paths: PathCheck
    funnel: pd.DataFrame
    friction: list[FrictionItem]  # the top of `friction_table`
    journey_median_seconds: float
    friction_table: pd.DataFrame  # every reached touchpoint's score and components, ranked
    slowness_reference_seconds: float  # the journey median, or the positive median if it is 0
    unmatched: dict[str, int]
    suggestions: dict[str, list[str]]
    engine: str  # the name of the engine that computed it (`engines.get`)
    warnings: tuple[str, ...] = ()  # the reader's notes about the dataset
    money: MoneyFigures | None = None  # with a value model (`ReportOptions.value_model`)
    channels: ChannelFigures | None = None  # when asked for, or with a value model


def as_ref(dataset: DatasetRef | EventLog | pd.DataFrame) -> DatasetRef:
    """A frame or an already read log in memory, as a reference like any other dataset."""
    if isinstance(dataset, (FileRef, StoredRef, FrameRef)):
        return dataset
    if isinstance(dataset, EventLog):
        return FrameRef(dataset.frame, tuple(dataset.warnings))
    return FrameRef(dataset)


def analyze(
    dataset: DatasetRef | EventLog | pd.DataFrame,
    spec: JourneySpec | None = None,
    *,
    engine: str = engines.DEFAULT,
    funnel_steps: Sequence[str | Sequence[str]] | None = None,
    funnel_window: timedelta | None = None,
    kpis_off_target: Mapping[str, int] | None = None,
    top_n_friction: int = 5,
    value_model: ValueModel | None = None,
    channels: bool = False,
    fcr_targets: Mapping[str, Kpi] | None = None,
) -> JourneyReport:
    """Every metric of `spec`'s journey (each event name a touchpoint without one), computed by
    the named engine; CxError for an unknown engine, before anything is read."""
    runner = engines.get(engine)
    options = engines.ReportOptions(
        funnel_steps,
        funnel_window,
        kpis_off_target,
        top_n_friction,
        value_model=value_model,
        channels=channels,
        fcr_targets=fcr_targets,
    )
    return runner.report(runner.load(as_ref(dataset)), spec, options)


def _num(value: object) -> float | int | None:
    if value is None:
        return None
    if isinstance(value, (int, np.integer)):
        return int(value)
    f = float(value)  # type: ignore[arg-type]
    return None if np.isnan(f) else f


def to_json_dict(report: JourneyReport) -> dict[str, object]:
    """Plain JSON-able dict; NaN (no data) becomes null."""
    tps = report.touchpoints
    starts, ends = start_end_counts(tps)
    scores = report.friction_table["score"]
    activities = [
        {
            "id": str(tp_id),
            "name": str(row["title"]),
            "stage_index": int(row["stage_index"]),
            "reach": int(row["reach"]),
            "events": int(row["events"]),
            "repeat_cases": int(row["repeat_cases"]),
            "repeat_rate": _num(row["repeat_rate"]),
            "starts": int(row["starts"]),
            "ends": int(row["ends"]),
            "dropoff_rate": _num(row["dropoff_rate"]),
            "median_seconds_to_next": _num(row["median_seconds_to_next"]),
            "p90_seconds_to_next": _num(row["p90_seconds_to_next"]),
            "back_steps": int(row["back_steps"]),
            "friction_score": _num(scores.get(tp_id)),
            **activity_fields(report.money, report.channels, tp_id),
        }
        for tp_id, row in tps.iterrows()
    ]
    transitions = [
        {
            "from": r["from"],
            "to": r["to"],
            "count": int(r["count"]),
            "cases": int(r["cases"]),
            "mean_seconds": _num(r["mean_seconds"]),
            "median_seconds": _num(r["median_seconds"]),
        }
        for r in report.transitions.to_dict("records")
    ]
    funnel_rows = [
        {
            "step": int(r["step"]),
            "touchpoints": list(r["touchpoints"]),
            "cases": int(r["cases"]),
            "conversion_from_previous": _num(r["conversion_from_previous"]),
            "conversion_from_first": _num(r["conversion_from_first"]),
            "median_seconds_from_first": _num(r["median_seconds_from_first"]),
        }
        for r in report.funnel.to_dict("records")
    ]
    data: dict[str, object] = {
        "engine": report.engine,
        "n_cases": report.n_cases,
        "n_events": report.n_events,
        "activities": activities,
        "transitions": transitions,
        "start_activities": starts,
        "end_activities": ends,
        "unexpected_paths": report.paths.unexpected.to_dict("records"),
        "unwalked_connectors": [list(c) for c in report.paths.unwalked],
        "funnel": funnel_rows,
        "friction": [
            {
                "touchpoint_id": f.touchpoint_id,
                "title": f.title,
                "score": f.score,
                "components": f.components,
                "reasons": f.reasons,
            }
            for f in report.friction
        ],
        "unmatched_events": report.unmatched,
        "journey_median_seconds": _num(report.journey_median_seconds),
        "slowness_reference_seconds": _num(report.slowness_reference_seconds),
    }
    if report.money is not None:
        data["money"] = money_json(report.money)
    if report.channels is not None:
        data["channels"] = channels_json(report.channels)
    return data
