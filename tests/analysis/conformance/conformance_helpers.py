"""How conformance tests talk to an engine: only through the `AnalysisEngine` protocol."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import timedelta

import pandas as pd

from cxmapper.analysis.dataset_ref import DatasetRef, FrameRef
from cxmapper.analysis.engines import AnalysisEngine, ReportOptions
from cxmapper.analysis.matching import JourneySpec
from cxmapper.analysis.readers import from_frame
from cxmapper.analysis.report import JourneyReport

T0 = pd.Timestamp("2026-03-02T09:00:00Z")


def run(
    engine: AnalysisEngine,
    ref: DatasetRef,
    spec: JourneySpec | None = None,
    *,
    funnel_steps: Sequence[str | Sequence[str]] | None = None,
    funnel_window: timedelta | None = None,
    kpis_off_target: Mapping[str, int] | None = None,
    top_n_friction: int = 5,
) -> JourneyReport:
    options = ReportOptions(funnel_steps, funnel_window, kpis_off_target, top_n_friction)
    report = engine.report(engine.load(ref), spec, options)
    assert report.engine == engine.name
    return report


def frame_ref(rows: list[tuple[str, str, float]]) -> FrameRef:
    """(case, event, seconds after T0) rows, in this file order, as a normalised frame."""
    frame = from_frame(
        pd.DataFrame(
            {
                "case_id": [r[0] for r in rows],
                "activity": [r[1] for r in rows],
                "timestamp": [T0 + pd.Timedelta(seconds=r[2]) for r in rows],
            }
        )
    ).frame
    return FrameRef(frame)


def dated_ref(rows: list[tuple[str, str, str]]) -> FrameRef:
    """(case, event, ISO timestamp) rows as a normalised frame."""
    raw = pd.DataFrame(rows, columns=["case_id", "event", "timestamp"])
    return FrameRef(from_frame(raw).frame)
