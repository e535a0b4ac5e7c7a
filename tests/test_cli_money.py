"""`analyze` with a value model: value at risk and cost to serve per activity and for the
journey, and the channels object, in --json; bad amounts stop it with one line and exit 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cxmapper.cli import main

LOG = """case_id,activity,timestamp,channel
c1,browse,2026-01-01T09:00:00Z,web
c1,call,2026-01-01T10:00:00Z,phone
c1,call,2026-01-02T10:00:00Z,Phone
c1,buy,2026-01-03T10:00:00Z,web
c2,browse,2026-01-01T09:00:00Z,web
c2,chat,2026-01-01T09:01:00Z,chat
c3,browse,2026-01-01T09:00:00Z,app
"""


@pytest.fixture
def events(tmp_path: Path) -> Path:
    path = tmp_path / "events.csv"
    path.write_text(LOG, encoding="utf-8")
    return path


def test_json_has_money_per_activity_and_journey_and_a_channels_object(
    events: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["analyze", str(events), "--value-per-conversion", "50", "--currency", "eur"]
    argv += ["--contact-cost", "phone=6.5", "--contact-cost", "chat=2", "--json", "-"]
    assert main(argv) == 0
    data = json.loads(capsys.readouterr().out)
    by_id = {a["id"]: a for a in data["activities"]}
    # no journey, so no goal: every case's last event is a lost conversion (as for drop-off)
    assert {k: by_id[k]["value_at_risk"] for k in by_id} == {
        "browse": 50.0, "call": 0.0, "buy": 50.0, "chat": 50.0,
    }  # fmt: skip
    assert by_id["call"]["cost_to_serve"] == 13.0 and by_id["chat"]["cost_to_serve"] == 2.0
    assert by_id["call"]["repeat_contact_cost"] == 6.5
    assert by_id["browse"]["failure_demand"] == 3  # c1's two calls and c2's chat follow it
    assert by_id["browse"]["escalation_rate"] == pytest.approx(2 / 3)
    money = data["money"]
    assert money["currency"] == "EUR"
    assert money["journey"]["value_at_risk"] == 150.0
    assert money["journey"]["cost_to_serve"] == 15.0
    assert sum(s["cost_to_serve"] for s in money["stages"]) == 15.0
    ch = data["channels"]
    assert (ch["cases"], ch["hop_cases"], ch["contacts"], ch["repeat_contacts"]) == (3, 2, 3, 1)
    assert {(m["from"], m["to"], m["hops"]) for m in ch["matrix"]} == {
        ("web", "call centre", 1), ("call centre", "web", 1), ("web", "chat", 1),
    }  # fmt: skip
    assert {(h["from"], h["to"], h["median_seconds"]) for h in ch["handovers"]} == {
        ("web", "call centre", 3600.0), ("web", "chat", 60.0),
    }  # fmt: skip
    assert ch["switched_share"] == pytest.approx(1 / 3)


def test_without_money_options_there_is_no_money_but_channels_are_there(
    events: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["analyze", str(events), "--json", "-"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert "money" not in data and "value_at_risk" not in data["activities"][0]
    assert data["channels"]["hop_rate"] == pytest.approx(2 / 3)


def test_the_table_shows_the_money_in_the_currency(
    events: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["analyze", str(events), "--value-per-conversion", "5000"]) == 0
    assert "value at risk €15,000.00" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--value-per-conversion", "lots"], "--value-per-conversion: 'lots' is not a number"),
        (["--value-per-conversion", "-5"], "--value-per-conversion: '-5' must be a finite"),
        (["--contact-cost", "phone"], "--contact-cost 'phone': expected CHANNEL=AMOUNT"),
        (["--contact-cost", "=3"], "expected CHANNEL=AMOUNT"),
        (["--contact-cost", "phone=inf"], "--contact-cost phone: 'inf' must be a finite"),
        (["--contact-cost", "phone=1", "--contact-cost", "Call=2"], "both set the cost of"),
        (["--value-per-conversion", "1", "--currency", "euro"], "--currency: 'EURO' is not"),
        (["--currency", "USD"], "--currency needs --value-per-conversion or --contact-cost"),
    ],
)
def test_bad_values_stop_with_one_line_and_exit_2(
    events: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    options: list[str],
    message: str,
) -> None:
    out = tmp_path / "out.json"
    assert main(["analyze", str(events), *options, "--json", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("cxmapper: error: ") and message in err
    assert err.count("\n") == 1
    assert not out.exists()
