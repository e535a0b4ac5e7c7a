"""How conformance tests talk to an engine: only through the `AnalysisEngine` protocol."""

from __future__ import annotations

import copy
import hashlib
import pickle
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pandas as pd

from cxmapper.analysis.dataset_ref import DatasetRef, FileRef, FrameRef
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


_SHARED: dict[tuple[str, str, str, str], JourneyReport] = {}


def _ref_key(ref: DatasetRef) -> str:
    """What a report depends on in `ref`: a frame's or a file's contents, not its identity or
    path (each test writes its own copy of the same log under its own tmp_path)."""
    if isinstance(ref, FrameRef):
        return "frame:" + hashlib.sha256(pickle.dumps((ref.frame, ref.warnings))).hexdigest()
    if isinstance(ref, FileRef):
        digest = hashlib.sha256(Path(ref.path).read_bytes()).hexdigest()
        return f"file:{digest}:{replace(ref, path=Path(Path(ref.path).name))!r}"
    return repr(ref)


def shared_run(
    engine: AnalysisEngine,
    ref: DatasetRef,
    spec: JourneySpec | None = None,
    *,
    funnel_steps: Sequence[str | Sequence[str]] | None = None,
    funnel_window: timedelta | None = None,
    kpis_off_target: Mapping[str, int] | None = None,
    top_n_friction: int = 5,
) -> JourneyReport:
    """`run`, computed once per process for the same engine, log contents, journey and options,
    and handed to each test as its own deep copy (no test sees another's changes).

    Why: a Spark report is dozens of Spark jobs (seconds of JVM time even on 12 events), and
    many tests assert different figures of the very same report. Tests that check that two
    runs agree (`test_conformance_tie_files`) call `run`, never this."""
    options = (funnel_steps, funnel_window, kpis_off_target, top_n_friction)
    key = (engine.name, _ref_key(ref), repr(spec), repr(options))
    if key not in _SHARED:
        _SHARED[key] = run(
            engine,
            ref,
            spec,
            funnel_steps=funnel_steps,
            funnel_window=funnel_window,
            kpis_off_target=kpis_off_target,
            top_n_friction=top_n_friction,
        )
    return copy.deepcopy(_SHARED[key])
