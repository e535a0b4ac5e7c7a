"""Money as people read it, per locale: the one place an amount becomes text.

`€ 15.000,00` in Italian, `€15,000.00` in English. A small explicit table instead of babel:
babel follows CLDR, whose Italian pattern puts the symbol after the amount (`15.000,00 €`),
not the form Italian business documents and this project's issue ask for, and a dependency
would be pinned for two patterns. `excel_format` gives the matching Excel number format, so a
workbook cell holds the number and shows it the same way.
"""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class MoneyStyle:
    """How one locale writes an amount."""

    group: str  # thousands separator
    decimal: str
    symbol_space: bool  # a space between the currency symbol and the number


STYLES: dict[str, MoneyStyle] = {
    "en": MoneyStyle(",", ".", False),
    "it": MoneyStyle(".", ",", True),
}
DEFAULT_LOCALE = "en"
SYMBOLS: dict[str, str] = {"EUR": "€", "USD": "$", "GBP": "£", "JPY": "¥"}
#: Minor-unit digits where they are not 2 (ISO 4217).
DIGITS: dict[str, int] = {"JPY": 0}


def style_of(locale: str) -> MoneyStyle:
    """The style of a locale ('it', 'it_IT', 'it-CH'); English for one not in the table."""
    language = locale.replace("-", "_").split("_", 1)[0].lower()
    return STYLES.get(language, STYLES[DEFAULT_LOCALE])


def _prefix(currency: str, style: MoneyStyle) -> str:
    symbol = SYMBOLS.get(currency.upper())
    if symbol is None:  # a code reads as a word: always followed by a space
        return currency.upper() + " "
    return symbol + (" " if style.symbol_space else "")


def format_money(amount: float | None, currency: str, locale: str = DEFAULT_LOCALE) -> str:
    """'€ 15.000,00' (it), '€15,000.00' (en), 'CHF 1,200.50'; a dash when there is no value."""
    if amount is None or math.isnan(amount):
        return "–"
    style = style_of(locale)
    digits = DIGITS.get(currency.upper(), 2)
    text = f"{abs(amount):,.{digits}f}"  # '15,000.00': swap in the locale's separators
    table: dict[str, str | int | None] = {",": style.group, ".": style.decimal}
    text = text.translate(str.maketrans(table))
    sign = "-" if round(amount, digits) < 0 else ""
    return f"{sign}{_prefix(currency, style)}{text}"


def excel_format(currency: str, locale: str = DEFAULT_LOCALE) -> str:
    """Excel number format showing a cell's number as `format_money` writes it.

    Excel format codes always use ',' and '.'; the reader's Excel shows its own separators, so
    only the symbol and its spacing follow the locale here."""
    style = style_of(locale)
    digits = DIGITS.get(currency.upper(), 2)
    number = "#,##0" + ("." + "0" * digits if digits else "")
    prefix = _prefix(currency, style).replace('"', "")
    return f'"{prefix}"{number};-"{prefix}"{number}'
