"""The app lays a stored Spark summary over the map like a log: the analysis panel runs on it
(funnel, trend, friction, unmatched, paths views all fill) and the reach overlay shows the
same per-card counts as the raw log (tests/ui/test_overlay_panel.py's shop journey)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cxmapper.analysis.engines import spark_summary as ss
from cxmapper.analysis.summary_import import import_summary
from cxmapper.model.workspace import Workspace
from cxmapper.ui.overlay.panel import AnalysisPanel
from cxmapper.ui.undo_stack import GuardedUndoStack

# an all-NaN weekly drop-off (not in a summary) must not upset the trend chart's range
pytestmark = pytest.mark.filterwarnings("error::RuntimeWarning")


@pytest.fixture
def shop(file_ws: Workspace) -> dict[str, str]:
    """test_overlay_panel's shop journey: Home -> Cart (cart_*) -> Order (goal)."""
    j = file_ws.add_journey("Shop")
    s1, s2 = file_ws.add_stage(j.id, "Browse"), file_ws.add_stage(j.id, "Buy")
    lane = file_ws.add_lane(j.id, "Web", "channel")
    home = file_ws.add_touchpoint(s1.id, lane.id, "Home", match_events=["home_view"])
    cart = file_ws.add_touchpoint(s2.id, lane.id, "Cart", match_patterns=["cart_*"])
    order = file_ws.add_touchpoint(s2.id, lane.id, "Order", match_events=["order"], is_goal=True)
    file_ws.add_connector(home.id, cart.id)
    return {"journey": j.id, "home": home.id, "cart": cart.id, "order": order.id}


def _tp(activity: str, events: int, cases: int, starts: int, ends: int) -> dict[str, object]:
    return {"segment": "", "activity": activity, "events": events, "cases": cases,
            "starts": starts, "ends": ends}  # fmt: skip


def _tr(source: str, target: str, count: int, seconds: float) -> dict[str, object]:
    return {"segment": "", "source": source, "target": target, "count": count, "cases": count,
            "sum_seconds": seconds, "median_seconds": seconds / count,
            "p90_seconds": seconds / count}  # fmt: skip


def _summary(path: Path) -> Path:
    """SMALL_LOG of test_overlay_panel, summarised by hand."""
    data = {
        "format": ss.FORMAT, "version": ss.VERSION, "engine": "spark", "source": "events.csv",
        "segment": None, "spark_version": "4.0.0",
        "error_bound": {"counts": "exact", "quantiles": "percentile_approx",
                        "accuracy": ss.ACCURACY, "relative_rank_error": ss.RANK_ERROR},
        "totals": [{"segment": "", "events": 8, "cases": 4}],
        "touchpoints": [_tp("home_view", 3, 3, 3, 1), _tp("cart_view", 3, 2, 0, 1),
                        _tp("order", 1, 1, 0, 1), _tp("checkout_error", 1, 1, 1, 1)],
        "transitions": [_tr("home_view", "cart_view", 2, 180.0),
                        _tr("cart_view", "order", 1, 180.0), _tr("cart_view", "cart_view", 1, 180.0)],
        "weeks": [{"segment": "", "week": "2026-03-02", "activity": "home_view", "events": 2,
                   "cases": 2}, {"segment": "", "week": "2026-03-09", "activity": "home_view",
                   "events": 1, "cases": 1}],
    }  # fmt: skip
    out = path / "summary.json"
    out.write_text(json.dumps(data), encoding="utf-8")
    return out


def test_panel_overlays_a_summary(qtbot, file_ws: Workspace, shop: dict, tmp_path: Path) -> None:
    panel = AnalysisPanel()
    qtbot.addWidget(panel)
    panel.set_context(file_ws, shop["journey"], GuardedUndoStack())
    overlays = []
    panel.overlay_changed.connect(overlays.append)
    with qtbot.waitSignal(
        panel.overlay_changed, timeout=60000, check_params_cb=lambda o: bool(o.cards)
    ):
        panel.overlay.setCurrentIndex(panel.overlay.findData("reach"))
        panel.store_dataset(import_summary(_summary(tmp_path), name="warehouse"))
    labels = {k: v.label for k, v in overlays[-1].cards.items()}
    assert labels == {shop["home"]: "3", shop["cart"]: "2", shop["order"]: "1"}
    assert panel.unmatched.table.item(0, 0).text() == "checkout_error"
    assert [d.n_events for d in file_ws.datasets()] == [8]
