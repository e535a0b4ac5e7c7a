"""A Spark summary (`engines/spark_summary.py`) kept in a workspace like any dataset, and the
overlay figures it can honestly give.

Why: the warehouse's events never reach the laptop; only the summary does. It is stored as a
dataset whose payload is the summary's JSON (options `kind: "summary"`), so the workspace
schema is unchanged, and `tasks.run_analysis` builds the overlay's `AnalysisResult` from it
instead of from events. Counts come straight from the summary and are exact where the
journey's mapping allows (see `summary_result`); medians / p90 are the summary's approximate
percentiles and carry its `error_bound`. Figures a summary cannot give are not invented: they
are zero / empty and named in one line (`UNAVAILABLE`) in the report's warnings.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from cxmapper.analysis.engines.spark_summary import FORMAT, read_summary
from cxmapper.analysis.matching import JourneySpec, match_name
from cxmapper.analysis.metrics import PathCheck, touchpoint_frame
from cxmapper.errors import CxError
from cxmapper.present.labels import N_, _

if TYPE_CHECKING:
    from cxmapper.analysis.report import JourneyReport
    from cxmapper.analysis.tasks import AnalysisRequest, AnalysisResult, ImportedDataset

KIND = "summary"
UNAVAILABLE = N_(
    "not in a summary (no events): funnel and its window, paths nobody drew, repeats, "
    "back-steps, drop-off before a goal, time to next per touchpoint, per-case friction, "
    "period comparison"
)
_TP_KEYS = ("activity", "events", "cases", "starts", "ends")
_TR_KEYS = ("source", "target", "count", "cases", "sum_seconds")
_HEAD_BYTES = 65_536


def looks_like_summary(path: str | Path) -> bool:
    """A `.json` file that names the summary format near its start (keys are written sorted,
    so `format` comes early): routed to `import_summary`, which then checks it fully."""
    path = Path(path)
    if path.suffix.lower() != ".json" or not path.is_file():
        return False
    with path.open("rb") as fh:
        return FORMAT.encode() in fh.read(_HEAD_BYTES)


def _check_rows(path: Path, data: dict[str, Any]) -> None:
    """CxError naming the file, key and row when a row lacks a field or holds a non-count."""
    for key, fields in (("touchpoints", _TP_KEYS), ("transitions", _TR_KEYS), ("totals", ())):
        rows = data.get(key)
        if not isinstance(rows, list):
            raise CxError(f"{path}: summary has no {key!r} list")
        for i, row in enumerate(rows):
            if not isinstance(row, dict):
                raise CxError(f"{path}: {key} row {i + 1} is not an object")
            for name in fields:
                value = row.get(name)
                if name in ("activity", "source", "target"):
                    ok = isinstance(value, str)
                else:
                    ok = (
                        isinstance(value, (int, float))
                        and not isinstance(value, bool)
                        and value >= 0
                    )
                if not ok:
                    raise CxError(f"{path}: {key} row {i + 1}: bad or missing {name!r}")
    for i, row in enumerate(data["totals"]):
        for name in ("events", "cases"):
            if not isinstance(row.get(name), int) or row[name] < 0:
                raise CxError(f"{path}: totals row {i + 1}: bad or missing {name!r}")


def import_summary(path: str | Path, name: str | None = None) -> ImportedDataset:
    """The summary file checked whole (format, version, every row) and ready to store; nothing
    is stored when it is not a valid summary."""
    from cxmapper.analysis.tasks import ImportedDataset

    path = Path(path)
    data = read_summary(path)
    _check_rows(path, data)
    return ImportedDataset(
        name=name or path.stem,
        source=str(path),
        payload=json.dumps(data, sort_keys=True).encode("utf-8"),
        n_events=sum(int(r["events"]) for r in data["totals"]),
        n_cases=sum(int(r["cases"]) for r in data["totals"]),
        columns=[],
        options={
            "kind": KIND,
            "format": FORMAT,
            "version": data["version"],
            "engine": data.get("engine", ""),
            "segment": data.get("segment"),
            "error_bound": data.get("error_bound", {}),
            "warnings": [_(UNAVAILABLE)],
        },
    )


def _group(spec: JourneySpec, acts: set[str]) -> tuple[dict[str, int], list[str]]:
    """Each summary activity's touchpoint index, and the activities no touchpoint matches."""
    index = {a: match_name(a, spec) for a in sorted(acts)}
    return {a: i for a, i in index.items() if i >= 0}, [a for a, i in index.items() if i < 0]


