"""Writes never leave a half-written target, and OS failures become readable CxErrors."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import openpyxl
import pytest

from cxmapper.errors import CxError
from cxmapper.io import xlsx_save
from cxmapper.io.atomic import atomic_write
from cxmapper.io.xlsx_export import export_xlsx
from cxmapper.model.workspace import Workspace


def test_failure_mid_write_keeps_target(file_ws: Workspace, journey: dict[str, str], tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / "out.xlsx"
    target.write_bytes(b"previous version")

    def broken_save(wb: openpyxl.Workbook, filename: str) -> None:
        Path(filename).write_bytes(b"PK half a zip")
        raise OSError(errno.ENOSPC, "No space left on device")

    # the writer export_xlsx saves with (openpyxl's own save before issue 18)
    monkeypatch.setattr(xlsx_save, "save_workbook", broken_save)
    with pytest.raises(CxError, match="disk is full"):
        export_xlsx(file_ws, journey["journey"], target)
    assert target.read_bytes() == b"previous version"
    assert [p.name for p in target.parent.iterdir()] == ["out.xlsx"]


def test_unexpected_exception_cleans_up(tmp_path: Path) -> None:
    def write(tmp: Path) -> None:
        tmp.write_text("partial")
        raise RuntimeError("bug")

    with pytest.raises(RuntimeError):
        atomic_write(tmp_path / "x.json", write)
    assert list(tmp_path.iterdir()) == []


def test_locked_target(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Excel on Windows holds its file open: replacing it fails with a permission error."""

    def locked(src: str, dst: str) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", dst)

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(CxError, match="open in another program"):
        atomic_write(tmp_path / "x.xlsx", lambda tmp: tmp.write_text("data"))
    assert list(tmp_path.iterdir()) == []


def test_unwritable_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The OS refusing the temporary file (tests run as root, so the refusal is simulated)."""
    import errno

    from cxmapper.io import atomic

    def denied(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(atomic.os, "open", denied)
    target = tmp_path / "x.xlsx"
    with pytest.raises(CxError, match="cannot write in") as info:
        atomic_write(target, lambda tmp: tmp.write_text("data"))
    assert "permission" in str(info.value).lower()
    assert not target.exists()


def test_bad_targets(tmp_path: Path) -> None:
    with pytest.raises(CxError, match="does not exist"):
        atomic_write(tmp_path / "missing" / "x.xlsx", lambda tmp: None)
    with pytest.raises(CxError, match="is a folder"):
        atomic_write(tmp_path, lambda tmp: None)
    blocker = tmp_path / "file"
    blocker.write_text("")
    with pytest.raises(CxError):
        atomic_write(blocker / "x.xlsx", lambda tmp: None)


def test_success_replaces_and_keeps_mode(tmp_path: Path) -> None:
    target = tmp_path / "x.txt"
    target.write_text("old")
    target.chmod(0o640)
    atomic_write(target, lambda tmp: tmp.write_text("new"))
    assert target.read_text() == "new"
    assert target.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["x.txt"]
