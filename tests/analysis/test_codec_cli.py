"""Workspace byte codec, the `analyze` command and the workspace adapter."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from analysis_helpers import small_csv_text

from cxmapper.analysis.dataset_codec import decode, encode
from cxmapper.cli import main
from cxmapper.errors import CxError


def test_codec_roundtrip_and_columns(small_log):
    data = encode(small_log.frame)
    back = decode(data)
    pd.testing.assert_frame_equal(back, small_log.frame)
    assert list(decode(data, ["case_id", "timestamp"]).columns) == ["case_id", "timestamp"]
    with pytest.raises(CxError, match="cannot be read"):
        decode(b"not parquet")


def test_cli_json(write, capsys):
    path = write("e.csv", small_csv_text())
    assert main(["analyze", str(path), "--json", "-"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["n_cases"], data["n_events"]) == (4, 12)
    a = next(r for r in data["activities"] if r["name"] == "A")
    assert (a["reach"], a["events"], a["repeat_cases"], a["starts"], a["ends"]) == (3, 5, 2, 3, 1)
    assert a["median_seconds_to_next"] == 210.0
    assert {
        "from": "A",
        "to": "B",
        "count": 3,
        "cases": 2,
        "mean_seconds": 340.0,
        "median_seconds": 300.0,
    } in data["transitions"]
    assert data["start_activities"] == {"A": 3, "B": 1}
    assert data["end_activities"] == {"A": 1, "B": 1, "C": 2}


def test_cli_table_and_file(write, tmp_path, capsys):
    path = write("e.csv", small_csv_text())
    assert main(["analyze", str(path)]) == 0
    out = capsys.readouterr().out
    assert "4 cases, 12 events" in out and "A -> B: 3" in out
    target = tmp_path / "out.json"
    assert main(["analyze", str(path), "--json", str(target)]) == 0
    assert json.loads(target.read_text())["n_events"] == 12


def test_cli_error_exit_2(write, capsys):
    path = write("e.csv", small_csv_text())
    assert main(["analyze", str(path), "--activity", "nope"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("cxmapper: error: ") and "activity column 'nope' not found" in err
    assert "Traceback" not in err


def test_cli_with_workspace_journey(write, tmp_path, capsys):
    ws_mod = pytest.importorskip("cxmapper.model.workspace")
    ws_path = tmp_path / "j.cxmap"
    with ws_mod.Workspace.create(ws_path) as ws:
        j = ws.add_journey("Buy")
        s1, s2 = ws.add_stage(j.id, "Discover"), ws.add_stage(j.id, "Decide")
        lane = ws.add_lane(j.id, "Customer")
        a = ws.add_touchpoint(s1.id, lane.id, "Ad", match_events=["A"])
        b = ws.add_touchpoint(s2.id, lane.id, "Browse", match_patterns=["b"])
        c = ws.add_touchpoint(s2.id, lane.id, "Pay", match_events=["C"], is_goal=True)
        ws.add_connector(a.id, b.id)
        ws.add_connector(b.id, c.id)
        from cxmapper.analysis.workspace_adapter import journey_spec

        spec = journey_spec(ws, j.id)
    assert [(t.title, t.stage_index, t.is_goal) for t in spec.touchpoints] == [
        ("Ad", 0, False),
        ("Browse", 1, False),
        ("Pay", 1, True),
    ]
    path = write("e.csv", small_csv_text())
    assert (
        main(["analyze", str(path), "--workspace", str(ws_path), "--journey", "Buy", "--json", "-"])
        == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert data["unmatched_events"] == {"X": 1}
    assert {r["name"]: r["reach"] for r in data["activities"]} == {"Ad": 3, "Browse": 3, "Pay": 2}
    assert [(u["from"], u["to"]) for u in data["unexpected_paths"]] == [(b.id, a.id)]
