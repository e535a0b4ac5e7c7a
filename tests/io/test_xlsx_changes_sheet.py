"""The Changes sheet: the latest version against the journey as exported (or the two latest
versions when nothing changed since), one row per changed field with its lineage id, headers
in the workbook's language, absent from an owner's workbook, ignored by the import."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from cxmapper.io.xlsx_export import export_xlsx
from cxmapper.io.xlsx_import import plan_xlsx_import
from cxmapper.model.versions import save_version
from cxmapper.model.workspace import Workspace


def _body(sheet) -> list[list[object]]:  # type: ignore[no-untyped-def]
    rows = sheet.iter_rows(min_row=5, values_only=True)
    return [list(r) for r in rows if any(v is not None for v in r)]


def _three_edits(ws: Workspace, ids: dict[str, str]) -> None:
    save_version(ws, ids["journey"], "As-is")
    ws.update("touchpoint", ids["home"], title="Welcome")
    ws.move_touchpoints([ids["cart"]], ids["use"], ids["web"], 0)
    ws.remove("touchpoint", ids["search"])


def test_latest_version_against_now(
    file_ws: Workspace, small_journey: dict[str, str], tmp_path: Path
) -> None:
    ws, ids = file_ws, small_journey
    _three_edits(ws, ids)
    out = export_xlsx(ws, ids["journey"], tmp_path / "j.xlsx")
    sheet = load_workbook(out)["Changes"]
    assert sheet.cell(2, 1).value == "From As-is to the journey as exported"
    assert [sheet.cell(4, c).value for c in range(1, 9)] == [
        "Change", "Kind", "Card or name", "Stage", "Field", "Old value", "New value",
        "Lineage ID"]  # fmt: skip
    assert _body(sheet) == [
        ["changed", "touchpoint", "Welcome", "Discover", "title", "Home page", "Welcome",
         ids["home"]],
        ["moved", "touchpoint", "Cart", "Use", "stage", "Buy", "Use", ids["cart"]],
        ["removed", "touchpoint", "Search", "Discover", None, None, None, ids["search"]],
    ]  # fmt: skip
    plan = plan_xlsx_import(ws, out)  # read-only: an unedited workbook changes nothing
    assert plan.changes == [] and plan.conflicts == []


def test_two_latest_versions_when_nothing_changed_since(
    file_ws: Workspace, small_journey: dict[str, str], tmp_path: Path
) -> None:
    ws, ids = file_ws, small_journey
    _three_edits(ws, ids)
    save_version(ws, ids["journey"], "To-be")
    sheet = load_workbook(export_xlsx(ws, ids["journey"], tmp_path / "j.xlsx"))["Changes"]
    assert sheet.cell(2, 1).value == "From As-is to To-be"
    assert [r[0] for r in _body(sheet)] == ["changed", "moved", "removed"]


def test_in_italian_and_not_in_an_owners_workbook(
    file_ws: Workspace, small_journey: dict[str, str], tmp_path: Path
) -> None:
    ws, ids = file_ws, small_journey
    _three_edits(ws, ids)
    book = load_workbook(export_xlsx(ws, ids["journey"], tmp_path / "it.xlsx", language="it"))
    sheet = book["Modifiche"]
    assert [sheet.cell(4, c).value for c in (1, 5, 6, 7)] == [
        "Modifica", "Campo", "Valore precedente", "Nuovo valore"]  # fmt: skip
    assert _body(sheet)[0][:2] == ["modificata", "punto di contatto"]
    assert _body(sheet)[1][4] == "fase"  # a move names the stage by its label
    owner = export_xlsx(ws, ids["journey"], tmp_path / "o.xlsx", owner_id=ids["ann"])
    assert "Changes" not in load_workbook(owner).sheetnames


def test_no_version_says_so(
    file_ws: Workspace, small_journey: dict[str, str], tmp_path: Path
) -> None:
    sheet = load_workbook(export_xlsx(file_ws, small_journey["journey"], tmp_path / "j.xlsx"))[
        "Changes"
    ]
    assert sheet.cell(2, 1).value.startswith("No version saved yet")
    assert _body(sheet) == []
