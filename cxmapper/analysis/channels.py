"""Omnichannel continuity from the event log: hops between channels, repeat contacts, FCR.

Definitions are in docs/metrics.md (*Omnichannel continuity*). Every figure reads one
`ChannelLog`: the prepared events that have a channel (the log's channel column, else the
mapped card's channel), still in (case, time, file) order, with the channel as a small integer
code. Whether a channel is an assisted contact (staff answer it) or digital self-service is
decided by `CHANNEL_KINDS` alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np
import pandas as pd

from cxmapper.analysis.kernels import (
    block_quantiles,
    code_key,
    distinct_pair_counts,
    group_order,
    small_ints,
)
from cxmapper.analysis.prepared import PreparedLog, case_bounds
from cxmapper.analysis.value_model import cost_key

NS = 1_000_000_000
DAY_NS = 86_400 * NS
ASSISTED = "assisted"
DIGITAL = "digital"
#: The one table of channel kinds, by channel key (`value_model.cost_key`). A channel not listed
#: here (e.g. "letter", "kiosk") is neither: it can hop, but is no contact and no self-service.
CHANNEL_KINDS: dict[str, str] = {
    "call centre": ASSISTED, "chat": ASSISTED, "store": ASSISTED, "email": ASSISTED,
    "in person": ASSISTED,
    "web": DIGITAL, "app": DIGITAL, "social": DIGITAL, "sms": DIGITAL,
}  # fmt: skip
DEFAULT_WINDOW_DAYS = 7.0


@dataclass(frozen=True)
class ChannelLog:
    """The prepared events that have a channel, in case/time order (arrays of equal length)."""

    keys: tuple[str, ...]  # channel key of each code
    pos: np.ndarray | None  # position of each event in the PreparedLog; None: all events
    case: np.ndarray
    ts: np.ndarray
    tp: np.ndarray  # touchpoint index per event
    code: np.ndarray  # channel code per event
    first: np.ndarray  # bool: first channelled event of its case
    last: np.ndarray  # bool: last channelled event of its case
    assisted: np.ndarray  # bool: the event is an assisted contact
    digital: np.ndarray  # bool: the event is digital self-service
    n_tp: int  # touchpoints of the journey

    def positions(self, index: np.ndarray) -> np.ndarray:
        """The PreparedLog positions of the events at `index` of this log."""
        return index if self.pos is None else self.pos[index]

    def kind_mask(self, kind: str) -> np.ndarray:
        """Per channel code: True when the channel is of `kind`."""
        return np.asarray([CHANNEL_KINDS.get(k) == kind for k in self.keys], dtype=bool)

    @property
    def n_cases(self) -> int:
        return int(np.count_nonzero(self.first))

    @cached_property
    def per_card(self) -> np.ndarray:
        """Events per (touchpoint, channel code): shape (n_tp, channels), one counting pass that
        gives contacts, digital events and the cost to serve of every card."""
        k = len(self.keys)
        key = code_key(self.tp, self.code, k, self.n_tp)
        return np.bincount(key, minlength=self.n_tp * k).reshape(self.n_tp, k)


def _event_codes(p: PreparedLog, channel: pd.Series | None) -> tuple[np.ndarray, list[str]]:
    """Channel code per prepared event (-1: none) and the key of each code."""
    keys: dict[str, int] = {}

    def code_of(name: object) -> int:
        if name is None or (isinstance(name, float) and np.isnan(name)):
            return -1
        key = cost_key(str(name))
        return keys.setdefault(key, len(keys)) if key else -1

    card = np.asarray([code_of(tp.channel) for tp in p.spec.touchpoints], dtype=np.int32)
    if channel is None or not len(channel):
        code = card[p.tp] if p.n_events else np.zeros(0, np.int32)
        return code, list(keys)
    cat = channel if isinstance(channel.dtype, pd.CategoricalDtype) else channel.astype("category")
    table = np.asarray([code_of(c) for c in cat.cat.categories] + [-1], dtype=np.int32)
    code = table[cat.cat.codes.to_numpy()[p.row]]  # category code -1 (missing) reads -1
    missing = code < 0
    if missing.any():
        code[missing] = card[p.tp[missing]]
    return code, list(keys)


def channel_log(p: PreparedLog, channel: pd.Series | None) -> ChannelLog:
    """Each mapped event's channel: the log's `channel` column (aligned with the frame the log
    was prepared from), or the mapped card's channel where the event has none.

    When every event has a channel (the usual case) the prepared arrays are used as they are."""
    code, keys = _event_codes(p, channel)
    kinds = [CHANNEL_KINDS.get(k) for k in keys] + [None]  # code -1 reads the last: neither
    assisted = np.asarray([k == ASSISTED for k in kinds], dtype=bool)[code]
    digital = np.asarray([k == DIGITAL for k in kinds], dtype=bool)[code]
    code = small_ints(code)
    if code.size and code.min() >= 0:
        return ChannelLog(
            tuple(keys), None, p.case, p.ts, p.tp, code, p.first, p.last, assisted, digital, p.n_tp
        )
    pos = np.flatnonzero(code >= 0)
    case = p.case[pos]
    first, last = case_bounds(case)
    return ChannelLog(
        tuple(keys),
        pos,
        case,
        p.ts[pos],
        p.tp[pos],
        code[pos],
        first,
        last,
        assisted[pos],
        digital[pos],
        p.n_tp,
    )


@dataclass(frozen=True)
class Contacts:
    """Assisted contacts (events in an assisted channel) and how each relates to the next one."""

    at: np.ndarray  # index into the ChannelLog of each contact
    followed: np.ndarray  # bool: another contact of the case follows within the window
    preceded: np.ndarray  # bool: it follows another contact of the case within the window
    observed: np.ndarray  # bool: followed, or its whole window lies within the log

    @classmethod
    def build(cls, log: ChannelLog, window_days: float, log_end_ns: int) -> Contacts:
        at = np.flatnonzero(log.assisted)
        case, ts = log.case[at], log.ts[at]
        window = int(window_days * DAY_NS)
        link = (case[1:] == case[:-1]) & (ts[1:] - ts[:-1] <= window)
        followed = np.zeros(at.size, dtype=bool)
        preceded = np.zeros(at.size, dtype=bool)
        followed[:-1] = link
        preceded[1:] = link
        return cls(at, followed, preceded, followed | (ts + window <= log_end_ns))


def _rate(part: float, whole: float) -> float:
    return float(part) / float(whole) if whole else float("nan")


@dataclass
class ChannelFigures:
    """Every omnichannel figure of one log (see docs/metrics.md)."""

    n_cases: int  # cases with at least one channelled event
    matrix: pd.DataFrame  # from, to, hops, cases, case_rate, median_seconds, handover
    hop_cases: int
    hop_rate: float
    switched_cases: int
    switched_share: float
    contacts: int
    repeat_contacts: int
    repeat_contact_rate: float
    fcr_observed: int
    fcr_resolved: int
    fcr: float
    cards: pd.DataFrame  # per touchpoint: digital_events, escalations, escalation_rate


def _hops(log: ChannelLog, window_days: float) -> tuple[np.ndarray, np.ndarray]:
    """Index (into the ChannelLog) of each hop's source event, and the ns to the next event."""
    dt = np.diff(log.ts)
    hop = log.code[1:] != log.code[:-1]
    hop &= ~log.last[:-1]
    hop &= dt <= int(window_days * DAY_NS)
    at = np.flatnonzero(hop)
    return at, dt[at]


