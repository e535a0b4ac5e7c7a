"""The Governance window: save a version, edit, see the readable differences, restore as an
undo step (the replaced state kept as a version), and the filterable change log."""

from __future__ import annotations

from pathlib import Path

from cxmapper.model.versions import versions
from cxmapper.model.workspace import Workspace
from cxmapper.ui.commands import UpdateCommand
from cxmapper.ui.governance.dialog import GovernanceDialog
from cxmapper.ui.main_window import MainWindow


def _open(window: MainWindow, file_ws: Workspace, ws_path: Path) -> Workspace:
    file_ws.close()
    window.settings.author = "Ann"
    assert window.open_path(ws_path)
    assert window.workspace is not None
    return window.workspace


def _cells(table, column: int) -> list[str]:  # type: ignore[no-untyped-def]
    return [table.item(r, column).text() for r in range(table.rowCount())]


def test_save_diff_restore_undo_and_reopen(
    strict_window: MainWindow, small_journey: dict[str, str], file_ws: Workspace, ws_path: Path
) -> None:
    ids = small_journey
    ws = _open(strict_window, file_ws, ws_path)
    stack = strict_window.undo_stack
    dialog = GovernanceDialog(ws, ids["journey"], stack, strict_window)
    assert dialog.save_version("As-is Q1") is None
    assert dialog.save_version("As-is Q1") is not None  # names are unique: refused, no change
    assert _cells(dialog.versions, 0) == ["As-is Q1"]
    stack.push(UpdateCommand(ws, "touchpoint", ids["home"], "Rename", title="Welcome"))
    dialog.refresh()
    dialog.from_ref.setCurrentIndex(dialog.from_ref.findText("As-is Q1"))
    dialog.to_ref.setCurrentIndex(0)  # now
    assert dialog.changes.rowCount() == 1
    row = [dialog.changes.item(0, c).text() for c in range(4)]
    assert row[:3] == ["changed", "touchpoint", "Welcome"]
    assert "'Home page' → 'Welcome'" in row[3]  # readable, not ids
    dialog.versions.selectRow(0)
    assert dialog.restore_selected() is None
    assert ws.get("touchpoint", ids["home"]).title == "Home page"
    names = sorted(v.name for v in versions(ws, ids["journey"]))
    assert names[0] == "As-is Q1" and names[1].startswith("Before restoring As-is Q1")
    stack.undo()  # the restore: back to the edit, the kept version gone
    assert ws.get("touchpoint", ids["home"]).title == "Welcome"
    assert [v.name for v in versions(ws, ids["journey"])] == ["As-is Q1"]
    stack.redo()
    strict_window.close_workspace()
    again = Workspace.open(ws_path)
    try:
        assert again.get("touchpoint", ids["home"]).title == "Home page"
        assert len(versions(again, ids["journey"])) == 2
    finally:
        again.close()


def test_history_filters_by_person_and_text(
    strict_window: MainWindow, small_journey: dict[str, str], file_ws: Workspace, ws_path: Path
) -> None:
    ids = small_journey
    ws = _open(strict_window, file_ws, ws_path)
    stack = strict_window.undo_stack
    stack.push(UpdateCommand(ws, "touchpoint", ids["home"], "Rename", title="Welcome"))
    ws.author = "Bob"
    stack.push(UpdateCommand(ws, "touchpoint", ids["search"], "Rename", title="Find"))
    dialog = GovernanceDialog(ws, ids["journey"], stack, strict_window)
    dialog.person.setCurrentIndex(dialog.person.findData("Bob"))
    assert _cells(dialog.history, 1) == ["Bob"]
    assert "'Search' → 'Find'" in dialog.history.item(0, 4).text()
    dialog.person.setCurrentIndex(0)  # everyone
    dialog.text_filter.setText("welcome")
    assert _cells(dialog.history, 1) == ["Ann"]
    dialog.text_filter.setText("")
    dialog.since.setText("2999-01-01")
    assert dialog.history.rowCount() == 0


def test_journey_menu_opens_governance(strict_window: MainWindow) -> None:
    assert strict_window.governance_action.objectName() == "journey.governance"


def test_owners_tab_lists_overdue_and_marks_a_follow_up_done(
    strict_window: MainWindow, small_journey: dict[str, str], file_ws: Workspace, ws_path: Path
) -> None:
    ids = small_journey
    file_ws.update("kpi", ids["csat"], frequency="monthly")
    act = file_ws.add_action(
        ids["home"], "Shorter form", owner_id=ids["ann"], due_date="2026-03-01"
    )
    file_ws.add_action(ids["cart"], "Nobody's", due_date="2026-04-01")
    ws = _open(strict_window, file_ws, ws_path)
    dialog = GovernanceDialog(ws, ids["journey"], strict_window.undo_stack, strict_window)
    owners = dialog.owners
    assert [owners.overdue.item(0, c).text() for c in range(4)] == [
        "Home page", "CSAT", "Ann Owner", "2026-02-01"]  # fmt: skip
    assert "Exactly one Accountable: 25%" in owners.health.text()
    assert _cells(owners.follow_ups, 0) == ["Shorter form", "Nobody's"]
    owners.person.setCurrentIndex(owners.person.findData(ids["ann"]))
    assert _cells(owners.follow_ups, 0) == ["Shorter form"]
    owners.follow_ups.selectRow(0)
    assert owners.mark_done() is None
    assert owners.follow_ups.rowCount() == 0
    strict_window.close_workspace()
    again = Workspace.open(ws_path)
    try:
        assert again.get("action", act.id).status == "done"
    finally:
        again.close()
