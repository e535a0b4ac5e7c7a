"""Did it work? A card before and after an improvement, in equal windows, with scipy tests.

Cases count in a window by the time of their first event at the card. Rates (drop-off, repeat,
conversion, detractors, assisted contacts) use the two-proportion test; times to next and
scores use Mann-Whitney U. The verdict is decided on the measures with enough data, each at
alpha = 0.05 / (measures tested) (Bonferroni), so six looks do not make a lucky "improved".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import numpy as np

from cxmapper.analysis.prepared import PreparedLog
from cxmapper.feedback.scales import SCALES
from cxmapper.feedback.stats import Comparison, mann_whitney, two_proportions

DEFAULT_WINDOW = timedelta(days=28)
ALPHA = 0.05
MIN_RATE_N = 30  # cases (or responses) per window for a rate
MIN_VALUES = 20  # values per window for a median comparison
IMPROVED, NO_CHANGE, WORSE, MIXED, NOT_ENOUGH = (
    "improved", "no detectable change", "worse", "mixed", "not enough data",
)  # fmt: skip
# measure key -> True when lower is better
MEASURES: dict[str, bool] = {
    "dropoff": True,
    "repeat": True,
    "time_to_next": True,
    "conversion": False,
    "score": False,
    "detractors": True,
    "assisted_contacts": True,
}


@dataclass(frozen=True)
class MeasureResult:
    measure: str
    comparison: Comparison
    enough: bool
    verdict: str  # IMPROVED / WORSE / NO_CHANGE / NOT_ENOUGH for this measure alone


@dataclass
class Verdict:
    verdict: str
    effect: float | None  # of the deciding measure (most significant), after - before
    p_value: float | None
    measure: str | None
    before: tuple[str, str]
    after: tuple[str, str]
    measures: list[MeasureResult] = field(default_factory=list)


@dataclass
class SurveySide:
    """Responses tied to cards: touchpoint index, time (ns) and score on the headline scale."""

    tp: np.ndarray
    when_ns: np.ndarray
    scores: np.ndarray
    scale: str


def _ns(when: datetime) -> int:
    return int(when.timestamp() * 1e9)


def _first_visits(p: PreparedLog, t: int) -> tuple[np.ndarray, np.ndarray]:
    """(event position, time) of each case's first event at card t."""
    at = np.flatnonzero(p.tp == t)
    cases = p.case[at]
    first = np.ones(at.size, dtype=bool)
    first[1:] = cases[1:] != cases[:-1]
    return at[first], p.ts[at[first]]


def _judge(measure: str, cmp: Comparison, enough: bool, alpha: float) -> str:
    if not enough or cmp.p_value is None or cmp.effect is None:
        return NOT_ENOUGH
    if cmp.p_value >= alpha or cmp.effect == 0:
        return NO_CHANGE
    better = cmp.effect < 0 if MEASURES[measure] else cmp.effect > 0
    return IMPROVED if better else WORSE


