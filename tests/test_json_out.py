"""commands/json_out.write_json is the one JSON writer of the CLI (analyze, feedback, versions,
diff, log): atomic for every command, "wrote" printed only where the command announces it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cxmapper.commands import governance
from cxmapper.commands.json_out import write_json
from cxmapper.errors import CxError


def test_a_failed_write_leaves_the_old_file_whole(tmp_path: Path, monkeypatch):
    target = tmp_path / "report.json"
    target.write_text('{"old": true}\n', encoding="utf-8")
    real = Path.write_text

    def half_then_disk_full(self: Path, text: str, *args: object, **kwargs: object) -> int:
        real(self, text[:5], encoding="utf-8")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "write_text", half_then_disk_full)
    with pytest.raises(CxError, match=r"report\.json"):
        write_json({"new": True}, str(target))
    monkeypatch.undo()
    assert json.loads(target.read_text(encoding="utf-8")) == {"old": True}
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]  # no temporary left


def test_announce_and_default(tmp_path: Path, capsys):
    from datetime import date

    target = tmp_path / "v.json"
    write_json({"on": date(2026, 3, 1)}, str(target), announce=True, default=str)
    assert json.loads(target.read_text(encoding="utf-8")) == {"on": "2026-03-01"}
    assert capsys.readouterr().out == f"wrote {target}\n"
    write_json({"a": "è"}, str(target))
    assert capsys.readouterr().out == ""  # analyze and feedback print nothing
    assert target.read_text(encoding="utf-8") == '{\n  "a": "è"\n}\n'


def test_governance_has_no_writer_of_its_own():
    assert not hasattr(governance, "_write_json")
