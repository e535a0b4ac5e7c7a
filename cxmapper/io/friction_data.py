"""Behavioural metrics as the exporters need them: plain rows, no pandas.

The analysis package computes metrics from an event dataset; this module is the seam between
the two. `coerce_friction()` accepts a `FrictionData`, a plain dict of the same shape (see
`from_dict`; pandas DataFrames are turned into records), or one of the analysis's two result
types, `JourneyReport` and `AnalysisResult`, so the exporters read only their public tables.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields, is_dataclass
from typing import TYPE_CHECKING, SupportsFloat, SupportsInt, TypeVar, Union, cast

from cxmapper.errors import CxError
from cxmapper.io.impact_data import ImpactData

if TYPE_CHECKING:  # imported when used: exporting without an analysis never loads pandas
    import pandas as pd

    from cxmapper.analysis.report import JourneyReport
    from cxmapper.analysis.tasks import AnalysisResult

T = TypeVar("T")


@dataclass
class TouchpointMetrics:
    touchpoint_id: str
    reach: int = 0  # cases that visited the touchpoint
    events: int = 0
    repeat_cases: int = 0  # cases that visited it more than once
    starts: int = 0  # cases that started here
    exits: int = 0  # cases that ended here
    dropoff_rate: float | None = None  # exits that are not at a goal / reach, 0..1
    median_time_to_next: float | None = None  # seconds
    p90_time_to_next: float | None = None  # seconds
    back_steps: int = 0  # moves from here to an earlier stage
    friction: float | None = None  # 0 (smooth) .. 1 (worst)
    reasons: list[str] = field(default_factory=list)

    @property
    def score(self) -> float | None:
        """The friction score 0..100 exactly as the analysis computed it (one decimal)."""
        return None if self.friction is None else round(self.friction * 100.0, 1)


@dataclass
class Transition:
    source_id: str
    target_id: str
    cases: int
    median_seconds: float | None = None


@dataclass
class FunnelStep:
    label: str  # usually a stage or touchpoint name
    cases: int
    share: float | None = None  # of the cases entering the funnel, 0..1


@dataclass
class FrictionData:
    dataset_name: str = ""
    n_cases: int = 0
    n_events: int = 0
    metrics: list[TouchpointMetrics] = field(default_factory=list)
    transitions: list[Transition] = field(default_factory=list)
    funnel: list[FunnelStep] = field(default_factory=list)
    impact: ImpactData | None = None  # money and channel figures, when the analysis has them

    def by_touchpoint(self) -> dict[str, TouchpointMetrics]:
        return {m.touchpoint_id: m for m in self.metrics}

    def top(self, n: int = 10) -> list[TouchpointMetrics]:
        scored = [m for m in self.metrics if m.friction is not None]
        return sorted(scored, key=lambda m: -(m.friction or 0.0))[:n]


_SCORES_0_100 = {"friction_score", "score"}  # the analysis's names are for its 0..100 score
_ALIASES = {  # names the analysis module may use for the same thing
    "touchpoint": "touchpoint_id", "cases": "reach", "dropoff": "dropoff_rate",
    "median_time_to_next_s": "median_time_to_next", "p90_time_to_next_s": "p90_time_to_next",
    "median_to_next": "median_time_to_next", "p90_to_next": "p90_time_to_next",
    "backsteps": "back_steps", "friction_score": "friction", "score": "friction",  # 0..100: /100
    "source": "source_id", "target": "target_id", "count": "cases", "median": "median_seconds",
    "median_s": "median_seconds", "stage": "label", "name": "label", "step": "label",
}  # fmt: skip


#: What `coerce_friction` accepts (a dict is `from_dict`'s shape).
FrictionSource = Union[
    "FrictionData", "JourneyReport", "AnalysisResult", Mapping[str, object], None
]


def _is_frame(value: object) -> bool:
    pandas = sys.modules.get("pandas")  # no DataFrame can exist before pandas is imported
    return pandas is not None and isinstance(value, pandas.DataFrame)


def _record(item: object) -> dict[str, object]:
    if isinstance(item, Mapping):
        return dict(item)
    if is_dataclass(item) and not isinstance(item, type):
        return {f.name: getattr(item, f.name) for f in fields(item)}
    return dict(vars(item))


def _records(value: object) -> list[dict[str, object]]:
    if value is None:
        return []
    if _is_frame(value):
        frame: pd.DataFrame = value
        frame = frame.reset_index() if frame.index.name else frame
        return list(frame.to_dict("records"))
    if isinstance(value, Mapping):
        return [{"touchpoint_id": k, **_record(v)} for k, v in value.items()]
    if not isinstance(value, Iterable):
        raise CxError(f"analysis results: expected rows, got {type(value).__name__}")
    return [_record(item) for item in value]


def _build(cls: type[T], record: Mapping[str, object]) -> T:
    names = {f.name for f in fields(cls)}  # type: ignore[arg-type]  # a dataclass
    values: dict[str, object] = {}
    for name, value in record.items():
        key = name if name in names else _ALIASES.get(name, name)
        if key in names and key not in values:
            if isinstance(value, float) and math.isnan(value):
                value = None
            if hasattr(value, "item"):  # numpy scalars
                value = value.item()
            if name in _SCORES_0_100 and key == "friction" and value is not None:
                value = float(value) / 100.0  # type: ignore[arg-type]
            values[key] = value
    if "reasons" in values and isinstance(values["reasons"], str):
        values["reasons"] = [r.strip() for r in values["reasons"].split(";") if r.strip()]
    try:
        return cls(**values)
    except TypeError as exc:
        raise CxError(f"analysis results are missing a field for {cls.__name__}: {exc}") from exc


def _int(value: object) -> int:
    return int(cast(SupportsInt, value or 0))


def from_dict(data: Mapping[str, object]) -> FrictionData:
    return FrictionData(
        dataset_name=str(data.get("dataset_name", "")),
        n_cases=_int(data.get("n_cases", 0)),
        n_events=_int(data.get("n_events", 0)),
        metrics=[_build(TouchpointMetrics, r) for r in _records(data.get("metrics"))],
        transitions=[_build(Transition, r) for r in _records(data.get("transitions"))],
        funnel=[_build(FunnelStep, r) for r in _records(data.get("funnel"))],
    )


def coerce_friction(analysis: FrictionSource) -> FrictionData | None:
    """Whatever the analysis produced, as FrictionData (None stays None)."""
    if analysis is None or isinstance(analysis, FrictionData):
        return analysis
    if isinstance(analysis, Mapping):
        return from_dict(analysis)
    # Only analysis results are left; their modules are loaded since one of them exists.
    from cxmapper.analysis.report import JourneyReport
    from cxmapper.analysis.tasks import AnalysisResult

    if isinstance(analysis, AnalysisResult):
        data = from_report(analysis.report, analysis.friction)
        data.impact = ImpactData.of(analysis.report, analysis.span)
        return data
    if isinstance(analysis, JourneyReport):
        data = from_report(analysis)
        data.impact = ImpactData.of(analysis)
        return data
    raise CxError(f"cannot export analysis results of type {type(analysis).__name__}")


# -- cxmapper.analysis results --------------------------------------------------------------


def _num(value: SupportsFloat | None) -> float | None:
    if value is None:
        return None
    f = float(value)
    return None if math.isnan(f) else f


def from_report(
    report: JourneyReport, scores: pd.DataFrame | None = None, dataset_name: str = ""
) -> FrictionData:
    """From `cxmapper.analysis.report.JourneyReport`: its friction table, not a new computation
    (the report's table already has the KPI term); friction 0..100 becomes 0..1.

    Metrics come in the analysis's rank order (worst first, ties by title then id), unreached
    touchpoints last, so a stable sort by friction keeps the app's order of ties."""
    from cxmapper.analysis.friction import friction_items

    tps = report.touchpoints
    table = report.friction_table if scores is None else scores
    items = {f.touchpoint_id: f for f in friction_items(table)}
    order = list(dict.fromkeys([*table.index, *tps.index]))
    metrics = []
    for tp_id in order:
        row = tps.loc[tp_id]
        item = items.get(str(tp_id))
        metrics.append(TouchpointMetrics(
            touchpoint_id=str(tp_id), reach=int(row["reach"]), events=int(row["events"]),
            repeat_cases=int(row["repeat_cases"]), starts=int(row["starts"]), exits=int(row["ends"]),
            dropoff_rate=_num(row["dropoff_rate"]), median_time_to_next=_num(row["median_seconds_to_next"]),
            p90_time_to_next=_num(row["p90_seconds_to_next"]), back_steps=int(row["back_steps"]),
            friction=None if item is None else item.score / 100.0,
            reasons=[] if item is None else list(item.reasons),
        ))  # fmt: skip
    titles = {str(k): str(t) for k, t in tps["title"].items()}
    transitions = [
        Transition(str(r["from"]), str(r["to"]), int(r["cases"]), _num(r["median_seconds"]))
        for r in report.transitions.to_dict("records")
    ]
    funnel = []
    for r in report.funnel.to_dict("records"):
        names = [titles.get(str(t), str(t)) for t in r["touchpoints"]]
        label = ", ".join(names[:3]) + (f" +{len(names) - 3}" if len(names) > 3 else "")
        funnel.append(
            FunnelStep(
                f"{int(r['step'])}. {label}", int(r["cases"]), _num(r["conversion_from_first"])
            )
        )
    return FrictionData(
        dataset_name, int(report.n_cases), int(report.n_events), metrics, transitions, funnel
    )
