"""Round trip: an owner edits the exported workbook, cxmapper merges it back."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from cxmapper.cli import main
from cxmapper.errors import CxError
from cxmapper.io.xlsx_export import export_xlsx
from cxmapper.io.xlsx_import import apply_plan, plan_xlsx_import
from cxmapper.model.workspace import Workspace


def row_of(ws, key: str, col: int = 1) -> int:
    for r in range(1, ws.max_row + 1):
        if ws.cell(r, col).value == key:
            return r
    raise AssertionError(key)


def col_of(ws, header: str, header_row: int = 1) -> int:
    for c in range(1, ws.max_column + 1):
        if ws.cell(header_row, c).value == header:
            return c
    raise AssertionError(header)


def edit(path: Path, journey: dict[str, str]) -> None:
    """What an owner does in Excel."""
    wb = openpyxl.load_workbook(path)
    tps = wb["Touchpoints"]
    tps.cell(row_of(tps, journey["home"]), col_of(tps, "Title")).value = "Home page v2"
    tps.cell(row_of(tps, journey["home"]), col_of(tps, "Tags")).value = "hero, seo"
    tps.cell(row_of(tps, journey["search"]), col_of(tps, "Owner")).value = "Bob Service"
    tps.cell(row_of(tps, journey["search"]), col_of(tps, "Emotion")).value = 2
    tps.cell(
        row_of(tps, journey["cart"]), col_of(tps, "Description")
    ).value = "owner's text"  # conflict
    tps.cell(row_of(tps, journey["slow"]), col_of(tps, "Lane")).value = "Web"  # a move
    tps.cell(row_of(tps, journey["formula"]), col_of(tps, "Emotion")).value = 9  # invalid
    kpis = wb["KPIs"]
    r = row_of(kpis, journey["home"])
    kpis.cell(r, col_of(kpis, "New value")).value = 4.8
    kpis.cell(r, col_of(kpis, "New date")).value = "2026-04-01"
    hist = wb["KPI history"]
    hist.append(
        [None, journey["cart"], None, "Conversion", 2.7, None, "2026-04-02", "survey", "Ann Owner"]
    )
    hist.append([None, "no-such-id", None, "Conversion", 1, None, None, None, None])
    gov = wb["Governance"]
    ann, bob = col_of(gov, "Ann Owner", 4), col_of(gov, "Bob Service", 4)
    gov.cell(row_of(gov, journey["search"]), bob).value = None  # fixes the double A
    gov.cell(row_of(gov, journey["slow"]), ann).value = "A"
    gov.cell(row_of(gov, journey["cart"]), bob).value = "Q"  # invalid
    acts = wb["Actions"]
    acts.cell(
        row_of(acts, "Retry payments", col_of(acts, "Title")), col_of(acts, "Status")
    ).value = "done"
    acts.append(
        [
            None,
            journey["home"],
            None,
            "New hero",
            "",
            3,
            1,
            None,
            "Bob Service",
            "open",
            "2026-09-01",
        ]
    )
    com = wb["Comments"]
    com.append([None, journey["cart"], None, "Carol", None, "typed text", "no"])
    com.cell(com.max_row, 6).value = "=HYPERLINK(evil)"
    com.cell(com.max_row, 6).data_type = "s"  # Excel: text typed with a leading apostrophe
    com.cell(row_of(com, "Bob", col_of(com, "Author")), col_of(com, "Resolved")).value = "yes"
    tps.append(["bogus-id", "Discover", "Web", 1, "Ghost"])
    wb.save(path)


def test_round_trip_with_conflicts(
    file_ws: Workspace, journey: dict[str, str], exported: Path
) -> None:
    ws = file_ws
    ws.update(
        "touchpoint", journey["cart"], description="changed in cxmapper"
    )  # same cell, other side
    edit(exported, journey)
    plan = plan_xlsx_import(ws, exported)
    text = plan.report()
    conflicts = "\n".join(str(c) for c in plan.conflicts)
    assert 'Description: changed in the workbook to "owner\'s text" and in cxmapper' in conflicts
    assert "emotion must be a whole number from -2 to 2, not 9" in conflicts
    assert "unknown Touchpoint ID 'bogus-id'" in conflicts
    assert "unknown touchpoint 'no-such-id'" in conflicts
    assert "RACI cells take R, A, C or I" in conflicts
    assert len(plan.conflicts) == 5, text

    before = ws.count("touchpoint")
    applied = apply_plan(ws, plan)
    home = ws.get("touchpoint", journey["home"])
    assert home.title == "Home page v2" and home.tags == ["hero", "seo"]
    search = ws.get("touchpoint", journey["search"])
    assert search.owner_id == journey["bob"] and search.emotion == 2
    assert (
        ws.get("touchpoint", journey["cart"]).description == "changed in cxmapper"
    )  # conflict kept
    assert ws.get("touchpoint", journey["formula"]).emotion is None  # refused: still unscored
    assert ws.get("touchpoint", journey["slow"]).lane_id == journey["web"]
    assert ws.count("touchpoint") == before
    readings = {(r.touchpoint_id, r.value) for r in ws.readings()}
    assert (journey["home"], 4.8) in readings and (journey["cart"], 2.7) in readings
    cart_reading = next(r for r in ws.readings(journey["cart"]) if r.value == 2.7)
    assert cart_reading.source == "survey" and cart_reading.owner_id == journey["ann"]
    assert cart_reading.measured_at == "2026-04-02T00:00:00+00:00"
    roles = {(r.touchpoint_id, r.party_id, r.role) for r in ws.raci()}
    assert (journey["search"], journey["bob"], "A") not in roles
    assert (journey["slow"], journey["ann"], "A") in roles
    assert (journey["cart"], journey["bob"], "R") in roles  # invalid cell: unchanged
    statuses = {a.title: a.status for a in ws.actions()}
    assert statuses["Retry payments"] == "done" and statuses["New hero"] == "open"
    new_action = next(a for a in ws.actions() if a.title == "New hero")
    assert (
        new_action.owner_id == journey["bob"]
        and new_action.due_date == "2026-09-01"
        and new_action.effort == 1
    )
    texts = {c.text: c for c in ws.comments()}
    assert texts["=HYPERLINK(evil)"].author == "Carol"
    assert texts["@channel card errors spike"].resolved

    # undo puts everything back, in one step
    applied.undo(ws)
    assert ws.get("touchpoint", journey["home"]).title == "Home page"
    assert ws.get("touchpoint", journey["slow"]).lane_id == journey["pains"]
    assert not [a for a in ws.actions() if a.title == "New hero"]
    assert (journey["search"], journey["bob"], "A") in {
        (r.touchpoint_id, r.party_id, r.role) for r in ws.raci()
    }
    assert len(ws.readings()) == 4
    # redo: the same plan again gives the same records (same ids)
    apply_plan(ws, plan)
    assert ws.find(
        "action", next(c.id for c in plan.changes if c.op == "add" and c.kind == "action")
    )


def test_apply_is_one_transaction(file_ws: Workspace, journey: dict[str, str], exported: Path,
                                  monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    ws = file_ws
    edit(exported, journey)
    plan = plan_xlsx_import(ws, exported)
    assert len(plan.changes) > 5
    emitted: list[object] = []
    ws.subscribe(emitted.append)
    commits: list[int] = []
    store = ws._store
    real = store.transaction

    def counting():
        if store._depth == 0:
            commits.append(1)
        return real()

    monkeypatch.setattr(store, "transaction", counting)
    apply_plan(ws, plan)
    assert len(commits) == 1
    assert emitted  # the GUI hears about it once the transaction committed
    monkeypatch.undo()
    assert ws.get("touchpoint", journey["home"]).title == "Home page v2"


def test_failure_rolls_back_everything(file_ws: Workspace, journey: dict[str, str], exported: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    ws = file_ws
    edit(exported, journey)
    plan = plan_xlsx_import(ws, exported)
    real_add = ws.add
    calls = {"n": 0}

    def failing_add(entity, index=None):
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("boom")
        return real_add(entity, index)

    monkeypatch.setattr(ws, "add", failing_add)
    with pytest.raises(RuntimeError):
        apply_plan(ws, plan)
    monkeypatch.undo()
    assert ws.get("touchpoint", journey["home"]).title == "Home page"
    assert len(ws.readings()) == 4 and len(ws.actions()) == 3


def test_unchanged_workbook_plans_nothing(
    file_ws: Workspace, journey: dict[str, str], exported: Path
) -> None:
    plan = plan_xlsx_import(file_ws, exported)
    assert plan.changes == [] and plan.conflicts == []


def test_same_edit_on_both_sides_is_no_conflict(
    file_ws: Workspace, journey: dict[str, str], exported: Path
) -> None:
    wb = openpyxl.load_workbook(exported)
    tps = wb["Touchpoints"]
    tps.cell(row_of(tps, journey["home"]), col_of(tps, "Title")).value = "Same"
    wb.save(exported)
    file_ws.update("touchpoint", journey["home"], title="Same")
    plan = plan_xlsx_import(file_ws, exported)
    assert plan.changes == [] and plan.conflicts == []


def test_deleted_in_workspace_is_conflict(
    file_ws: Workspace, journey: dict[str, str], exported: Path
) -> None:
    wb = openpyxl.load_workbook(exported)
    tps = wb["Touchpoints"]
    tps.cell(row_of(tps, journey["search"]), col_of(tps, "Title")).value = "Find"
    wb.save(exported)
    file_ws.remove("touchpoint", journey["search"])
    plan = plan_xlsx_import(file_ws, exported)
    assert plan.changes == []
    assert any("deleted in cxmapper" in str(c) for c in plan.conflicts)


def test_reimport_does_not_duplicate(
    file_ws: Workspace, journey: dict[str, str], exported: Path
) -> None:
    edit(exported, journey)
    apply_plan(file_ws, plan_xlsx_import(file_ws, exported))
    again = plan_xlsx_import(file_ws, exported)
    assert [c for c in again.changes if c.op == "add"] == []


def test_not_an_export(file_ws: Workspace, tmp_path: Path) -> None:
    plain = tmp_path / "plain.xlsx"
    openpyxl.Workbook().save(plain)
    with pytest.raises(CxError, match="not exported by cxmapper"):
        plan_xlsx_import(file_ws, plain)
    junk = tmp_path / "junk.xlsx"
    junk.write_text("not a zip")
    with pytest.raises(CxError, match="not an Excel workbook"):
        plan_xlsx_import(file_ws, junk)
    with pytest.raises(CxError, match="no such file"):
        plan_xlsx_import(file_ws, tmp_path / "missing.xlsx")


def test_other_workspace_is_refused(file_ws: Workspace, exported: Path, tmp_path: Path) -> None:
    with (
        Workspace.create(tmp_path / "other.cxmap") as other,
        pytest.raises(CxError, match="not in this workspace"),
    ):
        plan_xlsx_import(other, exported)


def test_cli_dry_run_and_apply(file_ws: Workspace, journey: dict[str, str], exported: Path,
                               ws_path: Path, capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    edit(exported, journey)
    file_ws.close()
    assert main(["import-xlsx", str(ws_path), str(exported), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "Title 'Home page' → 'Home page v2'" in out and "dry run: nothing applied" in out
    with Workspace.open(ws_path) as ws:
        assert ws.get("touchpoint", journey["home"]).title == "Home page"
    assert main(["import-xlsx", str(ws_path), str(exported)]) == 0
    assert "applied" in capsys.readouterr().out
    with Workspace.open(ws_path) as ws:
        assert ws.get("touchpoint", journey["home"]).title == "Home page v2"


def test_export_cli(
    file_ws: Workspace, journey: dict[str, str], ws_path: Path, tmp_path: Path
) -> None:
    file_ws.close()
    out = tmp_path / "cli.xlsx"
    assert main(["export", str(ws_path), "--journey", "Online", "--xlsx", str(out)]) == 0
    assert openpyxl.load_workbook(out).sheetnames[0] == "Overview"
    assert main(["export", str(ws_path), "--xlsx", str(tmp_path / "nope" / "x.xlsx")]) == 2
    assert main(["export", str(ws_path)]) == 2


def test_export_of_an_empty_journey(file_ws: Workspace, tmp_path: Path) -> None:
    j = file_ws.add_journey("Empty")
    out = export_xlsx(file_ws, j.id, tmp_path / "empty.xlsx")
    wb = openpyxl.load_workbook(out)
    assert wb["Map"].cell(1, 1).value.startswith("Empty")
    assert plan_xlsx_import(file_ws, out).changes == []
