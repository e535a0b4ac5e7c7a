"""Surveys are stored like datasets: chunks in the file, one undoable step, survey KPI readings."""

from __future__ import annotations

from pathlib import Path

from cxmapper.model import surveys as sv
from cxmapper.model.persistence import store
from cxmapper.model.workspace import Workspace


def test_survey_is_stored_reopened_removed_and_restored(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(store, "CHUNK_BYTES", 4)  # several chunks, read back in order
    path = tmp_path / "w.cxmap"
    payload = b"0123456789abcdef-survey"
    with Workspace.create(path) as ws:
        j = ws.add_journey("Buy")
        s = sv.add_survey(ws, "pulse", payload, n_responses=3, journey_id=j.id, columns=["nps"])
    with Workspace.open(path) as ws:
        [again] = ws.surveys()
        assert (again.id, again.n_responses, again.columns) == (s.id, 3, ["nps"])
        assert sv.survey_payload(ws, s.id) == payload
        removal = ws.remove("survey", s.id)
        assert ws.surveys() == [] and ws.count("survey") == 0
        ws.restore(removal)
    with Workspace.open(path) as ws:
        assert [x.id for x in ws.surveys()] == [s.id]
        assert sv.survey_payload(ws, s.id) == payload


def test_removing_the_journey_keeps_the_survey(memory_ws: Workspace) -> None:
    j = memory_ws.add_journey("Buy")
    s = sv.add_survey(memory_ws, "pulse", b"x", n_responses=1, journey_id=j.id)
    memory_ws.remove("journey", j.id)
    assert memory_ws.get("survey", s.id).journey_id is None


def test_pseudonym_key_is_created_once_and_kept(tmp_path: Path) -> None:
    path = tmp_path / "w.cxmap"
    with Workspace.create(path) as ws:
        assert sv.pseudonym_key(ws) == ""
        key = sv.pseudonym_key(ws, create=True)
        assert len(key) == 64 and sv.pseudonym_key(ws, create=True) == key
    with Workspace.open(path) as ws:
        assert sv.pseudonym_key(ws) == key


def test_a_survey_figure_becomes_a_dated_kpi_reading(memory_ws: Workspace) -> None:
    j = memory_ws.add_journey("Buy")
    stage, lane = memory_ws.add_stage(j.id, "Pay"), memory_ws.add_lane(j.id, "Web")
    tp = memory_ws.add_touchpoint(stage.id, lane.id, "Payment")
    reading = sv.add_survey_reading(memory_ws, tp.id, "nps", 12.345, "2026-03-01T00:00:00+00:00")
    kpi = memory_ws.get("kpi", reading.kpi_id)
    assert (kpi.name, reading.value, reading.source) == ("NPS", 12.35, "survey")
    assert reading.measured_at == "2026-03-01T00:00:00+00:00"
    again = sv.add_survey_reading(memory_ws, tp.id, "nps", 20, "2026-04-01T00:00:00+00:00")
    assert again.kpi_id == kpi.id and len(memory_ws.kpis()) == 1
