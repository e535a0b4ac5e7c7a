"""The log file for bug reports: where it is (named by `cxmapper --version --verbose`), and
that it rotates instead of growing without bound."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from cxmapper import logfile
from cxmapper.cli import main


def test_version_verbose_names_the_log_file(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.platform", "linux")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    assert main(["--version", "--verbose"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("cxmapper ")
    assert lines[-1] == f"log file: {tmp_path / 'share' / 'cxmapper' / 'cxmapper' / 'cxmapper.log'}"


def test_version_alone_prints_only_the_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("cxmapper ") and len(out.splitlines()) == 1


@pytest.mark.parametrize(
    ("platform", "environ", "expected"),
    [
        ("linux", {"HOME": "/home/u"}, "/home/u/.local/share/cxmapper/cxmapper"),
        ("linux", {"HOME": "/home/u", "XDG_DATA_HOME": "/data"}, "/data/cxmapper/cxmapper"),
        ("darwin", {"HOME": "/Users/u"}, "/Users/u/Library/Application Support/cxmapper/cxmapper"),
        ("win32", {"HOME": "/h", "APPDATA": "/h/AppData/Roaming"},
         "/h/AppData/Roaming/cxmapper/cxmapper"),
    ],
)  # fmt: skip
def test_data_folder_follows_qt_app_data_location(
    platform: str, environ: dict[str, str], expected: str
) -> None:
    assert logfile.data_folder(environ, platform) == Path(expected)


def test_the_file_rotates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(logfile, "MAX_BYTES", 2000)
    path = logfile.install(tmp_path / "logs" / logfile.LOG_NAME)
    try:
        assert logfile.installed_path() == path
        log = logging.getLogger("cxmapper.test")
        for i in range(200):
            log.error("line %d %s", i, "x" * 50)
    finally:
        logfile.uninstall()
    assert logfile.installed_path() is None
    files = sorted(p.name for p in path.parent.iterdir())
    assert files == ["cxmapper.log", "cxmapper.log.1", "cxmapper.log.2", "cxmapper.log.3"]
    assert all(p.stat().st_size <= 2000 for p in path.parent.iterdir())
    assert "line 199" in path.read_text(encoding="utf-8")


def test_installing_twice_does_not_log_twice(tmp_path: Path) -> None:
    logfile.install(tmp_path / "a.log")
    path = logfile.install(tmp_path / "b.log")
    try:
        logging.getLogger("cxmapper.test").warning("once")
    finally:
        logfile.uninstall()
    assert path.read_text(encoding="utf-8").count("once") == 1
    assert not (tmp_path / "a.log").exists()
