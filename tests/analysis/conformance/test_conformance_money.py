"""Money and channel figures are the same whichever engine computes them: the demo log through
numpy, DuckDB and Spark, per journey, with the demo's value model (segment values too), compared as
`analyze --json` writes them."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest

from cxmapper.analysis.dataset_ref import FileRef
from cxmapper.analysis.engines.spark_summary import spark_available
from cxmapper.analysis.report import analyze, to_json_dict
from cxmapper.analysis.value_model import ValueModel
from cxmapper.analysis.workspace_adapter import journey_spec
from cxmapper.cli import main
from cxmapper.model.demo import write_demo
from cxmapper.model.workspace import Workspace

MONEY_KEYS = ("value_at_risk", "cost_to_serve", "repeat_contact_cost", "failure_demand_cost",
              "conversions_lost", "contacts", "repeat_contacts", "failure_demand",
              "escalation_rate")  # fmt: skip


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    path = tmp_path_factory.mktemp("demo") / "demo.cxmap"
    return path, write_demo(path, 7)


def without_channel(log: Path) -> Path:
    """The demo log without its channel column: every event takes its card's channel, so cases
    hop between channels (in the demo log each case keeps one channel)."""
    out = log.with_name("no-channel.csv")
    pd.read_csv(log, dtype=str).drop(columns=["channel"]).to_csv(out, index=False)
    return out


def impact_json(engine: str, log: Path, spec: object, model: ValueModel) -> dict[str, object]:
    data = to_json_dict(
        analyze(FileRef(log), spec, engine=engine, value_model=model, channels=True)  # type: ignore[arg-type]
    )
    assert data["engine"] == engine
    per_card = {a["id"]: {k: a[k] for k in MONEY_KEYS} for a in data["activities"]}  # type: ignore[union-attr,index]
    return {"money": data["money"], "channels": data["channels"], "cards": per_card}


SPARK = [
    pytest.mark.xdist_group("spark"),
    pytest.mark.skipif(bool(spark_available()), reason=spark_available() or ""),
]


#: The in-memory engines' tests on one worker, so the module's demo is written once for them
#: (the Spark run keeps the Spark tests' worker, "spark": a group of its own would start a JVM).
DEMO = pytest.mark.xdist_group("conformance_money")


@pytest.mark.parametrize(
    ("other", "segments", "card_channels"),
    [pytest.param("duckdb", False, False, marks=DEMO),
     pytest.param("duckdb", True, True, marks=DEMO),
     pytest.param("spark", True, True, marks=SPARK)],
)  # fmt: skip
def test_other_engines_give_the_numpy_engines_money_and_channel_figures_on_the_demo_log(
    demo: tuple[Path, Path], other: str, segments: bool, card_channels: bool
) -> None:
    path, log = demo
    log = without_channel(log) if card_channels else log
    with Workspace.open(path, read_only=True) as ws:
        journeys = [(j.id, json.loads(j.value_model)) for j in ws.journeys()]
        specs = {jid: journey_spec(ws, jid) for jid, _ in journeys}
    seen: list[object] = []
    for jid, fields in journeys:
        model = ValueModel.from_dict(fields)
        if segments:
            model = replace(model, segment_attribute="segment", segment_values={"new": 120.0})
        numpy_figures = impact_json("numpy", log, specs[jid], model)
        other_figures = impact_json(other, log, specs[jid], model)
        assert numpy_figures["money"]["journey"]["value_at_risk"] > 0  # type: ignore[index]
        assert other_figures == numpy_figures
        seen.append(numpy_figures["channels"])
    assert sum(c["contacts"] for c in seen) > 0 or not card_channels  # type: ignore[index]
    assert any(c["matrix"] for c in seen) or not card_channels  # type: ignore[index]


@DEMO
def test_cli_analyze_with_duckdb_writes_money_and_channels(
    demo: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    _, log = demo
    outputs = []
    for engine in ("numpy", "duckdb"):
        argv = ["analyze", str(log), "--activity", "event", "--engine", engine]
        argv += ["--value-per-conversion", "50", "--contact-cost", "web=0.25", "--json", "-"]
        assert main(argv) == 0
        data = json.loads(capsys.readouterr().out)
        outputs.append({k: data[k] for k in ("money", "channels")})
    assert outputs[0] == outputs[1]
    assert outputs[0]["money"]["journey"]["cost_to_serve"] > 0
