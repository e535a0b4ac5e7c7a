"""The governance window shows lineage: each version's card count and how many cards are new in
it, and a Lineage tab with each card's lineage id, first version and the journey it was copied
from."""

from __future__ import annotations

from pathlib import Path

from cxmapper.model.versions import save_version
from cxmapper.model.workspace import Workspace
from cxmapper.ui.governance.dialog import GovernanceDialog
from cxmapper.ui.main_window import MainWindow


def _rows(t) -> list[list[str]]:  # type: ignore[no-untyped-def]
    return [[t.item(r, c).text() for c in range(t.columnCount())] for r in range(t.rowCount())]


def test_versions_and_lineage_tab(
    strict_window: MainWindow, small_journey: dict[str, str], file_ws: Workspace, ws_path: Path
) -> None:
    ids = small_journey
    save_version(file_ws, ids["journey"], "As-is")
    late = file_ws.add_touchpoint(ids["use"], ids["web"], "Reorder")
    save_version(file_ws, ids["journey"], "To-be")
    copy = file_ws.duplicate_journey(ids["journey"], "Copy")
    file_ws.close()
    assert strict_window.open_path(ws_path)
    ws = strict_window.workspace
    assert ws is not None
    dialog = GovernanceDialog(ws, ids["journey"], strict_window.undo_stack, strict_window)
    assert [r[0:1] + r[5:] for r in _rows(dialog.versions)] == [["As-is", "4", "4"],
                                                                 ["To-be", "5", "1"]]  # fmt: skip
    lineage = {r[0]: r[1:] for r in _rows(dialog.lineage.cards)}
    assert lineage["Home page"] == [ids["home"], "As-is", ""]
    assert lineage["Reorder"] == [late.id, "To-be", ""]
    other = GovernanceDialog(ws, copy.id, strict_window.undo_stack, strict_window)
    copied = {r[0]: r[1:] for r in _rows(other.lineage.cards)}
    assert copied["Reorder"] == [late.id, "not in a version yet", "Online purchase"]
