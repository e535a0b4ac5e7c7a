"""A tiny shop journey and its event log, analysed through the real panel (for the views' tests).

Four customers on Home -> Cart -> Order; times in minutes:
  c1: home 0, cart 2, order 5 (converts)     c2: home 0, cart 1, cart 4 (drops at cart)
  c3: home 0 (drops at home)                 c4: cart_error only (unmatched; reads like "Cart")
"""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from cxmapper.analysis.tasks import import_events
from cxmapper.model.workspace import Workspace
from cxmapper.ui.overlay.panel import AnalysisPanel

SHOP_LOG = """user_id,timestamp,event,channel
c1,2026-03-02T10:00:00Z,home_view,web
c1,2026-03-02T10:02:00Z,cart_view,web
c1,2026-03-02T10:05:00Z,order,web
c2,2026-03-02T11:00:00Z,home_view,app
c2,2026-03-02T11:01:00Z,cart_view,app
c2,2026-03-02T11:04:00Z,cart_view,app
c3,2026-03-09T09:00:00Z,home_view,web
c4,2026-03-09T09:30:00Z,cart,web
"""


def make_shop(ws: Workspace, folder: Path, goal: bool = True) -> dict[str, str]:
    j = ws.add_journey("Shop")
    s1, s2 = ws.add_stage(j.id, "Browse"), ws.add_stage(j.id, "Buy")
    lane = ws.add_lane(j.id, "Web", "channel")
    home = ws.add_touchpoint(s1.id, lane.id, "Home", match_events=["home_view"])
    cart = ws.add_touchpoint(s2.id, lane.id, "Cart", match_events=["cart_view"])
    order = ws.add_touchpoint(s2.id, lane.id, "Order", match_events=["order"], is_goal=goal)
    ws.add_connector(home.id, cart.id)
    log = folder / "events.csv"
    log.write_text(SHOP_LOG, encoding="utf-8")
    return {"journey": j.id, "home": home.id, "cart": cart.id, "order": order.id, "log": str(log)}


def analyse(qtbot: QtBot, panel: AnalysisPanel, log: str, overlay: str = "dropoff") -> None:
    """Import `log` through the panel (one undo step) and wait for the analysis to show."""
    with qtbot.waitSignal(
        panel.overlay_changed, timeout=60000, check_params_cb=lambda o: bool(o.cards)
    ):
        panel.overlay.setCurrentIndex(panel.overlay.findData(overlay))
        panel.store_dataset(import_events(log, name="Shop log"))
