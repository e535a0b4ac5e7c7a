"""`cxmapper import-survey` and `cxmapper feedback`: stored once, errors leave nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cxmapper.cli import main
from cxmapper.feedback.privacy import pseudonym
from cxmapper.feedback.survey_import import load_responses
from cxmapper.model.surveys import pseudonym_key
from cxmapper.model.workspace import Workspace

EVENTS = """case_id,event,timestamp
c1,cart,2026-03-01T10:00:00Z
c1,pay,2026-03-01T10:05:00Z
c1,done,2026-03-01T10:06:00Z
c2,cart,2026-03-01T11:00:00Z
c2,pay,2026-03-01T11:05:00Z
"""
SURVEY = """customer,answered,score,remarks,channel
c1,2026-03-02T10:00:00Z,10,"great, mail me at a@b.co",web
c2,2026-03-02T10:00:00Z,2,payment failed,app
zz,2026-03-02T10:00:00Z,7,,web
"""


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    path = tmp_path / "w.cxmap"
    with Workspace.create(path) as ws:
        j = ws.add_journey("Buy")
        s1, s2 = ws.add_stage(j.id, "Choose"), ws.add_stage(j.id, "Pay")
        lane = ws.add_lane(j.id, "Web", "channel")
        ws.add_touchpoint(s1.id, lane.id, "Cart", match_events=["cart"])
        ws.add_touchpoint(s2.id, lane.id, "Payment", match_events=["pay"])
        ws.add_touchpoint(s2.id, lane.id, "Done", match_events=["done"], is_goal=True)
    events = tmp_path / "events.csv"
    events.write_text(EVENTS)
    assert main(["import", str(path), str(events), "--journey", "Buy"]) == 0
    return path


def survey_file(tmp_path: Path, text: str = SURVEY) -> Path:
    path = tmp_path / "survey.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_import_then_feedback_json(workspace: Path, tmp_path: Path, capsys) -> None:
    args = ["import-survey", str(workspace), str(survey_file(tmp_path)), "--journey", "Buy",
            "--case", "customer", "--date", "answered", "--score", "score", "--scale", "nps",
            "--text", "remarks"]  # fmt: skip
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "imported 3 responses (nps)" in out and "1 email" in out
    assert main(["feedback", str(workspace), "--journey", "Buy", "--json", "-"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["n_responses"] == 3 and data["share_linked"] == pytest.approx(2 / 3)
    assert data["not_linked"][0]["examples"] == ["zz"]
    cards = {c["title"]: c for c in data["touchpoints"]}
    assert cards["Done"]["nps"] == 100 and cards["Payment"]["nps"] == -100
    assert cards["Payment"]["indicative"] is True
    assert cards["Payment"]["topics"][0]["topic"] == "payment"
    assert data["segments"]["channel"][0]["value"] == "app"
    assert main(["feedback", str(workspace), "--journey", "Buy"]) == 0
    text = capsys.readouterr().out
    assert "Buy: 3 responses, 67% linked" in text and "Payment" in text


def test_a_bad_file_is_one_line_exit_2_and_stores_nothing(workspace: Path, tmp_path: Path, capsys) -> None:  # fmt: skip
    bad = survey_file(tmp_path, "case_id,date,nps\nc1,2026-03-02T10:00:00Z,9\nc2,2026-03-02T10:00:00Z,12\n")  # fmt: skip
    assert main(["import-survey", str(workspace), str(bad), "--pseudonymise"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "line 3: column 'nps': 12" in err and str(bad) in err
    with Workspace.open(workspace) as ws:
        assert ws.surveys() == [] and pseudonym_key(ws) == ""  # not even the key


def test_no_verbatims_and_pseudonymised_ids_still_link(workspace: Path, tmp_path: Path, capsys) -> None:  # fmt: skip
    path = survey_file(tmp_path, "case_id,date,nps,comment\nc2,2026-03-02T10:00:00Z,3,call +39 333 1234567\n")  # fmt: skip
    assert main(["import-survey", str(workspace), str(path), "--no-verbatims", "--pseudonymise"]) == 0  # fmt: skip
    with Workspace.open(workspace) as ws:
        [survey] = ws.surveys()
        assert survey.options["pseudonymised"] and not survey.options["verbatims"]
        payload = ws.payload("survey", survey.id)
        frame = load_responses(payload)
        assert list(frame["respondent"]) == [pseudonym("c2", pseudonym_key(ws))]
        assert frame["verbatim"].isna().all() and b"333" not in payload
    capsys.readouterr()
    assert main(["feedback", str(workspace), "--journey", "Buy", "--json", "-"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["share_linked_case"] == 1.0 and data["touchpoints"][0]["title"] == "Payment"


def test_feedback_for_an_unknown_journey(workspace: Path, capsys) -> None:
    assert main(["feedback", str(workspace), "--journey", "Nope"]) == 2
    assert "no journey named 'Nope'" in capsys.readouterr().err


def test_without_an_event_dataset_only_the_column_links(tmp_path: Path, capsys) -> None:
    path = tmp_path / "w.cxmap"
    with Workspace.create(path) as ws:
        j = ws.add_journey("Buy")
        stage, lane = ws.add_stage(j.id, "Pay"), ws.add_lane(j.id, "Web")
        ws.add_touchpoint(stage.id, lane.id, "Payment", match_events=["pay"])
    survey = survey_file(tmp_path, "case_id,date,nps,event\nc1,2026-03-02T10:00:00Z,3,pay\nc2,2026-03-02T10:00:00Z,9,\n")  # fmt: skip
    assert main(["import-survey", str(path), str(survey)]) == 0
    capsys.readouterr()
    assert main(["feedback", str(path), "--journey", "Buy", "--json", "-"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["share_linked"] == 0.5 and data["touchpoints"][0]["nps"] == -100
    assert (
        data["not_linked"][0]["responses"] == 1
        and "no event dataset" in data["not_linked"][0]["reason"]
    )
    assert data["drivers"] == [] and data["actions"] == []
