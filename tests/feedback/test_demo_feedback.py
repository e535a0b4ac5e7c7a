"""From the demo: the survey, the drivers at the top, and the verdicts of the done actions."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from cxmapper.analysis.tasks import import_events
from cxmapper.feedback.report import FeedbackReport, feedback_report
from cxmapper.feedback.survey_import import read_survey
from cxmapper.model.demo import simulate_events, survey_path_for, write_demo
from cxmapper.model.demo_survey import write_survey
from cxmapper.model.workspace import Workspace

# one worker runs the whole module, so its module-scoped fixtures are built once, not once
# per worker that gets one of its tests (issue 18)
pytestmark = pytest.mark.xdist_group("feedback/test_demo_feedback")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    tmp = tmp_path_factory.mktemp("demo")
    path = tmp / "demo.cxmap"
    log = write_demo(path)
    with Workspace.open(path) as ws:
        import_events(log).add_to(ws)
        survey = read_survey(survey_path_for(path))
        survey.add_to(ws)
        journey = ws.find_journey("Online purchase")
        report = feedback_report(ws, journey.id)
        yield {"path": path, "log": log, "survey": survey, "report": report}


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_the_survey_is_tied_to_the_demo_cases_in_two_languages(demo: dict[str, Any]) -> None:
    answers = rows(survey_path_for(demo["path"]))
    assert len(answers) >= 3000
    assert {r["lang"] for r in answers} == {"it", "en"}
    cases = {r["case_id"] for r in rows(demo["log"])}
    tied = sum(r["case_id"] in cases for r in answers)
    assert tied / len(answers) > 0.95
    masked = demo["survey"].masked
    assert masked["email"] and masked["phone"] and masked["iban"]


def test_the_survey_is_deterministic(tmp_path: Path) -> None:
    events = simulate_events(7)
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    write_survey(a, events, 7)
    write_survey(b, events, 7)
    assert a.read_bytes() == b.read_bytes()


def test_payment_retries_and_long_delivery_waits_score_lower(demo: dict[str, Any]) -> None:
    events: dict[str, list[str]] = {}
    for r in rows(demo["log"]):
        events.setdefault(r["case_id"], []).append(r["event"])
    retry, smooth = [], []
    for r in rows(survey_path_for(demo["path"])):
        names = events.get(r["case_id"], [])
        if "order_confirmed" in names:
            (retry if names.count("checkout_payment") >= 2 else smooth).append(int(r["nps"]))
    assert sum(retry) / len(retry) < sum(smooth) / len(smooth) - 2.5


def test_drivers_put_payment_retries_and_delivery_wait_at_the_top(demo: dict[str, Any]) -> None:
    report: FeedbackReport = demo["report"]
    top = [(d.title, d.behaviour) for d in report.drivers[:2]]
    assert top == [("Checkout: payment", "repeated"), ("Order confirmation e-mail", "waited")]
    for d in report.drivers[:2]:
        assert d.high < 0 and d.p_value < 1e-6  # clearly lower, interval below zero


def test_the_dated_change_improved_and_the_other_action_did_not(demo: dict[str, Any]) -> None:
    report: FeedbackReport = demo["report"]
    verdicts = {a.title: a.verdict for a in report.verdicts}
    change = verdicts["Address autocomplete"]
    assert change.verdict == "improved" and change.measure == "dropoff"
    assert change.effect is not None and change.effect < -5
    assert verdicts["Show shipping cost before checkout"].verdict == "no detectable change"


def test_nps_per_card_and_linking_are_reported(demo: dict[str, Any]) -> None:
    report: FeedbackReport = demo["report"]
    titles = {t.id: t.title for t in report.spec.touchpoints}
    cards = {titles[k]: f for k, f in report.per_touchpoint.items()}
    assert cards["Order confirmed"].nps_n >= 100 and cards["Order confirmed"].nps is not None
    assert report.linked.share_linked() > 0.9
    assert set(report.linked.reasons) == {"case id not in the event log"}
    assert report.topics and report.journey.nps_n == len(report.responses)


def test_the_survey_does_not_depend_on_the_local_time_zone(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    here = tmp_path / "here.csv"
    write_survey(here, simulate_events(7), 7)
    code = (
        "import sys; from pathlib import Path; from cxmapper.model.demo import simulate_events; "
        "from cxmapper.model.demo_survey import write_survey; "
        "write_survey(Path(sys.argv[1]), simulate_events(7), 7)"
    )
    there = tmp_path / "there.csv"
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "TZ": "Pacific/Auckland", "PYTHONPATH": str(root)}
    subprocess.run([sys.executable, "-c", code, str(there)], check=True, env=env, timeout=120)
    assert here.read_bytes() == there.read_bytes()
