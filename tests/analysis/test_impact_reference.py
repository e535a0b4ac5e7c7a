"""The vectorised money and channel figures equal a plain per-case loop over a random log
(channels missing here and there, ties in time, goals, windows hit exactly)."""

from __future__ import annotations

import statistics
from collections import defaultdict
from itertools import pairwise

import numpy as np
import pytest
from money_logs import DAY, Row, frame, spec

from cxmapper.analysis.channels import CHANNEL_KINDS
from cxmapper.analysis.report import analyze
from cxmapper.analysis.value_model import ValueModel, cost_key

NAMES = ("browse", "ask", "call", "buy")
JOURNEY = spec(("browse", 0, False), ("ask", 1, False), ("call", 2, False), ("buy", 3, True))
CHANNELS = ("web", "App", "phone", "chat", "store", "letter", None)
COSTS = {"phone": 6.0, "chat": 2.5, "store": 11.0, "web": 0.05}
WINDOW = 7 * DAY
COST_BY_KEY = {cost_key(k): v for k, v in COSTS.items()}


def random_rows(seed: int) -> list[Row]:
    rng = np.random.default_rng(seed)
    rows: list[Row] = []
    for c in range(120):
        t = 0
        for _ in range(int(rng.integers(1, 9))):
            t += int(rng.choice([0, 3600, DAY, 3 * DAY, 7 * DAY, 7 * DAY + 1, 9 * DAY]))
            name = NAMES[int(rng.choice(4, p=[0.4, 0.25, 0.25, 0.1]))]
            rows.append((f"c{c:03d}", name, CHANNELS[int(rng.integers(0, len(CHANNELS)))], t))
    return rows


def kind(channel: str | None) -> str | None:
    return None if channel is None else CHANNEL_KINDS.get(cost_key(channel))


def reference(rows: list[Row]) -> dict[str, object]:
    """Figures by walking each case's events in order (rows are in time order per case)."""
    by_case: dict[str, list[Row]] = defaultdict(list)
    for r in rows:
        by_case[r[0]].append(r)
    end = max(r[3] for r in rows)
    hops: dict[tuple[str, str], list[float]] = defaultdict(list)
    hop_cases: dict[tuple[str, str], set[str]] = defaultdict(set)
    out: dict[str, float] = defaultdict(float)
    fd_cost: dict[str, float] = defaultdict(float)
    for case, events in by_case.items():
        events = sorted(events, key=lambda r: r[3])  # stable: file order on ties
        chan = [e for e in events if e[2] is not None]
        for a, b in pairwise(chan):
            ka, kb = cost_key(a[2]), cost_key(b[2])
            if ka != kb and b[3] - a[3] <= WINDOW:
                hops[(ka, kb)].append(b[3] - a[3])
                hop_cases[(ka, kb)].add(case)
        contacts = [e for e in chan if kind(e[2]) == "assisted"]
        for a, b in pairwise(contacts):
            if b[3] - a[3] <= WINDOW:
                out["repeats"] += 1
                out["repeat_cost"] += COST_BY_KEY.get(cost_key(b[2]), 0.0)
        for i, a in enumerate(contacts):
            followed = i + 1 < len(contacts) and contacts[i + 1][3] - a[3] <= WINDOW
            if followed or a[3] + WINDOW <= end:
                out["observed"] += 1
                out["resolved"] += not followed
        converted = False
        latest_digital: Row | None = None
        for e in events:
            if e[1] == "buy":
                converted = True
            if e[2] is None:
                continue
            if kind(e[2]) == "digital":
                latest_digital = e
            elif (
                kind(e[2]) == "assisted"
                and not converted
                and latest_digital is not None
                and e[3] - latest_digital[3] <= WINDOW
            ):
                fd_cost[latest_digital[1].upper()] += COST_BY_KEY.get(cost_key(e[2]), 0.0)
        out["cost"] += sum(COST_BY_KEY.get(cost_key(e[2]), 0.0) for e in chan)
    matrix = {
        pair: (len(v), len(hop_cases[pair]), statistics.median(v)) for pair, v in hops.items()
    }
    return {"matrix": matrix, "out": out, "fd_cost": fd_cost}


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_figures_equal_a_per_case_loop(seed: int) -> None:
    rows = random_rows(seed)
    model = ValueModel(40, contact_costs=COSTS)
    report = analyze(frame(rows), JOURNEY, value_model=model, channels=True)
    ref = reference(rows)
    ch, money = report.channels, report.money
    got = {
        (r["from"], r["to"]): (r["hops"], r["cases"], r["median_seconds"])
        for r in ch.matrix.to_dict("records")
    }
    assert got == ref["matrix"]
    out = ref["out"]
    assert (ch.repeat_contacts, ch.fcr_observed, ch.fcr_resolved) == (
        out["repeats"], out["observed"], out["resolved"],
    )  # fmt: skip
    assert money.journey["repeat_contact_cost"] == round(out["repeat_cost"], 2)
    assert money.journey["cost_to_serve"] == pytest.approx(out["cost"], abs=0.011)
    fd = {k: round(v, 2) for k, v in ref["fd_cost"].items() if v}
    got_fd = {k: v for k, v in money.cards["failure_demand_cost"].items() if v}
    assert got_fd == fd
