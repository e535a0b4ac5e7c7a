"""One feedback report per journey, recomputed only when what it reads has changed.

The report loads the event log and every survey, too slow to redo on each click; the inspector's
Voice tab and the canvas badges share this cache. The key is everything the per-card figures
depend on: the surveys, the event datasets and the journey's cards (their matching rules).
"""

from __future__ import annotations

from typing import Any

from cxmapper.feedback.card_voice import CardVoice, card_voices
from cxmapper.feedback.report import feedback_report

_cache: dict[tuple[int, str], tuple[str, dict[str, CardVoice]]] = {}


def _key(ws: Any, journey_id: str) -> str:
    return repr((ws.surveys(), ws.datasets(), ws.touchpoints(journey_id)))


def journey_voices(ws: Any, journey_id: str) -> dict[str, CardVoice]:
    """Per card of the journey its figures and verbatims ({} when no survey is stored)."""
    if not ws.surveys():
        return {}
    key = _key(ws, journey_id)
    hit = _cache.get((id(ws), journey_id))
    if hit is not None and hit[0] == key:
        return hit[1]
    voices = card_voices(feedback_report(ws, journey_id))
    _cache.clear()  # keep one journey: the one on screen
    _cache[(id(ws), journey_id)] = (key, voices)
    return voices
