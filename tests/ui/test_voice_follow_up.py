"""A topic in the Voice tab becomes a follow-up in one step: "Follow up…" asks owner and due
date (the card's Responsible by default), adds the action with its evidence as one undo step;
the file holds it when reopened, and undo removes it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from cxmapper.cli import main
from cxmapper.model.workspace import Workspace
from cxmapper.ui.inspector import InspectorContext, InspectorPanel
from cxmapper.ui.inspector.touchpoint_voice import TouchpointVoice
from cxmapper.ui.inspector.voice_follow_up import FollowUpDialog
from cxmapper.ui.undo_stack import GuardedUndoStack

EVENTS = "case_id,event,timestamp\nc1,pay,2026-03-01T10:00:00Z\n"
# Payment: two comments about the card being declined (NPS 2 and 3: negative), one on delivery
SURVEY = """case_id,date,nps,comment,touchpoint
c1,2026-03-02,2,card declined twice,Payment
c2,2026-03-03,3,my card was charged twice,Payment
c3,2026-03-04,9,delivery was quick,Payment
"""


@pytest.fixture
def setup(qtbot: QtBot, tmp_path: Path) -> Iterator[dict[str, Any]]:
    path = tmp_path / "w.cxmap"
    with Workspace.create(path) as ws:
        j = ws.add_journey("Buy")
        pay = ws.add_touchpoint(ws.add_stage(j.id, "Pay").id, ws.add_lane(j.id, "Web").id,
                                "Payment", match_events=["pay"])  # fmt: skip
        rita, sam = ws.add_party("Rita Payments"), ws.add_party("Sam Ops")
        ws.assign(pay.id, rita.id, "R")
    (tmp_path / "e.csv").write_text(EVENTS)
    (tmp_path / "s.csv").write_text(SURVEY)
    assert main(["import", str(path), str(tmp_path / "e.csv"), "--journey", "Buy"]) == 0
    assert main(["import-survey", str(path), str(tmp_path / "s.csv"), "--journey", "Buy"]) == 0
    ws = Workspace.open(path)
    stack = GuardedUndoStack()
    errors: list[str] = []
    panel = InspectorPanel()
    qtbot.addWidget(panel)
    panel.resize(460, 800)
    panel.show()
    panel.set_context(InspectorContext(ws, stack, errors.append))
    panel.show_entity("touchpoint", pay.id)
    page = panel.touchpoint_page.show_tab("voice")
    panel.flush()
    assert isinstance(page, TouchpointVoice)
    yield {"ws": ws, "stack": stack, "page": page, "errors": errors, "path": path,
           "pay": pay.id, "rita": rita.id, "sam": sam.id, "panel": panel}  # fmt: skip
    panel.set_context(None)
    if not ws.closed:
        ws.close()


def answer(monkeypatch: pytest.MonkeyPatch, owner: str | None = None, due: str = "") -> None:
    """The dialog as a user fills it: pick the owner (or keep the default), type the date, OK."""

    def exec_(dialog: FollowUpDialog) -> int:
        if owner is not None:
            dialog.owner.set_value(owner)
        dialog.due.setText(due)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(FollowUpDialog, "exec", exec_)


def pick_topic(page: TouchpointVoice, name: str) -> None:
    row = next(i for i in range(page.topics.count()) if page.topics.item(i).text().startswith(name))
    page.topics.setCurrentRow(row)


def test_topics_are_listed_and_the_button_needs_one(setup: dict[str, Any]) -> None:
    page = setup["page"]
    texts = [page.topics.item(i).text() for i in range(page.topics.count())]
    assert texts == ["payment: 2 comments, 100% negative", "delivery: 1 comments, 0% negative"]
    assert not page.follow_up_button.isEnabled()
    pick_topic(page, "payment")
    assert page.follow_up_button.isEnabled()


def test_follow_up_saved_with_owner_due_and_evidence(
    setup: dict[str, Any], qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    page, ws = setup["page"], setup["ws"]
    pick_topic(page, "payment")
    answer(monkeypatch, owner=setup["sam"], due="2026-09-01")
    qtbot.mouseClick(page.follow_up_button, Qt.MouseButton.LeftButton)
    assert setup["errors"] == []
    assert setup["stack"].count() == 1  # one undo step
    ws.close()
    with Workspace.open(setup["path"]) as again:  # what the file holds
        [a] = again.actions(setup["pay"])
        assert (a.title, a.owner_id, a.due_date, a.status) == (
            "Payment: payment", setup["sam"], "2026-09-01", "open")  # fmt: skip
        assert a.description.splitlines()[:2] == [
            "Evidence:", "- Topic payment: 2 comments, 100% negative"]  # fmt: skip
        # NPS of 2, 3, 9: (1 - 2) / 3 = -33; variance 1/3 + 2/3 - 1/9 = 8/9, se = sqrt(8/27) =
        # 0.544, 1.96 se = 1.067: -33 - 107 clipped to -100, -33 + 107 = +73
        assert "- NPS -33 (95 % interval -100 to +73), n=3" in a.description.splitlines()
        assert '- "card declined twice"' in a.description.splitlines()


def test_default_owner_is_the_responsible_and_undo_removes_it(
    setup: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    page, ws, stack = setup["page"], setup["ws"], setup["stack"]
    pick_topic(page, "delivery")
    answer(monkeypatch)  # accepted as it opens
    assert page.follow_up_selected()
    [a] = ws.actions(setup["pay"])
    assert (a.title, a.owner_id, a.due_date) == ("Payment: delivery", setup["rita"], "")
    stack.undo()
    assert ws.actions(setup["pay"]) == []
    stack.redo()
    assert [x.id for x in ws.actions(setup["pay"])] == [a.id]


def test_nobody_picked_stays_nobody(setup: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    pick_topic(setup["page"], "payment")

    def exec_(dialog: FollowUpDialog) -> int:
        assert dialog.owner.value() == setup["rita"]  # proposed: the Responsible
        dialog.owner.set_value(None)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(FollowUpDialog, "exec", exec_)
    assert setup["page"].follow_up_selected()
    assert [a.owner_id for a in setup["ws"].actions(setup["pay"])] == [None]


def test_cancel_or_a_bad_date_adds_nothing(
    setup: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    page, ws = setup["page"], setup["ws"]
    pick_topic(page, "payment")
    monkeypatch.setattr(FollowUpDialog, "exec", lambda d: QDialog.DialogCode.Rejected)
    assert not page.follow_up_selected()
    seen: list[str] = []

    def bad_date(dialog: FollowUpDialog) -> int:
        dialog.due.setText("next week")
        dialog.accept()  # refused: stays open and says why
        seen.append(dialog.error.text())
        return dialog.result()

    monkeypatch.setattr(FollowUpDialog, "exec", bad_date)
    assert not page.follow_up_selected()
    assert seen == ["The due date is not a date; write it as YYYY-MM-DD."]
    assert ws.actions(setup["pay"]) == [] and setup["stack"].count() == 0
