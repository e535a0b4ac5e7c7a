"""One feedback report per journey, recomputed only when what it reads has changed.

The report loads the event log and every survey, too slow to redo on each click; the inspector's
Voice tab and the canvas badges share this cache. The key is what the per-card figures and
topics depend on: the surveys, the event datasets, the topic list, the journey as the
metrics read it (cards' titles, stages and matching rules, connectors) and the done actions
with their dates (each has a before/after verdict). Editing what the figures do not read (a
description, an emotion, a card's place in its cell, an open action) keeps the report; a new
survey, a changed matching rule, an action marked done or another workspace recomputes it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the feedback package loads pandas: imported on first use, not at start
    from cxmapper.feedback.card_voice import CardVoice
    from cxmapper.feedback.report import FeedbackReport
    from cxmapper.feedback.topics import TopicSummary


@dataclass(frozen=True)
class JourneyVoice:
    """What the app shows of a journey's feedback: per card its figures, verbatims, topics."""

    report: FeedbackReport
    voices: dict[str, CardVoice]

    def topics(self, touchpoint_id: str) -> list[TopicSummary]:
        return self.report.topics.get(touchpoint_id, [])


_cache: dict[tuple[int, str], tuple[str, JourneyVoice]] = {}
computations = 0  # how many reports were computed (tests count them)


def feedback_report(ws: Any, journey_id: str) -> FeedbackReport:
    from cxmapper.feedback.report import feedback_report as compute

    return compute(ws, journey_id)


def _key(ws: Any, journey_id: str) -> str:
    from cxmapper.analysis.workspace_adapter import journey_spec
    from cxmapper.feedback.topics import META_KEY

    spec = journey_spec(ws, journey_id)
    from cxmapper.present.language import current_language

    # the language too: the examples shown are those in the app's language first; and the done
    # actions with their dates, which the verdicts read
    done = [(a.id, a.touchpoint_id, a.due_date) for a in ws.actions() if a.status == "done"]
    key = (
        ws.path,
        ws.surveys(),
        ws.datasets(),
        ws.get_meta(META_KEY),
        spec,
        done,
        current_language(),
    )
    return repr(key)


def journey_voice(ws: Any, journey_id: str) -> JourneyVoice | None:
    """The journey's feedback as the app shows it (None when no survey is stored)."""
    global computations
    if not ws.surveys():
        return None
    key = _key(ws, journey_id)
    hit = _cache.get((id(ws), journey_id))
    if hit is not None and hit[0] == key:
        return hit[1]
    from cxmapper.feedback.card_voice import card_voices

    report = feedback_report(ws, journey_id)
    computations += 1
    from cxmapper.present.language import current_language

    found = JourneyVoice(report, card_voices(report, prefer=current_language()))
    _cache.clear()  # keep one journey: the one on screen
    _cache[(id(ws), journey_id)] = (key, found)
    return found


def journey_voices(ws: Any, journey_id: str) -> dict[str, CardVoice]:
    """Per card of the journey its figures and verbatims ({} when no survey is stored)."""
    found = journey_voice(ws, journey_id)
    return {} if found is None else found.voices


def forget() -> None:
    """Drop the cached report (a workspace closed: its data must not outlive it in memory)."""
    _cache.clear()
