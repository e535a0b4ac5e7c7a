"""The Value model sheet: the journey's money assumptions written as numbers with the currency's
format, and read back: an unedited workbook imports with no change, owners' corrections (an
amount, a cleared cost, an added channel) become one journey update that applies and undoes,
and an edit made in cxmapper since the export is a conflict."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from cxmapper.io.xlsx_export import export_xlsx
from cxmapper.io.xlsx_import import apply_plan, plan_xlsx_import
from cxmapper.model.value_models import set_value_model, stored_value_model
from cxmapper.model.workspace import Workspace
from cxmapper.present import language

MODEL = {
    "value_per_conversion": 50.0,
    "currency": "EUR",
    "contact_costs": {"call centre": 6.5, "chat": 3.2},
}


@pytest.fixture
def book(file_ws: Workspace, journey: dict[str, str], tmp_path: Path) -> Path:
    set_value_model(file_ws, journey["journey"], MODEL)
    return export_xlsx(file_ws, journey["journey"], tmp_path / "j.xlsx")


def rows(path: Path, title: str = "Value model") -> dict[str, list[openpyxl.cell.Cell]]:
    sheet = openpyxl.load_workbook(path)[title]
    return {str(r[0].value): list(r) for r in sheet.iter_rows(min_row=2) if r[0].value}


def edit(path: Path, changes: dict[str, object], added: list[tuple[str, str, float]] = ()) -> None:
    wb = openpyxl.load_workbook(path)
    sheet = wb["Value model"]
    for r in sheet.iter_rows(min_row=2):
        if r[0].value in changes:
            r[3].value = changes[str(r[0].value)]
    for setting, name, amount in added:
        sheet.append([None, setting, name, amount])
    wb.save(path)


def test_amounts_are_numbers_with_the_currency_format(book: Path) -> None:
    r = rows(book)
    cell = r["value_per_conversion"][3]
    assert cell.value == 50 and cell.data_type == "n"
    assert cell.number_format.startswith('"€"#,##0.00')
    assert r["contact_cost|call centre"][3].value == 6.5
    assert r["currency"][3].value == "EUR"
    assert r["contact_cost|store"][3].value is None  # an assisted channel without a cost yet
    assert r["repeat_window_days"][3].value == 7


def test_italian_workbook_formats_money_the_italian_way(
    file_ws: Workspace, journey: dict[str, str], tmp_path: Path
) -> None:
    set_value_model(file_ws, journey["journey"], MODEL)
    path = export_xlsx(file_ws, journey["journey"], tmp_path / "it.xlsx", language="it")
    language.use_language("en")
    r = rows(path, "Modello di valore")
    assert r["value_per_conversion"][3].number_format.startswith('"€ "#,##0.00')
    assert r["value_per_conversion"][1].value == "Valore di una conversione"
    assert r["contact_cost|store"][2].value == "negozio"  # a known channel in the language


def test_an_unedited_workbook_imports_with_no_change(
    file_ws: Workspace, journey: dict[str, str], book: Path
) -> None:
    plan = plan_xlsx_import(file_ws, book)
    assert plan.changes == [] and plan.conflicts == []


def test_owner_corrections_apply_as_one_journey_update_and_undo(
    file_ws: Workspace, journey: dict[str, str], book: Path
) -> None:
    edit(
        book,
        {"value_per_conversion": 55, "contact_cost|chat": None, "contact_cost|store": 4},
        added=[("Cost of a contact", "letter", 0.9)],
    )
    plan = plan_xlsx_import(file_ws, book)
    assert plan.conflicts == []
    (change,) = plan.changes
    assert (change.op, change.kind, change.id) == ("update", "journey", journey["journey"])
    applied = apply_plan(file_ws, plan)
    stored = stored_value_model(file_ws, journey["journey"])
    assert stored["value_per_conversion"] == 55.0
    assert stored["contact_costs"] == {"call centre": 6.5, "store": 4.0, "letter": 0.9}
    assert stored["currency"] == "EUR"
    applied.undo(file_ws)
    assert stored_value_model(file_ws, journey["journey"]) == json.loads(json.dumps(MODEL))


def test_an_edit_made_in_cxmapper_since_the_export_is_a_conflict(
    file_ws: Workspace, journey: dict[str, str], book: Path
) -> None:
    set_value_model(file_ws, journey["journey"], {**MODEL, "value_per_conversion": 60.0})
    edit(book, {"value_per_conversion": 55, "contact_cost|call centre": 7})
    plan = plan_xlsx_import(file_ws, book)
    assert len(plan.conflicts) == 1 and "Value of a conversion" in str(plan.conflicts[0])
    (change,) = plan.changes  # the other edit still applies
    assert json.loads(change.values["value_model"])["value_per_conversion"] == 60.0
    assert json.loads(change.values["value_model"])["contact_costs"]["call centre"] == 7.0


def test_a_bad_amount_is_a_conflict_naming_the_row(
    file_ws: Workspace, journey: dict[str, str], book: Path
) -> None:
    edit(book, {"contact_cost|chat": "cheap", "currency": "euro"})
    plan = plan_xlsx_import(file_ws, book)
    assert plan.changes == []
    assert any("row" in str(c) and "number" in str(c) for c in plan.conflicts)
    assert any("currency" in str(c) for c in plan.conflicts)
