"""One friction number per card of the demo, whichever surface shows it: `analyze --json`, the
Excel export's Friction sheet, the app's overlay badges and list, and the exported image."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from cxmapper.analysis.tasks import AnalysisRequest, run_analysis
from cxmapper.analysis.units import format_score
from cxmapper.model.demo import write_demo
from cxmapper.model.workspace import Workspace

# one worker runs the whole module, so its module-scoped fixtures are built once, not once
# per worker that gets one of its tests (issue 18)
pytestmark = pytest.mark.xdist_group("io/test_friction_everywhere")

REPO = Path(__file__).resolve().parents[2]
JOURNEY = "Online purchase"


def cli(*args: str) -> str:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [sys.executable, "-m", "cxmapper", *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=300,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The demo workspace with its event log stored as dataset "events", analysed by the CLI
    (JSON, Excel, SVG) and by the app's analysis task."""
    tmp = tmp_path_factory.mktemp("demo")
    ws_path = tmp / "demo.cxmap"
    log = write_demo(ws_path)
    cli("import", str(ws_path), str(log), "--name", "events", "--journey", JOURNEY)
    data = json.loads(cli("analyze", str(log), "--workspace", str(ws_path), "--journey", JOURNEY,
                          "--json", "-"))  # fmt: skip
    xlsx, svg = tmp / "demo.xlsx", tmp / "demo.svg"
    cli("export", str(ws_path), "--journey", JOURNEY, "--dataset", "events", "--xlsx", str(xlsx),
        "--svg", str(svg))  # fmt: skip
    with Workspace.open(ws_path) as ws:
        journey_id = ws.find_journey(JOURNEY).id
        dataset_id = ws.datasets()[0].id
    result = run_analysis(AnalysisRequest(str(ws_path), journey_id, dataset_id))
    return {"json": data, "xlsx": xlsx, "svg": svg, "result": result}


def cli_scores(demo: dict[str, Any]) -> dict[str, float]:
    return {a["id"]: a["friction_score"] for a in demo["json"]["activities"] if a["reach"] > 0}


def test_the_kpi_term_is_in_the_cli(demo: dict[str, Any]) -> None:
    """The reported case: Checkout: payment has 2 KPIs off target, so K adds 15 * 2/3 = 10."""
    top = {f["title"]: f for f in demo["json"]["friction"]}
    payment = top["Checkout: payment"]
    assert payment["score"] == 28.1  # the demo log as of its dated checkout change (issue 12)
    assert payment["components"]["kpi"] == pytest.approx(2 / 3)
    assert "2 KPIs off target" in payment["reasons"]
    c = payment["components"]
    by_formula = 100 * (0.35 * c["dropoff"] + 0.2 * c["repeat"] + 0.15 * c["back_step"]
                        + 0.15 * c["slow"] + 0.15 * c["kpi"])  # fmt: skip
    assert round(by_formula, 1) == payment["score"]


def test_excel_cells_match_the_cli(demo: dict[str, Any]) -> None:
    sheet = load_workbook(demo["xlsx"])["Friction"]
    rows = list(sheet.iter_rows(values_only=True))
    header = rows.index(next(r for r in rows if r[0] == "Touchpoint ID"))
    excel = {r[0]: r[4] for r in rows[header + 1 :] if r[0] and r[4] is not None}
    scores = cli_scores(demo)
    assert len(scores) > 10
    assert excel == scores
    assert sheet.cell(header + 2, 5).number_format == "0.0"  # shown with its decimal


def test_excel_times_to_next_keep_their_seconds(demo: dict[str, Any]) -> None:
    """Durations are numbers (Excel days) shown to the second, not minutes cut to 0.1."""
    sheet = load_workbook(demo["xlsx"])["Friction"]
    rows = list(sheet.iter_rows())
    header = next(i for i, r in enumerate(rows) if r[0].value == "Touchpoint ID")
    seconds = {a["id"]: a for a in demo["json"]["activities"]}
    cells = {r[0].value: (r[12], r[13]) for r in rows[header + 1 :] if r[0].value in seconds}
    checked = 0
    for tp, (median, p90) in cells.items():
        for cell, key in ((median, "median_seconds_to_next"), (p90, "p90_seconds_to_next")):
            if seconds[tp][key] is None:
                assert cell.value is None
                continue
            # openpyxl reads a number with a duration format back as a timedelta
            assert cell.value.total_seconds() == pytest.approx(seconds[tp][key], abs=1e-3)
            assert cell.number_format == "[h]:mm:ss"
            checked += 1
    assert checked > 20


def test_app_overlay_and_list_match_the_cli(demo: dict[str, Any]) -> None:
    from cxmapper.present.overlay import build_overlay

    result = demo["result"]
    cards = build_overlay(result, "friction").cards
    scores = cli_scores(demo)
    assert {tp: card.label for tp, card in cards.items()} == {
        tp: format_score(s) for tp, s in scores.items()
    }
    low, high = min(scores.values()), max(scores.values())  # the tint spans the journey's range
    assert {tp: card.fraction for tp, card in cards.items()} == pytest.approx(
        {tp: (s - low) / (high - low) for tp, s in scores.items()}, abs=0.005
    )
    app_top = [(f.touchpoint_id, f.score) for f in result.report.friction]
    cli_top = [(f["touchpoint_id"], f["score"]) for f in demo["json"]["friction"]]
    assert app_top[: len(cli_top)] == cli_top  # the same ranking, ties included


def test_image_badges_match_the_cli(demo: dict[str, Any]) -> None:
    from cxmapper.io.friction_data import coerce_friction
    from cxmapper.ui.render.image import overlay_of

    scores = cli_scores(demo)
    expected = {tp: format_score(s) for tp, s in scores.items()}
    for overlay in (demo["result"], coerce_friction(demo["result"])):  # app / CLI export
        drawn = overlay_of(overlay)
        assert drawn is not None
        assert {tp: v.label for tp, v in drawn.cards.items()} == expected
    svg = demo["svg"].read_text(encoding="utf-8")
    assert all(f">{label}<" in svg for label in expected.values())


def test_plain_data_named_score_is_on_the_0_to_100_scale() -> None:
    """`score` / `friction_score` are the analysis's names for the 0..100 number; `friction`
    is the 0..1 share. All three give the same score in the exports."""
    from cxmapper.io.friction_data import from_dict

    rows = [{"touchpoint_id": "a", "score": 28.4}, {"touchpoint_id": "b", "friction_score": 9.5},
            {"touchpoint_id": "c", "friction": 0.284}]  # fmt: skip
    assert [m.score for m in from_dict({"metrics": rows}).metrics] == [28.4, 9.5, 28.4]
