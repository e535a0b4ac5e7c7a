"""No file dialog, and nothing else the app does in the workspace's folder, drops its locks.

Real dialogs, not stand-ins: each test opens the dialog the user would see in the folder that
holds the open workspace, lets it list the folder, then closes it; meanwhile and afterwards a
second process writes the same file. The kernel's lock table (/proc/locks) must show this process
still holding its SQLite locks, and both processes' edits must survive with integrity ok.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QStandardPaths, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from cxmapper.model.demo import write_demo
from cxmapper.model.persistence.file_locks import held_locks
from cxmapper.model.workspace import Workspace
from cxmapper.ui import file_dialogs
from cxmapper.ui.dialogs import messages
from cxmapper.ui.main_window import MainWindow
from cxmapper.ui.settings import AppSettings, use_settings_dir
from tests.second_process import integrity

pytestmark = pytest.mark.skipif(not Path("/proc/locks").exists(), reason="needs Linux /proc/locks")
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    path = tmp_path / "w.cxmap"
    write_demo(path)
    return path


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, demo: Path, monkeypatch) -> Iterator[MainWindow]:
    use_settings_dir(tmp_path / "settings")
    QStandardPaths.setTestModeEnabled(True)
    shown: list[str] = []
    monkeypatch.setattr(messages, "show_error", lambda parent, title, text: shown.append(text))
    w = MainWindow(AppSettings(), poll_ms=0)
    qtbot.addWidget(w)
    w.show()
    assert w.open_path(demo)
    w.errors_shown = shown  # type: ignore[attr-defined]
    yield w
    w.close_workspace()


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "cxmapper", *args], capture_output=True, text=True, env=env,
        timeout=120, check=False,
    )  # fmt: skip


def locks_held(path: Path) -> tuple[int, int]:
    return held_locks(path), held_locks(Path(f"{path}-shm"))


def open_descriptors(path: Path) -> int:
    """Descriptors of this process on the workspace file (released means: none)."""
    count = 0
    for fd in os.listdir("/proc/self/fd"):
        try:
            if os.readlink(f"/proc/self/fd/{fd}") == str(path):
                count += 1
        except OSError:
            pass
    return count


def run_dialog(trigger: Callable[[], object], during: Callable[[QFileDialog], None]) -> list[str]:
    """Trigger an action that shows a file dialog; once the dialog has listed its folder, call
    `during(dialog)` and cancel it. Returns the titles of the dialogs seen."""
    seen: list[str] = []
    ticks = {"n": 0}
    failures: list[BaseException] = []

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            return
        ticks["n"] += 1
        if ticks["n"] < 8:  # let the dialog list the folder (it does so in a thread)
            return
        timer.stop()
        seen.append(dialog.windowTitle())
        try:
            during(dialog)
        except BaseException as exc:  # re-raised below: a failing check must not hang exec()
            failures.append(exc)
        finally:
            dialog.reject()

    timer = QTimer()
    timer.setInterval(50)
    timer.timeout.connect(poll)
    timer.start()
    trigger()
    timer.stop()
    if failures:
        raise failures[0]
    return seen


def change_owner_in_workbook(workbook: Path) -> str:
    """What a card owner does in Excel: reassign the first card to another person."""
    wb = openpyxl.load_workbook(workbook)
    sheet = wb["Touchpoints"]
    header = [c.value for c in sheet[1]]
    owner_col = header.index("Owner") + 1
    current = sheet.cell(2, owner_col).value
    people = sorted({sheet.cell(r, owner_col).value for r in range(2, sheet.max_row + 1)} - {None})
    new_owner = next(p for p in people if p != current)
    sheet.cell(2, owner_col).value = new_owner
    wb.save(workbook)
    return str(sheet.cell(2, 1).value), new_owner


def test_every_file_dialog_keeps_the_locks_and_a_second_process_write(
    qtbot: QtBot, window: MainWindow, demo: Path
) -> None:
    ws = window.workspace
    assert ws is not None
    before = locks_held(demo)
    assert before[0] >= 1 and before[1] >= 1, before
    transfer = window.transfer
    actions: dict[str, Callable[[], object]] = {
        "open": window.open_action.trigger,
        "new": window.new_action.trigger,
        "save as": window.save_as_action.trigger,
        **{f"export {f}": a.trigger for f, a in transfer.export_actions.items()},
        "import xlsx": transfer.xlsx_import_action.trigger,
        "import json": transfer.json_import_action.trigger,
    }
    written: list[str] = []

    def second_process_writes(dialog: QFileDialog) -> None:
        assert open_descriptors(demo) == 0, "the workspace stays open while a dialog reads"
        name = f"Written while a dialog was open {len(written)}"
        result = cli("import-json", str(demo), str(journey_json))
        assert result.returncode == 0, result.stderr
        written.append(name)

    journey_json = demo.with_name("journey.json")
    journey_id = ws.journeys()[0].id
    assert (
        cli("export", str(demo), "--journey", journey_id, "--json", str(journey_json)).returncode
        == 0
    )
    journeys_before = len(ws.journeys())
    for name, trigger in actions.items():
        titles = run_dialog(trigger, second_process_writes)
        assert titles, f"{name}: no file dialog appeared"
        assert locks_held(demo) == before, f"{name}: locks lost after the dialog"
    assert window.errors_shown == []  # type: ignore[attr-defined]
    # the app sees what the other process wrote, and its own next edit lands on top
    assert ws.poll_external_changes()
    assert len(ws.journeys()) == journeys_before + len(actions)
    card = ws.touchpoints(journey_id)[0]
    window.undo_stack.push(_rename(ws, card.id, "Renamed after the dialogs"))
    window.close_workspace()
    with Workspace.open(demo) as again:
        assert again.get("touchpoint", card.id).title == "Renamed after the dialogs"
        assert len(again.journeys()) == journeys_before + len(actions)
    assert integrity(demo) == "ok"


def test_import_events_browse_keeps_the_locks(qtbot: QtBot, window: MainWindow, demo: Path) -> None:
    from cxmapper.ui.overlay.import_dialog import ImportDialog

    before = locks_held(demo)
    wizard = ImportDialog(window, folder=str(demo.parent))
    qtbot.addWidget(wizard)
    assert run_dialog(wizard._browse, lambda d: None)
    assert locks_held(demo) == before


def test_two_process_excel_round_trip_with_the_export_dialog_cancelled(
    qtbot: QtBot, window: MainWindow, demo: Path
) -> None:
    """The independent check's reproduction, end to end: Ctrl+E, cancel, CLI import-xlsx."""
    ws = window.workspace
    assert ws is not None
    journey_id = next(j.id for j in ws.journeys() if ws.touchpoints(j.id))
    workbook = demo.with_name("edited.xlsx")
    assert (
        cli("export", str(demo), "--journey", journey_id, "--xlsx", str(workbook)).returncode == 0
    )
    card_id, new_owner = change_owner_in_workbook(workbook)
    window.show_journey(journey_id)
    assert run_dialog(window.transfer.export_actions["xlsx"].trigger, lambda d: None)
    result = cli("import-xlsx", str(demo), str(workbook))
    assert result.returncode == 0, result.stderr
    assert locks_held(demo)[0] >= 1
    assert ws.poll_external_changes()
    owner_id = ws.get("touchpoint", card_id).owner_id
    assert ws.get("party", owner_id).name == new_owner
    window.undo_stack.push(_rename(ws, card_id, "Renamed in the app"))
    reader = sqlite3.connect(demo)  # another reader sees the app's edit at once
    assert reader.execute("SELECT title FROM touchpoints WHERE id = ?", (card_id,)).fetchone() == (
        "Renamed in the app",
    )
    reader.close()
    window.close_workspace()
    with Workspace.open(demo) as again:
        card = again.get("touchpoint", card_id)
        assert card.title == "Renamed in the app"
        assert again.get("party", card.owner_id).name == new_owner
    assert integrity(demo) == "ok"


