"""Numbers and dates as people of each language read them, in text and in Excel formats.

Why here: the CLI, the workbook's sentences and the money figures must agree on separators
(`12.345,6` in Italian, `12,345.6` in English) and dates (`05/12/2026`, `2026-12-05`). The
separators are those of `present.money` (one table); `language=None` means the current one.
Excel cells keep numbers and dates as numbers: only their number format is chosen here.
"""

from __future__ import annotations

import math
from datetime import date, datetime

from cxmapper.present.money import style_of

DATE_PATTERNS: dict[str, str] = {"en": "%Y-%m-%d", "it": "%d/%m/%Y"}
EXCEL_DATE: dict[str, str] = {"en": "yyyy-mm-dd", "it": "dd/mm/yyyy"}
EXCEL_DATETIME: dict[str, str] = {"en": "yyyy-mm-dd hh:mm", "it": "dd/mm/yyyy hh:mm"}


def _lang(language: str | None) -> str:
    if language is None:
        from cxmapper.present.language import current_language

        language = current_language()
    return language if language in DATE_PATTERNS else "en"


def localise(text: str, language: str | None = None) -> str:
    """A number written with ',' for thousands and '.' for decimals ('1,234.5'), in the
    language's separators ('1.234,5' in Italian): the one place figures change separators."""
    style = style_of(_lang(language))
    return text.translate(str.maketrans(",.", style.group + style.decimal))


def format_number(value: float | None, digits: int = 0, language: str | None = None) -> str:
    """'12,345.6' (en), '12.345,6' (it); a dash when there is no value."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return localise(f"{value:,.{digits}f}", language)


def format_percent(share: float | None, digits: int = 0, language: str | None = None) -> str:
    """A share (0.15) as the app's QLocale writes it: '15.0%' (en), '15,0%' (it); a dash when
    there is no value. The CLI uses it so its figures read as the Channels view's."""
    if share is None or (isinstance(share, float) and math.isnan(share)):
        return "–"
    return f"{format_number(share * 100, digits, language)}%"


def format_date(value: date | datetime | str, language: str | None = None) -> str:
    """'2026-12-05' (en), '05/12/2026' (it); ISO text ('2026-12-05T10:00') is accepted."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return value.strftime(DATE_PATTERNS[_lang(language)])


def excel_date_format(with_time: bool = False, language: str | None = None) -> str:
    """The Excel number format for a date (or date and time) cell in that language."""
    table = EXCEL_DATETIME if with_time else EXCEL_DATE
    return table[_lang(language)]


def localised_excel_format(number_format: str | None, language: str | None = None) -> str | None:
    """An English date format written in code ('yyyy-mm-dd', 'yyyy-mm-dd hh:mm') as the
    language's; any other format unchanged (number formats use ',' and '.' in every Excel,
    which shows the reader's own separators)."""
    if number_format == EXCEL_DATE["en"]:
        return excel_date_format(False, language)
    if number_format == EXCEL_DATETIME["en"]:
        return excel_date_format(True, language)
    return number_format
