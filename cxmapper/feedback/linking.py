"""Tie each response to a case of the event log and to a card of the journey.

A response belongs to a case by id (pseudonymised ids are matched by hashing the log's case
ids with the same key) and to a touchpoint by its explicit column (a card title, or an event
name through the cards' matching rules) or else by its case's last mapped event within a window
before the response. Vectorised: one `searchsorted` over the prepared (case, time) order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

import numpy as np
import pandas as pd

from cxmapper.analysis.kernels import ts_ns
from cxmapper.analysis.matching import JourneySpec, match_name
from cxmapper.analysis.prepared import PreparedLog
from cxmapper.feedback.columns import ANSWERED_AT, RESPONDENT, TOUCHPOINT
from cxmapper.feedback.privacy import pseudonymise

DEFAULT_WINDOW = timedelta(days=7)
NS = 1_000_000_000
# How a response got its touchpoint (stored values; labels are made by the views).
VIA_COLUMN, VIA_WINDOW, VIA_NONE = "column", "window", "none"
# Why a response has no touchpoint.
NO_CASE = "case id not in the event log"
NO_EVENT = "no mapped event of the case within the window before the response"
NO_CARD = "touchpoint column matches no card"
NO_DATASET = "no event dataset for the journey to find the case in"
OTHER_JOURNEY = -2  # case code of a response whose case has no event of this journey


@dataclass
class Linked:
    """Per response: case code (-1: none), touchpoint index (-1: none) and how it was linked."""

    case: np.ndarray
    tp: np.ndarray
    via: np.ndarray  # object array of VIA_* values
    reasons: dict[str, int] = field(default_factory=dict)  # why not linked -> responses
    examples: dict[str, list[str]] = field(default_factory=dict)  # why -> a few ids / values

    @property
    def n(self) -> int:
        return int(self.tp.size)

    def in_journey(self) -> np.ndarray:
        """Responses about this journey: all but those whose case only took other journeys."""
        mask: np.ndarray = (self.case != OTHER_JOURNEY) | (self.tp >= 0)
        return mask

    def share_case(self) -> float:
        mine = self.in_journey()
        return float(np.mean(self.case[mine] >= 0)) if mine.any() else 0.0

    def share_linked(self) -> float:
        """Share of the journey's responses tied to a card (what the views show as 'linked')."""
        mine = self.in_journey()
        return float(np.mean(self.tp[mine] >= 0)) if mine.any() else 0.0


def explicit_touchpoints(values: pd.Series, spec: JourneySpec) -> tuple[np.ndarray, np.ndarray]:
    """Touchpoint index per response from its touchpoint column (-1 none/unknown), and whether
    the column was filled. Each distinct value is resolved once: card title, then event rules."""
    cat = values.astype("category")
    titles = {tp.title.strip().lower(): i for i, tp in enumerate(spec.touchpoints)}
    lookup = np.full(len(cat.cat.categories) + 1, -1, dtype=np.int32)
    for k, name in enumerate(cat.cat.categories):
        text = str(name).strip()
        if text:
            lookup[k] = titles.get(text.lower(), match_name(text, spec))
    codes = cat.cat.codes.to_numpy()
    tp = lookup[codes]  # code -1 (missing) reads the trailing -1
    filled = values.fillna("").astype(str).str.strip().ne("").to_numpy()
    return tp, filled


def case_codes(respondents: pd.Series, p: PreparedLog, pseudonym_key: str = "") -> np.ndarray:
    """Case code in `p` per response: -1 when the id is not in the log, OTHER_JOURNEY when
    the case is there but none of its events maps to this journey."""
    labels = pd.Index(p.case_labels.astype(str))
    if pseudonym_key:
        mapping = pseudonymise(labels, pseudonym_key)
        labels = pd.Index([mapping[v] for v in labels])
    codes = labels.get_indexer(pd.Index(respondents.astype(str)))
    present = np.zeros(len(labels) + 1, dtype=bool)
    present[np.unique(p.case)] = True  # cases with at least one mapped event
    return np.where(present[codes], codes, np.where(codes >= 0, OTHER_JOURNEY, -1)).astype(np.int64)


def last_event_before(
    case: np.ndarray, when_ns: np.ndarray, p: PreparedLog, window: timedelta
) -> np.ndarray:
    """Touchpoint of each case's last mapped event at or before `when`, within `window`."""
    out = np.full(case.size, -1, dtype=np.int32)
    if p.case.size == 0:
        return out
    base = int(p.ts.min())
    ev_sec = (p.ts - base) // NS
    span = int(ev_sec.max()) + 2
    ev_key = p.case.astype(np.int64) * span + ev_sec
    resp_sec = np.clip((when_ns - base) // NS, -1, span - 1)
    ok = (case >= 0) & (resp_sec >= 0)  # OTHER_JOURNEY (-2) has no events here
    key = np.where(ok, case * span + resp_sec, -1)
    pos = np.searchsorted(ev_key, key, side="right") - 1
    pos_ok = ok & (pos >= 0)
    safe = np.where(pos_ok, pos, 0)
    hit = pos_ok & (p.case[safe] == case) & (p.ts[safe] >= when_ns - window.total_seconds() * NS)
    out[hit] = p.tp[safe[hit]]
    return out


def link_responses(
    responses: pd.DataFrame,
    p: PreparedLog,
    *,
    window: timedelta = DEFAULT_WINDOW,
    pseudonym_key: str = "",
) -> Linked:
    case = case_codes(responses[RESPONDENT], p, pseudonym_key)
    when = ts_ns(responses[ANSWERED_AT])
    tp, filled = explicit_touchpoints(responses[TOUCHPOINT], p.spec)
    via = np.full(case.size, VIA_NONE, dtype=object)
    via[tp >= 0] = VIA_COLUMN
    by_window = last_event_before(case, when, p, window)
    use = (tp < 0) & ~filled & (by_window >= 0)
    tp = np.where(use, by_window, tp)
    via[use] = VIA_WINDOW
    reasons: dict[str, int] = {}
    examples: dict[str, list[str]] = {}
    unlinked = tp < 0
    for why, mask, shown in (
        (NO_CARD, unlinked & filled, responses[TOUCHPOINT]),
        (NO_CASE, unlinked & ~filled & (case == -1), responses[RESPONDENT]),
        (NO_EVENT, unlinked & ~filled & (case >= 0), responses[RESPONDENT]),
    ):
        n = int(np.count_nonzero(mask))
        if n:
            reasons[why] = n
            idx = np.flatnonzero(mask)
            examples[why] = list(dict.fromkeys(str(v) for v in shown.iloc[idx[:200]]))[:5]
    return Linked(case, tp.astype(np.int32), via, reasons, examples)
