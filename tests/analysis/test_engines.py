"""The engine seam: engines by name, dataset references, `analyze --engine` and the `engine` key.

What every engine must compute is in tests/analysis/conformance; this file checks the plumbing
around it: the registry, each kind of reference loads the same events, the CLI flag.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from analysis_helpers import small_csv_text

from cxmapper.analysis import engines
from cxmapper.analysis.dataset_ref import FileRef, FrameRef, Selection, StoredRef
from cxmapper.analysis.report import analyze, to_json_dict
from cxmapper.analysis.tasks import import_events
from cxmapper.cli import main
from cxmapper.errors import CxError
from cxmapper.model.workspace import Workspace


def test_registry_names_and_one_instance_per_name() -> None:
    assert engines.names() == ["numpy", "duckdb", "spark"]
    engine = engines.get("numpy")
    assert engine.name == "numpy" and engines.get() is engine


def test_unknown_engine_is_a_one_line_error_naming_the_choices() -> None:
    with pytest.raises(
        CxError, match=r"^unknown analysis engine 'polars'; available: numpy, duckdb, spark$"
    ):
        engines.get("polars")
    with pytest.raises(CxError, match="unknown analysis engine"):
        analyze(FileRef(Path("/nonexistent.csv")), engine="polars")  # before reading anything


def test_file_stored_and_frame_references_give_the_same_report(
    write, tmp_path: Path, small_log
) -> None:
    path = write("e.csv", small_csv_text())
    ws_path = tmp_path / "w.cxmap"
    with Workspace.create(ws_path) as ws:
        dataset_id = import_events(path).add_to(ws).id
    refs = [FileRef(path), StoredRef(str(ws_path), dataset_id), FrameRef(small_log.frame)]
    reports = [to_json_dict(analyze(ref)) for ref in refs]
    assert reports[0]["n_events"] == 12 and reports[0]["engine"] == "numpy"
    assert reports[1] == reports[0] and reports[2] == reports[0]


def test_selection_applies_the_attribute_then_the_period(small_log) -> None:
    engine = engines.get("numpy")
    data = engine.load(FrameRef(small_log.frame))
    web = engine.select(data, Selection("channel", ("web",)))
    assert web.n_events == 7  # c1 and c2
    nothing = engine.select(web, Selection(period=("2024-03-01 09:01", None)))
    assert nothing.n_events == 0  # every case starts at 09:00
    events = engine.select(
        data, Selection(period=("2024-03-01 09:05", "2024-03-01 09:10"), scope="event")
    )
    assert events.n_events == 3


def test_profile_counts_all_cases_and_offers_few_valued_attributes(small_log) -> None:
    engine = engines.get("numpy")
    profile = engine.profile(engine.load(FrameRef(small_log.frame)))
    assert profile.n_cases == 4
    assert profile.segment_values == {"channel": ["app", "web"]}
    assert profile.span == ("2024-03-01 09:00:00+00:00", "2024-03-01 09:20:00+00:00")


def test_cli_engine_flag_and_json_key(write, capsys) -> None:
    path = write("e.csv", small_csv_text())
    assert main(["analyze", str(path), "--engine", "numpy", "--json", "-"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["engine"] == "numpy" and data["n_events"] == 12


def test_cli_unknown_engine_exits_2_with_one_line(write, tmp_path: Path, capsys) -> None:
    path = write("e.csv", small_csv_text())
    target = tmp_path / "out.json"
    assert main(["analyze", str(path), "--engine", "presto", "--json", str(target)]) == 2
    err = capsys.readouterr().err
    assert (
        err
        == "cxmapper: error: unknown analysis engine 'presto'; available: numpy, duckdb, spark\n"
    )
    assert not target.exists()
