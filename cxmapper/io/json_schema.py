"""The JSON exchange format as a JSON Schema, published as `cxmapper/resources/journey.schema.json`.

Other tools (and people writing files by hand) can check a journey file against the published
schema; cxmapper checks every import against it too, and reports the first problem in one line
naming its JSON path (`$.journeys[0].stages[1].name: must be a string, not 7`). The schema is
built from the model's dataclasses, so it cannot drift from what the importer accepts: a test
compares the published file with `journey_schema()`. What a schema cannot say (references
between records, ids used twice, the model's ranges and choices) is checked by
`json_format.parse_document` after the schema passes.

Regenerate the published file after a model change with
`python -m cxmapper.io.json_schema > cxmapper/resources/journey.schema.json`.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from cxmapper.model.kinds import KINDS

SCHEMA_FILE = "journey.schema.json"
SCHEMA_ID = "https://cxmapper.invalid/schemas/journey-v1.schema.json"

_TYPES: dict[str, dict[str, Any]] = {
    "string": {"type": "string"},
    "integer": {"type": "integer"},
    "number": {"type": "number"},
    "boolean": {"type": "boolean"},
    "list": {"type": "array", "items": {"type": "string"}},
    "object": {"type": "object"},
}
# how a failed `type` check reads, by schema type
_TYPE_WORDS = {
    "string": "a string", "integer": "a whole number", "number": "a number",
    "boolean": "true or false", "array": "a list of strings", "object": "an object",
    "null": "null",
}  # fmt: skip
# messages for a few checks where the generic text would say less
_PATH_MESSAGES = {("$.journeys", "minItems"): "the file holds no journey"}


def _record_schema(kind: str) -> dict[str, Any]:
    from cxmapper.io.json_format import _field_specs

    properties: dict[str, Any] = {}
    required: list[str] = []
    for name, (tag, needed, _default) in _field_specs(KINDS[kind].cls).items():
        base = dict(_TYPES[tag.rstrip("?")])
        if tag.endswith("?"):
            base["type"] = [base["type"], "null"]
        properties[name] = base
        if needed:
            required.append(name)
    if kind == "version":  # a version's snapshot travels as the JSON object, not as its text
        properties["snapshot"] = {"type": "object"}
    if kind == "journey":  # format 4: the value model travels as the JSON object
        properties["value_model"] = {"type": "object"}
    return {
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }


def journey_schema() -> dict[str, Any]:
    """The schema of format versions 1 and 2 (2 adds a nullable emotion and a KPI kind), built from the model's record types."""
    from cxmapper.io.json_format import FORMAT, PER_JOURNEY, SHARED

    defs = {kind: _record_schema(kind) for kind in KINDS}

    def list_of(kind: str) -> dict[str, Any]:
        return {"type": "array", "items": {"$ref": f"#/$defs/{kind}"}}

    block = {
        "type": "object",
        "properties": {
            "journey": {"$ref": "#/$defs/journey"},
            **{key: list_of(kind) for key, kind in PER_JOURNEY},
        },
        "required": ["journey"],
        "additionalProperties": False,
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "cxmapper journey exchange file (docs/json-format.md)",
        "type": "object",
        "properties": {
            "format": {"const": FORMAT},
            "version": {"type": "integer", "minimum": 1},
            "generator": {"type": "string"},
            "exported_at": {"type": "string"},
            **{key: list_of(kind) for key, kind in SHARED},
            "journeys": {"type": "array", "items": block, "minItems": 1},
        },
        "required": ["format", "version", "journeys"],
        "additionalProperties": False,
        "$defs": defs,
    }


@cache
def published_schema() -> dict[str, Any]:
    """The schema file shipped with the package (what import validates against)."""
    text = resources.files("cxmapper.resources").joinpath(SCHEMA_FILE).read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def schema_text() -> str:
    return json.dumps(journey_schema(), indent=1, ensure_ascii=False) + "\n"


def _describe(error: Any) -> str:
    """One line: the JSON path of the problem and what is wrong there."""
    path = error.json_path
    special = _PATH_MESSAGES.get((path, error.validator))
    if special:
        return f"{path}: {special}"
    instance = error.instance
    if error.validator == "type":
        wanted = error.validator_value
        words = " or ".join(
            _TYPE_WORDS[t] for t in ([wanted] if isinstance(wanted, str) else wanted)
        )
        return f"{path}: must be {words}, not {json.dumps(instance)[:60]}"
    if error.validator == "required" and isinstance(instance, dict):
        missing = [f for f in error.validator_value if f not in instance]
        return f"{path}.{missing[0]}: missing"
    if error.validator == "additionalProperties" and isinstance(instance, dict):
        known = error.schema.get("properties", {})
        unknown = sorted(k for k in instance if k not in known)
        return f"{path}: unknown field(s) {', '.join(unknown)}"
    return f"{path}: {error.message}"


def schema_problem(doc: Any) -> str | None:
    """The first problem of `doc` against the published schema as one line, or None."""
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(published_schema())
    errors = sorted(validator.iter_errors(doc), key=lambda e: _order(e.absolute_path))
    return _describe(errors[0]) if errors else None


def _order(path: Any) -> list[tuple[int, Any]]:
    """Document order: earlier list items and keys first (ints and strings kept apart)."""
    return [(0, p) if isinstance(p, int) else (1, str(p)) for p in path]


if __name__ == "__main__":
    print(schema_text(), end="")
