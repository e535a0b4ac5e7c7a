"""Versions and lineage survive the JSON export and import; version-1 files still import."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cxmapper.io.json_format import export_json, import_json
from cxmapper.model.demo import build_demo
from cxmapper.model.versions import find_version, restore_version, save_version, versions
from cxmapper.model.versions_diff import compare
from cxmapper.model.workspace import Workspace


@pytest.fixture
def source(tmp_path: Path) -> Workspace:
    ws = Workspace.create(tmp_path / "src.cxmap")
    build_demo(ws)
    jid = ws.journeys()[0].id
    save_version(ws, jid, "As-is", live_from="2026-01-01", note="before the redesign")
    tp = ws.touchpoints(jid)[0]
    ws.update("touchpoint", tp.id, title="Changed after As-is")
    ws.remove("touchpoint", ws.touchpoints(jid)[-1].id)  # only the version still knows it
    yield ws
    ws.close()


def test_versions_survive_export_and_import_into_an_empty_workspace(
    source: Workspace, tmp_path: Path
) -> None:
    jid = source.journeys()[0].id
    export_json(source, [jid], tmp_path / "j.json")
    doc = json.loads((tmp_path / "j.json").read_text(encoding="utf-8"))
    [v] = doc["journeys"][0]["versions"]
    assert (v["name"], v["live_from"], v["note"]) == ("As-is", "2026-01-01", "before the redesign")
    assert isinstance(v["snapshot"], dict)  # readable in the file, not an escaped string
    expected = compare(source, jid, "As-is", "current").to_json()
    with Workspace.create(tmp_path / "copy.cxmap") as copy:
        import_json(copy, tmp_path / "j.json")
        assert [x.name for x in versions(copy, jid)] == ["As-is"]
        assert compare(copy, jid, "As-is", "current").to_json() == expected


def test_import_with_taken_ids_rekeys_the_versions_so_they_still_restore(
    source: Workspace, tmp_path: Path
) -> None:
    jid = source.journeys()[0].id
    export_json(source, [jid], tmp_path / "j.json")
    [second] = import_json(source, tmp_path / "j.json").journeys  # every id is taken: all new ids
    assert second.id != jid
    diff = compare(source, second.id, "As-is", "current")
    assert diff.counts() == compare(source, jid, "As-is", "current").counts()
    assert {t.lineage_id for t in source.touchpoints(second.id)} == {
        t.lineage_id for t in source.touchpoints(jid)
    }
    restore_version(source, find_version(source, second.id, "As-is").id)
    assert compare(source, second.id, "As-is", "current").differences == []
    assert compare(source, jid, "As-is", "current").differences  # the original is untouched
    # the card only the versions knew came back with a new id in the copy, so the original
    # journey can restore its own version too
    restore_version(source, find_version(source, jid, "As-is").id)
    assert compare(source, jid, "As-is", "current").differences == []


def test_a_version_1_file_still_imports(source: Workspace, tmp_path: Path) -> None:
    """A file written before lineage, reading frequencies and versions existed."""
    jid = source.journeys()[0].id
    export_json(source, [jid], tmp_path / "j.json")
    doc = json.loads((tmp_path / "j.json").read_text(encoding="utf-8"))
    doc["version"] = 1
    for k in doc["kpis"]:
        del k["frequency"]
    block = doc["journeys"][0]
    del block["versions"]
    for key in ("stages", "lanes", "touchpoints", "connectors"):
        for record in block[key]:
            del record["lineage_id"]
    (tmp_path / "v1.json").write_text(json.dumps(doc), encoding="utf-8")
    with Workspace.create(tmp_path / "copy.cxmap") as copy:
        import_json(copy, tmp_path / "v1.json")
        cards = copy.touchpoints(jid)
        assert cards and all(t.lineage_id == t.id for t in cards)
        assert versions(copy, jid) == []
