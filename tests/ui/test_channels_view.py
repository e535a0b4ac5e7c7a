"""The Channels view of the analysis panel: the channel-to-channel matrix of a small log whose
hops are counted by hand.

  c1: home (web) 10:00, help (chat) 10:02, call (phone) 10:05   web->chat 2 min, chat->phone 3 min
  c2: home (web) 11:00, help (chat) 11:04                       web->chat 4 min
  c3: home (web) 09:00                                          no hop
So web -> chat: 2 hops by 2 cases (2 of 3 = 66.7 %), median 3 min; chat -> call centre: 1 hop.
"""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from cxmapper.analysis.tasks import AnalysisRequest, import_events, run_analysis
from cxmapper.model.workspace import Workspace
from cxmapper.ui.locale_format import percent
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


def test_channels_view_shows_the_hop_matrix(
    qtbot: QtBot, file_ws: Workspace, tmp_path: Path
) -> None:
    ws = file_ws
    j = ws.add_journey("Help")
    stage = ws.add_stage(j.id, "Ask")
    lanes = {name: ws.add_lane(j.id, name, "channel").id for name in ("Web", "Chat", "Call centre")}
    ws.add_touchpoint(stage.id, lanes["Web"], "Home", match_events=["home_view"])
    ws.add_touchpoint(stage.id, lanes["Chat"], "Help chat", match_events=["help"])
    ws.add_touchpoint(stage.id, lanes["Call centre"], "Call", match_events=["call"])
    log = tmp_path / "events.csv"
    log.write_text(LOG, encoding="utf-8")
    ds = import_events(log).add_to(ws)
    result = run_analysis(AnalysisRequest(ws.path, j.id, ds.id))
    panel = AnalysisPanel()
    qtbot.addWidget(panel)
    panel.set_context(ws, j.id, GuardedUndoStack())
    tab = next(i for i in range(panel.tabs.count()) if panel.tabs.tabText(i) == "Channels")
    view = panel.tabs.widget(tab)
    assert view.objectName() == "analysisView.channels"
    panel.show_result(result)
    assert view.hops() == [("web", "chat", 2), ("chat", "call centre", 1)]  # most hops first
    table = view.table
    assert [table.item(0, c).text() for c in (3, 4, 5)] == ["2", percent(2 / 3, 1), "3 min"]
    assert [table.item(1, c).text() for c in (3, 4, 5)] == ["1", percent(1 / 3, 1), "3 min"]
    assert "2 of 3 cases change channel" in view.summary.text()
    panel.set_context(None, None, None)  # closed: the view is emptied
    assert view.table.rowCount() == 0
