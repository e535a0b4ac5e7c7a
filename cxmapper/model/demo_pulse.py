"""Short "about one moment" surveys on the demo's front-stage cards of the online purchase.

The demo's main surveys are sent after the order and after a support contact, so they link to
the last card before the answer: the payment step, the product pages or the store never got an
answer, and the feedback overlay left those cards without an NPS badge. A moment survey is the
one-question follow-up a shop sends a few days after an order about one step of it ("after
paying, how likely are you to recommend us?"), so each answer names its card in the touchpoint
column: the event name for cards mapped to the log (the same in both languages), the card's
title for the store's cards the log cannot see.

Every front-stage card the main survey does not already cover (`COVERED`) gets at least
`MINIMUM` answers (figures below 30 are only indicative).
Customers who ordered answer at most once per card; where too few of them went there as far as
the log knows (a social post, a store window the log cannot see) other customers who ordered
answer about it too, so every answer belongs to a case of the purchase (the support journey's
figures and share linked stay as they were). Scores follow the case as the
main survey's do (a retried payment or a long wait for the shipping notice costs 4.5 points),
and a little more on the card where it happened, so the drivers keep payment retries and the
delivery wait at the top and the payment card scores visibly lower. Drawn from their own random
stream: the main survey's answers stay exactly as they were.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from typing import Any

from cxmapper.model import demo_content as content
from cxmapper.model.demo_it import say

TARGET = 45  # answers per card we aim for among the cases that went there
MINIMUM = 32  # answers per card at least (other customers top up rare cards)
DELIVERY = frozenset({"order_email", "shipping_email", "track_parcel", "wismo_call"})
# the cards the main survey's answers already link to by the dozen (the last mapped event before
# answering): no moment survey there, so their figures read as before
COVERED = frozenset(
    {"order_confirmed", "order_email", "shipping_email", "track_parcel", "wismo_call"}
)
Row = tuple[object, ...]
Events = list[tuple[datetime, str]]


def front_stage_cards() -> list[tuple[str, str]]:
    """(English title, event name or "") of the online purchase's cards in channel lanes."""
    spec: dict[str, Any] = content.PURCHASE
    return [(tp[2], tp[6]) for tp in spec["touchpoints"] if tp[1] in content.CHANNEL_LANES]


def _score(rng: random.Random, base: float, penalty: float) -> int:
    return max(0, min(10, round(rng.gauss(base - penalty, 1.2))))


def _trouble(events: Events, long_wait: timedelta) -> tuple[bool, bool]:
    """(payment retried, shipping notice late): what the main survey's scores follow too."""
    retries = sum(e == "checkout_payment" for _, e in events) >= 2
    first = dict((e, t) for t, e in reversed(events))
    ordered, shipped = first.get("order_email"), first.get("shipping_email")
    late = ordered is not None and shipped is not None and shipped - ordered > long_wait
    return retries, late


def _comment(rng: random.Random, situation: str, out_lang: str) -> tuple[str, str]:
    """(the comment written in `out_lang`, the language it was drawn in)."""
    lang = "it" if rng.random() < 0.5 else "en"
    return say(rng.choice(content.VERBATIMS[situation][lang]), out_lang), lang


def pulse_rows(
    cases: dict[str, Events],
    info: dict[str, tuple[str, str]],
    seed: int,
    out_lang: str,
    long_wait: timedelta,
) -> list[Row]:
    """The pulse answers, as rows of the demo survey (see demo_survey.HEADER)."""
    rng = random.Random(seed * 7919 + 13)
    out: list[Row] = []
    ordered = {c: t for c, events in cases.items() for t, e in events if e == "order_confirmed"}
    buyers = sorted(ordered)

    def answer(case: str, at: datetime, event: str, column: str) -> None:
        retries, late = _trouble(cases[case], long_wait)
        when = max(at, ordered[case]) + timedelta(days=rng.uniform(2, 6))
        # asked about the very moment that went wrong, they score it lower still
        penalty = (4.5 + 2.0 * (event == "checkout_payment")) * retries + (
            4.5 + 2.0 * (event in DELIVERY)
        ) * late
        nps = _score(rng, 9.0, penalty)
        situation = "payment" if retries else "delivery" if late else None
        situation = situation or ("happy" if nps >= 8 else "neutral")
        text, said_in = _comment(rng, situation, out_lang) if rng.random() < 0.4 else ("", "")
        channel, segment = info[case]
        mixed = "it" if rng.random() < 0.5 else "en"  # drawn in every language: same rows
        mixed = said_in or mixed  # a comment's language is the one it was written in
        lang = "it" if out_lang == "it" else mixed
        out.append((case, when, nps, "", "", text, lang, column, segment, channel))

    for title, event in front_stage_cards():
        if event in COVERED:
            continue
        visits = sorted(
            (max(t for t, e in events if e == event), case)
            for case, events in cases.items()
            if case in ordered and any(e == event for _, e in events)
        )
        share = min(1.0, TARGET / len(visits)) if visits else 0.0
        answered: set[str] = set()
        for at, case in visits:
            retries, _late = _trouble(cases[case], long_wait)
            # who struggled at a step answers a survey about it more readily (response bias)
            bias = 3.0 if retries and event == "checkout_payment" else 1.0
            if rng.random() < share * bias:
                answer(case, at, event, event)
                answered.add(case)
        # a card the log sees too rarely (or not at all: the store's window): other customers
        # who ordered say they saw it; the column names the card, in the workspace's language
        column = event or say(title, out_lang)
        others = [c for c in buyers if c not in answered]
        for case in rng.sample(others, max(0, MINIMUM - len(answered))):
            answer(case, ordered[case], event, column)
    return out
