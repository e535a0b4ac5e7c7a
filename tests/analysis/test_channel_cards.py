"""Per card: escalation to an assisted channel and FCR derived from the log, compared with the
card's FCR KPI target; in the report, in `analyze --json` and read from a workspace."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from money_logs import DAY, Row, frame, spec

from cxmapper.analysis.channel_cards import fcr_kpis
from cxmapper.analysis.report import analyze, to_json_dict
from cxmapper.cli import main
from cxmapper.model.entities import Kpi
from cxmapper.model.workspace import Workspace

JOURNEY = spec(("browse", 0, False), ("call", 1, False), ("ask", 2, False), ("buy", 3, True))


def fcr_kpi(target: float | None, tolerance: float = 5.0) -> Kpi:
    return Kpi("k", "FCR", unit="%", target=target, tolerance=tolerance, kind="fcr")


def escalating_log() -> list[Row]:
    """1,000 cases browse on the web; 150 of them then phone (an escalation)."""
    rows: list[Row] = []
    for c in range(1000):
        rows.append((f"c{c}", "browse", "web", 0))
        rows.append((f"c{c}", "call" if c < 150 else "buy", "phone" if c < 150 else "web", 600))
    return rows


def contact_log() -> list[Row]:
    """1,000 cases call; 200 chat two days later (the call was not resolved); the log runs on
    for 30 days, so every contact's 7-day window is observed."""
    rows: list[Row] = []
    for c in range(1000):
        rows.append((f"c{c}", "call", "phone", 0))
        if c < 200:
            rows.append((f"c{c}", "ask", "chat", 2 * DAY))
    rows.append(("end", "browse", "web", 30 * DAY))
    return rows


def test_150_of_1000_cases_escalating_from_web_to_phone_is_15_percent_at_the_card() -> None:
    cards = analyze(frame(escalating_log()), JOURNEY, channels=True).channels.cards
    assert (cards.loc["BROWSE", "digital_events"], cards.loc["BROWSE", "escalations"]) == (
        1000,
        150,
    )
    assert f"{cards.loc['BROWSE', 'escalation_rate']:.1%}" == "15.0%"


def test_fcr_per_card_from_the_log_adds_up_to_the_journeys() -> None:
    f = analyze(frame(contact_log()), JOURNEY, channels=True).channels
    call, ask = f.cards.loc["CALL"], f.cards.loc["ASK"]
    assert (call["contacts"], call["fcr_observed"], call["fcr_resolved"]) == (1000, 1000, 800)
    assert call["fcr"] == 0.8
    assert (ask["contacts"], ask["fcr_resolved"], ask["fcr"]) == (200, 200, 1.0)
    assert np.isnan(f.cards.loc["BROWSE", "fcr"])  # no contact there
    assert f.cards["fcr_resolved"].sum() == f.fcr_resolved == 1000
    assert f.cards["fcr_observed"].sum() == f.fcr_observed == 1200


@pytest.mark.parametrize(
    ("target", "light"), [(80.0, "green"), (85.0, "amber"), (90.0, "red"), (None, "none")]
)
def test_derived_fcr_against_the_cards_kpi_target(target: float | None, light: str) -> None:
    report = analyze(
        frame(contact_log()), JOURNEY, channels=True, fcr_targets={"CALL": fcr_kpi(target)}
    )
    call = report.channels.cards.loc["CALL"]
    assert call["fcr_status"] == light  # 80 % derived; tolerance 5 points
    assert np.isnan(call["fcr_target"]) if target is None else call["fcr_target"] == target
    assert report.channels.cards.loc["ASK", "fcr_status"] == "none"  # no FCR KPI there


