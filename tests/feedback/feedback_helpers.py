"""A tiny journey and event log with hand-known behaviour, shared by the feedback tests."""

from __future__ import annotations

import pandas as pd

from cxmapper.analysis.matching import JourneySpec, TouchpointSpec
from cxmapper.analysis.prepared import PreparedLog, prepare
from cxmapper.analysis.readers import from_frame

SPEC = JourneySpec(
    [
        TouchpointSpec("t-cart", "Cart", 0, ("cart",)),
        TouchpointSpec("t-pay", "Payment", 1, ("pay",), ("pay_*",)),
        TouchpointSpec("t-done", "Order confirmed", 2, ("done",), is_goal=True),
    ]
)
DAY = pd.Timedelta(days=1)
T0 = pd.Timestamp("2026-03-01T10:00:00Z")


def log(rows: list[tuple[str, str, pd.Timestamp]]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["case_id", "event", "timestamp"])
    return from_frame(frame).frame


def prepared(rows: list[tuple[str, str, pd.Timestamp]]) -> PreparedLog:
    return prepare(log(rows), SPEC)


def responses(rows: list[tuple[str, pd.Timestamp, float, str]]) -> pd.DataFrame:
    """(respondent, answered_at, nps, touchpoint column) rows as `read_survey` stores them."""
    frame = pd.DataFrame(rows, columns=["respondent", "answered_at", "nps", "touchpoint"])
    frame["answered_at"] = pd.to_datetime(frame["answered_at"], utc=True)
    frame["respondent"] = frame["respondent"].astype("category")
    frame["verbatim"] = None
    return frame
