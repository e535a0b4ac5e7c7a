"""What each case did at each touchpoint, from the prepared event log (no re-reading events).

Definitions are those of the journey metrics (cxmapper.analysis.metrics, docs/metrics.md):
repeat = two or more events at the card, back-step = the next step goes to an earlier stage,
wait = time to the next step over the card's p90, drop-off = the case's last event, no goal.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from cxmapper.analysis.metrics import touchpoint_metrics
from cxmapper.analysis.prepared import PreparedLog

BEHAVIOURS = ("went", "repeated", "stepped_back", "waited", "dropped_off")


@dataclass
class CaseBehaviour:
    """Boolean matrices (case code x touchpoint index), one per behaviour."""

    flags: dict[str, np.ndarray]
    p90_seconds: np.ndarray

    def of(self, behaviour: str, cases: np.ndarray, tp: int) -> np.ndarray:
        flags: np.ndarray = self.flags[behaviour][cases, tp]
        return flags


def case_behaviour(p: PreparedLog) -> CaseBehaviour:
    n_cases, n_tp = len(p.case_labels), p.n_tp
    case = p.case.astype(np.int64)
    tp = p.tp.astype(np.int64)
    cell = case * n_tp + tp
    size = n_cases * n_tp

    def matrix(mask: np.ndarray | None = None) -> np.ndarray:
        hits = cell if mask is None else cell[mask]
        return (np.bincount(hits, minlength=size) > 0).reshape(n_cases, n_tp)

    counts = np.bincount(cell, minlength=size).reshape(n_cases, n_tp)
    has_next = ~p.last
    nxt = np.flatnonzero(has_next)
    stage = p.stage
    back = np.zeros(case.size, dtype=bool)
    back[nxt] = stage[tp[nxt + 1]] < stage[tp[nxt]]
    p90 = touchpoint_metrics(p)["p90_seconds_to_next"].to_numpy(dtype=float)
    waited = np.zeros(case.size, dtype=bool)
    dt = (p.ts[nxt + 1] - p.ts[nxt]) / 1e9
    limit = p90[tp[nxt]]
    waited[nxt] = np.isfinite(limit) & (dt > limit)
    goal = p.goal
    case_goal = np.zeros(n_cases, dtype=bool)
    if goal.any():
        case_goal[case[goal[tp]]] = True
    dropped = p.last & ~case_goal[case]
    return CaseBehaviour(
        flags={
            "went": counts > 0,
            "repeated": counts >= 2,
            "stepped_back": matrix(back),
            "waited": matrix(waited),
            "dropped_off": matrix(dropped),
        },
        p90_seconds=p90,
    )
