"""A journey's value model in the workspace: migration 6, undoable edits, checks, analysis bridge."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from cxmapper.analysis.stored_value import value_model_of
from cxmapper.errors import ValidationError
from cxmapper.model.persistence import schema
from cxmapper.model.value_models import (
    clear_value_model,
    has_value_model,
    set_value_model,
    stored_value_model,
)
from cxmapper.model.workspace import Workspace

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
MODEL = {
    "value_per_conversion": 50,
    "currency": "EUR",
    "contact_costs": {"phone": 4.5, "chat": "1.20"},
    "segment_attribute": "tier",
    "segment_values": {"gold": 120},
}


def test_v5_fixture_is_migrated_with_no_value_model(tmp_path: Path) -> None:
    path = tmp_path / "v5.cxmap"
    shutil.copy(FIXTURES / "workspace-v5.cxmap", path)
    with Workspace.open(path) as ws:
        assert ws.schema_version() == schema.CURRENT_VERSION == 6
        assert stored_value_model(ws, "j1") == {}
        assert not has_value_model(ws, "j1")
        assert value_model_of(ws.get("journey", "j1")) is None
        assert [t.title for t in ws.touchpoints()][:2] == ["Home", "Checkout"]
    assert (tmp_path / "v5.cxmap.v5.bak").exists()
    conn = sqlite3.connect(path)
    try:
        [(text,)] = conn.execute("SELECT value_model FROM journeys WHERE id = 'j1'")
    finally:
        conn.close()
    assert text == "{}"


def test_v6_fixture_keeps_its_value_model() -> None:
    with Workspace.open(FIXTURES / "workspace-v6.cxmap", read_only=True) as ws:
        model = value_model_of(ws.get("journey", "j1"))
    assert model is not None
    assert (model.value_per_conversion, model.currency) == (50.0, "EUR")
    assert model.cost_of("phone") == 4.5


def test_set_is_saved_and_reopened(tmp_path: Path) -> None:
    path = tmp_path / "w.cxmap"
    with Workspace.create(path) as ws:
        jid = ws.add_journey("J").id
        assert set_value_model(ws, jid, MODEL) == {}
    with Workspace.open(path) as ws:
        stored = stored_value_model(ws, jid)
        model = value_model_of(ws.get("journey", jid))
    assert stored["contact_costs"] == {"phone": 4.5, "chat": 1.2}
    assert model is not None
    assert model.cost_of("Call centre") == 4.5  # phone and call centre share one key
    assert dict(model.segment_values) == {"gold": 120.0}
    assert model.segment_attribute == "tier"


def test_edit_is_one_undoable_step_in_the_change_log(tmp_path: Path) -> None:
    with Workspace.create(tmp_path / "w.cxmap") as ws:
        jid = ws.add_journey("J").id
        set_value_model(ws, jid, {"value_per_conversion": 10})
        old = set_value_model(ws, jid, {"value_per_conversion": 20, "currency": "USD"})
        assert old == {"value_per_conversion": 10.0}
        set_value_model(ws, jid, old)  # what the app's undo command does
        assert stored_value_model(ws, jid) == {"value_per_conversion": 10.0}
        assert [x.kind for x in ws.change_log()][-3:] == ["journey"] * 3
        assert clear_value_model(ws, jid) == {"value_per_conversion": 10.0}
        assert stored_value_model(ws, jid) == {}


@pytest.mark.parametrize(
    ("fields", "fragment"),
    [
        ({"value_per_conversion": -1}, "value per conversion"),
        ({"value_per_conversion": "lots"}, "not a number"),
        ({"currency": "euro"}, "three-letter"),
        ({"contact_costs": {"phone": float("nan")}}, "contact costs of 'phone'"),
        ({"segment_values": {"gold": 3}}, "attribute"),
        ({"colour": "red"}, "unknown field"),
    ],
)
def test_bad_values_are_refused_and_nothing_changes(
    tmp_path: Path, fields: dict[str, object], fragment: str
) -> None:
    with Workspace.create(tmp_path / "w.cxmap") as ws:
        jid = ws.add_journey("J").id
        set_value_model(ws, jid, {"value_per_conversion": 5})
        with pytest.raises(ValidationError, match=fragment):
            set_value_model(ws, jid, fields)
        assert stored_value_model(ws, jid) == {"value_per_conversion": 5.0}
