"""One call that computes every feedback figure of a journey from the workspace.

`feedback_report` is what the CLI prints and what the app views and Excel sheets will show:
per-card figures with topics, linking coverage, drivers and the verdict of each done action.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import numpy as np
import pandas as pd

from cxmapper.analysis.kernels import ts_ns
from cxmapper.analysis.matching import JourneySpec
from cxmapper.analysis.prepared import PreparedLog, prepare
from cxmapper.analysis.tasks import load_frame
from cxmapper.analysis.workspace_adapter import journey_spec
from cxmapper.feedback import linking
from cxmapper.feedback.behaviours import case_behaviour
from cxmapper.feedback.columns import ANSWERED_AT, LANG, TOUCHPOINT, VERBATIM
from cxmapper.feedback.drivers import Driver, drivers
from cxmapper.feedback.experiments import VariantComparison, compare_variants, variant_column
from cxmapper.feedback.measures import Figures, figures, figures_by, periods
from cxmapper.feedback.scales import first_scale, negative
from cxmapper.feedback.survey_import import load_responses
from cxmapper.feedback.topics import TopicSummary, card_topics, load_topics
from cxmapper.feedback.verdicts import DEFAULT_WINDOW, SurveySide, Verdict, compare_card
from cxmapper.present.labels import _
from cxmapper.present.language import current_language
from cxmapper.present.locale_format import format_number

ASSISTED_WORDS = ("call", "phone", "chat", "agent", "telefono", "negozio", "store")


@dataclass
class ActionVerdict:
    action_id: str
    title: str
    touchpoint_id: str
    done_on: str
    verdict: Verdict


@dataclass
class FeedbackReport:
    journey_id: str
    spec: JourneySpec
    scale: str | None  # the headline scale (drivers, bands)
    responses: pd.DataFrame  # all responses of the journey's surveys, with tp / case columns
    linked: linking.Linked
    journey: Figures
    per_touchpoint: dict[str, Figures]
    per_stage: dict[int, Figures]
    per_segment: dict[str, dict[object, Figures]]
    per_period: dict[object, Figures]
    topics: dict[str, list[TopicSummary]]
    drivers: list[Driver]
    verdicts: list[ActionVerdict]
    notes: list[str] = field(default_factory=list)
    experiments: list[VariantComparison] = field(default_factory=list)


def _dataset_for(ws: Any, journey_id: str) -> Any | None:
    """The newest event dataset imported for the journey, else the newest unassigned one."""
    found = [d for d in ws.datasets() if d.journey_id == journey_id]
    found = found or [d for d in ws.datasets() if d.journey_id is None]
    return found[-1] if found else None


def _done_on(due_date: str) -> datetime | None:
    """Actions are dated by their due date; a done action's due date is when it shipped."""
    try:
        return datetime.fromisoformat(due_date.strip()[:10]).replace(tzinfo=UTC)
    except ValueError:
        return None


def _assisted(ws: Any, journey_id: str, spec: JourneySpec) -> np.ndarray:
    lanes = {ln.id: ln.name.lower() for ln in ws.lanes(journey_id)}
    by_id = {t.id: t for t in ws.touchpoints(journey_id)}
    out = np.zeros(len(spec.touchpoints), dtype=bool)
    for i, tp in enumerate(spec.touchpoints):
        t = by_id[tp.id]
        text = f"{lanes.get(t.lane_id, '')} {t.channel}".lower()
        out[i] = any(w in text for w in ASSISTED_WORDS)
    return out


