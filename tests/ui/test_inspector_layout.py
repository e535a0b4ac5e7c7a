"""The inspector does not move under the mouse: after the first KPI reading or the first RACI
row, the next click still lands on the control it was aimed at."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication, QWidget

from tests.ui.rigs import Rig, choose


def where(widget: QWidget, page: QWidget) -> QPoint:
    QApplication.processEvents()  # let pending layout requests run first
    return widget.mapTo(page, QPoint(0, 0))


def test_first_kpi_reading_moves_nothing(rig: Rig) -> None:
    rig.panel.show_entity("touchpoint", rig.ids["slow"])
    k = rig.tp.show_tab("kpis")
    rig.flush()
    assert k.table.rowCount() == 0
    before = {w: where(w, k) for w in (k.add_button, k.value, k.remove_button, k.target)}
    k.value.setText("4.2")
    k.add_button.click()
    rig.flush()
    assert k.table.rowCount() == 1 and k.chart.plotted_points == 1
    assert {w: where(w, k) for w in before} == before


def test_first_raci_row_moves_nothing(rig: Rig) -> None:
    rig.panel.show_entity("touchpoint", rig.ids["cart"])
    r = rig.tp.show_tab("raci")
    rig.flush()
    before = {w: where(w, r) for w in (r.table, r.add_button, r.party, r.role, r.remove_button)}
    choose(r.party, rig.ids["ann"])
    choose(r.role, "A")
    r.add_button.click()
    rig.flush()
    assert r.table.rowCount() >= 1
    assert {w: where(w, r) for w in before} == before


def test_one_reading_gets_a_readable_date_axis(rig: Rig) -> None:
    rig.panel.show_entity("touchpoint", rig.ids["slow"])
    k = rig.tp.show_tab("kpis")
    k.value.setText("3")
    k.add_button.click()
    rig.flush()
    (x0, x1), _ = k.chart._plot.getPlotItem().viewRange()
    assert x1 - x0 >= 5 * 86400  # days, not the sub-second ticks around a single point


def test_a_card_without_actions_shows_no_old_action_values(rig: Rig) -> None:
    rig.ws.add_action(rig.ids["cart"], "Retry payments", impact=5, effort=2, status="in progress")
    rig.panel.show_entity("touchpoint", rig.ids["cart"])
    a = rig.tp.show_tab("actions")
    a.table.selectRow(0)
    assert a.impact.currentText() and a.status.currentText()
    rig.panel.show_entity("touchpoint", rig.ids["slow"])  # no action here
    a = rig.tp.show_tab("actions")
    rig.flush()
    assert a.table.rowCount() == 0
    shown = [w.currentText() for w in (a.impact, a.effort, a.status, a.owner)]
    assert shown == ["", "", "", ""] and a.title.text() == ""
