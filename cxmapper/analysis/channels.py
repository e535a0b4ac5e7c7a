"""Omnichannel continuity from the event log: hops between channels, repeat contacts, FCR.

Definitions are in docs/metrics.md (*Omnichannel continuity*). Every figure reads one
`ChannelLog`: the prepared events that have a channel (the log's channel column, else the
mapped card's channel), still in (case, time, file) order, with the channel as a small integer
code. Whether a channel is an assisted contact (staff answer it) or digital self-service is
decided by `CHANNEL_KINDS` alone.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from cxmapper.analysis.kernels import distinct_pair_counts, quantiles_from_sorted, sorted_by_group
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
    pos: np.ndarray  # position of each event in the PreparedLog
    case: np.ndarray
    ts: np.ndarray
    code: np.ndarray  # channel code per event
    first: np.ndarray  # bool: first channelled event of its case
    last: np.ndarray  # bool: last channelled event of its case

    def kind_mask(self, kind: str) -> np.ndarray:
        """Per channel code: True when the channel is of `kind`."""
        return np.asarray([CHANNEL_KINDS.get(k) == kind for k in self.keys], dtype=bool)

    @property
    def n_cases(self) -> int:
        return int(np.count_nonzero(self.first))


def channel_log(p: PreparedLog, channel: pd.Series | None) -> ChannelLog:
    """Each mapped event's channel: the log's `channel` column (aligned with the frame the log
    was prepared from), or the mapped card's channel where the event has none."""
    keys: dict[str, int] = {}

    def code_of(name: object) -> int:
        if name is None or (isinstance(name, float) and np.isnan(name)):
            return -1
        key = cost_key(str(name))
        return keys.setdefault(key, len(keys)) if key else -1

    card = np.asarray([code_of(tp.channel) for tp in p.spec.touchpoints] + [-1], dtype=np.int32)
    code = np.full(p.n_events, -1, dtype=np.int32)
    if channel is not None and len(channel):
        cat = (
            channel
            if isinstance(channel.dtype, pd.CategoricalDtype)
            else channel.astype("category")
        )
        table = np.asarray([code_of(c) for c in cat.cat.categories] + [-1], dtype=np.int32)
        code = table[cat.cat.codes.to_numpy()[p.row]]  # category code -1 (missing) reads -1
    missing = code < 0
    if missing.any():
        code[missing] = card[p.tp[missing]]
    pos = np.flatnonzero(code >= 0)
    case = p.case[pos]
    first, last = case_bounds(case)
    return ChannelLog(tuple(keys), pos, case, p.ts[pos], code[pos], first, last)


@dataclass(frozen=True)
class Contacts:
    """Assisted contacts (events in an assisted channel) and how each relates to the next one."""

    at: np.ndarray  # index into the ChannelLog of each contact
    followed: np.ndarray  # bool: another contact of the case follows within the window
    preceded: np.ndarray  # bool: it follows another contact of the case within the window
    observed: np.ndarray  # bool: followed, or its whole window lies within the log

    @classmethod
    def build(cls, log: ChannelLog, window_days: float, log_end_ns: int) -> Contacts:
        at = np.flatnonzero(log.kind_mask(ASSISTED)[log.code])
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
    """Index (into the ChannelLog) of each hop's source event, and the seconds-ns to the next."""
    dt = np.diff(log.ts)
    hop = ~log.last[:-1] & (log.code[1:] != log.code[:-1]) & (dt <= int(window_days * DAY_NS))
    at = np.flatnonzero(hop)
    return at, dt[at]


def _matrix(log: ChannelLog, at: np.ndarray, dt: np.ndarray, n_labels: int) -> pd.DataFrame:
    k = len(log.keys)
    pair = log.code[at] * k + log.code[at + 1]
    counts = np.bincount(pair, minlength=k * k)
    cases = distinct_pair_counts(log.case[at], pair, n_labels, k * k, repeats=False)[0]
    med = quantiles_from_sorted(sorted_by_group(pair, dt, k * k), counts, (0.5,))[:, 0] / NS
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


def _cards(p: PreparedLog, log: ChannelLog, at: np.ndarray) -> pd.DataFrame:
    """Per touchpoint: digital events here, and those whose next event is an assisted contact
    within the hop window (an escalation; `at` are the hops)."""
    digital = log.kind_mask(DIGITAL)[log.code]
    tp = p.tp[log.pos]
    n_digital = np.bincount(tp[digital], minlength=p.n_tp)
    esc = at[digital[at] & log.kind_mask(ASSISTED)[log.code[at + 1]]]
    escalations = np.bincount(tp[esc], minlength=p.n_tp)
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
    hop_cases = int(np.unique(log.case[at]).size) if at.size else 0
    switched = int(np.count_nonzero(log.code[log.first] != log.code[log.last]))
    resolved = int(np.count_nonzero(contacts.observed & ~contacts.followed))
    observed = int(np.count_nonzero(contacts.observed))
    repeats = int(np.count_nonzero(contacts.followed))
    return ChannelFigures(
        n_cases=log.n_cases,
        matrix=_matrix(log, at, dt, len(p.case_labels)),
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
        cards=_cards(p, log, at),
    )