def test_json_channels_object_has_a_row_per_card() -> None:
    report = analyze(
        frame(contact_log()), JOURNEY, channels=True, fcr_targets={"CALL": fcr_kpi(85.0)}
    )
    cards = {c["touchpoint_id"]: c for c in to_json_dict(report)["channels"]["cards"]}
    assert cards["CALL"] == {
        "touchpoint_id": "CALL", "digital_events": 0, "escalations": 0, "escalation_rate": None,
        "contacts": 1000, "fcr_observed_contacts": 1000, "fcr_resolved_contacts": 800,
        "fcr": 0.8, "fcr_target": 85.0, "fcr_status": "amber",
    }  # fmt: skip
    assert cards["ASK"]["fcr_target"] is None and "BUY" not in cards  # BUY: no event at all


def test_cli_reads_the_fcr_target_from_the_workspace(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = tmp_path / "events.csv"
    lines = ["case_id,activity,timestamp,channel"]
    for c in range(10):
        lines.append(f"c{c},call,2026-01-01T09:00:00Z,phone")
        if c < 3:
            lines.append(f"c{c},call,2026-01-02T09:00:00Z,phone")
    lines.append("z,call,2026-02-01T09:00:00Z,phone")
    log.write_text("\n".join(lines) + "\n", encoding="utf-8")
    path = tmp_path / "w.cxmap"
    with Workspace.create(path) as ws:
        j = ws.add_journey("Support")
        stage = ws.add_stage(j.id, "Ask")
        lane = ws.add_lane(j.id, "Front")
        tp = ws.add_touchpoint(stage.id, lane.id, "Call", match_events=["call"], id="tp-call")
        old = ws.add_kpi("FCR old", kind="fcr", unit="%", target=50.0)
        kpi = ws.add_kpi("FCR", kind="fcr", unit="%", target=75.0, tolerance=2.0)
        ws.add_reading(tp.id, old.id, 40.0, "2025-01-01T00:00:00Z")
        ws.add_reading(tp.id, kpi.id, 70.0, "2026-01-01T00:00:00Z")
        assert fcr_kpis(ws, j.id)["tp-call"].id == kpi.id  # the one read most recently
    argv = ["analyze", str(log), "--workspace", str(path), "--journey", "Support", "--json", "-"]
    assert main(argv) == 0
    (card,) = json.loads(capsys.readouterr().out)["channels"]["cards"]
    # 14 calls: c0-c2's first calls are followed (3 repeats); z's window runs past the log's
    # end (not judged); 13 judged, 10 resolved
    assert (card["contacts"], card["fcr_observed_contacts"], card["fcr_resolved_contacts"]) == (
        14,
        13,
        10,
    )
    assert card["fcr_target"] == 75.0 and card["fcr_status"] == "green"  # 76.9 % >= 75 %


def test_the_apps_analysis_compares_with_the_fcr_target_too(tmp_path: Path) -> None:
    from cxmapper.analysis.tasks import AnalysisRequest, run_analysis

    log = tmp_path / "events.csv"
    rows = [f"c{c},call,2026-01-0{1 + c % 2}T09:00:00Z,phone" for c in range(4)]
    log.write_text("case_id,activity,timestamp,channel\n" + "\n".join(rows) + "\n")
    path = tmp_path / "w.cxmap"
    with Workspace.create(path) as ws:
        j = ws.add_journey("Support")
        stage, lane = ws.add_stage(j.id, "Ask"), ws.add_lane(j.id, "Front")
        tp = ws.add_touchpoint(stage.id, lane.id, "Call", match_events=["call"])
        kpi = ws.add_kpi("FCR", kind="fcr", unit="%", target=90.0, tolerance=5.0)
        ws.add_reading(tp.id, kpi.id, 70.0)
    assert main(["import", str(path), str(log), "--name", "calls"]) == 0
    with Workspace.open(path) as ws:
        dataset = ws.datasets()[0].id
    result = run_analysis(AnalysisRequest(str(path), j.id, dataset))
    card = result.report.channels.cards.loc[tp.id]
    # the log ends a day after the first calls: no 7-day window is over, no call judged yet
    assert card["fcr_target"] == 90.0 and card["contacts"] == 4
    assert card["fcr_status"] == "none"
