"""Inspector pages: every edit is one undo step, lands in the file, and undoes exactly."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from tests.ui.rigs import Rig, choose, commit_text, type_into


def test_touchpoint_fields_each_commit_one_undo_step(qtbot: QtBot, rig: Rig) -> None:
    home = rig.ids["home"]
    rig.panel.show_entity("touchpoint", home)
    d = rig.tp.details
    assert d.title.text() == "Home page"
    assert rig.panel.header.text() == "Touchpoint: Home page"

    type_into(qtbot, d.title, "Landing page")
    d.description.setPlainText("First contact")
    d.description.commit()
    commit_text(d.channel, "web+app")  # typing would open the completer popup
    choose(d.component, "brand")
    choose(d.emotion, 2)
    type_into(qtbot, d.tags, "seo, ads,  seo ,")
    choose(d.owner, None)
    d.goal.click()
    d.match_events.setPlainText("home_view\n\nlanding")
    d.match_events.commit()
    d.match_patterns.setPlainText("home_*")
    d.match_patterns.commit()
    assert rig.stack.count() == 10
    assert rig.errors == []
    rig.flush()
    assert rig.panel.header.text() == "Touchpoint: Landing page"

    rig.stack.undo()  # patterns
    assert rig.ws.get("touchpoint", home).match_patterns == []
    rig.stack.redo()
    with rig.reopen() as ws:
        tp = ws.get("touchpoint", home)
    assert (tp.title, tp.description, tp.channel, tp.component) == (
        "Landing page",
        "First contact",
        "web+app",
        "brand",
    )
    assert (tp.emotion, tp.tags, tp.owner_id, tp.is_goal) == (2, ["seo", "ads"], None, True)
    assert (tp.match_events, tp.match_patterns) == (["home_view", "landing"], ["home_*"])


def test_unchanged_text_pushes_nothing_and_undo_restores_old_value(qtbot: QtBot, rig: Rig) -> None:
    rig.panel.show_entity("touchpoint", rig.ids["search"])
    d = rig.tp.details
    d.title.setModified(True)
    d.title.editingFinished.emit()  # same text: no command
    assert rig.stack.count() == 0
    choose(d.emotion, -2)
    rig.stack.undo()
    rig.flush()
    assert rig.ws.get("touchpoint", rig.ids["search"]).emotion == -1
    assert d.emotion.value() == -1  # the widget followed the model


def test_refused_edit_shows_why_and_is_not_stacked(qtbot: QtBot, rig: Rig) -> None:
    rig.panel.show_entity("touchpoint", rig.ids["home"])
    type_into(qtbot, rig.tp.details.title, "   ")
    assert rig.errors and "title" in rig.errors[0]
    assert rig.stack.count() == 0
    assert rig.tp.details.title.text() == "Home page"


def test_structure_inspectors(qtbot: QtBot, rig: Rig) -> None:
    rig.panel.show_entity("stage", rig.ids["buy"])
    stage = rig.panel.pages["stage"]
    type_into(qtbot, stage.name, "Checkout")
    stage.width_box.setValue(300)
    stage.width_box.editingFinished.emit()
    rig.panel.show_entity("lane", rig.ids["web"])
    lane = rig.panel.pages["lane"]
    choose(lane.lane_kind, "backstage")
    lane.height_box.setValue(200)
    lane.height_box.editingFinished.emit()
    connector = rig.ws.connectors()[0]
    rig.panel.show_entity("connector", connector.id)
    page = rig.panel.pages["connector"]
    assert page.ends.text() == "Home page  →  Cart"
    type_into(qtbot, page.label, "adds to cart")
    choose(page.connector_kind, "alternative")
    persona = rig.ws.add_persona("Busy parent")
    rig.panel.show_entity("journey", rig.ids["journey"])
    journey = rig.panel.pages["journey"]
    type_into(qtbot, journey.name, "Buying online")
    journey.description.setPlainText("As is, 2026")
    journey.description.commit()
    choose(journey.persona, persona.id)
    choose(journey.state, "future")
    assert rig.stack.count() == 10 and rig.errors == []
    for _ in range(10):
        rig.stack.undo()
    assert rig.ws.get("stage", rig.ids["buy"]).name == "Buy"
    for _ in range(10):
        rig.stack.redo()
    with rig.reopen() as ws:
        assert (ws.get("stage", rig.ids["buy"]).name, ws.get("stage", rig.ids["buy"]).width) == (
            "Checkout",
            300,
        )
        assert (ws.get("lane", rig.ids["web"]).kind, ws.get("lane", rig.ids["web"]).height) == (
            "backstage",
            200,
        )
        c = ws.get("connector", connector.id)
        assert (c.label, c.kind) == ("adds to cart", "alternative")
        j = ws.get("journey", rig.ids["journey"])
        assert (j.name, j.description, j.persona_id, j.state) == (
            "Buying online",
            "As is, 2026",
            persona.id,
            "future",
        )


def test_nothing_selected_shows_the_journey_and_removed_entity_falls_back(rig: Rig) -> None:
    rig.panel.set_journey(rig.ids["journey"])
    assert rig.panel.current == ("journey", rig.ids["journey"])
    rig.panel.show_selection([("touchpoint", rig.ids["cart"]), ("touchpoint", rig.ids["home"])])
    assert rig.panel.header.text() == "2 items selected"
    rig.panel.show_selection([("touchpoint", rig.ids["cart"])])
    rig.ws.remove("touchpoint", rig.ids["cart"])  # e.g. deleted on the canvas
    rig.flush()
    assert rig.panel.current == ("journey", rig.ids["journey"])


def test_kpi_reading_target_direction_and_trend(qtbot: QtBot, rig: Rig) -> None:
    rig.panel.show_entity("touchpoint", rig.ids["home"])
    k = rig.tp.show_tab("kpis")
    assert k.kpi.value() == rig.ids["csat"]
    assert k.table.rowCount() == 1
    assert "off target" in k.table.item(0, 2).text() or "near target" in k.table.item(0, 2).text()
    assert k.chart.plotted_points == 1

    k.value.setText("4,5")
    k.date.setDate(QDate(2026, 2, 1))
    k.source.setText("survey")
    choose(k.owner, rig.ids["ann"])
    k.add_button.click()
    rig.flush()
    assert k.table.rowCount() == 2
    assert k.table.item(0, 0).text() == "2026-02-01"  # newest first
    assert k.table.item(0, 2).text() == "on target"
    assert k.chart.plotted_points == 2
    assert k.value.text() == ""

    type_into(qtbot, k.target, "4.6")
    choose(k.direction, "lower")
    assert rig.stack.count() == 3
    rig.stack.undo()
    assert rig.ws.get("kpi", rig.ids["csat"]).direction == "higher"
    rig.stack.redo()

    k.value.setText("abc")
    k.add_button.click()
    assert rig.errors == ["Type a number for the reading's value."]
    with rig.reopen() as ws:
        readings = ws.readings(rig.ids["home"])
        kpi = ws.get("kpi", rig.ids["csat"])
    assert [(r.value, r.source, r.owner_id) for r in readings][-1] == (
        4.5,
        "survey",
        rig.ids["ann"],
    )
    assert readings[-1].measured_at.startswith("2026-02-01")
    assert (kpi.target, kpi.direction) == (4.6, "lower")


def test_kpi_reading_add_and_remove_undo(rig: Rig) -> None:
    rig.panel.show_entity("touchpoint", rig.ids["search"])
    k = rig.tp.show_tab("kpis")
    assert k.table.rowCount() == 0 and k.chart.plotted_points == 0
    k.value.setText("3")
    k.add_button.click()
    rig.flush()
    k.table.selectRow(0)
    k.remove_button.click()
    rig.flush()
    assert k.table.rowCount() == 0
    rig.stack.undo()
    rig.flush()
    assert k.table.rowCount() == 1
    rig.stack.undo()
    assert rig.ws.readings(rig.ids["search"]) == []


def test_raci_assignments_and_accountable_warning(rig: Rig) -> None:
    bob = rig.ws.add_party("Bob Builder", role="Ops")
    rig.panel.show_entity("touchpoint", rig.ids["cart"])
    r = rig.tp.show_tab("raci")
    assert r.warning.isVisible() and "No Accountable" in r.warning.text()
    choose(r.party, rig.ids["ann"])
    choose(r.role, "A")
    r.add_button.click()
    rig.flush()
    assert r.warning.isVisible() and "Exactly one Accountable" in r.warning.text()
    choose(r.party, bob.id)
    r.add_button.click()  # a second Accountable
    rig.flush()
    assert r.warning.isVisible() and "2 Accountables" in r.warning.text()
    r.add_button.click()  # the same assignment again is refused
    assert rig.errors and "exists already" in rig.errors[0]
    assert rig.stack.count() == 2
    choose(r.role, "C")
    r.add_button.click()
    rig.flush()
    assert r.table.rowCount() == 3
    r.table.selectRow(1)  # rows sorted R, A, C, I; row 1 is the second A
    r.remove_button.click()
    rig.flush()
    assert "Exactly one Accountable" in r.warning.text()
    rig.stack.undo()
    rig.flush()
    assert "2 Accountables" in r.warning.text()
    with rig.reopen() as ws:
        roles = sorted((x.party_id == bob.id, x.role) for x in ws.raci(rig.ids["cart"]))
    assert roles == [(False, "A"), (True, "A"), (True, "C")]


def test_comments_add_resolve_reopen(rig: Rig) -> None:
    rig.panel.show_entity("touchpoint", rig.ids["slow"])
    c = rig.tp.show_tab("comments")
    c.text.setPlainText("Why is this slow?")
    c.add_button.click()
    rig.flush()
    assert c.list.count() == 1 and "Tess Tester" in c.list.item(0).text()
    assert c.text.toPlainText() == ""
    assert rig.tp.tabs.tabText(3) == "Comments 1"
    c.list.item(0).setSelected(True)
    assert c.resolve_button.isEnabled() and not c.reopen_button.isEnabled()
    c.resolve_button.click()
    rig.flush()
    assert "resolved" in c.list.item(0).text()
    assert rig.tp.tabs.tabText(3) == "Comments"
    c.list.item(0).setSelected(True)
    c.reopen_button.click()
    c.resolve_button.click() if c.resolve_button.isEnabled() else None
    rig.flush()
    comment = rig.ws.comments(rig.ids["slow"])[0]
    assert comment.resolved is False
    rig.stack.undo()
    assert rig.ws.comments(rig.ids["slow"])[0].resolved is True
    rig.stack.undo()
    rig.stack.undo()
    assert rig.ws.comments(rig.ids["slow"]) == []
    rig.stack.redo()
    with rig.reopen() as ws:
        (saved,) = ws.comments(rig.ids["slow"])
    assert (saved.author, saved.text, saved.resolved) == ("Tess Tester", "Why is this slow?", False)


def test_actions_add_edit_remove(qtbot: QtBot, rig: Rig) -> None:
    rig.panel.show_entity("touchpoint", rig.ids["slow"])
    a = rig.tp.show_tab("actions")
    assert not a.editor.isEnabled()
    a.add_button.click()
    rig.flush()
    assert a.table.rowCount() == 1 and a.editor.isEnabled()
    type_into(qtbot, a.title, "Cache the basket")
    choose(a.impact, 5)
    choose(a.effort, 2)
    choose(a.owner, rig.ids["ann"])
    choose(a.status, "in progress")
    type_into(qtbot, a.due, "2026-03-31")
    rig.flush()
    assert a.table.item(0, 1).text() == "5 / 2"
    assert "Priority 2.5" in a.table.item(0, 0).toolTip()
    type_into(qtbot, a.due, "next week")
    assert rig.errors and "not a date" in rig.errors[0]
    assert rig.stack.count() == 7
    rig.stack.undo()  # due date
    assert rig.ws.actions(rig.ids["slow"])[0].due_date == ""
    rig.stack.redo()
    action_id = rig.ws.actions(rig.ids["slow"])[0].id
    with rig.reopen() as ws:
        saved = ws.get("action", action_id)
    assert (saved.title, saved.impact, saved.effort, saved.owner_id) == (
        "Cache the basket",
        5,
        2,
        rig.ids["ann"],
    )
    assert (saved.status, saved.due_date) == ("in progress", "2026-03-31")


def test_action_remove_and_undo(rig: Rig) -> None:
    action = rig.ws.add_action(rig.ids["home"], "Fix hero image", impact=4, effort=1)
    rig.panel.show_entity("touchpoint", rig.ids["home"])
    a = rig.tp.show_tab("actions")
    a.select_action(action.id)
    a.remove_button.click()
    rig.flush()
    assert a.table.rowCount() == 0
    rig.stack.undo()
    rig.flush()
    assert a.table.rowCount() == 1 and a.table.item(0, 0).text() == "Fix hero image"


def test_external_change_refreshes_without_clobbering_typing(qtbot: QtBot, rig: Rig) -> None:
    rig.panel.show_entity("touchpoint", rig.ids["home"])
    d = rig.tp.details
    rig.ws.update("touchpoint", rig.ids["home"], channel="kiosk")
    rig.flush()
    assert d.channel.text() == "kiosk"
    d.title.setFocus()
    qtbot.keyClicks(d.title, " draft")
    rig.ws.update("touchpoint", rig.ids["home"], description="changed elsewhere")
    rig.flush()
    if d.title.hasFocus():  # offscreen focus can be flaky; only then is the guard exercised
        assert d.title.text() == " draftHome page"  # the typing survived the refresh
    assert d.description.toPlainText() == "changed elsewhere"


def test_half_typed_title_commits_to_its_own_card_when_selection_changes(
    qtbot: QtBot, rig: Rig
) -> None:
    rig.panel.show_entity("touchpoint", rig.ids["home"])
    title = rig.tp.details.title
    title.setFocus()
    if not title.hasFocus():
        pytest.skip("no keyboard focus on this platform")
    title.selectAll()
    qtbot.keyClicks(title, "Start page")
    rig.panel.show_entity("touchpoint", rig.ids["cart"])  # selection changed, no Enter pressed
    assert rig.ws.get("touchpoint", rig.ids["home"]).title == "Start page"
    assert rig.ws.get("touchpoint", rig.ids["cart"]).title == "Cart"
    assert title.text() == "Cart"
