"""How model values look in a cell, and how a cell an owner edited turns back into a value.

Export and import share these functions so that "did this cell change?" compares like with
like: the value written, the value read back and the workspace's current value all pass
through `fingerprint()` (via xlsx_merge, which applies the export's cell cleaning first)
before they are compared.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from cxmapper.errors import CxError

YES, NO = "yes", "no"
EMOTION_WORDS = {
    -2: "very negative",
    -1: "negative",
    0: "neutral",
    1: "positive",
    2: "very positive",
}


class CellValueError(CxError):
    """A cell holds something that cannot become the field's value (reported as a conflict)."""


def norm(value: Any) -> Any:
    """A comparable form of a cell value: '' for blank, whole floats as int, dates as ISO text."""
    if type(value) is str:  # most cells: skip the other type checks
        return _norm_text(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return YES if value else NO
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        return int(value) if value.is_integer() else round(value, 9)
    if isinstance(value, int):
        return value
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.date().isoformat()
        return value.isoformat(timespec="minutes")
    if isinstance(value, dt.date):
        return value.isoformat()
    return _norm_text(str(value))


def _norm_text(value: str) -> Any:
    """Text as it compares: stripped, and a number when it reads as one ("4,5" too)."""
    text = value.strip()
    try:
        number = float(text.replace(",", ".")) if text and text[0] in "+-.0123456789" else None
    except ValueError:
        number = None
    if number is not None and not math.isnan(number) and not math.isinf(number):
        return norm(number)
    return text


def join_list(items: list[str], sep: str = ", ") -> str:
    return sep.join(items)


def split_list(value: Any, sep: str = ",") -> list[str]:
    text = "" if value is None else str(value)
    return [part.strip() for part in text.replace("\n", sep).split(sep) if part.strip()]


def to_text(value: Any) -> str:
    """Text as typed (trimmed); numbers Excel made of it back as plain digits."""
    if isinstance(value, str):
        return value.strip()
    v = norm(value)
    return v if isinstance(v, str) else str(v)


def to_int(value: Any, what: str) -> int:
    v = norm(value)
    if isinstance(v, int) and not isinstance(v, bool):
        return v
    raise CellValueError(f"{what} must be a whole number, not {to_text(value)!r}")


def to_score(value: Any, what: str) -> int | None:
    """A whole number, or None for an empty cell (an emotion left blank is "not scored")."""
    return None if norm(value) == "" else to_int(value, what)


def to_float(value: Any, what: str, *, blank: bool = False) -> float | None:
    v = norm(value)
    if v == "" and blank:
        return None
    if isinstance(v, int | float) and not isinstance(v, bool):
        return float(v)
    raise CellValueError(f"{what} must be a number, not {to_text(value)!r}")


def to_bool(value: Any, what: str) -> bool:
    v = norm(value)
    text = str(v).lower()
    if text in ("yes", "y", "true", "1", "x", "ja", "oui"):
        return True
    if text in ("no", "n", "false", "0", ""):
        return False
    raise CellValueError(f"{what} must be yes or no, not {to_text(value)!r}")


def yes_no(flag: bool) -> str:
    return YES if flag else NO


def to_date(value: Any, what: str) -> str:
    """An ISO date (YYYY-MM-DD) from a date cell or text; blank stays blank."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = to_text(value)
    if not text:
        return ""
    try:
        return dt.date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        raise CellValueError(f"{what} must be a date (YYYY-MM-DD), not {text!r}") from None


def to_timestamp(value: Any, what: str) -> str:
    """An ISO timestamp in UTC for a reading date; a bare date means midnight UTC."""
    if isinstance(value, dt.datetime):
        stamp = value if value.tzinfo else value.replace(tzinfo=dt.UTC)
        return stamp.astimezone(dt.UTC).isoformat(timespec="seconds")
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day, tzinfo=dt.UTC).isoformat()
    text = to_text(value)
    try:
        parsed = dt.datetime.fromisoformat(text)
    except ValueError:
        raise CellValueError(f"{what} must be a date or date and time, not {text!r}") from None
    return to_timestamp(parsed, what)


def excel_date(iso: str) -> dt.date | str:
    """A real date for Excel when the text is an ISO date, else the text itself."""
    try:
        return dt.date.fromisoformat(iso) if iso else ""
    except ValueError:
        return iso


def excel_datetime(iso: str) -> dt.datetime | str:
    """A naive UTC datetime for Excel (it has no time zones), else the text itself."""
    try:
        stamp = dt.datetime.fromisoformat(iso)
    except ValueError:
        return iso
    if stamp.tzinfo:
        stamp = stamp.astimezone(dt.UTC).replace(tzinfo=None)
    return stamp


HASHED_ABOVE = 500  # characters: longer text is fingerprinted by its hash


def fingerprint(value: Any, *, as_text: bool = False) -> Any:
    """`norm(value)` (or, `as_text`, the trimmed text: '007' and '7' differ in a text column),
    with long text replaced by a hash so the baseline row stays small."""
    v = to_text(value) if as_text else norm(value)
    if isinstance(v, str) and len(v) > HASHED_ABOVE:
        import hashlib

        return "sha1:" + hashlib.sha1(v.encode("utf-8")).hexdigest()
    return v
