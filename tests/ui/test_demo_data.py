"""The app's demo opens with its event log and survey imported (as `cxmapper demo` + `import`
+ `import-survey` would): the feedback badges show NPS with n at once, the data is saved in the
file, and the import is one undoable step. Opening the demo again imports nothing more."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot

from cxmapper.model.demo import survey_path_for, write_demo
from cxmapper.model.workspace import Workspace
from cxmapper.ui.canvas.items.feedback_badge import badge_of
from cxmapper.ui.demo_data import demo_path
from cxmapper.ui.main_window import MainWindow
from cxmapper.ui.voice_cache import journey_voice


def wait_for_demo_data(qtbot: QtBot, window: MainWindow) -> None:
    job = window.demo_job
    assert job is not None, "the demo's data import did not start"
    qtbot.waitUntil(lambda: not job.running, timeout=120_000)


def badge_texts(window: MainWindow) -> dict[str, str]:
    """Card title -> badge text of every card with a visible badge."""
    ws, scene = window.workspace, window.scene
    assert ws is not None and scene is not None
    titles = {t.id: t.title for t in ws.touchpoints(window.journey_id)}
    out = {}
    for tp_id, card in scene.cards.items():
        badge = badge_of(card)
        if badge is not None and badge.isVisible():
            out[titles[tp_id]] = badge.text
    return out


def test_demo_opens_with_survey_and_events_imported(
    qtbot: QtBot, window: MainWindow, errors: list[str]
) -> None:
    assert window.open_demo(), errors
    wait_for_demo_data(qtbot, window)
    assert errors == []
    ws = window.workspace
    assert ws is not None
    journey_id = ws.find_journey("Online purchase").id
    window.show_journey(journey_id)
    badges = window.findChild(QAction, "view.feedback_badges")
    assert badges is not None and badges.isChecked()
    found = badge_texts(window)
    # the payment step's outcome card (the post-order answers are linked to the last mapped
    # event before answering); the payment step has its own moment survey (model.demo_pulse)
    assert found["Order confirmed"] == "NPS +14 (n=307)"
    assert found["Checkout: payment"].startswith("NPS -")
    assert found["Order confirmation e-mail"] == "NPS -92 (n=53)"
    # the app's demo gives the figures `cxmapper feedback` gives for the CLI's demo
    voice = journey_voice(ws, journey_id)
    assert voice is not None
    top = [(d.title, d.behaviour) for d in voice.report.drivers[:2]]
    assert top == [("Checkout: payment", "repeated"), ("Order confirmation e-mail", "waited")]
    verdicts = {a.title: a.verdict.verdict for a in voice.report.verdicts}
    assert verdicts == {
        "Address autocomplete": "improved",
        "Show shipping cost before checkout": "no detectable change",
    }
    path = Path(ws.path)
    with Workspace.open(path, read_only=True) as saved:  # in the file, not only on screen
        assert [d.n_events for d in saved.datasets()] == [ws.datasets()[0].n_events]
        assert [s.n_responses for s in saved.surveys()] == [ws.surveys()[0].n_responses]
        assert saved.surveys()[0].n_responses >= 3000


def test_the_import_is_one_undoable_step(
    qtbot: QtBot, window: MainWindow, errors: list[str]
) -> None:
    assert window.open_demo(), errors
    wait_for_demo_data(qtbot, window)
    ws = window.workspace
    assert ws is not None
    window.show_journey(ws.find_journey("Online purchase").id)
    stack = window.undo_stack
    assert stack.count() == 1 and stack.text(0) == "Import the demo's event log and survey"
    ids = ([d.id for d in ws.datasets()], [s.id for s in ws.surveys()])
    stack.undo()
    assert ws.datasets() == [] and ws.surveys() == []
    stack.redo()
    assert ([d.id for d in ws.datasets()], [s.id for s in ws.surveys()]) == ids


def test_opening_the_demo_again_imports_nothing_more(
    qtbot: QtBot, window: MainWindow, errors: list[str]
) -> None:
    assert window.open_demo(), errors
    wait_for_demo_data(qtbot, window)
    window.close_workspace()
    window.demo_job = None
    assert window.open_demo(), errors
    assert window.demo_job is None
    ws = window.workspace
    assert ws is not None and len(ws.datasets()) == 1 and len(ws.surveys()) == 1


def test_an_older_demo_without_data_gets_it_unless_the_files_are_gone(
    qtbot: QtBot, window: MainWindow, errors: list[str]
) -> None:
    path = demo_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    write_demo(path)  # as an earlier version left it: workspace and files, nothing imported
    survey = survey_path_for(path)
    kept = survey.read_bytes()
    survey.unlink()
    assert window.open_demo(), errors
    assert window.demo_job is None  # nothing to import from: the demo opens as it is
    window.close_workspace()
    survey.write_bytes(kept)
    assert window.open_demo(), errors
    wait_for_demo_data(qtbot, window)
    ws = window.workspace
    assert ws is not None and len(ws.datasets()) == 1 and len(ws.surveys()) == 1
