"""KPI kinds in the app: a new workspace starts with the standard KPIs, and the People & KPIs
dialog has a Kind picker that fills unit and direction (one undo step)."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from cxmapper.model import kpi_kinds
from cxmapper.model.workspace import Workspace
from cxmapper.ui.dialogs.people_kpis import PeopleKpisDialog
from cxmapper.ui.inspector.context import InspectorContext
from cxmapper.ui.main_window import MainWindow
from cxmapper.ui.undo_stack import GuardedUndoStack
from tests.ui.rigs import choose


def test_a_new_workspace_from_the_app_has_the_standard_kpis(
    window: MainWindow, tmp_path: Path
) -> None:
    path = tmp_path / "new.cxmap"
    assert window.create_path(path)
    assert window.undo_stack.count() == 0  # part of the new file, not an edit to undo
    window.close_workspace()
    with Workspace.open(path) as ws:
        kpis = {k.kind: k for k in ws.kpis()}
    assert set(kpis) == {k.key for k in kpi_kinds.KPI_KINDS}
    nps = kpis["nps"]
    assert (nps.name, nps.unit, nps.direction, nps.tolerance) == ("NPS", "score", "higher", 10)
    assert kpis["resolution time"].direction == "lower" and kpis["ces"].unit == "1-7"
    assert all(k.target is None for k in kpis.values())  # a target is the business's call


def dialog(qtbot: QtBot, ws: Workspace) -> tuple[PeopleKpisDialog, GuardedUndoStack, list[str]]:
    stack, errors = GuardedUndoStack(), []
    d = PeopleKpisDialog(InspectorContext(ws, stack, errors.append))
    qtbot.addWidget(d)
    d.tabs.setCurrentWidget(d.kpis)
    return d, stack, errors


def test_choosing_a_kind_fills_unit_and_direction_as_one_step(
    qtbot: QtBot, file_ws: Workspace, ws_path: Path
) -> None:
    d, stack, errors = dialog(qtbot, file_ws)
    kpi_id = d.kpis.add_kpi()
    assert kpi_id is not None and d.kpis.kpi_kind.value() == ""  # a new KPI is custom
    choose(d.kpis.kpi_kind, "ces")
    assert errors == [] and stack.count() == 2  # add, then the kind
    kpi = file_ws.get("kpi", kpi_id)
    assert (kpi.kind, kpi.name, kpi.unit, kpi.direction, kpi.tolerance) == (
        "ces", "CES", "1-7", "lower", 0.5,
    )  # fmt: skip
    d.kpis.refresh()
    assert d.kpis.unit.text() == "1-7" and d.kpis.direction.value() == "lower"
    assert d.kpis.scale.text() == "Scale: 1 to 7"
    stack.undo()
    assert file_ws.get("kpi", kpi_id).kind == "" and file_ws.get("kpi", kpi_id).unit == ""


def test_a_named_kpi_keeps_its_name_and_tolerance(qtbot: QtBot, file_ws: Workspace) -> None:
    kpi = file_ws.add_kpi("Web NPS", tolerance=5.0)
    d, stack, errors = dialog(qtbot, file_ws)
    d.kpis.select(kpi.id)
    choose(d.kpis.kpi_kind, "nps")
    assert errors == [] and stack.count() == 1
    after = file_ws.get("kpi", kpi.id)
    assert (after.name, after.tolerance, after.kind, after.unit) == ("Web NPS", 5.0, "nps", "score")
