"""Two writers on one file, and a process killed in the middle of editing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from cxmapper.model.changes import Change
from cxmapper.model.workspace import Workspace
from tests.model.helpers import everything

REPO = Path(__file__).resolve().parents[2]


def test_two_open_workspaces_see_and_keep_each_others_edits(
    file_ws: Workspace, small_journey: dict
) -> None:
    ids = small_journey
    other = Workspace.open(file_ws.path)
    try:
        seen: list[Change] = []
        file_ws.subscribe(seen.append)
        assert file_ws.poll_external_changes() is False
        other.update("touchpoint", ids["home"], title="Home (edited elsewhere)")
        assert file_ws.poll_external_changes() is True
        assert seen[-1] == Change(  # read from the change log: no blanket reload
            "changed", "touchpoint", ids["home"], ids["journey"], ("title",)
        )
        assert file_ws.poll_external_changes() is False  # reported once
        # both edit the same card, different fields, and different cards: nothing is lost
        file_ws.update("touchpoint", ids["home"], emotion=2)
        other.update("touchpoint", ids["search"], title="Search v2")
        file_ws.add_touchpoint(ids["use"], ids["web"], "Review")
        assert everything(file_ws) == everything(other)
        home = other.get("touchpoint", ids["home"])
        assert (home.title, home.emotion) == ("Home (edited elsewhere)", 2)
        assert other.get("touchpoint", ids["search"]).title == "Search v2"
        # moves read the cell inside the transaction, so positions stay consistent
        other.move_touchpoints([ids["search"]], ids["use"], ids["web"])
        file_ws.move_touchpoints([ids["home"]], ids["use"], ids["web"])
        assert [t.title for t in file_ws.cell(ids["use"], ids["web"])] == [
            "Review",
            "Search v2",
            "Home (edited elsewhere)",
        ]
    finally:
        other.close()


def test_edit_from_another_process_is_detected(file_ws: Workspace, small_journey: dict) -> None:
    script = textwrap.dedent(f"""
        from cxmapper.model.workspace import Workspace
        with Workspace.open({file_ws.path!r}) as ws:
            ws.update("touchpoint", {small_journey["home"]!r}, title="from process 2")
    """)
    subprocess.run([sys.executable, "-c", script], check=True, cwd=REPO, timeout=60)
    assert file_ws.poll_external_changes() is True
    assert file_ws.get("touchpoint", small_journey["home"]).title == "from process 2"


def test_killed_process_loses_no_acknowledged_edit(tmp_path: Path) -> None:
    path = tmp_path / "kill.cxmap"
    with Workspace.create(path) as ws:
        j = ws.add_journey("J")
        stage = ws.add_stage(j.id, "S")
        lane = ws.add_lane(j.id, "L")
    script = textwrap.dedent(f"""
        import sys
        from cxmapper.model.workspace import Workspace
        ws = Workspace.open({str(path)!r})
        i = 0
        while True:
            with ws.batch():
                tp = ws.add_touchpoint({stage.id!r}, {lane.id!r}, f"card {{i}}")
                ws.update("touchpoint", tp.id, description="x" * 5000)
            print(tp.id, flush=True)  # acknowledged: committed before this line
            i += 1
    """)
    proc = subprocess.Popen(
        [sys.executable, "-c", script], cwd=REPO, stdout=subprocess.PIPE, text=True
    )
    acked: list[str] = []
    assert proc.stdout is not None
    while len(acked) < 150:
        line = proc.stdout.readline()
        assert line, "the writer died before being killed"
        acked.append(line.strip())
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    proc.stdout.close()
    with Workspace.open(path) as ws:  # opens: integrity check passed
        saved = {t.id: t for t in ws.touchpoints()}
        assert set(acked) <= set(saved)
        assert all(saved[i].description == "x" * 5000 for i in acked)  # no half transaction
