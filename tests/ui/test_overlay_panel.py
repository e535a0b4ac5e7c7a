"""Event import wizard, analysis panel and overlay values, driven through the real widgets."""

from __future__ import annotations

from pathlib import Path

import pytest

from cxmapper.analysis.tasks import AnalysisRequest, import_events, run_analysis
from cxmapper.model.workspace import Workspace
from cxmapper.present.overlay import build_overlay
from cxmapper.ui.overlay.import_dialog import ImportDialog
from cxmapper.ui.overlay.panel import AnalysisPanel
from cxmapper.ui.overlay.views.table import ROLE_ID
from cxmapper.ui.undo_stack import GuardedUndoStack

# Three customers on Home -> Cart -> Order (goal). Times in minutes.
#  c1: home 0, cart 2, order 5             (converts)
#  c2: home 0, cart 1, cart 4 (repeat)     (drops at cart)
#  c3: home 0                              (drops at home)
#  c4: checkout_error only                 (unmatched event)
SMALL_LOG = """user_id,timestamp,event,channel
c1,2026-03-02T10:00:00Z,home_view,web
c1,2026-03-02T10:02:00Z,cart_view,web
c1,2026-03-02T10:05:00Z,order,web
c2,2026-03-02T11:00:00Z,home_view,app
c2,2026-03-02T11:01:00Z,cart_view,app
c2,2026-03-02T11:04:00Z,cart_view,app
c3,2026-03-09T09:00:00Z,home_view,web
c4,2026-03-09T09:30:00Z,checkout_error,web
"""


@pytest.fixture
def shop(file_ws: Workspace, tmp_path: Path) -> dict[str, str]:
    ws = file_ws
    j = ws.add_journey("Shop")
    s1, s2 = ws.add_stage(j.id, "Browse"), ws.add_stage(j.id, "Buy")
    lane = ws.add_lane(j.id, "Web", "channel")
    home = ws.add_touchpoint(s1.id, lane.id, "Home", match_events=["home_view"])
    cart = ws.add_touchpoint(s2.id, lane.id, "Cart", match_patterns=["cart_*"])
    order = ws.add_touchpoint(s2.id, lane.id, "Order", match_events=["order"], is_goal=True)
    ws.add_connector(home.id, cart.id)
    log = tmp_path / "events.csv"
    log.write_text(SMALL_LOG, encoding="utf-8")
    return {
        "journey": j.id,
        "home": home.id,
        "cart": cart.id,
        "order": order.id,
        "log": str(log),
        "s1": s1.id,
        "s2": s2.id,
        "lane": lane.id,
    }


def analysed(ws: Workspace, ids: dict[str, str]):
    ds = import_events(ids["log"]).add_to(ws)
    return run_analysis(AnalysisRequest(ws.path, ids["journey"], ds.id))


def test_overlay_values_match_hand_computed_metrics(file_ws: Workspace, shop: dict) -> None:
    result = analysed(file_ws, shop)
    drop = build_overlay(result, "dropoff")
    assert drop.cards[shop["home"]].label == "33%"  # c3 of 3 visitors leaves at Home
    assert drop.cards[shop["cart"]].label == "50%"  # c2 of 2 leaves at Cart without the goal
    assert drop.cards[shop["order"]].label == "0%"
    assert drop.cards[shop["cart"]].fraction == pytest.approx(1.0)  # worst of this journey
    reach = build_overlay(result, "reach")
    assert [reach.cards[shop[k]].label for k in ("home", "cart", "order")] == ["3", "2", "1"]
    assert reach.cards[shop["home"]].fraction == 1.0
    repeats = build_overlay(result, "repeats")
    assert repeats.cards[shop["cart"]].label == "50%"  # c2 saw the cart twice
    time = build_overlay(result, "time")
    assert time.cards[shop["home"]].label == "90 s"  # median of 2 min and 1 min
    # flows: home->cart twice, cart->order once; the cart self-loop is not a flow
    assert drop.connector_widths[(shop["home"], shop["cart"])] == pytest.approx(10.0)
    assert drop.connector_widths[(shop["cart"], shop["order"])] == pytest.approx(5.5)
    assert drop.unexpected == [(shop["cart"], shop["order"])]  # walked but not drawn
    assert "Drop-off: 50% (1 cases)" in drop.cards[shop["cart"]].tooltip
    # the legend names what the palest and the darkest tint mean
    assert drop.scale[1].endswith("(50%)") and reach.scale == ("0", "3 cases")
    assert time.scale == ("0 s", "3 min")  # the slowest median (Cart's) sets the dark end
    friction = build_overlay(result, "friction")  # tinted relative to the journey's own range
    scores = sorted(float(v.label) for v in friction.cards.values())
    assert friction.scale == (
        f"palest = smoothest in this journey ({scores[0]:.1f}/100)",
        f"darkest = worst in this journey ({scores[-1]:.1f}/100)",
    )
    fractions = [v.fraction for v in friction.cards.values()]
    assert min(fractions) == 0.0 and max(fractions) == 1.0
    assert build_overlay(result, "none").cards == {}
    assert result.report.unmatched == {"checkout_error": 1}


