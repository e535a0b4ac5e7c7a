"""Money reads per locale from one formatter: `€ 15.000,00` in Italian, `€15,000.00` in English."""

from __future__ import annotations

import pytest

from cxmapper.present.money import excel_format, format_money


@pytest.mark.parametrize(
    ("amount", "currency", "locale", "text"),
    [
        (15000, "EUR", "it", "€ 15.000,00"),
        (15000, "EUR", "it_IT", "€ 15.000,00"),
        (15000, "EUR", "en", "€15,000.00"),
        (15000, "EUR", "en-GB", "€15,000.00"),
        (1234567.891, "USD", "en", "$1,234,567.89"),
        (0.5, "GBP", "it", "£ 0,50"),
        (-1200.5, "EUR", "it", "-€ 1.200,50"),
        (-0.001, "EUR", "en", "€0.00"),  # rounds to zero: no minus sign
        (1500, "CHF", "en", "CHF 1,500.00"),  # no symbol: the code and a space
        (1500, "JPY", "en", "¥1,500"),  # no minor unit
        (15000, "EUR", "xx", "€15,000.00"),  # unknown locale: English
    ],
)
def test_format_money(amount: float, currency: str, locale: str, text: str) -> None:
    assert format_money(amount, currency, locale) == text


def test_no_value_reads_as_a_dash() -> None:
    assert format_money(None, "EUR") == "–"
    assert format_money(float("nan"), "EUR", "it") == "–"


def test_excel_format_shows_the_same_symbol_and_spacing() -> None:
    assert excel_format("EUR", "it") == '"€ "#,##0.00;-"€ "#,##0.00'
    assert excel_format("EUR", "en") == '"€"#,##0.00;-"€"#,##0.00'
    assert excel_format("JPY", "en") == '"¥"#,##0;-"¥"#,##0'
