"""The Money tab of the touchpoint inspector: the card's value at risk, cost to serve,
repeat-contact cost and failure-demand cost, beside its stage's and the journey's totals, from
the analysis the panel shows. Figures by hand (value of a conversion 50, chat 3, call centre 6):

  c1: Home (web) 10:00, Help chat (chat) 10:02, Call (phone, the goal) 10:05   converts
  c2: Home (web) 11:00, Help chat (chat) 11:04                                 lost at Help chat
  c3: Home (web) 09:00                                                         lost at Home

Value at risk: Home 50, Help chat 50. Cost to serve: Help chat 2 x 3 = 6, Call 6. Repeat
contacts: c1's call follows its chat within 7 days: Call 6. Failure demand: both chats follow
a Home visit of a case not yet converted, counted at Home: 2 x 3 = 6 (c1's call is its goal).
Stage Ask = Home + Help chat; the journey = all three cards.
"""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from cxmapper.analysis.tasks import AnalysisRequest, import_events, run_analysis
from cxmapper.model.value_models import set_value_model
from cxmapper.model.workspace import Workspace
from cxmapper.present.language import current_language
from cxmapper.present.money import format_money
from cxmapper.ui.inspector import InspectorContext, InspectorPanel
from cxmapper.ui.inspector.touchpoint_money import TouchpointMoney
from cxmapper.ui.overlay.panel import AnalysisPanel
from cxmapper.ui.undo_stack import GuardedUndoStack

LOG = """user_id,timestamp,event,channel
c1,2026-03-02T10:00:00Z,home_view,web
c1,2026-03-02T10:02:00Z,help,chat
c1,2026-03-02T10:05:00Z,call,phone
c2,2026-03-02T11:00:00Z,home_view,web
c2,2026-03-02T11:04:00Z,help,chat
c3,2026-03-09T09:00:00Z,home_view,web
"""
ROWS = ("value_at_risk", "cost_to_serve", "repeat_contact_cost", "failure_demand_cost")


def eur(amount: float) -> str:
    return format_money(amount, "EUR", current_language())


def test_money_tab_shows_card_stage_and_journey_figures(
    qtbot: QtBot, file_ws: Workspace, tmp_path: Path
) -> None:
    ws = file_ws
    j = ws.add_journey("Help")
    ask, solve = ws.add_stage(j.id, "Ask"), ws.add_stage(j.id, "Solve")
    lanes = {name: ws.add_lane(j.id, name, "channel").id for name in ("Web", "Chat", "Call centre")}
    ws.add_touchpoint(ask.id, lanes["Web"], "Home", match_events=["home_view"])
    chat = ws.add_touchpoint(ask.id, lanes["Chat"], "Help chat", match_events=["help"])
    ws.add_touchpoint(solve.id, lanes["Call centre"], "Call", match_events=["call"], is_goal=True)
    set_value_model(
        ws,
        j.id,
        {"value_per_conversion": 50, "currency": "EUR",
         "contact_costs": {"chat": 3, "call centre": 6}},
    )  # fmt: skip
    log = tmp_path / "events.csv"
    log.write_text(LOG, encoding="utf-8")
    ds = import_events(log).add_to(ws)
    result = run_analysis(AnalysisRequest(ws.path, j.id, ds.id))

    inspector = InspectorPanel()
    qtbot.addWidget(inspector)
    inspector.show()
    inspector.set_context(InspectorContext(ws, GuardedUndoStack(), lambda _: None))
    inspector.show_entity("touchpoint", chat.id)
    page = inspector.touchpoint_page.show_tab("money")
    assert isinstance(page, TouchpointMoney)
    assert inspector.touchpoint_page.tabs.tabText(6) == "Money"
    assert page.text("value_at_risk", "card") == "–"  # nothing analysed yet
    assert "Analyse" in page.note.text()

    panel = AnalysisPanel()
    qtbot.addWidget(panel)
    panel.set_context(ws, j.id, GuardedUndoStack())
    panel.show_result(result)  # the tab follows the analysis shown
    expected = {
        "card": (50, 6, 0, 0),
        "stage": (100, 6, 0, 6),
        "journey": (100, 12, 6, 6),
    }
    shown = {where: tuple(page.text(k, where) for k in ROWS) for where in expected}
    assert shown == {where: tuple(eur(v) for v in values) for where, values in expected.items()}
    assert "EUR" in page.note.text()
    panel.set_context(None, None, None)  # the analysis is gone: so are its figures
    assert page.text("value_at_risk", "journey") == "–"
    inspector.set_context(None)
