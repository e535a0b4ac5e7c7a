"""The governance commands: version, versions, diff, log (text and JSON, errors exit 2)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cxmapper.cli import main
from cxmapper.model.demo import build_demo
from cxmapper.model.workspace import Workspace


@pytest.fixture
def path(tmp_path: Path) -> Path:
    p = tmp_path / "demo.cxmap"
    with Workspace.create(p) as ws:
        build_demo(ws)
    return p


def out_of(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(list(args)) == 0
    return capsys.readouterr().out


def test_version_edit_diff_and_log(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = out_of(capsys, "version", str(path), "--journey", "Online", "--name", "As-is",
                 "--live-from", "2026-01-01", "--author", "Ann")  # fmt: skip
    assert out.startswith("saved version 'As-is' of 'Online purchase'")
    with Workspace.open(path) as ws:
        ws.author = "Bob"
        j = ws.find_journey("Online")
        card = ws.touchpoints(j.id)[0]
        ws.update("touchpoint", card.id, title="Renamed")
    listing = json.loads(
        out_of(capsys, "versions", str(path), "--journey", "Online", "--json", "-")
    )
    assert [(v["name"], v["author"], v["live_from"]) for v in listing["versions"]] == [
        ("As-is", "Ann", "2026-01-01")
    ]
    diff = json.loads(out_of(capsys, "diff", str(path), "--journey", "Online", "--from", "As-is",
                             "--to", "current", "--json", "-"))  # fmt: skip
    assert diff["counts"] == {"changed touchpoint": 1}
    assert diff["differences"][0]["fields"] == [
        {"field": "title", "old": card.title, "new": "Renamed"}
    ]
    text = out_of(
        capsys, "diff", str(path), "--journey", "Online", "--from", "As-is", "--to", "current"
    )
    assert f'changed touchpoint: Renamed (title: "{card.title}" -> "Renamed")' in text
    log = json.loads(out_of(capsys, "log", str(path), "--journey", "Online", "--author", "Bob",
                            "--json", "-"))  # fmt: skip
    assert [(x["action"], x["kind"], x["id"]) for x in log["entries"]] == [
        ("changed", "touchpoint", card.id)
    ]
    text = out_of(capsys, "log", str(path), "--since", "2000-01-01")
    assert text.splitlines()[-1].endswith(
        f'Bob  changed touchpoint {card.id}: title "{card.title}" -> "Renamed"'
    )
    out_file = path.with_name("diff.json")
    out_of(capsys, "diff", str(path), "--journey", "Online", "--from", "current", "--to", "As-is",
           "--json", str(out_file))  # fmt: skip
    assert json.loads(out_file.read_text(encoding="utf-8"))["from"] == "current"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("version", "--journey", "Online", "--name", "X", "--live-from", "soon"), "not a date"),
        (("diff", "--journey", "Online", "--from", "nope", "--to", "current"), "no version 'nope'"),
        (("log", "--since", "last week"), "--since 'last week': not a date"),
        (("versions", "--journey", "Nope"), "no journey named 'Nope'"),
    ],
)
def test_bad_input_is_one_line_exit_2_and_changes_nothing(
    path: Path, capsys: pytest.CaptureFixture[str], args: tuple[str, ...], message: str
) -> None:
    with Workspace.open(path) as ws:
        before = len(ws.change_log())
    assert main([args[0], str(path), *args[1:]]) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1
    with Workspace.open(path) as ws:
        assert len(ws.change_log()) == before
        assert ws._list("version") == []
