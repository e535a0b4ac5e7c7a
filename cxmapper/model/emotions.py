"""Emotion scores of cards: the keys. Their words are made in present/labels.py.

A score is -2..+2, or None when nobody has scored the card yet. "Not scored" is not "neutral":
an unscored card has no face and no point on the emotion curve.
"""

from __future__ import annotations

SCORES: tuple[int, ...] = (-2, -1, 0, 1, 2)
