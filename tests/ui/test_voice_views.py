"""The Voice of the customer area (Analysis ▸ Voice of the Customer) on the demo and its survey:
the Drivers view ranks the payment retries and the delivery wait first, a click selects the
card, a driver becomes an action in one undoable step (saved in the file), and the
Improvements view shows each done action's verdict, following the model when an action is
marked done."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from cxmapper.model.demo import write_demo
from cxmapper.model.workspace import Workspace
from cxmapper.ui.inspector.voice_follow_up import FollowUpDialog
from cxmapper.ui.main_window import MainWindow
from cxmapper.ui.voice import drivers as dv
from cxmapper.ui.voice import improvements as iv
from cxmapper.ui.voice import topics as tv
from cxmapper.ui.voice.common import VoicePane, no_survey
from tests.demo_with_data import write_demo_with_data
from tests.ui.rigs import make_window
from tests.ui.test_accessible_names import unnamed

# one worker runs the whole module, so its module-scoped fixtures are built once, not once
# per worker that gets one of its tests (issue 18)
pytestmark = pytest.mark.xdist_group("ui/test_voice_views")


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_demo_with_data(tmp_path_factory.mktemp("voice") / "demo.cxmap")


@pytest.fixture
def own_demo(demo_path: Path, tmp_path: Path) -> Path:
    """A copy of the demo for a test that changes it."""
    copy = tmp_path / "demo.cxmap"
    shutil.copy(demo_path, copy)
    return copy


def open_voice(qtbot: QtBot, path: Path) -> tuple[MainWindow, dict[str, str]]:
    window = make_window(qtbot)
    assert window.open_path(path)
    ws = window.ctx.workspace
    journey = ws.find_journey("Online purchase")
    window.show_journey(journey.id)
    window.voice_dock.show_action.trigger()
    QApplication.processEvents()
    return window, {t.title: t.id for t in ws.touchpoints(journey.id)}


@pytest.fixture
def shown(qtbot: QtBot, demo_path: Path) -> Iterator[tuple[MainWindow, dict[str, str]]]:
    window, titles = open_voice(qtbot, demo_path)
    yield window, titles
    window.close_workspace()


def texts(view: VoicePane, col: int) -> list[str]:
    return view.table.column_texts(col)


def accept(monkeypatch: pytest.MonkeyPatch, due: str) -> list[FollowUpDialog]:
    """The dialog as a user fills it: the owner it proposes, a due date, OK."""
    seen: list[FollowUpDialog] = []

    def exec_(dialog: FollowUpDialog) -> int:
        seen.append(dialog)
        dialog.due.setText(due)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(FollowUpDialog, "exec", exec_)
    return seen


def click_row(view: VoicePane, row: int, col: int, qtbot: QtBot) -> None:
    table = view.table
    rect = table.visualRect(table.model().index(row, col))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_the_menu_opens_the_three_views(shown) -> None:  # type: ignore[no-untyped-def]
    window, _ = shown
    dock = window.voice_dock
    assert window.voice_dock.show_action in window.analysis_menu.actions()
    assert dock.isVisible() and dock.tabs is not None
    assert [dock.tabs.tabText(i) for i in range(3)] == ["Drivers", "Topics", "Improvements"]
    for i in range(3):  # what a screen reader announces, on every tab
        dock.tabs.setCurrentIndex(i)
        assert unnamed(dock) == []


def test_drivers_put_payment_retries_and_delivery_wait_first(shown) -> None:  # type: ignore[no-untyped-def]
    window, _ = shown
    view = window.voice_dock.drivers
    top = list(zip(texts(view, dv.CARD), texts(view, dv.BEHAVIOUR), strict=True))[:2]
    assert top == [
        ("Checkout: payment", "repeated"),
        ("Order confirmation e-mail", "waited over p90"),
    ]
    assert texts(view, dv.RANK)[:2] == ["1", "2"]
    # NPS points of those who did it against those who did not (the report's Welch comparison)
    row = view.drivers[0]
    assert texts(view, dv.DIFF)[0] == f"−{abs(row.difference):.1f}"
    assert texts(view, dv.N)[0] == f"{row.n_did:,}" == "482"
    assert view.empty.isHidden()
    view.table.sortItems(dv.DIFF, Qt.SortOrder.AscendingOrder)  # a header click: by the number
    assert texts(view, dv.DIFF)[0] == f"−{abs(min(d.difference for d in view.drivers)):.1f}"
    view.table.sortItems(dv.RANK, Qt.SortOrder.AscendingOrder)
    assert texts(view, dv.CARD)[0] == "Checkout: payment"


def test_indicative_rows_are_greyed_and_say_so(shown) -> None:  # type: ignore[no-untyped-def]
    window, _ = shown
    view = window.voice_dock.drivers
    marks = texts(view, dv.NOTE)
    flags = [d.indicative for d in view.drivers]
    assert any(flags) and not all(flags)  # the demo has both kinds
    assert marks == ["indicative" if f else "" for f in flags]
    row = flags.index(True)
    assert view.table.item(row, dv.CARD).foreground().color().name() == "#6b6b6b"
    table = view.table  # the word reads in full beside the map, never "indic…"
    window.resize(1366, 768)
    window.voice_dock.present()
    QApplication.processEvents()
    for col in (dv.CARD, dv.BEHAVIOUR, dv.DIFF, dv.NOTE):
        assert not table.isColumnHidden(col)
        assert table.columnWidth(col) >= table.sizeHintForColumn(col), col


def test_clicking_a_driver_selects_its_card(shown, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    window, titles = shown
    view = window.voice_dock.drivers
    row = texts(view, dv.CARD).index("Order confirmation e-mail")
    click_row(view, row, dv.CARD, qtbot)
    card = titles["Order confirmation e-mail"]
    assert window.scene.selected_entities() == [("touchpoint", card)]
    assert window.inspector.current == ("touchpoint", card)


def test_a_driver_becomes_one_undoable_action_saved_in_the_file(
    qtbot: QtBot, own_demo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, titles = open_voice(qtbot, own_demo)
    ws, stack = window.ctx.workspace, window.undo_stack
    view = window.voice_dock.drivers
    pay = titles["Checkout: payment"]
    responsible = next(r.party_id for r in ws.raci(pay) if r.role == "R")
    before = {a.id for a in ws.actions(pay)}
    seen = accept(monkeypatch, "2027-01-31")
    view.table.selectRow(0)
    assert view.follow_up_button is not None and view.follow_up_button.isEnabled()
    qtbot.mouseClick(view.follow_up_button, Qt.MouseButton.LeftButton)
    assert seen and seen[0].owner.value() == responsible  # the card's Responsible by default
    assert stack.count() == 1
    [added] = [a for a in ws.actions(pay) if a.id not in before]
    improvements = window.voice_dock.improvements
    QApplication.processEvents()  # the dock refreshes once the change's burst is over
    assert "Checkout: payment: repeated" in texts(improvements, iv.ACTION)
    stack.undo()
    assert {a.id for a in ws.actions(pay)} == before
    QApplication.processEvents()
    assert "Checkout: payment: repeated" not in texts(improvements, iv.ACTION)
    stack.redo()
    window.close_workspace()
    with Workspace.open(own_demo) as again:
        [saved] = [a for a in again.actions(pay) if a.id not in before]
        assert (saved.title, saved.owner_id, saved.due_date, saved.status) == (
            "Checkout: payment: repeated", responsible, "2027-01-31", "open")  # fmt: skip
        lines = saved.description.splitlines()
        assert lines[0] == "Evidence:"
        assert lines[1].startswith("- Driver Checkout: payment, repeated: NPS points −97.7")
        assert "difference −138.7 (95 % interval −142.9 to −134.4)" in lines[1]
        assert lines[2] == "- n = 482 who did it, 1,328 who did not (27% affected)"
    assert added.id == saved.id


def test_improvements_show_the_demo_verdicts(shown) -> None:  # type: ignore[no-untyped-def]
    window, _ = shown
    view = window.voice_dock.improvements
    verdicts = dict(zip(texts(view, iv.ACTION), texts(view, iv.VERDICT), strict=True))
    assert verdicts["Address autocomplete"] == "improved"
    assert verdicts["Show shipping cost before checkout"] == "no detectable change"
    assert verdicts["Add Apple Pay / Google Pay"] == ""  # open: no verdict yet
    ws = window.ctx.workspace
    journey = {t.id for t in ws.touchpoints(window.journey_id)}
    assert len(view.improvement_actions) == sum(a.touchpoint_id in journey for a in ws.actions())
    row = texts(view, iv.ACTION).index("Address autocomplete")
    view.table.selectRow(row)
    detail = view.detail.text().splitlines()
    assert detail[0] == "Checkout: address; owner: Tom Becker"
    assert detail[1].startswith("improved: before ")
    assert any(line.startswith("drop-off (%): ") and line.endswith(": improved") for line in detail)


def test_clicking_an_improvement_or_a_card_topic_selects_the_card(shown, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    window, titles = shown
    dock = window.voice_dock
    view = dock.improvements
    dock.tabs.setCurrentWidget(view)
    click_row(view, texts(view, iv.ACTION).index("Show shipping cost before checkout"), 0, qtbot)
    assert window.scene.selected_entities() == [("touchpoint", titles["Cart"])]
    topics = dock.topics
    dock.tabs.setCurrentWidget(topics)
    topics.level.setCurrentIndex(topics.level.findData(tv.PER_CARD))
    row = texts(topics, tv.CARD).index("Order confirmation e-mail")
    click_row(topics, row, tv.CARD, qtbot)
    assert window.scene.selected_entities() == [("touchpoint", titles["Order confirmation e-mail"])]


def test_marking_an_action_done_gives_it_a_verdict(shown) -> None:  # type: ignore[no-untyped-def]
    window, _ = shown
    view = window.voice_dock.improvements
    ws = window.ctx.workspace
    action = next(a for a in ws.actions() if a.title == "Add Apple Pay / Google Pay")
    old = (action.status, action.due_date)
    try:
        ws.update("action", action.id, status="done", due_date="2026-04-01")
        window.voice_dock.refresh()
        verdicts = dict(zip(texts(view, iv.ACTION), texts(view, iv.VERDICT), strict=True))
        assert verdicts["Add Apple Pay / Google Pay"] in (
            "improved", "no detectable change", "worse", "mixed", "not enough data")  # fmt: skip
    finally:
        ws.update("action", action.id, status=old[0], due_date=old[1])


def test_topics_per_card_follow_up_in_one_step(
    qtbot: QtBot, own_demo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, _ = open_voice(qtbot, own_demo)
    view = window.voice_dock.topics
    assert texts(view, tv.TOPIC)  # across the journey first
    for row in range(view.table.rowCount()):  # an answer given many times is quoted once
        view.table.selectRow(row)
        said = view.detail.text().splitlines()[1:]
        assert said and len(set(said)) == len(said)
    assert view.follow_up_button is not None and view.follow_up_button.isHidden()
    view.level.setCurrentIndex(view.level.findData(tv.PER_CARD))
    row = next(i for i, r in enumerate(view.rows) if r.touchpoint_id is not None)
    view.table.selectRow(row)
    assert "Customers said:" in view.detail.text()
    accept(monkeypatch, "2027-02-28")
    assert view.follow_up_selected()
    assert window.undo_stack.count() == 1
    window.close_workspace()


def test_without_a_survey_each_view_says_what_to_do(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "plain.cxmap"
    write_demo(path)
    window = make_window(qtbot)
    assert window.open_path(path)
    window.voice_dock.present()
    for view in window.voice_dock.views:
        assert view.empty.text() == no_survey() and not view.empty.isHidden()
    assert window.voice_dock.drivers.table.rowCount() == 0
    window.close_workspace()


def test_the_panel_says_how_many_responses_are_linked(shown) -> None:  # type: ignore[no-untyped-def]
    """Issue 12: "report the share linked, and list what could not be" — the CLI and the
    workbook did; the panel now says it above the views, the reasons in the tooltip."""
    window, _ = shown
    coverage = window.voice_dock.coverage
    assert coverage.isVisible()
    from cxmapper.ui.voice_cache import journey_voice

    assert window.workspace is not None and window.journey_id is not None
    found = journey_voice(window.workspace, window.journey_id)
    assert found is not None
    linked = found.report.linked
    n = len(found.report.responses)
    assert coverage.text() == (
        f"{n:,} responses about this journey: {linked.share_linked():.0%} linked to a card, "
        f"{linked.share_case():.0%} to a case."
    )
    for why, count in linked.reasons.items():
        assert f"Not linked: {count:,} ({why};" in coverage.toolTip()
