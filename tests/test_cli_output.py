"""Names from files are shown, never obeyed by the terminal: one sanitiser for all CLI output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cxmapper.cli import main
from cxmapper.model.workspace import Workspace

RETITLE = "\x1b]0;you have been owned\x07"
NAME = f"Shop{RETITLE}\x1b[2J\x9b1m\r\nwarning: forged line\u202egnp.exe"


@pytest.fixture
def hostile_names(tmp_path: Path) -> Path:
    path = tmp_path / "w.cxmap"
    with Workspace.create(path) as ws:
        j = ws.add_journey(NAME)
        stage = ws.add_stage(j.id, f"Stage{RETITLE}")
        lane = ws.add_lane(j.id, "Web\tlane", "channel")
        ws.add_touchpoint(stage.id, lane.id, "Card")
        ws.add_party(f"Ann{RETITLE}")
        ws.add_kpi("CSAT\x1b[31m")
    return path


def has_controls(text: str) -> bool:
    return any(c in text for c in ("\x1b", "\x07", "\x9b", "\r", "\u202e"))


def test_info_text_shows_escapes_and_keeps_names_on_their_line(
    hostile_names: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["info", str(hostile_names)]) == 0
    out = capsys.readouterr().out
    assert not has_controls(out)
    assert "Journey: Shop\\u001b]0;you have been owned\\u0007" in out
    assert "\\r\\nwarning: forged line\\u202egnp.exe" in out
    assert not any(line.startswith("warning: forged") for line in out.splitlines())
    assert "Web\\tlane" in out and "CSAT\\u001b[31m" in out


def test_info_json_stays_valid_and_decodes_to_the_exact_names(
    hostile_names: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["info", str(hostile_names), "--json"]) == 0
    out = capsys.readouterr().out
    assert not has_controls(out)
    data = json.loads(out)
    assert data["journeys"][0]["name"] == NAME
    assert data["kpis"][0]["name"] == "CSAT\x1b[31m"


def test_error_messages_are_one_clean_line(
    hostile_names: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A refusal quoting a name from the file (here a trigger's) cannot retitle the terminal."""
    import sqlite3

    conn = sqlite3.connect(hostile_names)
    conn.execute(f'CREATE TRIGGER "t{RETITLE}\nx" AFTER INSERT ON comments BEGIN SELECT 1; END')
    conn.commit()
    conn.close()
    assert main(["info", str(hostile_names)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("cxmapper: error:") and err.count("\n") == 1
    assert "trigger 't\\u001b]0;you have been owned\\u0007\\nx'" in err
    assert not has_controls(err)


def test_exports_with_escapes_in_names_do_not_crash(
    hostile_names: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "o.xlsx"
    assert main(["export", str(hostile_names), "--xlsx", str(out), "--json", str(tmp_path / "o.json")]) == 0  # fmt: skip
    assert out.stat().st_size > 0
    assert not has_controls(capsys.readouterr().out)


def test_printable() -> None:
    from cxmapper.commands.printable import printable

    assert printable("a\x1bb\nc\td") == "a\\u001bb\nc\td"
    assert printable("a\x1bb\nc\td", one_line=True) == "a\\u001bb\\nc\\td"
    assert printable("é ü 日本 – ok") == "é ü 日本 – ok"
    assert (
        json.loads(printable(json.dumps("\x85\x1b\u2028x", ensure_ascii=False)))
        == "\x85\x1b\u2028x"
    )
