"""The demo's event log carries a channel per event, so the channel figures have hops to show:
contacts happen in their own channel and a payment that keeps failing moves web -> chat -> phone,
while the case's own channel (its first event's, which the survey reports) stays as it was."""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict

from cxmapper.model.demo import EVENT_CHANNELS, simulate_events


def test_a_realistic_share_of_cases_hop_between_channels() -> None:
    rows = simulate_events(7)
    per_case: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for _ts, _seq, case, event, channel, _journey, _segment in rows:
        per_case[case].append((event, channel))
    hopping = sum(
        any(a[1] != b[1] for a, b in itertools.pairwise(events)) for events in per_case.values()
    )
    share = hopping / len(per_case)
    assert 0.15 < share < 0.40, share  # about a quarter of the cases change channel
    for events in per_case.values():
        own = events[0][1]
        assert own in ("web", "app")  # every case starts in its own digital channel
        for event, channel in events:
            if event in EVENT_CHANNELS:
                assert channel == EVENT_CHANNELS[event]
            elif event != "checkout_payment":
                assert channel == own


def test_failing_payments_move_to_chat_then_phone() -> None:
    moves: Counter[tuple[str, str]] = Counter()
    per_case: dict[str, list[str]] = defaultdict(list)
    for _ts, _seq, case, event, channel, *_ in simulate_events(7):
        if event == "checkout_payment":
            per_case[case].append(channel)
    for channels in per_case.values():
        assert channels[:2] in ([channels[0]], [channels[0]] * 2)  # two tries in the own channel
        if len(channels) >= 3:
            assert channels[2] == "chat" and set(channels[3:]) <= {"phone"}
        moves.update(itertools.pairwise(channels))
    assert moves[("web", "chat")] > 0 and moves[("chat", "phone")] > 0
