"""The Impact × effort view: a drag re-rates an action with one undo step, the file keeps it, and
undo puts the old ratings back. The journey and log are tests/ui/test_inspector_money.py's:
money at stake per analysed period is Home 50 + 6 = 56 and Help chat 50 (value at risk +
repeat-contact + failure-demand cost), over the log's span of 6 days 23 hours."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from cxmapper.analysis.tasks import AnalysisRequest, import_events, run_analysis
from cxmapper.model.value_models import set_value_model
from cxmapper.model.workspace import Workspace
from cxmapper.ui.overlay.panel import AnalysisPanel
from cxmapper.ui.overlay.views.impact_matrix import ImpactMatrixView
from cxmapper.ui.undo_stack import GuardedUndoStack
from tests.ui.test_inspector_money import LOG

DAYS = 6 + 23 / 24  # 2026-03-02 10:00 to 2026-03-09 09:00


def test_drag_rerates_with_one_undo_step_and_is_saved(
    qtbot: QtBot, ws_path: Path, tmp_path: Path
) -> None:
    ws = Workspace.create(ws_path)
    j = ws.add_journey("Help")
    ask, solve = ws.add_stage(j.id, "Ask"), ws.add_stage(j.id, "Solve")
    lanes = {name: ws.add_lane(j.id, name, "channel").id for name in ("Web", "Chat", "Call centre")}
    home = ws.add_touchpoint(ask.id, lanes["Web"], "Home", match_events=["home_view"])
    chat = ws.add_touchpoint(ask.id, lanes["Chat"], "Help chat", match_events=["help"])
    ws.add_touchpoint(solve.id, lanes["Call centre"], "Call", match_events=["call"], is_goal=True)
    set_value_model(ws, j.id, {"value_per_conversion": 50, "currency": "EUR",
                               "contact_costs": {"chat": 3, "call centre": 6}})  # fmt: skip
    faster = ws.add_action(home.id, "Faster home page", impact=3, effort=3)
    bot = ws.add_action(chat.id, "Better chatbot", impact=2, effort=4)
    ws.add_action(chat.id, "Old idea", status="done")  # done: not on the matrix
    log = tmp_path / "events.csv"
    log.write_text(LOG, encoding="utf-8")
    ds = import_events(log).add_to(ws)
    result = run_analysis(AnalysisRequest(ws.path, j.id, ds.id))

    stack = GuardedUndoStack()
    panel = AnalysisPanel()
    qtbot.addWidget(panel)
    panel.resize(700, 800)
    panel.set_context(ws, j.id, stack)
    panel.show()
    panel.show_result(result)
    view = panel.findChild(ImpactMatrixView, "analysisView.impact_matrix")
    assert view is not None
    panel.tabs.setCurrentWidget(view)
    qtbot.waitExposed(view.canvas)
    assert set(view.dots) == {faster.id, bot.id}
    assert view.period_days == pytest.approx(DAYS)
    home_year = 56 * 365 / DAYS
    assert view.top == pytest.approx(home_year, abs=0.01)  # the most at stake tops the axis
    shown = view.dots[faster.id].impact
    assert shown.yearly_impact == pytest.approx(home_year * 3 / 5, abs=0.01)
    assert view.dots[bot.id].impact.yearly_impact == pytest.approx(
        50 * 365 / DAYS * 2 / 5, abs=0.01
    )

    # drag "Faster home page" to effort 1 and the top of the impact axis: rating 5
    start = view.dot_centre(faster.id).toPoint()
    end = view.point_for(1, home_year).toPoint()
    viewport = view.canvas.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for step in range(1, 6):
        QTest.mouseMove(viewport, start + (end - start) * step / 5)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    assert stack.count() == 1  # one undo step for the whole drag
    rated = ws.get("action", faster.id)
    assert (rated.impact, rated.effort) == (5, 1)
    assert view.dots[faster.id].impact.yearly_impact == pytest.approx(home_year, abs=0.01)
    stack.undo()
    back = ws.get("action", faster.id)
    assert (back.impact, back.effort) == (3, 3)
    assert view.dots[faster.id].impact.effort == 3  # the view follows the stack
    stack.redo()
    panel.set_context(None, None, None)
    ws.close()
    with Workspace.open(ws_path) as again:  # reopened: the drag was saved
        saved = again.get("action", faster.id)
        assert (saved.impact, saved.effort) == (5, 1)
        other = again.get("action", bot.id)
        assert (other.impact, other.effort) == (2, 4)
