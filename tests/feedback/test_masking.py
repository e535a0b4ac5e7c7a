"""Personal data in comments is masked at import, counted, and never stored; ids pseudonymised."""

from __future__ import annotations

import hashlib
import hmac
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest

from cxmapper.feedback.privacy import luhn_ok, mask_series, mask_text, pseudonym
from cxmapper.feedback.survey_import import load_responses, read_survey
from cxmapper.model.surveys import add_survey


@pytest.mark.parametrize(
    ("text", "masked", "kind"),
    [
        ("write to anna.b+cx@shop.example.it please", "write to [email] please", "email"),
        ("IBAN IT60X0542811101000000123456 thanks", "IBAN [iban] thanks", "iban"),
        ("card 4111 1111 1111 1111 was charged", "card [card] was charged", "card"),
        ("card 4111-1111-1111-1111", "card [card]", "card"),
        ("chiamatemi al +39 333 123 4567!", "chiamatemi al [phone]!", "phone"),
        ("tel. 02 12345678", "tel. [phone]", "phone"),
        ("(0044) 20 7946 0958 any time", "[phone] any time", "phone"),
    ],
)
def test_each_kind_is_masked_and_counted(text: str, masked: str, kind: str) -> None:
    counts: Counter[str] = Counter()
    assert mask_text(text, counts) == masked
    assert counts == Counter({kind: 1})


@pytest.mark.parametrize(
    "text",
    [
        "delivered on 2026-03-01 at 10:30",
        "order 1234 took 5 days",
        "card ending 1234",
        "reference 4111 1111 1111 1112",  # 16 digits failing the Luhn check: not a card
        "",
    ],
)
def test_ordinary_text_is_left_alone(text: str) -> None:
    counts: Counter[str] = Counter()
    out = mask_text(text, counts)
    if "1112" in text:  # not a card, but long enough to read as a phone number
        assert "[card]" not in out
    else:
        assert out == text and not +counts


def test_luhn() -> None:
    assert luhn_ok("4111111111111111") and luhn_ok("5500000000000004")
    assert not luhn_ok("4111111111111112")


def test_series_masking_keeps_blanks_and_reports_counts() -> None:
    s = pd.Series(["a@b.co and c@d.org", None, "fine", "+39 333 1234567"])
    out, counts = mask_series(s)
    assert list(out) == ["[email] and [email]", None, "fine", "[phone]"]
    assert counts == {"email": 2, "iban": 0, "card": 0, "phone": 1}


def test_nothing_personal_reaches_the_workspace(tmp_path: Path, memory_ws) -> None:
    path = tmp_path / "s.csv"
    path.write_text(
        "case_id,date,nps,comment\n"
        'P1,2026-03-01T10:00:00Z,3,"mail me: mario.rossi@example.com"\n'
        'P2,2026-03-01T11:00:00Z,9,"card 4111 1111 1111 1111, IBAN IT60X0542811101000000123456"\n',
        encoding="utf-8",
    )
    survey = read_survey(path)
    assert survey.masked == {"email": 1, "iban": 1, "card": 1, "phone": 0}
    stored = survey.add_to(memory_ws)
    payload = memory_ws.payload("survey", stored.id)
    for secret in (b"mario.rossi", b"4111", b"IT60X"):
        assert secret not in payload
    frame = load_responses(payload)
    assert list(frame["verbatim"]) == ["mail me: [email]", "card [card], IBAN [iban]"]
    assert stored.options["masked"]["email"] == 1


def test_no_verbatims_keeps_no_comment(tmp_path: Path) -> None:
    path = tmp_path / "s.csv"
    path.write_text("case_id,date,nps,comment\nP1,2026-03-01T10:00:00Z,3,secret words\n")
    survey = read_survey(path, keep_verbatims=False)
    assert survey.frame["verbatim"].isna().all() and not survey.verbatims_kept
    assert b"secret" not in survey.frame.to_csv().encode()


def test_pseudonyms_are_keyed_hashes(tmp_path: Path, memory_ws) -> None:
    key = "k" * 64
    expected = hmac.new(key.encode(), b"P1", hashlib.sha256).hexdigest()[:20]
    assert pseudonym("P1", key) == expected and pseudonym("P1", "other") != expected
    path = tmp_path / "s.csv"
    path.write_text("case_id,date,nps\nP1,2026-03-01T10:00:00Z,3\nP1,2026-03-02T10:00:00Z,5\n")
    survey = read_survey(path, pseudonym_key=key)
    assert list(survey.frame["respondent"]) == [expected, expected]
    payload = add_survey(memory_ws, "s", b"x", n_responses=1)  # storage does not care
    assert payload.n_responses == 1
