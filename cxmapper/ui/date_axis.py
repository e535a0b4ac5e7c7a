"""A pyqtgraph date axis that names months and weekdays in the app's language.

Why: pyqtgraph's `DateAxisItem` formats ticks with `strftime`, which follows the C locale of
the process (English month names in an Italian app). The ticks it makes are kept; only the
English month and weekday abbreviations in them are replaced by QLocale's short names.
"""

from __future__ import annotations

import re
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QLocale

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_WORD = re.compile(r"\b(" + "|".join(MONTHS + DAYS) + r")\b")


def local_names(locale: QLocale | None = None) -> dict[str, str]:
    """English abbreviation -> the locale's short month / weekday name ("May" -> "mag")."""
    loc = locale or QLocale()
    short = QLocale.FormatType.ShortFormat
    names = {m: loc.standaloneMonthName(i, short) for i, m in enumerate(MONTHS, start=1)}
    names.update({d: loc.standaloneDayName(i, short) for i, d in enumerate(DAYS, start=1)})
    return names


def localise(text: str, names: dict[str, str]) -> str:
    return _WORD.sub(lambda m: names.get(m.group(0), m.group(0)), text)


class LocaleDateAxis(pg.DateAxisItem):  # type: ignore[misc]  # pyqtgraph is untyped (Any)
    """`DateAxisItem` whose tick labels use the current QLocale's month and day names."""

    def tickStrings(self, values: Any, scale: Any, spacing: Any) -> list[str]:
        names = local_names()
        return [localise(str(s), names) for s in super().tickStrings(values, scale, spacing)]
