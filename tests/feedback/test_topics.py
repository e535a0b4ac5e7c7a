"""Topics by keyword and stem, in Italian and English; per card with examples; editable."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from cxmapper.errors import ValidationError
from cxmapper.feedback.topic_lists import STARTER_TOPICS
from cxmapper.feedback.topics import (
    Matcher,
    assign,
    card_topics,
    load_topics,
    save_topics,
    stem,
)


def test_starter_lists_cover_the_usual_topics_in_both_languages() -> None:
    for key in (
        "delivery",
        "payment",
        "price",
        "returns",
        "waiting",
        "staff",
        "usability",
        "communication",
    ):
        assert set(STARTER_TOPICS[key]) == {"en", "it"}


@pytest.mark.parametrize(
    ("text", "topics"),
    [
        ("La consegna è arrivata in ritardo", ["delivery"]),
        ("Parcel was delivered late", ["delivery"]),
        ("Il PAGAMENTO è stato rifiutato", ["payment"]),
        ("I was charged twice", ["payment"]),
        ("Prezzi troppo cari", ["price"]),
        ("Operatrice gentilissima", ["staff"]),
        ("On hold forever", ["waiting"]),
        ("Qualita scarsa", ["product"]),  # accents folded: qualità
        ("Nothing to say", []),
    ],
)
def test_keywords_and_stems(text: str, topics: list[str]) -> None:
    assert assign(pd.Series([text])) == [topics]


def test_stems() -> None:
    assert stem("consegnato") == "consegn" and stem("delivered") == "deliver"
    assert stem("resi") == "resi"  # too short to cut


def test_card_topics_counts_examples_and_negative_share() -> None:
    texts = pd.Series(
        [
            "payment failed",
            "payment declined again",
            "pagamento ok",
            "late delivery",
            None,
            "payment page slow",
        ]
    )
    tp = np.array([0, 0, 0, 0, 0, 1])
    neg = np.array([True, True, False, False, False, True])
    [card0, card1] = card_topics(texts, tp, neg, 2)
    assert [(s.topic, s.count) for s in card0] == [("payment", 3), ("delivery", 1)]
    pay = card0[0]
    assert pay.negative_share == pytest.approx(2 / 3)
    assert pay.examples == ["payment failed", "payment declined again", "pagamento ok"]
    assert [s.topic for s in card1] == ["payment", "waiting"]


def test_the_topic_list_is_editable_and_kept_in_the_workspace(memory_ws) -> None:
    assert load_topics(memory_ws) == STARTER_TOPICS
    mine = {"gift wrap": {"en": ["gift wrap", "wrapping"], "it": ["confezione regalo"]}}
    save_topics(memory_ws, mine)
    assert load_topics(memory_ws) == mine
    assert assign(pd.Series(["Gift  wrapping was torn"]), mine) == [["gift wrap"]]
    with pytest.raises(ValidationError):
        save_topics(memory_ws, {"x": ["not", "by", "language"]})  # type: ignore[dict-item]


def test_each_distinct_comment_on_a_card_is_matched_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """100,000 answers repeat a few hundred comments: matching each text once keeps the report
    (and the app's badges) fast; answers linked to no card need no topics at all."""
    calls: list[str] = []
    original = Matcher.topics_of

    def counting(self: Matcher, text: str) -> list[str]:
        calls.append(text)
        return original(self, text)

    monkeypatch.setattr(Matcher, "topics_of", counting)
    texts = pd.Series(["Late delivery", "late delivery", "Late delivery", "", None, "Great price"])
    tp = np.array([0, 0, 0, 0, 0, -1])
    [card] = card_topics(texts, tp, np.zeros(6, dtype=bool), 1)
    assert sorted(calls) == ["Late delivery", "late delivery"]
    assert [(t.topic, t.count) for t in card] == [("delivery", 3)]
    assert assign(texts) == [["delivery"]] * 3 + [[], [], ["price"]]
