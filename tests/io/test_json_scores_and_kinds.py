"""JSON version 2: a card may be "not scored" (emotion null) and a KPI carries its kind.

Version-1 files still import: there every card had a score, so a card without one is neutral.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cxmapper.io.json_format import JsonFormatError, export_json, import_json, parse_document
from cxmapper.model.workspace import Workspace


@pytest.fixture
def exported(file_ws: Workspace, small_journey: dict[str, str], tmp_path: Path) -> Path:
    file_ws.add_kpi("NPS", kind="nps", unit="score")
    nps = next(k for k in file_ws.kpis() if k.kind == "nps")
    file_ws.add_reading(small_journey["home"], nps.id, 30.0)
    return export_json(file_ws, [small_journey["journey"]], tmp_path / "j.json")


def test_an_unscored_card_and_a_kpi_kind_travel_and_come_back(
    exported: Path, small_journey: dict[str, str], tmp_path: Path
) -> None:
    doc = json.loads(exported.read_text(encoding="utf-8"))
    cards = {t["title"]: t["emotion"] for t in doc["journeys"][0]["touchpoints"]}
    assert cards["Home page"] is None and cards["Search"] == -1
    assert {k["name"]: k["kind"] for k in doc["kpis"]} == {"CSAT": "", "NPS": "nps"}
    with Workspace.create(tmp_path / "copy.cxmap") as copy:
        import_json(copy, exported)
    with Workspace.open(tmp_path / "copy.cxmap") as copy:
        assert copy.get("touchpoint", small_journey["home"]).emotion is None
        assert copy.get("touchpoint", small_journey["search"]).emotion == -1
        assert {k.name: k.kind for k in copy.kpis()} == {"CSAT": "", "NPS": "nps"}


def v1_document(exported: Path) -> dict:
    """The export as cxmapper wrote version 1: no null scores, no KPI kinds."""
    doc = json.loads(exported.read_text(encoding="utf-8"))
    doc["version"] = 1
    for k in doc["kpis"]:
        del k["kind"]
    for t in doc["journeys"][0]["touchpoints"]:
        if t["emotion"] is None:
            del t["emotion"]  # a v1 writer always wrote it; a hand-made file may leave it out
    return doc


def test_a_version_1_file_imports_with_every_card_scored(
    exported: Path, small_journey: dict[str, str]
) -> None:
    entities = parse_document(v1_document(exported))
    emotions = {t.title: t.emotion for t in entities["touchpoint"]}
    assert emotions == {"Home page": 0, "Search": -1, "Cart": 0, "Slow checkout": 0}
    assert {k.name: k.kind for k in entities["kpi"]} == {"CSAT": "", "NPS": ""}


def test_an_unknown_kpi_kind_is_refused_with_its_path(exported: Path) -> None:
    doc = json.loads(exported.read_text(encoding="utf-8"))
    doc["kpis"][1]["kind"] = "happiness"
    with pytest.raises(JsonFormatError, match=r"\$.kpis\[1\]: KPI kind must be one of"):
        parse_document(doc)
