"""A Save As or an export killed half-way leaves nothing behind once the next write runs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from cxmapper.io.atomic import atomic_write
from cxmapper.model.workspace import Workspace
from cxmapper.tempfiles import sweep, temp_path
from tests.second_process import run_python


def killed_half_way(code: str) -> None:
    """Run `code` in a child that dies by os._exit (no clean-up runs, as with kill -9)."""
    run_python(code, expect_returncode=9)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_save_as_killed_before_the_rename(file_ws: Workspace, tmp_path: Path) -> None:
    file_ws.add_journey("Kept")
    out = tmp_path / "out"
    out.mkdir()
    killed_half_way(f"""
        import os, pathlib
        from cxmapper.model.workspace import Workspace
        pathlib.Path.replace = lambda self, target: os._exit(9)
        Workspace.open({file_ws.path!r}).save_as({str(out / "copy.cxmap")!r})
    """)
    left = leftovers(out)
    assert len(left) == 1 and left[0].endswith(".cxtmp"), left  # one file, no -journal
    file_ws.save_as(out / "copy.cxmap")
    assert leftovers(out) == []
    with Workspace.open(out / "copy.cxmap") as copy:
        assert [j.name for j in copy.journeys()] == ["Kept"]


def test_export_killed_while_writing(tmp_path: Path) -> None:
    killed_half_way(f"""
        import os
        from cxmapper.io.atomic import atomic_write
        def write(tmp):
            tmp.write_bytes(b"half a workbook")
            os._exit(9)
        atomic_write({str(tmp_path / "map.xlsx")!r}, write)
    """)
    assert len(leftovers(tmp_path)) == 1
    atomic_write(tmp_path / "other.pdf", lambda tmp: tmp.write_bytes(b"%PDF"))
    assert leftovers(tmp_path) == []
    assert not (tmp_path / "map.xlsx").exists()


def test_opening_a_workspace_sweeps_its_folder(file_ws: Workspace, tmp_path: Path) -> None:
    path = Path(file_ws.path)
    file_ws.close()
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True).stdout.strip()  # fmt: skip
    stale = tmp_path / f".copy.cxmap.{dead}.0123abcd.cxtmp"
    for side in ("", "-journal", "-wal"):
        Path(f"{stale}{side}").write_bytes(b"x")
    Workspace.open(path).close()
    assert leftovers(tmp_path) == []


def test_a_live_writers_temporary_file_is_left_alone(tmp_path: Path) -> None:
    mine = temp_path(tmp_path / "a.xlsx")
    mine.write_bytes(b"being written")
    other = tmp_path / ".b.xlsx.notours.tmp"  # not our pattern: never touched
    other.write_bytes(b"x")
    assert sweep(tmp_path) == []
    assert mine.exists() and other.exists()
