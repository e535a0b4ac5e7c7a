"""A dataset kept by link ("link instead of copy"), headless: the workspace stores the path,
size, modification time and fingerprint (no events); analysis reads the file and gives the same
report as a copied import; a changed, rewritten or vanished file is refused in one line saying
what happened, and relinking renews the record."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from analysis_helpers import small_csv_text

from cxmapper.analysis import linked
from cxmapper.analysis.dataset_ref import fingerprint
from cxmapper.analysis.report import to_json_dict
from cxmapper.analysis.tasks import AnalysisRequest, import_events, load_frame, run_analysis
from cxmapper.errors import ImportDataError
from cxmapper.model.workspace import Workspace


@pytest.fixture
def linked_ws(write, tmp_path: Path) -> tuple[Path, Path, str, str, str]:
    """(log, workspace, journey id, linked dataset id, copied dataset id)"""
    log = write("e.csv", small_csv_text())
    ws_path = tmp_path / "w.cxmap"
    with Workspace.create(ws_path) as ws:
        j = ws.add_journey("J")
        link_id = linked.link_events(log, name="linked").add_to(ws, j.id).id
        copy_id = import_events(log, name="copied").add_to(ws, j.id).id
    return log, ws_path, j.id, link_id, copy_id


def _report(ws_path: Path, journey: str, dataset: str) -> dict:
    return to_json_dict(run_analysis(AnalysisRequest(str(ws_path), journey, dataset)).report)


def test_workspace_keeps_the_link_not_the_events(linked_ws) -> None:
    log, ws_path, _, link_id, copy_id = linked_ws
    with Workspace.open(ws_path, read_only=True) as ws:  # reopened: what was saved
        ds = ws.get("dataset", link_id)
        assert ws.dataset_payload(link_id) == b""
        assert len(ws.dataset_payload(copy_id)) > 100
        frame = load_frame(ws, link_id)
    st = log.stat()
    assert ds.options["kind"] == "link" and ds.options["path"] == str(log.resolve())
    assert (ds.options["size"], ds.options["mtime_ns"]) == (st.st_size, st.st_mtime_ns)
    assert ds.options["fingerprint"] == fingerprint(log)
    assert (ds.n_events, ds.n_cases, ds.source) == (12, 4, str(log.resolve()))
    assert len(frame) == 12


def test_linked_analysis_equals_the_copied_one(linked_ws) -> None:
    _, ws_path, journey, link_id, copy_id = linked_ws
    assert _report(ws_path, journey, link_id) == _report(ws_path, journey, copy_id)


def test_appended_rows_are_refused_in_one_line(linked_ws) -> None:
    log, ws_path, journey, link_id, copy_id = linked_ws
    size = log.stat().st_size
    with log.open("a", encoding="utf-8") as fh:
        fh.write("c9,A,2024-03-01T10:00:00Z,web\n")
    with pytest.raises(ImportDataError) as err:
        _report(ws_path, journey, link_id)
    message = str(err.value)
    assert "\n" not in message and message.startswith(str(log.resolve()))
    assert f"linked file changed since it was linked (size {size:,} -> " in message
    assert _report(ws_path, journey, copy_id)["n_events"] == 12  # a copy does not care


def test_same_size_rewrite_with_the_old_time_is_refused(linked_ws) -> None:
    log, ws_path, journey, link_id, _ = linked_ws
    st = log.stat()
    log.write_text(small_csv_text().replace("c1,", "c7,"), encoding="utf-8")
    os.utime(log, ns=(st.st_atime_ns, st.st_mtime_ns))
    with pytest.raises(ImportDataError, match=r"linked file changed .*\(content differs\)"):
        _report(ws_path, journey, link_id)


def test_vanished_file_then_relinked(linked_ws, tmp_path: Path) -> None:
    log, ws_path, journey, link_id, _ = linked_ws
    moved = tmp_path / "moved" / "e.csv"
    moved.parent.mkdir()
    log.rename(moved)
    with pytest.raises(ImportDataError, match=r"linked file is missing \(moved or deleted\)"):
        _report(ws_path, journey, link_id)
    with Workspace.open(ws_path) as ws:
        options = linked.relinked(ws.get("dataset", link_id).options, moved)
        ws.update("dataset", link_id, options=options)
    assert options["path"] == str(moved.resolve()) and linked.check(options) is None
    assert _report(ws_path, journey, link_id)["n_events"] == 12


def test_linking_a_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ImportDataError, match="no such file"):
        linked.link_events(tmp_path / "nothing.csv")
