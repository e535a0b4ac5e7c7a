"""JSON exchange: exact round trip, id remapping, and errors that say where."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cxmapper.cli import main
from cxmapper.io.json_format import FORMAT, JsonFormatError, export_json, import_json
from cxmapper.model.workspace import Workspace

LISTS = ("journeys", "parties", "personas", "kpis", "touchpoints", "connectors", "readings", "raci",
         "comments", "actions")  # fmt: skip


def everything(ws: Workspace, journey_id: str) -> dict[str, list]:
    out = {name: getattr(ws, name)() for name in LISTS}
    out["stages"] = ws.stages(journey_id)
    out["lanes"] = ws.lanes(journey_id)
    return out


@pytest.fixture
def doc_path(file_ws: Workspace, journey: dict[str, str], tmp_path: Path) -> Path:
    persona = file_ws.add_persona("Busy parent")
    file_ws.update("journey", journey["journey"], persona_id=persona.id, description="desc")
    return export_json(file_ws, [journey["journey"]], tmp_path / "journey.json")


def test_round_trip_is_exact(
    file_ws: Workspace, journey: dict[str, str], doc_path: Path, tmp_path: Path
) -> None:
    file_ws.update(
        "touchpoint", journey["search"], tags=["a"], match_patterns=["^se.*"], component="product"
    )
    export_json(file_ws, journey["journey"], doc_path)
    with Workspace.create(tmp_path / "copy.cxmap") as copy:
        journeys = import_json(copy, doc_path).journeys
        assert [j.id for j in journeys] == [journey["journey"]]
        assert everything(copy, journey["journey"]) == everything(file_ws, journey["journey"])


def test_document_shape(doc_path: Path, journey: dict[str, str]) -> None:
    doc = json.loads(doc_path.read_text(encoding="utf-8"))
    assert doc["format"] == FORMAT and doc["version"] == 4
    block = doc["journeys"][0]
    assert block["journey"]["id"] == journey["journey"]
    assert {p["name"] for p in doc["parties"]} == {
        "Ann Owner",
        "Bob Service",
        "Logistics",
    }  # Logistics: Bob's team
    assert {k["name"] for k in doc["kpis"]} == {"CSAT", "Conversion", "Handling time"}
    assert len(block["touchpoints"]) == 5 and len(block["readings"]) == 4
    assert doc["personas"][0]["name"] == "Busy parent"


def test_import_twice_gets_new_ids(
    file_ws: Workspace, journey: dict[str, str], doc_path: Path
) -> None:
    before = len(file_ws.touchpoints())
    (copy,) = import_json(file_ws, doc_path).journeys
    assert copy.id != journey["journey"] and copy.name == "Online purchase (2)"
    assert len(file_ws.touchpoints()) == 2 * before
    assert len(file_ws.parties()) == 3  # people and KPIs are reused, not duplicated
    assert len(file_ws.kpis()) == 3
    new_tps = file_ws.touchpoints(copy.id)
    new_ids = {t.id for t in new_tps}
    assert not new_ids & {t.id for t in file_ws.touchpoints(journey["journey"])}
    assert all(
        c.source_id in new_ids and c.target_id in new_ids for c in file_ws.connectors(copy.id)
    )
    stage_ids = {s.id for s in file_ws.stages(copy.id)}
    assert all(t.stage_id in stage_ids for t in new_tps)


def break_doc(doc_path: Path, change) -> Path:
    doc = json.loads(doc_path.read_text(encoding="utf-8"))
    change(doc)
    doc_path.write_text(json.dumps(doc), encoding="utf-8")
    return doc_path


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(format="other"), r"\$.format: must be 'cxmapper-journey'"),
        (lambda d: d.update(version=99), r"\$.version: 99 is newer"),
        (
            lambda d: d["journeys"][0]["stages"][1].update(name=7),
            r"\$.journeys\[0\].stages\[1\].name: must be a string",
        ),
        (
            lambda d: d["journeys"][0]["touchpoints"][2].update(emotion=5),
            r"\$.journeys\[0\].touchpoints\[2\]: touchpoint emotion must be a whole number",
        ),
        (
            lambda d: d["journeys"][0]["touchpoints"][0].update(stage_id="nope"),
            r"\$.journeys\[0\].touchpoints\[0\].stage_id: refers to stage 'nope'",
        ),
        (lambda d: d["journeys"][0]["readings"][0].pop("value"), r"readings\[0\].value: missing"),
        (
            lambda d: d["journeys"][0]["touchpoints"][0].update(colour="red"),
            r"unknown field\(s\) colour",
        ),
        (
            lambda d: d["journeys"][0]["lanes"].append(d["journeys"][0]["lanes"][0]),
            r"lanes\[2\].id: .* used twice",
        ),
        (lambda d: d["kpis"][0].update(target="high"), r"\$.kpis\[0\].target: must be a number"),
        (lambda d: d.update(journeys=[]), r"\$.journeys: the file holds no journey"),
    ],
)
def test_bad_documents(
    file_ws: Workspace, doc_path: Path, tmp_path: Path, change, message: str
) -> None:
    break_doc(doc_path, change)
    with Workspace.create(tmp_path / "target.cxmap") as target:
        with pytest.raises(JsonFormatError, match=message):
            import_json(target, doc_path)
        assert target.journeys() == [] and target.parties() == []


def test_not_json(tmp_path: Path, memory_ws: Workspace) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "cxmapper-journey",\n "version": 1,,}', encoding="utf-8")
    with pytest.raises(JsonFormatError, match=r"not valid JSON: .* line 2"):
        import_json(memory_ws, bad)


def test_failed_import_leaves_workspace_unchanged(
    file_ws: Workspace, journey: dict[str, str], doc_path: Path
) -> None:
    break_doc(doc_path, lambda d: d["journeys"][0]["actions"][0].update(impact=9))
    counts = {name: len(getattr(file_ws, name)()) for name in LISTS}
    with pytest.raises(JsonFormatError, match=r"actions\[0\]: action impact"):
        import_json(file_ws, doc_path)
    assert counts == {name: len(getattr(file_ws, name)()) for name in LISTS}


def test_cli_creates_workspace(
    doc_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "new.cxmap"
    assert main(["import-json", str(target), str(doc_path)]) == 0
    assert "imported journey 'Online purchase'" in capsys.readouterr().out
    with Workspace.open(target) as ws:
        assert len(ws.touchpoints()) == 5
    broken = break_doc(doc_path, lambda d: d.update(version="1"))
    other = tmp_path / "other.cxmap"
    assert main(["import-json", str(other), str(broken)]) == 2
    assert "$.version: must be a whole number" in capsys.readouterr().err
    assert not other.exists()


def test_cli_export_json_all_journeys(
    file_ws: Workspace, journey: dict[str, str], ws_path: Path, tmp_path: Path
) -> None:
    file_ws.add_journey("Second")
    file_ws.close()
    out = tmp_path / "all.json"
    assert main(["export", str(ws_path), "--json", str(out)]) == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert [b["journey"]["name"] for b in doc["journeys"]] == ["Online purchase", "Second"]


def test_cli_import_events(
    tmp_path: Path, file_ws: Workspace, ws_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file_ws.close()
    events = tmp_path / "events.csv"
    events.write_text("case_id,activity,timestamp\nc1,home,2026-01-01T10:00:00Z\nc1,cart,2026-01-01T10:05:00Z\n"
                      "c2,home,2026-01-02T10:00:00Z\n", encoding="utf-8")  # fmt: skip
    assert main(["import", str(ws_path), str(events), "--name", "web"]) == 0
    assert "3 events, 2 cases" in capsys.readouterr().out
    with Workspace.open(ws_path) as ws:
        assert [d.name for d in ws.datasets()] == ["web"]


def test_import_returns_exactly_what_it_created(
    file_ws: Workspace, journey: dict[str, str], doc_path: Path
) -> None:
    parties_before = {p.id for p in file_ws.parties()}
    imported = import_json(file_ws, doc_path)
    (copy,) = imported.journeys
    assert imported.created["journey"] == [copy.id]
    assert set(imported.created["touchpoint"]) == {t.id for t in file_ws.touchpoints(copy.id)}
    assert "party" not in imported.created and "kpi" not in imported.created  # reused
    assert {p.id for p in file_ws.parties()} == parties_before