def test_the_dialog_itself_opens_no_file(qtbot: QtBot, demo: Path) -> None:
    """Defence 1 alone: with the workspace NOT released, listing its folder keeps the locks."""
    with Workspace.open(demo) as ws:
        ws.journeys()
        before = locks_held(demo)
        dialog = file_dialogs.make_dialog(None, "t", str(demo.parent), "All files (*)", save=False)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.wait(400)
        dialog.setNameFilter("*.cxmap*")
        qtbot.wait(200)
        dialog.close()
        assert locks_held(demo) == before


def _rename(ws: Workspace, card_id: str, title: str):
    from cxmapper.ui.commands import UpdateCommand

    return UpdateCommand(ws, "touchpoint", card_id, "Rename", title=title)


def test_every_other_path_into_the_folder_keeps_the_locks(
    qtbot: QtBot, window: MainWindow, demo: Path
) -> None:
    """Exports (in a worker, into the workspace's folder), Save As beside it, reopening the same
    file from the recent list, opening a copy, importing the events log and an Excel round trip:
    none may cost this process its locks."""
    ws = window.workspace
    assert ws is not None
    before = locks_held(demo)
    for fmt in ("xlsx", "png", "svg", "pdf", "json"):
        job = window.transfer.export(fmt, str(demo.with_name(f"out.{fmt}")))
        with qtbot.waitSignal(job.finished, timeout=120000):
            pass
        assert demo.with_name(f"out.{fmt}").exists()
        assert locks_held(demo) == before, fmt
    assert window.save_as(demo.with_name("copy.cxmap"))
    assert locks_held(demo) == before
    assert window.transfer.import_xlsx(str(demo.with_name("out.xlsx")), confirm=lambda p: True)
    assert locks_held(demo) == before
    assert window.open_path(demo)  # the same file again, e.g. from Open Recent
    assert locks_held(demo)[0] >= 1
    ws = window.workspace
    assert ws is not None
    result = cli("import", str(demo), str(demo.with_name("w-events.csv")))
    assert result.returncode == 0, result.stderr
    assert ws.poll_external_changes()
    assert len(ws.datasets()) == 1
    card = ws.touchpoints(ws.journeys()[0].id)[0]
    window.undo_stack.push(_rename(ws, card.id, "Still mine"))
    window.close_workspace()
    with Workspace.open(demo) as again:
        assert again.get("touchpoint", card.id).title == "Still mine"
        assert len(again.datasets()) == 1
    assert integrity(demo) == "ok"