def compare_card(
    p: PreparedLog,
    t: int,
    done: datetime,
    *,
    window: timedelta = DEFAULT_WINDOW,
    settle: timedelta = timedelta(0),
    survey: SurveySide | None = None,
    assisted: np.ndarray | None = None,
) -> Verdict:
    """Before = [done - window, done); after = [done + settle, done + settle + window)."""
    b0, b1 = _ns(done - window), _ns(done)
    a0, a1 = _ns(done + settle), _ns(done + settle + window)
    pos, when = _first_visits(p, t)
    sides = [(when >= b0) & (when < b1), (when >= a0) & (when < a1)]
    n_cases = len(p.case_labels)
    goal_case = np.zeros(n_cases, dtype=bool)
    if p.goal.any():
        goal_case[p.case[p.goal[p.tp]]] = True
    per_case = np.bincount(p.case[p.tp == t], minlength=n_cases)
    assisted_case = np.zeros(n_cases, dtype=bool)
    if assisted is not None and assisted.any():
        hit = assisted[p.tp]
        assisted_case[p.case[hit]] = True
    rates: dict[str, list[tuple[int, int]]] = {m: [] for m in ("dropoff", "repeat", "conversion", "assisted_contacts")}  # fmt: skip
    times: list[np.ndarray] = []
    for side in sides:
        ev = pos[side]
        cases = p.case[ev]
        n = ev.size
        last = p.last[ev]  # first visit is the case's last event: it stopped there
        dropped = last & ~goal_case[cases]
        rates["dropoff"].append((int(np.count_nonzero(dropped)), n))
        rates["repeat"].append((int(np.count_nonzero(per_case[cases] >= 2)), n))
        rates["conversion"].append((int(np.count_nonzero(goal_case[cases])), n))
        rates["assisted_contacts"].append((int(np.count_nonzero(assisted_case[cases])), n))
        nxt = ev[~last]
        times.append((p.ts[nxt + 1] - p.ts[nxt]) / 1e9)
    results: list[MeasureResult] = []
    for m, ((k_b, n_b), (k_a, n_a)) in rates.items():
        if m == "assisted_contacts" and (assisted is None or not assisted.any()):
            continue
        if m == "dropoff" and p.goal[t]:
            continue
        cmp = two_proportions(k_b, n_b, k_a, n_a)
        results.append(MeasureResult(m, cmp, min(n_b, n_a) >= MIN_RATE_N, ""))
    cmp = mann_whitney(times[0], times[1])
    results.append(MeasureResult("time_to_next", cmp, min(cmp.n_a, cmp.n_b) >= MIN_VALUES, ""))
    if survey is not None:
        at = survey.tp == t
        ok = at & ~np.isnan(survey.scores)
        before = ok & (survey.when_ns >= b0) & (survey.when_ns < b1)
        after = ok & (survey.when_ns >= a0) & (survey.when_ns < a1)
        sb, sa = survey.scores[before], survey.scores[after]
        cmp = mann_whitney(sb, sa)
        results.append(MeasureResult("score", cmp, min(sb.size, sa.size) >= MIN_VALUES, ""))
        bad = SCALES[survey.scale].bad_to
        cmp = two_proportions(int((sb <= bad).sum()), sb.size, int((sa <= bad).sum()), sa.size)
        results.append(MeasureResult("detractors", cmp, min(sb.size, sa.size) >= MIN_RATE_N, ""))
    return _decide(results, (b0, b1), (a0, a1))


def _iso(ns: int) -> str:
    return datetime.fromtimestamp(ns / 1e9, UTC).date().isoformat()


def _decide(
    results: list[MeasureResult], before: tuple[int, int], after: tuple[int, int]
) -> Verdict:
    tested = [r for r in results if r.enough and r.comparison.p_value is not None]
    alpha = ALPHA / max(len(tested), 1)
    judged = [
        MeasureResult(r.measure, r.comparison, r.enough, _judge(r.measure, r.comparison, r.enough, alpha))
        for r in results
    ]  # fmt: skip
    window = ((_iso(before[0]), _iso(before[1])), (_iso(after[0]), _iso(after[1])))
    if not tested:
        return Verdict(NOT_ENOUGH, None, None, None, *window, judged)
    verdicts = {r.verdict for r in judged}
    if IMPROVED in verdicts and WORSE in verdicts:
        overall = MIXED
    elif IMPROVED in verdicts:
        overall = IMPROVED
    elif WORSE in verdicts:
        overall = WORSE
    else:
        overall = NO_CHANGE
    decisive = min((r for r in judged if r.verdict != NOT_ENOUGH),
                   key=_p_value)  # fmt: skip
    return Verdict(
        overall,
        decisive.comparison.effect,
        decisive.comparison.p_value,
        decisive.measure,
        *window,
        judged,
    )


def _p_value(result: MeasureResult) -> float:
    """The ordering key for the decisive measure; a judged measure always has a p-value."""
    p = result.comparison.p_value
    return float("inf") if p is None else p