def feedback_report(
    ws: Any,
    journey_id: str,
    *,
    link_window: timedelta = linking.DEFAULT_WINDOW,
    verdict_window: timedelta = DEFAULT_WINDOW,
    settle: timedelta = timedelta(0),
) -> FeedbackReport:
    from cxmapper.model.surveys import pseudonym_key, surveys

    spec = journey_spec(ws, journey_id)
    notes: list[str] = []
    dataset = _dataset_for(ws, journey_id)
    frame = load_frame(ws, dataset.id) if dataset is not None else None
    if frame is None:
        notes.append(_("no event dataset for this journey: responses link by their column only"))
    p = prepare(frame, spec) if frame is not None else None
    key = pseudonym_key(ws)
    parts, links = [], []
    for sv in surveys(ws, journey_id):
        resp = load_responses(ws.payload("survey", sv.id))
        hashed = key if sv.options.get("pseudonymised") else ""
        parts.append(resp)
        links.append(_link(resp, p, spec, link_window, hashed))
    responses = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()
    linked = _concat(links)
    mine = linked.in_journey()
    if not mine.all():  # responses about the other journeys of a shared survey file
        notes.append(
            _("{n} responses are about cases of other journeys").format(
                n=format_number(int((~mine).sum()))
            )
        )
        responses = responses[mine].reset_index(drop=True)
        linked = linking.Linked(linked.case[mine], linked.tp[mine], linked.via[mine],
                                linked.reasons, linked.examples)  # fmt: skip
    if responses.empty:
        notes.append(_("no survey responses for this journey (cxmapper import-survey)"))
    scales = [k for k in ("nps", "csat", "ces") if k in responses.columns]
    scale = first_scale(scales)
    tp_ids = np.asarray([t.id for t in spec.touchpoints] + [""], dtype=object)
    tp_of = tp_ids[linked.tp]  # -1 reads the trailing ""
    on_card = linked.tp >= 0
    per_tp = figures_by(responses[on_card], tp_of[on_card]) if len(responses) else {}
    stages = np.asarray([t.stage_index for t in spec.touchpoints] + [-1])[linked.tp]
    per_stage = figures_by(responses[on_card], stages[on_card]) if len(responses) else {}
    attrs = sorted({a for sv in surveys(ws, journey_id) for a in sv.options.get("attributes", [])})
    per_segment = {
        a: figures_by(responses, responses[a].astype(str)) for a in attrs if a in responses
    }
    per_period = figures_by(responses, periods(responses[ANSWERED_AT])) if len(responses) else {}
    topics: dict[str, list[TopicSummary]] = {}
    drv: list[Driver] = []
    verdicts: list[ActionVerdict] = []
    if scale is not None:
        scores = responses[scale].to_numpy(dtype=float)
        neg = negative(np.nan_to_num(scores, nan=99), scale)
        langs = responses[LANG].to_numpy(dtype=object) if LANG in responses else None
        summaries = card_topics(responses[VERBATIM], linked.tp, neg, len(spec.touchpoints),
                                load_topics(ws), langs=langs, prefer=current_language())  # fmt: skip
        topics = {spec.touchpoints[i].id: s for i, s in enumerate(summaries) if s}
        if p is not None:
            drv = drivers(p, case_behaviour(p), linked.case, scores, scale)
            when = ts_ns(responses[ANSWERED_AT])
            side = SurveySide(linked.tp, when, scores, scale)
            verdicts = _verdicts(ws, journey_id, spec, p, side, verdict_window, settle)
    experiments: list[VariantComparison] = []
    column = variant_column(list(frame.columns)) if frame is not None else None
    if column is not None and p is not None:
        experiments = compare_variants(frame, p, column)
    return FeedbackReport(
        journey_id=journey_id,
        spec=spec,
        scale=scale,
        responses=responses,
        linked=linked,
        journey=figures(responses),
        per_touchpoint=per_tp,  # type: ignore[arg-type]
        per_stage=per_stage,  # type: ignore[arg-type]
        per_segment=per_segment,
        per_period=per_period,
        topics=topics,
        drivers=drv,
        verdicts=verdicts,
        notes=notes,
        experiments=experiments,
    )


def _link(
    resp: pd.DataFrame, p: PreparedLog | None, spec: JourneySpec, window: timedelta, key: str
) -> linking.Linked:
    if p is not None:
        return linking.link_responses(resp, p, window=window, pseudonym_key=key)
    tp, _ = linking.explicit_touchpoints(resp[TOUCHPOINT], spec)
    via = np.where(tp >= 0, linking.VIA_COLUMN, linking.VIA_NONE).astype(object)
    missing = int(np.count_nonzero(tp < 0))
    reasons = {linking.NO_DATASET: missing} if missing else {}
    return linking.Linked(np.full(tp.size, -1, dtype=np.int64), tp, via, reasons)


def _concat(links: list[linking.Linked]) -> linking.Linked:
    if not links:
        return linking.Linked(np.empty(0, np.int64), np.empty(0, np.int32), np.empty(0, object))
    reasons: dict[str, int] = {}
    examples: dict[str, list[str]] = {}
    for lk in links:
        for k, v in lk.reasons.items():
            reasons[k] = reasons.get(k, 0) + v
            examples[k] = (examples.get(k, []) + lk.examples.get(k, []))[:5]
    return linking.Linked(
        np.concatenate([lk.case for lk in links]),
        np.concatenate([lk.tp for lk in links]),
        np.concatenate([lk.via for lk in links]),
        reasons,
        examples,
    )


def _verdicts(
    ws: Any,
    journey_id: str,
    spec: JourneySpec,
    p: PreparedLog,
    side: SurveySide,
    window: timedelta,
    settle: timedelta,
) -> list[ActionVerdict]:
    index = spec.index_of()
    assisted = _assisted(ws, journey_id, spec)
    out = []
    for a in ws.actions():
        done = _done_on(a.due_date)
        if a.status != "done" or done is None or a.touchpoint_id not in index:
            continue
        t = index[a.touchpoint_id]
        v = compare_card(p, t, done, window=window, settle=settle, survey=side, assisted=assisted)
        out.append(ActionVerdict(a.id, a.title, a.touchpoint_id, done.date().isoformat(), v))
    return out
