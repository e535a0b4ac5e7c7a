"""Hand-built logs for the money and channel tests (a module, so test files can import it)."""

from __future__ import annotations

import pandas as pd

from cxmapper.analysis.matching import JourneySpec, TouchpointSpec
from cxmapper.analysis.readers import from_frame

T0 = pd.Timestamp("2026-03-02T09:00:00Z")
HOUR = 3600
DAY = 86_400

Row = tuple[str, str, str | None, float]  # case, event name, channel (None: none), seconds


def frame(rows: list[Row]) -> pd.DataFrame:
    """A normalised event frame with a channel column."""
    return from_frame(
        pd.DataFrame(
            {
                "case_id": [r[0] for r in rows],
                "activity": [r[1] for r in rows],
                "channel": [r[2] for r in rows],
                "timestamp": [T0 + pd.Timedelta(seconds=r[3]) for r in rows],
            }
        )
    ).frame


def spec(*cards: tuple[str, int, bool], channels: dict[str, str] | None = None) -> JourneySpec:
    """One touchpoint per (event name, stage, is goal); its id is the name upper-cased."""
    channels = channels or {}
    return JourneySpec(
        [
            TouchpointSpec(
                name.upper(),
                name.title(),
                stage,
                (name,),
                is_goal=goal,
                channel=channels.get(name, ""),
            )
            for name, stage, goal in cards
        ]
    )
