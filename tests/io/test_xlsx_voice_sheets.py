"""The workbook's feedback sheets: "Voice of the customer" (per card responses, share, NPS with
interval, CSAT, CES, top topics), "Drivers" and "Improvements" hold the feedback report's
numbers as numbers with number formats, in the workbook's language; no survey, no sheets."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from cxmapper.feedback.report import feedback_report
from cxmapper.io.xlsx_export import export_xlsx
from cxmapper.model.workspace import Workspace
from cxmapper.present import language
from tests.demo_with_data import write_demo_with_data

# one worker runs the whole module, so its module-scoped fixtures are built once, not once
# per worker that gets one of its tests (issue 18)
pytestmark = pytest.mark.xdist_group("io/test_xlsx_voice_sheets")

SHEETS = ("Voice of the customer", "Drivers", "Improvements")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    tmp = tmp_path_factory.mktemp("voice_xlsx")
    path = tmp / "demo.cxmap"
    write_demo_with_data(path)
    with Workspace.open(path) as ws:
        journey = ws.find_journey("Online purchase")
        report = feedback_report(ws, journey.id)
        book = export_xlsx(ws, journey.id, tmp / "en.xlsx", language="en")
        italian = export_xlsx(ws, journey.id, tmp / "it.xlsx", language="it")
        # every front-stage card of the purchase has 30+ answers: the support journey has a
        # card below 30 (Exchange in store)
        support = ws.find_journey("Customer support").id
        small = export_xlsx(ws, support, tmp / "support.xlsx", language="en")
    language.use_language("en")
    yield {"report": report, "book": openpyxl.load_workbook(book),
           "italian": openpyxl.load_workbook(italian), "small": openpyxl.load_workbook(small)}  # fmt: skip


def table(sheet: Any, top: int = 4) -> tuple[list[str], list[list[Any]]]:
    header = [c.value for c in sheet[top]]
    rows = [[c for c in row] for row in sheet.iter_rows(min_row=top + 1) if row[0].value]
    return header, rows


def by_header(header: list[str], row: list[Any], name: str) -> Any:
    return row[header.index(name)]


def test_voice_sheet_per_card_as_numbers(demo: dict[str, Any]) -> None:
    report = demo["report"]
    header, rows = table(demo["book"]["Voice of the customer"])
    titles = {t.id: t.title for t in report.spec.touchpoints}
    assert [by_header(header, r, "Touchpoint").value for r in rows] == [
        titles[t.id] for t in report.spec.touchpoints if t.id in report.per_touchpoint
    ]
    row = next(r for r in rows if by_header(header, r, "Touchpoint").value == "Order confirmation e-mail")  # fmt: skip
    f = next(f for k, f in report.per_touchpoint.items() if titles[k] == "Order confirmation e-mail")  # fmt: skip
    cell = lambda name: by_header(header, row, name)  # noqa: E731
    assert cell("Responses").value == 53 == f.n
    assert cell("NPS").value == pytest.approx(f.nps) and round(f.nps) == -92
    assert cell("NPS").number_format == "+0;-0;0"
    assert (cell("NPS 95 % low").value, cell("NPS 95 % high").value) == (f.nps_low, f.nps_high)
    assert cell("Share of responses").value == pytest.approx(53 / len(report.responses))
    assert cell("Share of responses").number_format == "0%"
    assert cell("CES mean").value == pytest.approx(f.ces_mean)
    assert cell("CES % easy").value == pytest.approx(f.ces_easy_pct / 100)
    assert cell("Indicative (n < 30)").value is None
    assert cell("Top topics").value.startswith("delivery 25 (")
    header, rows = table(demo["small"]["Voice of the customer"])
    small = next(r for r in rows if by_header(header, r, "Touchpoint").value == "Exchange in store")
    assert by_header(header, small, "Responses").value < 30
    assert by_header(header, small, "Indicative (n < 30)").value == "indicative"


def test_drivers_sheet_ranks_as_the_report(demo: dict[str, Any]) -> None:
    report = demo["report"]
    header, rows = table(demo["book"]["Drivers"])
    assert len(rows) == len(report.drivers)
    first, d = rows[0], report.drivers[0]
    assert (by_header(header, first, "Touchpoint").value, by_header(header, first, "Behaviour").value) == (
        "Checkout: payment", "repeated")  # fmt: skip
    assert by_header(header, first, "Difference").value == pytest.approx(d.difference)
    assert by_header(header, first, "p-value").value == pytest.approx(d.p_value)
    assert by_header(header, first, "p-value").number_format == "0.00E+00"  # p < 0.001
    assert by_header(header, first, "Impact (difference × share)").value == pytest.approx(d.impact)  # fmt: skip
    assert [r[0].value for r in rows[:3]] == [1, 2, 3]


def test_improvements_sheet_verdicts_and_tests(demo: dict[str, Any]) -> None:
    report = demo["report"]
    header, rows = table(demo["book"]["Improvements"])
    done = {a.title: a for a in report.verdicts}
    assert {by_header(header, r, "Action").value for r in rows} == set(done)
    verdicts = {by_header(header, r, "Action").value: by_header(header, r, "Verdict").value for r in rows}  # fmt: skip
    assert verdicts == {"Address autocomplete": "improved",
                        "Show shipping cost before checkout": "no detectable change"}  # fmt: skip
    row = next(r for r in rows if by_header(header, r, "Action").value == "Address autocomplete"
               and by_header(header, r, "Measure").value == "drop-off")  # fmt: skip
    m = next(m for m in done["Address autocomplete"].verdict.measures if m.measure == "dropoff")
    assert by_header(header, row, "n before").value == m.comparison.n_a
    assert by_header(header, row, "Effect (after − before)").value == pytest.approx(m.comparison.effect)  # fmt: skip
    assert by_header(header, row, "p-value").value == pytest.approx(m.comparison.p_value)
    assert by_header(header, row, "Measure verdict").value == "improved"
    assert by_header(header, row, "Done on").is_date


def test_sheet_names_and_headers_translate(demo: dict[str, Any]) -> None:
    wb = demo["italian"]
    assert not set(SHEETS) & set(wb.sheetnames)
    assert {"Voce del cliente", "Fattori", "Miglioramenti"} <= set(wb.sheetnames)
    header, rows = table(wb["Miglioramenti"])
    assert "Esito" in header and "migliorato" in {by_header(header, r, "Esito").value for r in rows}


def test_no_survey_no_feedback_sheets(tmp_path: Path) -> None:
    with Workspace.create(tmp_path / "w.cxmap") as ws:
        j = ws.add_journey("Buy")
        ws.add_touchpoint(ws.add_stage(j.id, "Pay").id, ws.add_lane(j.id, "Web").id, "Pay")
        book = export_xlsx(ws, j.id, tmp_path / "w.xlsx", language="en")
    assert not set(SHEETS) & set(openpyxl.load_workbook(book).sheetnames)


def test_the_linked_share_line_is_in_the_workbooks_language(demo: dict[str, Any]) -> None:
    """The line read "4,379 risposte" in the Italian workbook: Python's grouping, not Italian."""
    n = len(demo["report"].responses)
    lines = [str(c.value) for row in demo["italian"]["Voce del cliente"].iter_rows(max_row=6)
             for c in row if c.value and "risposte su questo percorso" in str(c.value)]  # fmt: skip
    assert lines and lines[0].startswith(f"{n:,} risposte".replace(",", ".")), lines
    english = [str(c.value) for row in demo["book"]["Voice of the customer"].iter_rows(max_row=6)
               for c in row if c.value and "responses about this journey" in str(c.value)]  # fmt: skip
    assert english and english[0].startswith(f"{n:,} responses"), english