def summary_report(data: dict[str, Any], spec: JourneySpec) -> JourneyReport:
    """The report the overlay reads, from a summary (rows of every segment label added up).

    Exact: events per touchpoint always; reach (distinct cases) where a touchpoint matches one
    activity of the summary; starts / ends when every activity matches a touchpoint (else a
    case's first matched event may not be its first event); transitions when both hold. Where
    it is not exact the figure is left out (0 / no row) and a warning says so.
    """
    from cxmapper.analysis.report import JourneyReport

    acts: dict[str, np.ndarray] = defaultdict(lambda: np.zeros(4, dtype=np.int64))
    for r in data["touchpoints"]:
        acts[r["activity"]] += [int(r[k]) for k in ("events", "cases", "starts", "ends")]
    mapped, unmatched = _group(spec, set(acts))
    n = len(spec.touchpoints)
    by_tp: dict[int, list[str]] = defaultdict(list)
    for a, i in mapped.items():
        by_tp[i].append(a)
    sums = np.zeros((n, 4), dtype=np.int64)
    for a, i in mapped.items():
        sums[i] += acts[a]
    notes = [_(UNAVAILABLE)]
    many = [spec.touchpoints[i].title for i, names in sorted(by_tp.items()) if len(names) > 1]
    reach = sums[:, 1].copy()
    if many:
        for i, names in by_tp.items():
            if len(names) > 1:
                reach[i] = 0
        notes.append(
            _("reach left out for {names}: matches several activities").format(
                names=", ".join(many)
            )
        )
    starts, ends = sums[:, 2], sums[:, 3]
    if unmatched:
        starts, ends = np.zeros(n, np.int64), np.zeros(n, np.int64)
        notes.append(_("starts/ends left out: some summary activities match no touchpoint"))
    stage = np.array([tp.stage_index for tp in spec.touchpoints], dtype=np.int64)
    goal = np.array([tp.is_goal for tp in spec.touchpoints], dtype=bool)
    zeros = np.zeros(n, dtype=np.int64)
    q = np.full((n, 2), np.nan)
    tps = touchpoint_frame(
        spec.touchpoints, stage, goal, reach, sums[:, 0], zeros, starts, ends,
        zeros if goal.any() else ends, q, zeros, zeros,
    )  # fmt: skip
    trans = _transitions(data, spec, mapped) if not (many or unmatched) else _no_transitions()
    bound = data.get("error_bound", {}).get("relative_rank_error")
    notes.append(
        _("transition medians are approximate: rank error {bound} (Spark summary)").format(
            bound=bound
        )
    )
    return JourneyReport(
        n_cases=sum(int(r["cases"]) for r in data["totals"]),
        n_events=sum(int(r["events"]) for r in data["totals"]),
        touchpoints=tps,
        transitions=trans,
        paths=PathCheck(_no_transitions()[["from", "to", "count", "cases"]], []),
        funnel=_no_funnel(),
        friction=[],
        journey_median_seconds=float("nan"),
        friction_table=pd.DataFrame({"score": pd.Series(dtype=float)}),
        slowness_reference_seconds=float("nan"),
        unmatched={a: int(acts[a][0]) for a in unmatched},
        suggestions={},
        engine=f"summary ({data.get('engine', '')})",
        warnings=tuple(notes),
    )


def _no_funnel() -> pd.DataFrame:
    """`funnel.funnel_table`'s columns with no step: a funnel needs each case's order."""
    cols = ("step", "touchpoints", "cases", "median_seconds_from_first",
            "conversion_from_previous", "conversion_from_first")  # fmt: skip
    return pd.DataFrame({c: pd.Series(dtype=object) for c in cols})


