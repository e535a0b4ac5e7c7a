"""Lifecycle values (trimmed, any case; with 'all', the lifecycle joins the event name) and
local times in a daylight-saving change (`--tz`): a documented rule, counted in a note."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from analysis_helpers import real_log

from cxmapper.analysis.readers import read_events
from cxmapper.analysis.report import analyze
from cxmapper.cli import main
from cxmapper.model.workspace import Workspace


def lifecycle_csv(tmp_path: Path) -> Path:
    """Case c1 starts and completes a, then b; values with stray spaces and capitals."""
    path = tmp_path / "lc.csv"
    path.write_text(
        "case,activity,timestamp,lifecycle\n"
        "c1,a,2024-01-01T10:00:00Z,start\n"
        "c1,a,2024-01-01T10:05:00Z,complete \n"
        "c1,b,2024-01-01T10:06:00Z, START\n"
        "c1,b,2024-01-01T10:09:00Z,COMPLETE\n"
        "c2,a,2024-01-01T11:00:00Z,\n"
        "c2,b,2024-01-01T11:01:00Z,Complete\n",
        encoding="utf-8",
    )
    return path


def test_complete_values_are_trimmed_and_any_case(tmp_path: Path) -> None:
    log = read_events(lifecycle_csv(tmp_path))
    f = log.frame
    assert f["activity"].astype(str).tolist() == ["a", "b", "a", "b"]  # "complete " is kept
    assert f["timestamp"].dt.minute.tolist() == [5, 9, 0, 1]
    assert log.warnings == []


def test_all_names_events_with_their_lifecycle(tmp_path: Path) -> None:
    log = read_events(lifecycle_csv(tmp_path), lifecycle="all")
    names = log.frame["activity"].astype(str).tolist()
    assert names == ["a+start", "a+complete", "b+start", "b+complete", "a+complete", "b+complete"]
    assert any("each event name carries its lifecycle" in w for w in log.warnings)
    report = analyze(log)
    tps = report.touchpoints.set_index("title")
    assert (tps["repeat_cases"] == 0).all()  # a start and its completion are not a repeat
    loops = report.transitions[report.transitions["from"] == report.transitions["to"]]
    assert loops.empty


def test_all_with_one_lifecycle_value_keeps_the_names(tmp_path: Path) -> None:
    path = tmp_path / "one.csv"
    path.write_text(
        "case,activity,timestamp,lifecycle\nc1,a,2024-01-01T10:00:00Z,complete\n"
        "c1,b,2024-01-01T10:01:00Z,COMPLETE \nc1,c,2024-01-01T10:02:00Z,\n",
        encoding="utf-8",
    )
    log = read_events(path, lifecycle="all")
    assert log.frame["activity"].astype(str).tolist() == ["a", "b", "c"]
    assert log.warnings == []


@pytest.mark.slow
def test_bpic2012_all_keeps_the_repeat_rates_of_complete() -> None:
    """BPIC 2012 with every event: 36 name+lifecycle activities (the XES classifier), and each
    'X+complete' repeats exactly as X does among the complete events only."""
    complete = analyze(real_log("bpic2012.xes.gz", "complete")).touchpoints.set_index("title")
    every = analyze(real_log("bpic2012.xes.gz", "all")).touchpoints.set_index("title")
    assert len(every) == 36
    for name, row in complete.iterrows():
        other = every.loc[f"{name}+complete"]
        assert (other["reach"], other["repeat_cases"]) == (row["reach"], row["repeat_cases"])
    # the reported case: 0.63 with complete events only, 0.99 when starts counted as repeats
    assert every.loc["W_Valideren aanvraag+start", "repeat_rate"] == pytest.approx(0.6297, abs=1e-4)


DST_ROWS = (
    "case,activity,timestamp\n"
    "s,a,2024-03-31 01:50:00\n"
    "s,b,2024-03-31 02:30:00\n"  # does not exist in Berlin: clocks jump 02:00 -> 03:00
    "s,c,2024-03-31 03:10:00\n"
    "f,a,2024-10-27 01:50:00\n"
    "f,b,2024-10-27 02:30:00\n"  # occurs twice: clocks fall back 03:00 -> 02:00
    "f,c,2024-10-27 03:10:00\n"
)


def test_dst_gap_and_overlap_follow_the_rule(tmp_path: Path) -> None:
    path = tmp_path / "dst.csv"
    path.write_text(DST_ROWS, encoding="utf-8")
    log = read_events(path, tz="Europe/Berlin")
    utc = [t.strftime("%m-%d %H:%M") for t in log.frame["timestamp"]]
    # gap: 02:30 -> 03:00 CEST = 01:00 UTC; overlap: first 02:30 is CEST = 00:30 UTC
    assert utc == ["03-31 00:50", "03-31 01:00", "03-31 01:10", "10-26 23:50", "10-27 00:30",
                   "10-27 02:10"]  # fmt: skip
    assert log.warnings == [
        "2 local times fell in a daylight-saving change in Europe/Berlin: 1 in a skipped hour "
        "moved to the first time after it; 1 in a repeated hour read as the first occurrence"
    ]
    assert log.frame["timestamp"].is_monotonic_increasing


def test_dst_rows_are_reported_by_the_cli(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "dst.csv"
    path.write_text(DST_ROWS, encoding="utf-8")
    assert main(["analyze", str(path), "--tz", "Europe/Berlin"]) == 0
    assert "note: 2 local times fell in a daylight-saving change" in capsys.readouterr().out
    ws_path = tmp_path / "w.cxmap"
    Workspace.create(ws_path).close()
    assert main(["import", str(ws_path), str(path), "--tz", "Europe/Berlin"]) == 0
    assert "note: 2 local times fell in a daylight-saving change" in capsys.readouterr().out
    with Workspace.open(ws_path) as ws:
        (dataset,) = ws.datasets()
        assert dataset.n_events == 6 and dataset.options["tz"] == "Europe/Berlin"


def test_tz_aware_values_need_no_rule() -> None:
    """Offsets in the data win; the rule is only for local times without an offset."""
    from cxmapper.analysis.readers import from_frame

    frame = pd.DataFrame({"case_id": ["c"], "activity": ["a"],
                          "timestamp": ["2024-03-31T02:30:00+01:00"]})  # fmt: skip
    log = from_frame(frame, tz="Europe/Berlin")
    assert log.frame["timestamp"].iloc[0] == pd.Timestamp("2024-03-31 01:30", tz="UTC")
    assert log.warnings == []
