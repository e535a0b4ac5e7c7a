"""Another program holding the write lock past the busy timeout: no edit is lost silently and
the undo stack stays in step with the file."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from cxmapper.model.persistence.store import Store
from cxmapper.model.workspace import Workspace
from cxmapper.ui.commands import UpdateCommand
from cxmapper.ui.undo_stack import GuardedUndoStack

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def short_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Store, "BUSY_TIMEOUT_MS", 150)


class WriteLock:
    """A second process that holds the workspace's write lock until released."""

    def __init__(self, path: str) -> None:
        code = textwrap.dedent(f"""
            import sqlite3, sys
            conn = sqlite3.connect({path!r}, isolation_level=None)
            conn.execute("BEGIN IMMEDIATE")
            print("locked", flush=True)
            sys.stdin.readline()
            conn.execute("ROLLBACK")
        """)
        self.proc = subprocess.Popen(
            [sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            text=True, env={**os.environ, "PYTHONPATH": str(ROOT)},
        )  # fmt: skip
        assert self.proc.stdout is not None
        assert self.proc.stdout.readline().strip() == "locked"

    def release(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write("\n")
        self.proc.stdin.flush()
        self.proc.wait(timeout=30)


@pytest.fixture
def card(file_ws: Workspace, small_journey: dict[str, str]) -> Iterator[str]:
    yield small_journey["home"]


def title(ws: Workspace, card_id: str) -> str:
    with Workspace.open(ws.path) as fresh:  # what is really in the file
        return fresh.get("touchpoint", card_id).title


class Rename(UpdateCommand):
    """A rename that never merges: these tests need several steps to sweep over."""

    def id(self) -> int:
        return -1


def rename(ws: Workspace, card_id: str, text: str) -> UpdateCommand:
    return Rename(ws, "touchpoint", card_id, "Rename", title=text)


def test_an_edit_refused_by_the_lock_is_reported_and_not_stacked(
    qapp: object, file_ws: Workspace, card: str, short_timeout: None
) -> None:
    stack = GuardedUndoStack()
    refused: list[str] = []
    stack.refused.connect(refused.append)
    lock = WriteLock(file_ws.path)
    try:
        stack.push(rename(file_ws, card, "Blocked"))
    finally:
        lock.release()
    assert refused and "change was not made" in refused[0]
    assert stack.count() == 0
    assert title(file_ws, card) != "Blocked"


def test_undo_and_redo_refused_by_the_lock_keep_the_stack_in_step(
    qapp: object, file_ws: Workspace, card: str, short_timeout: None
) -> None:
    stack = GuardedUndoStack()
    refused: list[str] = []
    stack.refused.connect(refused.append)
    original = title(file_ws, card)
    for text in ("One", "Two", "Three"):
        stack.push(rename(file_ws, card, text))
    assert stack.index() == 3 and title(file_ws, card) == "Three"

    lock = WriteLock(file_ws.path)
    try:
        stack.undo()  # refused: the file still says "Three"
        assert stack.index() == 3
        stack.setIndex(0)  # a click in the History list: refused at the first step
        assert stack.index() == 3
    finally:
        lock.release()
    assert len(refused) == 2
    assert title(file_ws, card) == "Three"

    stack.setIndex(1)  # works again once the other program is done
    assert title(file_ws, card) == "One"
    lock = WriteLock(file_ws.path)
    try:
        stack.redo()  # refused: the file still says "One"
        assert stack.index() == 1
    finally:
        lock.release()
    assert title(file_ws, card) == "One"
    stack.setIndex(0)
    assert title(file_ws, card) == original
    stack.setIndex(3)
    assert title(file_ws, card) == "Three"
