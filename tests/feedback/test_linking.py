"""Responses link to cases by id and to cards by their column or the last event in a window."""

from __future__ import annotations

from datetime import timedelta

from cxmapper.feedback import linking
from cxmapper.feedback.privacy import pseudonym
from tests.feedback.feedback_helpers import DAY, T0, prepared, responses

EVENTS = [
    ("c1", "cart", T0),
    ("c1", "pay", T0 + 1 * DAY),
    ("c1", "done", T0 + 2 * DAY),
    ("c2", "cart", T0),
    ("c2", "pay_retry", T0 + DAY),  # a pattern match
    ("c3", "browse", T0),  # no mapped event: another journey's case
]


def test_each_way_of_linking() -> None:
    p = prepared(EVENTS)
    r = responses(
        [
            ("c1", T0 + 3 * DAY, 9, ""),  # window: last event 'done' one day before
            ("c1", T0 + 1.5 * DAY, 9, ""),  # window: last event before is 'pay'
            ("c1", T0 + 3 * DAY, 9, "cart"),  # column: event name through the matching rules
            ("c2", T0 + 3 * DAY, 3, "PAYMENT"),  # column: card title, any case
            ("c2", T0 + 9 * DAY, 3, ""),  # window: the last event is 8 days before: too old
            ("c9", T0 + 3 * DAY, 5, ""),  # not in the log
            ("c9", T0 + 3 * DAY, 5, "pay_later"),  # column via pattern, even without a case
            ("c1", T0 - DAY, 5, ""),  # before the case's first event
            ("c1", T0 + 3 * DAY, 5, "Gift wrap"),  # column that matches no card
            ("c3", T0 + DAY, 5, ""),  # a case of another journey
        ]
    )
    lk = linking.link_responses(r, p)
    assert list(lk.tp) == [2, 1, 0, 1, -1, -1, 1, -1, -1, -1]
    assert list(lk.via) == ["window", "window", "column", "column", "none", "none", "column",
                            "none", "none", "none"]  # fmt: skip
    c1, c2 = (list(p.case_labels).index(c) for c in ("c1", "c2"))
    assert list(lk.case) == [c1, c1, c1, c2, c2, -1, -1, c1, c1, linking.OTHER_JOURNEY]
    assert lk.reasons == {linking.NO_CARD: 1, linking.NO_CASE: 1, linking.NO_EVENT: 2}
    assert lk.examples[linking.NO_CARD] == ["Gift wrap"] and lk.examples[linking.NO_CASE] == ["c9"]
    assert list(lk.in_journey()) == [True] * 9 + [False]
    assert lk.share_linked() == 5 / 9
    assert lk.share_case() == 7 / 9


def test_the_window_is_inclusive_and_configurable() -> None:
    p = prepared(EVENTS)
    r = responses([("c2", T0 + 8 * DAY, 3, ""), ("c2", T0 + 8 * DAY + timedelta(seconds=1), 3, "")])
    assert list(linking.link_responses(r, p).tp) == [1, -1]  # exactly 7 days: still in
    wide = linking.link_responses(r, p, window=timedelta(days=30))
    assert list(wide.tp) == [1, 1]


def test_pseudonymised_ids_still_join() -> None:
    p = prepared(EVENTS)
    key = "secret"
    r = responses([(pseudonym("c1", key), T0 + 3 * DAY, 9, "")])
    assert list(linking.link_responses(r, p).case) == [-1]
    lk = linking.link_responses(r, p, pseudonym_key=key)
    assert list(lk.tp) == [2] and lk.case[0] == list(p.case_labels).index("c1")
