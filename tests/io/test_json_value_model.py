"""A journey's value model travels in the JSON format (version 4) as an object; older files have none."""

from __future__ import annotations

import json
from pathlib import Path

from cxmapper.io.json_format import export_json, import_json
from cxmapper.io.json_schema import schema_problem
from cxmapper.model.value_models import set_value_model, stored_value_model
from cxmapper.model.workspace import Workspace

MODEL = {"value_per_conversion": 50.0, "currency": "EUR", "contact_costs": {"phone": 4.5}}


def test_value_model_round_trips_as_an_object(tmp_path: Path) -> None:
    with Workspace.create(tmp_path / "src.cxmap") as ws:
        jid = ws.add_journey("J").id
        ws.add_stage(jid, "S")
        set_value_model(ws, jid, MODEL)
        export_json(ws, [jid], tmp_path / "j.json")
    doc = json.loads((tmp_path / "j.json").read_text(encoding="utf-8"))
    assert doc["version"] == 4
    assert doc["journeys"][0]["journey"]["value_model"] == MODEL  # readable, not escaped text
    assert schema_problem(doc) is None
    with Workspace.create(tmp_path / "copy.cxmap") as copy:
        import_json(copy, tmp_path / "j.json")
        [journey] = copy.journeys()
        assert stored_value_model(copy, journey.id) == MODEL


def test_version_3_file_imports_without_a_value_model(tmp_path: Path) -> None:
    with Workspace.create(tmp_path / "src.cxmap") as ws:
        jid = ws.add_journey("J").id
        export_json(ws, [jid], tmp_path / "j.json")
    doc = json.loads((tmp_path / "j.json").read_text(encoding="utf-8"))
    doc["version"] = 3
    del doc["journeys"][0]["journey"]["value_model"]
    (tmp_path / "old.json").write_text(json.dumps(doc), encoding="utf-8")
    with Workspace.create(tmp_path / "copy.cxmap") as copy:
        import_json(copy, tmp_path / "old.json")
        [journey] = copy.journeys()
        assert stored_value_model(copy, journey.id) == {}