def test_import_dialog_previews_and_imports(qtbot, shop: dict) -> None:
    dialog = ImportDialog(None, shop["log"])
    qtbot.addWidget(dialog)
    assert dialog.preview.columnCount() == 4 and dialog.preview.rowCount() == 8
    assert dialog.case_col.currentText() == "user_id"
    assert dialog.activity_col.currentText() == "event"
    assert dialog.import_button.isEnabled()
    dialog.start_import()
    qtbot.waitUntil(lambda: dialog.imported is not None, timeout=60000)
    assert (dialog.imported.n_events, dialog.imported.n_cases) == (8, 4)


def test_import_dialog_shows_errors_and_imports_nothing(qtbot, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("user_id,timestamp,event\nc1,2026-03-02T10:00:00Z,home\nc2,not a date,cart\n")
    dialog = ImportDialog(None, str(bad))
    qtbot.addWidget(dialog)
    dialog.start_import()
    qtbot.waitUntil(lambda: not dialog.job.running, timeout=60000)
    assert dialog.imported is None
    text = dialog.status.text()
    assert (
        "Cannot import" in text
        and "bad.csv" in text
        and "timestamp" in text
        and "not a date" in text
    )


def test_import_can_be_cancelled(qtbot, shop: dict) -> None:
    dialog = ImportDialog(None, shop["log"])
    qtbot.addWidget(dialog)
    dialog.start_import()
    with qtbot.waitSignal(dialog.job.cancelled, timeout=10000):
        dialog.buttons.rejected.emit()  # the Cancel button while importing
    assert dialog.imported is None and "cancelled" in dialog.status.text()
    assert not dialog.job._worker.process.is_alive()


def test_panel_stores_analyses_and_undoes(qtbot, file_ws: Workspace, shop: dict) -> None:
    ws = file_ws
    stack = GuardedUndoStack()
    panel = AnalysisPanel()
    qtbot.addWidget(panel)
    panel.set_context(ws, shop["journey"], stack)
    assert not panel.run_button.isEnabled()  # no dataset yet
    overlays = []
    panel.overlay_changed.connect(overlays.append)
    with qtbot.waitSignal(
        panel.overlay_changed, timeout=60000, check_params_cb=lambda o: bool(o.cards)
    ):
        panel.overlay.setCurrentIndex(panel.overlay.findData("dropoff"))
        panel.store_dataset(import_events(shop["log"], name="March log"))
    assert [d.name for d in ws.datasets()] == ["March log"]
    assert overlays[-1].cards[shop["cart"]].label == "50%"
    table = panel.unmatched.table
    assert table.rowCount() == 1 and table.item(0, 0).text() == "checkout_error"
    assert panel.friction.table.rowCount() == 3
    activated = []
    panel.touchpoint_activated.connect(activated.append)
    panel.funnel.chart.click_step(1)  # the "Buy" stage: Cart is its most reached card
    assert activated == [shop["cart"]]
    panel.overlay.setCurrentIndex(panel.overlay.findData("reach"))
    assert overlays[-1].cards[shop["home"]].label == "3"
    # the dataset is in the file; undo removes it, redo brings back the same id
    with Workspace.open(ws.path) as again:
        ds_id = again.datasets()[0].id
        assert again.datasets()[0].n_events == 8
    stack.undo()
    assert ws.datasets() == []
    stack.redo()
    assert [d.id for d in ws.datasets()] == [ds_id]


def test_segment_and_period_filters(qtbot, file_ws: Workspace, shop: dict) -> None:
    ws = file_ws
    ds = import_events(shop["log"]).add_to(ws)
    app_only = run_analysis(
        AnalysisRequest(ws.path, shop["journey"], ds.id, segment=("channel", "app"))
    )
    assert app_only.report.touchpoints.loc[shop["home"], "reach"] == 1
    from datetime import UTC, datetime

    week2 = (datetime(2026, 3, 9, tzinfo=UTC), datetime(2026, 3, 16, tzinfo=UTC))
    week1 = (datetime(2026, 3, 2, tzinfo=UTC), datetime(2026, 3, 9, tzinfo=UTC))
    later = run_analysis(
        AnalysisRequest(ws.path, shop["journey"], ds.id, period=week2, compare_to=week1)
    )
    assert later.report.touchpoints.loc[shop["home"], "reach"] == 1  # only c3 started in week 2
    cmp = later.comparison
    assert (cmp.loc[shop["home"], "reach_before"], cmp.loc[shop["home"], "reach_after"]) == (2, 1)
    assert cmp.loc[shop["home"], "dropoff_rate_after"] == 1.0


def test_map_unmatched_events_and_create_from_data(qtbot, file_ws: Workspace, shop: dict) -> None:
    ws = file_ws
    stack = GuardedUndoStack()
    panel = AnalysisPanel()
    qtbot.addWidget(panel)
    panel.set_context(ws, shop["journey"], stack)
    with qtbot.waitSignal(
        panel.overlay_changed, timeout=60000, check_params_cb=lambda o: bool(o.cards)
    ):
        panel.overlay.setCurrentIndex(panel.overlay.findData("reach"))
        panel.store_dataset(import_events(shop["log"]))
    # a suggestion exists only by name similarity; set one by hand as a user would pick it
    panel.unmatched.table.item(0, 2).setData(ROLE_ID, shop["cart"])
    panel.unmatched.table.selectRow(0)
    panel.map_selected_events()
    assert ws.get("touchpoint", shop["cart"]).match_events == ["checkout_error"]
    stack.undo()
    assert ws.get("touchpoint", shop["cart"]).match_events == []
    from cxmapper.analysis.bootstrap import TouchpointProposal

    proposals = [
        TouchpointProposal("checkout_error", ["checkout_error"], 1, 1, 1, 0.0),
        TouchpointProposal("home_view", ["home_view"], 0, 3, 3, 0.0),  # already matched: skipped
    ]
    panel.add_proposals(proposals)
    created = [t for t in ws.touchpoints(shop["journey"]) if "from data" in t.tags]
    assert [(t.title, t.stage_id) for t in created] == [("checkout_error", shop["s2"])]
    stack.undo()
    assert not [t for t in ws.touchpoints(shop["journey"]) if "from data" in t.tags]
    panel.cancel()


def test_connector_tooltips_carry_the_transition_figures(file_ws: Workspace, shop: dict) -> None:
    overlay = build_overlay(analysed(file_ws, shop), "reach")
    tip = overlay.connector_tooltips[(shop["home"], shop["cart"])]
    # home -> cart: c1 after 2 min, c2 after 1 min
    assert "<b>Home → Cart</b>" in tip and "2 times by 2 cases" in tip and "median 90 s" in tip
    assert (
        shop["cart"],
        shop["cart"],
    ) not in overlay.connector_tooltips  # self-loops are no arrows
