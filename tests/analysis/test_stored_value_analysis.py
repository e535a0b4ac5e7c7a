"""The app's analysis (tasks.run_analysis) prices money figures with the journey's stored value model."""

from __future__ import annotations

from pathlib import Path

import pytest

from cxmapper.analysis.tasks import AnalysisRequest, import_events, run_analysis
from cxmapper.model.demo import write_demo
from cxmapper.model.value_models import clear_value_model, stored_value_model
from cxmapper.model.workspace import Workspace

# one worker builds the module's demo (with its stored dataset) for both tests, not one each
pytestmark = pytest.mark.xdist_group("stored_value_analysis")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, str]:
    path = tmp_path_factory.mktemp("demo") / "demo.cxmap"
    log = write_demo(path)
    with Workspace.open(path) as ws:
        journey = ws.journeys()[0]
        stored = import_events(log, name="events").add_to(ws, journey.id)
        return path, journey.id, stored.id


def test_demo_journeys_have_a_value_model(demo: tuple[Path, str, str]) -> None:
    path, _, _ = demo
    with Workspace.open(path, read_only=True) as ws:
        for journey in ws.journeys():
            assert stored_value_model(ws, journey.id)["value_per_conversion"] == 85.0


def test_stored_model_prices_the_analysis(demo: tuple[Path, str, str], tmp_path: Path) -> None:
    path, jid, did = demo
    result = run_analysis(AnalysisRequest(str(path), jid, did, engine="numpy"))
    money = result.report.money
    assert money is not None and money.currency == "EUR"
    assert result.report.channels is not None
    copy = tmp_path / "none.cxmap"
    copy.write_bytes(path.read_bytes())
    with Workspace.open(copy) as ws:
        clear_value_model(ws, jid)
    assert run_analysis(AnalysisRequest(str(copy), jid, did, engine="numpy")).report.money is None
