"""The published JSON Schema: it is what the code builds, every export validates against it,
and files it refuses are refused on import with one line naming the JSON path."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from cxmapper.io.json_format import JsonFormatError, export_json, import_json, journeys_document
from cxmapper.io.json_schema import journey_schema, published_schema
from cxmapper.model.demo import write_demo
from cxmapper.model.workspace import Workspace

ROOT = Path(__file__).resolve().parents[2]
SCHEMA_PATH = ROOT / "cxmapper" / "resources" / "journey.schema.json"


@pytest.fixture
def exported(file_ws: Workspace, journey: dict[str, str], tmp_path: Path) -> Path:
    """A journey with people, teams, KPIs, readings, RACI, comments and actions, as JSON."""
    file_ws.update("touchpoint", journey["search"], tags=["a"], match_patterns=["^se.*"])
    return export_json(file_ws, [journey["journey"]], tmp_path / "journey.json")


def test_published_file_is_the_schema_the_code_builds() -> None:
    Draft202012Validator.check_schema(published_schema())
    assert json.loads(SCHEMA_PATH.read_text(encoding="utf-8")) == journey_schema(), (
        "regenerate: python -m cxmapper.io.json_schema > cxmapper/resources/journey.schema.json"
    )


def test_the_format_documentation_links_the_schema() -> None:
    doc = (ROOT / "docs" / "json-format.md").read_text(encoding="utf-8")
    assert "../cxmapper/resources/journey.schema.json" in doc


def test_every_export_of_the_demo_validates(tmp_path: Path) -> None:
    demo = tmp_path / "demo.cxmap"
    write_demo(demo)
    validator = Draft202012Validator(published_schema())
    with Workspace.open(demo) as ws:
        ids = [j.id for j in ws.journeys()]
        assert ids
        for jid in ids:
            assert list(validator.iter_errors(journeys_document(ws, [jid]))) == []
        path = export_json(ws, ids, tmp_path / "all.json")
    assert list(validator.iter_errors(json.loads(path.read_text(encoding="utf-8")))) == []


def test_a_fully_filled_journey_validates(exported: Path) -> None:
    doc = json.loads(exported.read_text(encoding="utf-8"))
    assert list(Draft202012Validator(published_schema()).iter_errors(doc)) == []


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(generator=5), r"^\S*: \$\.generator: must be a string, not 5$"),
        (
            lambda d: d["journeys"][0]["touchpoints"][0].update(tags=["ok", 1]),
            r"\$\.journeys\[0\]\.touchpoints\[0\]\.tags\[1\]: must be a string, not 1$",
        ),
        (
            lambda d: d["journeys"][0]["connectors"][0].update(label=None),
            r"\$\.journeys\[0\]\.connectors\[0\]\.label: must be a string, not null$",
        ),
        (
            lambda d: d["journeys"].append(["not", "a", "block"]),
            r"\$\.journeys\[1\]: must be an object, not \[",
        ),
        (
            lambda d: d["journeys"][0]["touchpoints"][1].update(is_goal="yes"),
            r"touchpoints\[1\]\.is_goal: must be true or false, not \"yes\"$",
        ),
    ],
)
def test_files_the_schema_refuses_are_refused_on_import(
    exported: Path, tmp_path: Path, change, message: str
) -> None:
    doc = json.loads(exported.read_text(encoding="utf-8"))
    change(doc)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc), encoding="utf-8")
    assert list(Draft202012Validator(published_schema()).iter_errors(doc))  # invalid indeed
    with Workspace.create(tmp_path / "target.cxmap") as target:
        with pytest.raises(JsonFormatError, match=message) as err:
            import_json(target, bad)
        assert "\n" not in str(err.value)
        assert target.journeys() == [] and target.parties() == []
