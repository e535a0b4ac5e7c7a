"""`export --xlsx --owner NAME`: only that owner's part, and it imports back the same way."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from cxmapper.cli import main
from cxmapper.io.xlsx_import import apply_plan, plan_xlsx_import
from cxmapper.model.demo import build_demo
from cxmapper.model.workspace import Workspace


@pytest.fixture
def path(tmp_path: Path) -> Path:
    p = tmp_path / "demo.cxmap"
    with Workspace.create(p) as ws:
        build_demo(ws)
    return p


def owners_part(ws: Workspace, journey_id: str, party_id: str) -> set[str]:
    accountable = {r.touchpoint_id for r in ws.raci() if r.party_id == party_id and r.role == "A"}
    return {
        t.id for t in ws.touchpoints(journey_id) if t.owner_id == party_id or t.id in accountable
    }


def ids_in(sheet, col: int = 1) -> set[str]:
    return {sheet.cell(r, col).value for r in range(2, sheet.max_row + 1)} - {None}


def test_owner_workbook_holds_only_their_part_and_round_trips(path: Path, tmp_path: Path) -> None:
    with Workspace.open(path) as ws:
        j = ws.find_journey("Online")
        owner = next(
            p for p in ws.parties() if ws.touchpoints(j.id) and owners_part(ws, j.id, p.id)
        )
        mine = owners_part(ws, j.id, owner.id)
        others = {t.id for t in ws.touchpoints(j.id)} - mine
        assert mine and others
    out = tmp_path / "mine.xlsx"
    assert main(["export", str(path), "--journey", "Online", "--xlsx", str(out),
                 "--owner", owner.name.upper()]) == 0  # fmt: skip
    wb = openpyxl.load_workbook(out)
    tps = wb["Touchpoints"]
    assert ids_in(tps) == mine
    kpi_rows = wb["KPIs"]
    assert {kpi_rows.cell(r, 1).value for r in range(2, kpi_rows.max_row + 1)} - {None} <= mine
    for name in ("Actions", "Comments"):
        sheet = wb[name]
        assert {sheet.cell(r, 2).value for r in range(2, sheet.max_row + 1)} - {None} <= mine
    # unedited: nothing to import, no conflicts
    with Workspace.open(path) as ws:
        plan = plan_xlsx_import(ws, out)
        assert (plan.changes, plan.conflicts) == ([], [])
    # one edit by the owner: exactly one change, applied and logged as one entry
    card = sorted(mine)[0]
    title_col = next(c for c in range(1, tps.max_column + 1) if tps.cell(1, c).value == "Title")
    row = next(r for r in range(2, tps.max_row + 1) if tps.cell(r, 1).value == card)
    tps.cell(row, title_col).value = "Edited by the owner"
    wb.save(out)
    with Workspace.open(path) as ws:
        plan = plan_xlsx_import(ws, out)
        assert plan.conflicts == [] and len(plan.changes) == 1
        apply_plan(ws, plan)
        assert ws.get("touchpoint", card).title == "Edited by the owner"
        assert ws.change_log()[-1].summary == "Imported Excel workbook: 1 change(s)"


def test_unknown_owner_and_owner_without_xlsx_are_refused(
    path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "x.xlsx"
    assert (
        main(["export", str(path), "--journey", "Online", "--xlsx", str(out), "--owner", "Nobody"])
        == 2
    )
    assert "--owner 'Nobody': no such person or team" in capsys.readouterr().err
    assert not out.exists()
    assert (
        main(["export", str(path), "--journey", "Online", "--json", str(out), "--owner", "X"]) == 2
    )
    assert "--owner works with --xlsx only" in capsys.readouterr().err
