"""Personal data in verbatims and respondent ids: masking at import and keyed pseudonyms.

Masks are applied before anything is stored, so the workspace never holds the originals.
Only texts with an '@' or a run of digits are examined, which keeps 100,000 comments fast.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from collections import Counter
from collections.abc import Iterable

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

MASKS = ("email", "iban", "card", "phone")  # applied in this order (an IBAN holds digits too)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]){11,30}\b")
CARD = re.compile(r"(?<![\w])(?:\d[ -]?){12,18}\d(?![\w])")
PHONE = re.compile(r"(?<![\w+])(?:\+|00)?\(?\d{1,4}\)?(?:[ ./-]?\d){6,13}(?![\w])")
_SUSPECT = re.compile(r"@|\d{3}")
_DATE = re.compile(r"\d{4}([-/.])\d{1,2}\1\d{1,2}|\d{1,2}([-/.])\d{1,2}\2\d{2,4}")


def luhn_ok(digits: str) -> bool:
    """Card numbers carry a Luhn check digit; order numbers of the same length mostly do not."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def mask_text(text: str, counts: Counter[str]) -> str:
    """`text` with e-mails, IBANs, card numbers and phone numbers replaced by [email] etc."""
    text, n = EMAIL.subn("[email]", text)
    counts["email"] += n
    text, n = IBAN.subn("[iban]", text)
    counts["iban"] += n

    def card(m: re.Match[str]) -> str:
        digits = re.sub(r"\D", "", m.group(0))
        if 13 <= len(digits) <= 19 and luhn_ok(digits):
            counts["card"] += 1
            return "[card]"
        return m.group(0)

    text = CARD.sub(card, text)

    def phone(m: re.Match[str]) -> str:
        if _DATE.fullmatch(m.group(0).strip()):
            return m.group(0)  # 2026-03-01 or 01/03/2026 is a date, not a number to hide
        if len(re.sub(r"\D", "", m.group(0))) >= 8:
            counts["phone"] += 1
            return "[phone]"
        return m.group(0)

    return PHONE.sub(phone, text)


def mask_series(texts: pd.Series) -> tuple[pd.Series, dict[str, int]]:
    """Masked copy of a text column (None stays None) and how many of each kind were masked."""
    counts: Counter[str] = Counter()
    values = texts.to_numpy(dtype=object, na_value=None)
    found = pc.match_substring_regex(pa.array(values, type=pa.string()), _SUSPECT.pattern)
    suspect = found.fill_null(False).to_numpy(zero_copy_only=False)  # Arrow: no Python loop
    out = values.copy()
    for i in np.flatnonzero(suspect):
        out[i] = mask_text(str(values[i]), counts)
    return pd.Series(out, index=texts.index, dtype=object), {k: counts[k] for k in MASKS}


def pseudonym(value: str, key: str) -> str:
    """Keyed hash (HMAC-SHA256, 20 hex digits) of an id: stable per key, not reversible."""
    return hmac.new(key.encode(), value.encode(), hashlib.sha256).hexdigest()[:20]


def pseudonymise(values: Iterable[str], key: str) -> dict[str, str]:
    """Pseudonym of each distinct id (hashing distinct values only: ids repeat)."""
    return {v: pseudonym(v, key) for v in dict.fromkeys(values)}
