"""Omnichannel continuity: hops and the channel matrix, switching, repeat contacts, FCR,
handovers and per-card escalation, on hand-built logs with hand-computed answers."""

from __future__ import annotations

import numpy as np
from money_logs import DAY, HOUR, Row, frame, spec

from cxmapper.analysis.channels import CHANNEL_KINDS
from cxmapper.analysis.report import analyze
from cxmapper.present.palette import CHANNELS

JOURNEY = spec(("browse", 0, False), ("ask", 1, False), ("call", 2, False), ("buy", 3, True))


def figures(rows: list[Row], journey=JOURNEY):
    return analyze(frame(rows), journey, channels=True).channels


def test_150_of_1000_cases_hopping_from_chat_to_phone_is_a_15_percent_hop_rate() -> None:
    rows: list[Row] = []
    for c in range(1000):
        rows.append((f"c{c}", "ask", "chat", 0))
        if c < 150:
            rows.append((f"c{c}", "call", "phone", 10 * 60))
        else:
            rows.append((f"c{c}", "ask", "chat", 10 * 60))
    f = figures(rows)
    assert f.n_cases == 1000
    cell = f.matrix.set_index(["from", "to"]).loc[("chat", "call centre")]
    assert (cell["hops"], cell["cases"]) == (150, 150)
    assert f"{cell['case_rate']:.1%}" == "15.0%"
    assert cell["median_seconds"] == 600.0
    assert f.hop_rate == 0.15 and f.hop_cases == 150
    assert f.switched_share == 0.15


def test_matrix_counts_hops_cases_and_median_time_and_skips_events_without_channel() -> None:
    rows: list[Row] = [
        ("a", "browse", "web", 0),
        ("a", "ask", None, 30),  # no channel: skipped, web -> chat is one hop
        ("a", "ask", "chat", 60),
        ("a", "browse", "web", 120),
        ("a", "ask", "chat", 300),
        ("b", "browse", "web", 0),
        ("b", "ask", "chat", 8 * DAY + 1),  # further apart than the 7-day window: no hop
        ("c", "browse", "app", 0),
    ]
    f = figures(rows)
    m = f.matrix.set_index(["from", "to"])
    assert m.loc[("web", "chat"), "hops"] == 2 and m.loc[("web", "chat"), "cases"] == 1
    assert m.loc[("web", "chat"), "median_seconds"] == 120.0  # of 60 and 180
    assert m.loc[("chat", "web"), "hops"] == 1
    assert len(m) == 2
    assert (f.n_cases, f.hop_cases) == (3, 1)
    assert f.switched_cases == 2  # a: web -> chat; b: web -> chat (a switch needs no hop)
    handovers = f.matrix[f.matrix["handover"]]
    assert list(zip(handovers["from"], handovers["to"], strict=True)) == [("web", "chat")]


def test_the_cards_channel_stands_in_for_events_without_one() -> None:
    journey = spec(("browse", 0, False), ("call", 1, False), channels={"call": "Phone"})
    f = figures([("a", "browse", "web", 0), ("a", "call", None, 60)], journey)
    assert f.matrix[["from", "to", "hops"]].values.tolist() == [["web", "call centre", 1]]


def test_repeat_contacts_and_fcr_on_a_tiny_log() -> None:
    rows: list[Row] = [
        ("a", "call", "phone", 0),  # followed by a's chat within 7 days: a repeat
        ("a", "browse", "web", HOUR),
        ("a", "ask", "chat", 7 * DAY),  # exactly 7 days after: within (inclusive); resolved
        ("b", "call", "phone", 0),  # next contact 7 days + 1 s later: resolved
        ("b", "call", "phone", 7 * DAY + 1),  # log ends 20 days in: its window is observed
        ("c", "call", "phone", 0),  # resolved: nothing follows, window ends before the log
        ("d", "browse", "web", 20 * DAY),  # the log's last event
        ("d", "call", "phone", 15 * DAY),  # window not over at the log's end: not judged
    ]
    f = figures(rows)
    assert f.contacts == 6
    assert f.repeat_contacts == 1
    assert f.repeat_contact_rate == 1 / 6
    assert (f.fcr_observed, f.fcr_resolved) == (5, 4)
    assert f.fcr == 0.8


def test_escalation_rate_per_card() -> None:
    rows: list[Row] = [
        ("a", "browse", "web", 0),
        ("a", "call", "phone", 60),  # browse escalates
        ("b", "browse", "app", 0),
        ("b", "buy", "web", 60),  # no
        ("c", "browse", "web", 0),
        ("c", "ask", "social", 10),  # digital to digital: no; ask's next is chat
        ("c", "ask", "chat", 20),  # ask escalates
        ("d", "browse", "web", 0),  # last event: no
    ]
    cards = figures(rows).cards
    assert cards.loc["BROWSE", "escalations"] == 1
    assert cards.loc["BROWSE", "escalation_rate"] == 0.25
    assert cards.loc["ASK", "escalation_rate"] == 1.0
    assert np.isnan(cards.loc["CALL", "escalation_rate"])  # no digital event there


def test_channel_kinds_use_the_palettes_keys() -> None:
    assert set(CHANNEL_KINDS) <= set(CHANNELS)
    assert {k for k, v in CHANNEL_KINDS.items() if v == "assisted"} >= {"call centre", "chat"}


def test_no_channel_column_and_no_card_channel_gives_empty_figures() -> None:
    f = figures([("a", "browse", None, 0), ("a", "buy", None, 60)])
    assert (f.n_cases, f.contacts, len(f.matrix)) == (0, 0, 0)
    assert np.isnan(f.hop_rate) and np.isnan(f.fcr)
