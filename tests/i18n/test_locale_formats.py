"""Numbers, dates and money per language, and Excel date formats that keep cells as numbers."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

from cxmapper.present import language
from cxmapper.present.locale_format import (
    excel_date_format,
    format_date,
    format_number,
    localised_excel_format,
)
from cxmapper.present.money import format_money


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
    yield
    language.use_language("en")


def test_numbers_per_language() -> None:
    assert format_number(12345.678, 1, "en") == "12,345.7"
    assert format_number(12345.678, 1, "it") == "12.345,7"
    assert format_number(1234567, language="it") == "1.234.567"
    assert format_number(None, language="it") == "–"


def test_dates_per_language() -> None:
    assert format_date(date(2026, 12, 5), "en") == "2026-12-05"
    assert format_date(date(2026, 12, 5), "it") == "05/12/2026"
    assert format_date("2026-03-01T10:15:00Z", "it") == "01/03/2026"
    assert format_date(datetime(2026, 3, 1, 10, 15), "en") == "2026-03-01"


def test_current_language_is_the_default() -> None:
    language.use_language("it")
    assert format_number(1500.5, 2) == "1.500,50"
    assert excel_date_format() == "dd/mm/yyyy"
    assert localised_excel_format("yyyy-mm-dd hh:mm") == "dd/mm/yyyy hh:mm"
    assert localised_excel_format("0.00") == "0.00"  # Excel shows the reader's separators
    language.use_language("en")
    assert excel_date_format(with_time=True) == "yyyy-mm-dd hh:mm"


def test_money_per_language() -> None:
    assert format_money(15000, "EUR", "it") == "€ 15.000,00"
    assert format_money(15000, "EUR", "en") == "€15,000.00"


def test_italian_workbook_keeps_dates_as_dates_with_italian_formats(
    tmp_path: Path,
) -> None:
    import openpyxl

    from cxmapper.io.xlsx_export import export_xlsx
    from cxmapper.model.demo import write_demo
    from cxmapper.model.workspace import Workspace

    path = tmp_path / "demo.cxmap"
    write_demo(path, 7)
    with Workspace.open(path, read_only=True) as ws:
        journey = ws.journeys()[0].id
        book = export_xlsx(ws, journey, tmp_path / "it.xlsx", language="it")
    wb = openpyxl.load_workbook(book)
    sheet = wb["Commenti"]
    header = [c.value for c in sheet[1]]
    cell = sheet.cell(2, header.index("Ora") + 1)
    assert isinstance(cell.value, datetime)  # a date, never formatted text
    assert cell.number_format == "dd/mm/yyyy hh:mm"