def _no_transitions() -> pd.DataFrame:
    cols = ("from", "to", "count", "cases", "mean_seconds", "median_seconds")
    return pd.DataFrame(
        {c: pd.Series(dtype=object if c in ("from", "to") else float) for c in cols}
    )


def _transitions(data: dict[str, Any], spec: JourneySpec, mapped: dict[str, int]) -> pd.DataFrame:
    """Touchpoint pairs from activity pairs (one activity per touchpoint, so one to one); a
    pair split by segment labels keeps its counts and sums, its median only if unsplit."""
    rows: dict[tuple[str, str], list[Any]] = {}
    ids = [tp.id for tp in spec.touchpoints]
    for r in data["transitions"]:
        key = (ids[mapped[r["source"]]], ids[mapped[r["target"]]])
        if key in rows:
            row = rows[key]
            row[0], row[1], row[2], row[3] = (
                row[0] + r["count"],
                row[1] + r["cases"],
                row[2] + r["sum_seconds"],
                None,
            )
        else:
            rows[key] = [
                int(r["count"]),
                int(r["cases"]),
                float(r["sum_seconds"]),
                r.get("median_seconds"),
            ]
    if not rows:
        return _no_transitions()
    frame = pd.DataFrame(
        {
            "from": [k[0] for k in rows],
            "to": [k[1] for k in rows],
            "count": [v[0] for v in rows.values()],
            "cases": [v[1] for v in rows.values()],
            "mean_seconds": [v[2] / v[0] if v[0] else np.nan for v in rows.values()],
            "median_seconds": [np.nan if v[3] is None else float(v[3]) for v in rows.values()],
        }
    )
    return frame.sort_values(
        ["count", "from", "to"], ascending=[False, True, True], ignore_index=True
    )


def summary_weekly(data: dict[str, Any], spec: JourneySpec) -> pd.DataFrame:
    """The weekly trend table (`segments.weekly_trend`'s columns): reach per week for each
    touchpoint that matches one activity (exact); drop-off per week is not in a summary (NaN)."""
    mapped, _ = _group(spec, {str(r["activity"]) for r in data.get("weeks", [])})
    counts: dict[int, list[str]] = defaultdict(list)
    for a, i in mapped.items():
        counts[i].append(a)
    ids = [tp.id for tp in spec.touchpoints]
    reach: dict[tuple[str, str], int] = defaultdict(int)
    for r in data.get("weeks", []):
        i = mapped.get(str(r["activity"]), -1)
        if i >= 0 and len(counts[i]) == 1:
            reach[(str(r["week"]), ids[i])] += int(r["cases"])
    keys = sorted(reach)
    return pd.DataFrame(
        {
            "week": pd.to_datetime([k[0] for k in keys], utc=True),
            "touchpoint_id": pd.Series([k[1] for k in keys], dtype=object),
            "reach": pd.Series([reach[k] for k in keys], dtype=np.int64),
            "dropoff_cases": np.full(len(keys), np.nan),
            "dropoff_rate": np.full(len(keys), np.nan),
        }
    )


def stored_summary_result(request: AnalysisRequest) -> AnalysisResult | None:
    """The overlay's result when the requested dataset is a stored summary; None for events.

    A segment or period cannot be cut from a summary after the fact: CxError says so."""
    from cxmapper.analysis.tasks import AnalysisResult
    from cxmapper.analysis.workspace_adapter import journey_spec
    from cxmapper.model.workspace import Workspace

    with Workspace.open(request.workspace) as ws:
        ds = next((d for d in ws.datasets() if d.id == request.dataset_id), None)
        if ds is None or ds.options.get("kind") != KIND:
            return None
        payload = ws.dataset_payload(ds.id)
        spec = journey_spec(ws, request.journey_id)
    if request.segment or request.period or request.compare_to:
        raise CxError(f"dataset {ds.name!r} is a summary: segments and periods are not in it")
    try:
        data = json.loads(payload.decode("utf-8"))
    except ValueError as exc:
        raise CxError(f"dataset {ds.name!r}: stored summary cannot be read ({exc})") from exc
    report = summary_report(data, spec)
    return AnalysisResult(
        report,
        report.friction_table,
        summary_weekly(data, spec),
        None,
        {},
        report.n_cases,
        None,
    )
