"""The workspace keeps its SQLite locks whatever else in the process opens the file.

Closing any descriptor of a file drops all of the process's POSIX locks on it; another process
may then delete the write-ahead log under the live connection. These tests read the kernel's
lock table (/proc/locks) and let a real second process write the file.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from cxmapper.model.persistence.file_locks import held_locks, released
from cxmapper.model.workspace import Workspace
from tests.second_process import integrity, run_python

pytestmark = pytest.mark.skipif(not Path("/proc/locks").exists(), reason="needs Linux /proc/locks")


def add_journey_elsewhere(path: Path, name: str) -> None:
    run_python(f"""
        from cxmapper.model.workspace import Workspace
        with Workspace.open({str(path)!r}) as ws:
            ws.add_journey({name!r})
    """)


def test_reading_the_file_by_path_inside_released_keeps_every_edit(file_ws: Workspace) -> None:
    path = Path(file_ws.path)
    journey = file_ws.add_journey("Mine")
    assert held_locks(path) >= 1
    with released() as count:
        assert count == 1
        assert held_locks(path) == 0
        path.read_bytes()  # what a file dialog's type sniffing does
        add_journey_elsewhere(path, "Theirs")
    assert held_locks(path) >= 1
    assert file_ws.poll_external_changes() is True
    assert file_ws.poll_external_changes() is False  # reported once
    file_ws.update("journey", journey.id, name="Mine, renamed")
    add_journey_elsewhere(path, "Theirs again")
    file_ws.close()
    with Workspace.open(path) as again:
        names = sorted(j.name for j in again.journeys())
    assert names == ["Mine, renamed", "Theirs", "Theirs again"]
    assert integrity(path) == "ok"


def test_a_released_workspace_reopens_on_first_use(file_ws: Workspace) -> None:
    with released():
        assert [j.name for j in file_ws.journeys()] == []  # used while released: reopens
        file_ws.add_journey("During")
    with Workspace.open(file_ws.path) as other:
        assert [j.name for j in other.journeys()] == ["During"]


def test_no_external_change_means_no_reload(file_ws: Workspace) -> None:
    file_ws.add_journey("Mine")
    with released():
        Path(file_ws.path).read_bytes()
    assert file_ws.poll_external_changes() is False


def test_opening_the_same_file_again_keeps_the_first_ones_locks(file_ws: Workspace) -> None:
    """Store.open inspects the file by path: without releasing, that drops the first's locks."""
    path = Path(file_ws.path)
    file_ws.add_journey("First")
    before = held_locks(path)
    with Workspace.open(path) as second:
        assert second.journeys()
        assert held_locks(path) >= before
    assert held_locks(path) >= 1


def test_a_workspace_moved_away_while_released_says_so(file_ws: Workspace, tmp_path: Path) -> None:
    from cxmapper.errors import WorkspaceError

    with released():
        os.replace(file_ws.path, tmp_path / "moved.cxmap")
    with pytest.raises(WorkspaceError, match="moved or deleted"):
        file_ws.journeys()
    assert not Path(file_ws.path).exists()  # no empty database created in its place


def test_an_edit_to_a_read_only_workspace_says_so(file_ws: Workspace) -> None:
    """A workspace that cannot be written (read-only file or folder, simulated here with
    query_only since the tests may run as root): the first edit is refused in words, not with a
    raw sqlite error the UI could not turn into a message, and nothing half-done remains."""
    from cxmapper.errors import WorkspaceError

    journey = file_ws.add_journey("Before")
    file_ws._store._conn.execute("PRAGMA query_only = ON")
    with pytest.raises(WorkspaceError, match=r"read-only.*the change was not made"):
        file_ws.update("journey", journey.id, name="After")
    file_ws._store._conn.execute("PRAGMA query_only = OFF")
    assert file_ws.get("journey", journey.id).name == "Before"
    file_ws.update("journey", journey.id, name="After")  # the connection is still usable
