"""Emotion scores of cards and their words: one place for the labels the app and exports show.

A score is -2..+2, or None when nobody has scored the card yet. "Not scored" is not "neutral":
an unscored card has no face and no point on the emotion curve.
"""

from __future__ import annotations

SCORES: tuple[int, ...] = (-2, -1, 0, 1, 2)
NOT_SCORED = "not scored"
_WORDS = {-2: "very negative", -1: "negative", 0: "neutral", 1: "positive", 2: "very positive"}


def short(score: int | None) -> str:
    """ "+1", "−2", "0" (a typographic minus), or "not scored"."""
    if score is None:
        return NOT_SCORED
    return f"{score:+d}".replace("-", "−") if score else "0"


def label(score: int | None) -> str:
    """ "−2  very negative" ... "+2  very positive", or "Not scored" (the inspector's choices)."""
    if score is None:
        return NOT_SCORED.capitalize()
    return f"{short(score)}  {_WORDS[score]}"


def choices() -> list[tuple[str, int | None]]:
    """(label, score) pairs for a picker, "Not scored" first."""
    return [(label(None), None), *((label(s), s) for s in SCORES)]
