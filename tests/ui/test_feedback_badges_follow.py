"""Feedback badges follow the model: a survey imported or removed, a card renamed (the survey's
touchpoint column names cards by title) and a card's matching rules changed (or names an event)
all update the badges without reopening the journey; undo puts them back as they were."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from cxmapper.feedback.survey_import import read_survey
from cxmapper.ui.canvas.items.feedback_badge import badge_of
from cxmapper.ui.commands import AddCommand, RemoveCommand, UpdateCommand
from tests.ui.rigs import Canvas


def write_survey(path: Path, rows: list[tuple[str, int, int]]) -> Path:
    """(touchpoint, score, how many) -> a CSV of NPS answers from respondents the log lacks."""
    lines = ["case_id,date,nps,touchpoint"]
    n = 0
    for touchpoint, score, count in rows:
        for _ in range(count):
            lines.append(f"R{n:04d},2026-03-0{1 + n % 9}T10:00:00Z,{score},{touchpoint}")
            n += 1
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def badges(c: Canvas, qtbot: QtBot) -> dict[str, str]:
    """Card key -> badge text, once the model's changes have reached the canvas."""
    qtbot.wait(50)  # the canvas coalesces changes; let the queued refreshes run
    keys = {v: k for k, v in c.ids.items()}
    out = {}
    for tp_id, card in c.scene.cards.items():
        badge = badge_of(card)
        if badge is not None:
            out[keys[tp_id]] = badge.text
    return out


def import_survey(c: Canvas, path: Path) -> str:
    survey = read_survey(path)
    command = AddCommand(c.ws, "survey", lambda: survey.add_to(c.ws), "Import survey")
    c.stack.push(command)
    return str(command.entity.id)


def test_badges_follow_imports_renames_and_matching(
    canvas: Canvas, qtbot: QtBot, tmp_path: Path
) -> None:
    c = canvas
    c.scene.feedback.set_enabled(True)
    assert badges(c, qtbot) == {}  # no survey yet
    first = write_survey(tmp_path / "a.csv", [("Cart", 10, 35), ("pay_ok", 0, 30)])
    survey_id = import_survey(c, first)
    assert badges(c, qtbot) == {"cart": "NPS +100 (n=35)"}  # "pay_ok" names no card yet

    c.stack.push(UpdateCommand(c.ws, "touchpoint", c.ids["cart"], "Rename", title="Basket"))
    assert badges(c, qtbot) == {}  # no card is titled "Cart" any more
    c.stack.undo()
    assert badges(c, qtbot) == {"cart": "NPS +100 (n=35)"}

    c.stack.push(UpdateCommand(c.ws, "touchpoint", c.ids["slow"], "Match", match_events=["pay_ok"]))
    assert badges(c, qtbot) == {"cart": "NPS +100 (n=35)", "slow": "NPS -100 (n=30)"}
    c.stack.undo()
    assert badges(c, qtbot) == {"cart": "NPS +100 (n=35)"}

    c.stack.push(RemoveCommand(c.ws, "survey", [survey_id], "Remove survey"))
    assert badges(c, qtbot) == {}
    second = write_survey(tmp_path / "b.csv", [("Cart", 0, 40), ("Home page", 9, 31)])
    import_survey(c, second)  # re-imported with other answers
    assert badges(c, qtbot) == {"cart": "NPS -100 (n=40)", "home": "NPS +100 (n=31)"}


def test_switched_off_badges_stay_off_whatever_changes(
    canvas: Canvas, qtbot: QtBot, tmp_path: Path
) -> None:
    c = canvas
    import_survey(c, write_survey(tmp_path / "a.csv", [("Cart", 10, 35)]))
    c.stack.push(UpdateCommand(c.ws, "touchpoint", c.ids["cart"], "Rename", title="Cart"))
    assert badges(c, qtbot) == {}
