"""The command line: demo, info, and errors without tracebacks."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from cxmapper.cli import main
from cxmapper.model.demo import write_event_log
from cxmapper.model.workspace import Workspace

REPO = Path(__file__).resolve().parents[1]


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cxmapper", *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
    )


def test_demo_then_info_json(tmp_path: Path) -> None:
    path = tmp_path / "demo.cxmap"
    result = run_cli("demo", str(path))
    assert result.returncode == 0, result.stderr
    events = tmp_path / "demo-events.csv"
    assert events.exists()
    result = run_cli("info", str(path), "--json")
    assert result.returncode == 0, result.stderr
    info = json.loads(result.stdout)
    assert len(info["journeys"]) >= 2
    for j in info["journeys"]:
        assert len(j["stages"]) >= 6 and j["touchpoints"] >= 25
        lanes = {name.lower() for name in j["lanes"]}
        assert {"web", "app", "e-mail", "store", "call centre", "chat", "social"} <= lanes
        assert {"thoughts", "pain points", "opportunities"} <= lanes
        assert j["kpi_readings"] > 10 and j["comments"] and j["open_actions"]
    assert any(k["target"] is not None and k["readings"] >= 3 for k in info["kpis"])
    assert len(info["people"]) >= 8
    warnings = [w for j in info["journeys"] for w in j["governance_warnings"]]
    assert any("no Accountable" in w for w in warnings)
    with Workspace.open(path) as ws:
        assert ws.raci() and any(r.role == "A" for r in ws.raci())
        assert all(t.owner_id for t in ws.touchpoints() if t.match_events)
        assert len({r.measured_at for r in ws.readings()}) >= 4  # several dated readings


def test_demo_event_log_is_realistic_and_deterministic(tmp_path: Path) -> None:
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    n = write_event_log(a, seed=7)
    write_event_log(b, seed=7)
    assert a.read_bytes() == b.read_bytes()
    assert n >= 50_000
    with a.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == n
    cases: dict[str, list[str]] = {}
    for r in rows:
        cases.setdefault(r["case_id"], []).append(r["event"])
    starts = Counter(c[0] for c in cases.values())
    assert (
        sum(1 for c in cases.values() if "order_confirmed" in c)
        < 0.5 * starts["ad_click"] + starts["landing_view"]
    )
    retries = sum(1 for c in cases.values() if c.count("checkout_payment") >= 2)
    back_to_cart = sum(
        1
        for c in cases.values()
        if "checkout_payment" in c and "cart_view" in c[c.index("checkout_payment") :]
    )
    assert retries > 100 and back_to_cart > 20  # repeats and back-steps exist
    assert rows[0]["timestamp"] <= rows[-1]["timestamp"]


def test_demo_refuses_to_overwrite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "d.cxmap"
    path.write_text("mine")
    assert main(["demo", str(path)]) == 2
    assert "already exists" in capsys.readouterr().err
    assert path.read_text() == "mine"


@pytest.mark.parametrize(
    ("content", "message"),
    [(None, "no such workspace"), ("hello", "not a SQLite database"), ("", "empty")],
)
def test_info_errors_are_one_line_on_stderr(
    tmp_path: Path, content: str | None, message: str
) -> None:
    path = tmp_path / "x.cxmap"
    if content is not None:
        path.write_text(content)
    result = run_cli("info", str(path))
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr
    assert result.stderr.startswith("cxmapper: error:")


def test_help_lists_the_commands() -> None:
    result = run_cli("--help")
    assert result.returncode == 0
    assert "demo" in result.stdout and "info" in result.stdout


def test_a_closed_pipe_is_not_an_error(tmp_path: Path) -> None:
    path = tmp_path / "demo.cxmap"
    assert run_cli("demo", str(path)).returncode == 0
    proc = subprocess.Popen(
        [sys.executable, "-m", "cxmapper", "info", str(path)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.readline()
    proc.stdout.close()  # like `| head -1`
    err = proc.stderr.read().decode()
    proc.wait(timeout=60)
    proc.stderr.close()
    assert "Traceback" not in err


def test_every_registered_command_is_routed_to_the_cli_not_the_app() -> None:
    from cxmapper.cli import _command_names, _is_gui_call, build_parser

    parser = build_parser()
    names = _command_names(parser)
    assert names == {
        "demo",
        "info",
        "analyze",
        "import",
        "export",
        "import-xlsx",
        "import-json",
        "import-survey",
        "feedback",
        "version",
        "versions",
        "diff",
        "log",
    }
    assert not any(_is_gui_call([name, "x"], parser) for name in names)
    assert _is_gui_call([], parser) and _is_gui_call(["shop.cxmap"], parser)
    assert not _is_gui_call(["--help"], parser)


def test_no_display_is_one_plain_line(monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    """Without a display Qt aborts with a misleading xcb-cursor0 message; we say what is wrong."""
    import sys as _sys

    from cxmapper import cli

    if not _sys.platform.startswith("linux"):
        pytest.skip("the check is for Linux desktops")
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    assert cli.main([]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no display" in err
    assert cli.missing_display({"DISPLAY": ":0"}) is None
    assert cli.missing_display({"QT_QPA_PLATFORM": "offscreen"}) is None
