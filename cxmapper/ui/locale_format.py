"""Numbers and dates as the app's language writes them (QLocale default set at start-up).

Python's `f"{n:,}"` always groups with commas; an Italian reader expects 12.345 and 3,5 %.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QLocale

from cxmapper.present.locale_format import format_number


def number(value: float, decimals: int = 0) -> str:
    """`value` grouped and with the decimal mark of the current language: the exports' own
    rule (`present.locale_format.format_number`), so the funnel's bars read "7.000" as the
    cards and the workbook do (Qt's Italian locale leaves four digits ungrouped: "7000")."""
    return format_number(round(value) if decimals == 0 else float(value), decimals)  # no "-0"


def percent(share: float, decimals: int = 0) -> str:
    """A share (0.25) as a percentage in the current locale ("25%" / "25 %")."""
    return f"{number(share * 100, decimals)}{QLocale().percent()}"


def short_date(value: date) -> str:
    return QLocale().toString(
        QDate(value.year, value.month, value.day), QLocale.FormatType.ShortFormat
    )


def date_edit_format() -> str:
    """A QDateEdit's display format in the app's language: the workbook's and the CLI's date
    ("26/04/2026" in Italian, "2026-04-26" in English), not a fixed ISO date."""
    from cxmapper.present.language import current_language
    from cxmapper.present.locale_format import EXCEL_DATE

    return EXCEL_DATE.get(current_language(), EXCEL_DATE["en"]).replace("mm", "MM")