#: Up to this many (case, pair) cells, distinct cases per pair are marked in a dense table.
DENSE_CELLS = 64_000_000


def _cases_per_pair(case: np.ndarray, pair: np.ndarray, n_labels: int, n_pairs: int) -> np.ndarray:
    """Distinct cases per pair: a mark per (case, pair) when the table is small, else a sort."""
    if n_labels * n_pairs > DENSE_CELLS:
        return distinct_pair_counts(case, pair, n_labels, n_pairs, repeats=False)[0]
    seen = np.zeros(n_labels * n_pairs, dtype=bool)
    seen[case.astype(np.int64) * n_pairs + pair] = True
    return np.bincount(np.flatnonzero(seen) % n_pairs, minlength=n_pairs)


def _matrix(
    log: ChannelLog, at: np.ndarray, to: np.ndarray, dt: np.ndarray, n_labels: int
) -> pd.DataFrame:
    k = len(log.keys)
    pair = code_key(log.code[at], to, k, k)
    counts = np.bincount(pair, minlength=k * k)
    cases = _cases_per_pair(log.case[at], pair, n_labels, k * k)
    by_pair = dt[group_order(pair, k * k)]  # grouped by pair; a selection per pair, no sort
    med = block_quantiles(by_pair, np.concatenate(([0], np.cumsum(counts))), (0.5,))[:, 0] / NS
    present = np.flatnonzero(counts)
    assisted = log.kind_mask(ASSISTED)
    table = pd.DataFrame(
        {
            "from": [log.keys[i // k] for i in present],
            "to": [log.keys[i % k] for i in present],
            "hops": counts[present],
            "cases": cases[present],
            "case_rate": cases[present] / log.n_cases if log.n_cases else np.nan,
            "median_seconds": med[present],
            "handover": assisted[present % k] if k else np.zeros(0, bool),
        }
    )
    return table.sort_values(
        ["hops", "from", "to"], ascending=[False, True, True], ignore_index=True
    )


def _cards(p: PreparedLog, log: ChannelLog, at: np.ndarray, to: np.ndarray) -> pd.DataFrame:
    """Per touchpoint: digital events here, and those whose next event is an assisted contact
    within the hop window (an escalation; `at` are the hops, `to` their target channels)."""
    n_digital = log.per_card[:, log.kind_mask(DIGITAL)].sum(axis=1)
    esc = at[log.digital[at] & log.kind_mask(ASSISTED)[to]]
    escalations = np.bincount(log.tp[esc], minlength=p.n_tp)
    rate = np.divide(
        escalations, n_digital, out=np.full(p.n_tp, np.nan), where=n_digital > 0, dtype=np.float64
    )
    return pd.DataFrame(
        {"digital_events": n_digital, "escalations": escalations, "escalation_rate": rate},
        index=pd.Index(p.tp_ids, name="touchpoint_id"),
    )


def channel_figures(
    p: PreparedLog,
    log: ChannelLog,
    contacts: Contacts,
    hop_window_days: float = DEFAULT_WINDOW_DAYS,
) -> ChannelFigures:
    """Hops, the channel matrix, switching, repeat contacts, FCR and per-card escalation."""
    at, dt = _hops(log, hop_window_days)
    to = log.code[at + 1]  # the channel each hop goes to
    hop_case = log.case[at]  # ascending: count where it changes
    hop_cases = int(np.count_nonzero(hop_case[1:] != hop_case[:-1])) + 1 if at.size else 0
    switched = int(np.count_nonzero(log.code[log.first] != log.code[log.last]))
    resolved = int(np.count_nonzero(contacts.observed & ~contacts.followed))
    observed = int(np.count_nonzero(contacts.observed))
    repeats = int(np.count_nonzero(contacts.followed))
    return ChannelFigures(
        n_cases=log.n_cases,
        matrix=_matrix(log, at, to, dt, len(p.case_labels)),
        hop_cases=hop_cases,
        hop_rate=_rate(hop_cases, log.n_cases),
        switched_cases=switched,
        switched_share=_rate(switched, log.n_cases),
        contacts=int(contacts.at.size),
        repeat_contacts=repeats,
        repeat_contact_rate=_rate(repeats, contacts.at.size),
        fcr_observed=observed,
        fcr_resolved=resolved,
        fcr=_rate(resolved, observed),
        cards=_cards(p, log, at, to),
    )
