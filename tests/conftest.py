"""Shared fixtures. Qt runs offscreen unless QT_QPA_PLATFORM says otherwise (e.g. xcb)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The tests' Spark JVM lives minutes on small logs: C1 only (no C2 compiler threads) and the
# serial collector halve its CPU (measured on the conformance runs, the same figures); the
# package's own session keeps the JVM's defaults, which pay off on cluster-sized logs.
# The conf cuts the JVM time of a 15-event report from 4.4 s to 2.9 s (issue 18, measured with
# the JVM's CPU from /proc on the 2-core machine): one partition per shuffle and per parallelised
# frame (default.parallelism feeds the engine's shuffle.partitions), no adaptive re-planning
# between stages, and no whole-stage Java generated and compiled per query (Janino's compile
# dwarfs a few thousand rows). Interpreted expressions (codegen.factoryMode NO_CODEGEN) halve a
# small report again but made a BPIC 2012 report take over 2 min (36-42 s compiled): off.
os.environ.setdefault(
    "PYSPARK_SUBMIT_ARGS",
    "--driver-java-options '-XX:TieredStopAtLevel=1 -XX:+UseSerialGC' "
    "--conf spark.default.parallelism=1 --conf spark.sql.adaptive.enabled=false "
    "--conf spark.sql.codegen.wholeStage=false "
    "pyspark-shell",
)

from cxmapper.model.workspace import Workspace

SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Make `--dist loadgroup` honour the xdist_group marks again (the Spark tests' one worker,
    the modules whose fixtures are built once).

    pytest-xdist 3.8.0 groups a test by appending "@group" to `item._nodeid`, but pytest 9 derives
    `nodeid` from `item._id`, so the suffix never showed and every group was spread over both
    workers (issue 18: each worker started its own Spark JVM and built the same module fixtures).
    The same suffix is set here where pytest reads it; where xdist's own suffix took, nothing.
    """
    if not getattr(config.option, "loadgroup", False):
        return
    for item in items:
        nodeid = item.nodeid
        if nodeid.rfind("@") > nodeid.rfind("]"):
            continue  # xdist's suffix is there (a pytest that still reads _nodeid)
        names = {
            str(m.args[0] if m.args else m.kwargs.get("name", "default"))
            for m in item.iter_markers("xdist_group")
        }
        if names:
            item._id = type(item._id).parse(f"{nodeid}@{'_'.join(sorted(names))}")


@pytest.fixture(autouse=True)
def _qt_teardown() -> Iterator[None]:
    """Destroy what a test left of Qt at a safe point, not whenever Python's GC gets to it.

    Top-level widgets that survive a test (kept alive by reference cycles) would otherwise be
    deleted by the cyclic GC in the middle of some later Qt call, which crashes the process.
    Each test's own objects are collected here; what outlives it is frozen (see below).
    """
    yield
    import sys

    if "PySide6.QtWidgets" not in sys.modules:
        return
    import gc

    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        return
    gc.collect()
    for widget in QApplication.topLevelWidgets():
        if widget.parent() is None and not widget.inherits("QComboBoxPrivateContainer"):
            widget.close()
            widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    # What survives a test's clean-up (modules, Qt's and pandas' state, session and module
    # fixtures) moves out of the collector's sight: the next collections, these two and the
    # automatic ones, walk only what later tests create. Walking the whole heap twice per test
    # cost 0.05 s of CPU each time (issue 18: 301 model, canvas and xlsx tests in one process
    # took 28 s of CPU, 17 s with the freeze). Survivors are still freed by their
    # reference counts; only a cycle among them would stay in memory until the worker ends.
    gc.freeze()


@pytest.fixture
def shared_data() -> Path:
    """The real event logs beside the repository; tests using them skip in a user's clone."""
    if not SHARED_DATA.is_dir():
        pytest.skip("../shared/data is not present (real event logs are not in a user's clone)")
    return SHARED_DATA


@pytest.fixture
def memory_ws() -> Iterator[Workspace]:
    ws = Workspace.in_memory()
    yield ws
    ws.close()


@pytest.fixture
def ws_path(tmp_path: Path) -> Path:
    return tmp_path / "test.cxmap"


@pytest.fixture
def file_ws(ws_path: Path) -> Iterator[Workspace]:
    ws = Workspace.create(ws_path)
    yield ws
    if not ws.closed:
        ws.close()


@pytest.fixture
def small_journey(file_ws: Workspace) -> dict[str, str]:
    """A 3-stage x 2-lane journey with 4 cards, a connector, an owner and a KPI reading."""
    ws = file_ws
    j = ws.add_journey("Online purchase")
    stages = [ws.add_stage(j.id, n) for n in ("Discover", "Buy", "Use")]
    web = ws.add_lane(j.id, "Web", "channel")
    pains = ws.add_lane(j.id, "Pain points", "pain points")
    ann = ws.add_party("Ann Owner", role="Web lead", email="ann@example.com")
    csat = ws.add_kpi("CSAT", unit="score", target=4.2, direction="higher")
    home = ws.add_touchpoint(stages[0].id, web.id, "Home page", owner_id=ann.id, channel="web")
    search = ws.add_touchpoint(stages[0].id, web.id, "Search", emotion=-1, channel="")
    cart = ws.add_touchpoint(stages[1].id, web.id, "Cart", is_goal=True, channel="")
    slow = ws.add_touchpoint(stages[1].id, pains.id, "Slow checkout")
    ws.add_connector(home.id, cart.id, label="buys")
    ws.add_reading(home.id, csat.id, 3.9, measured_at="2026-01-01T00:00:00+00:00")
    ws.assign(home.id, ann.id, "A")
    return {
        "journey": j.id,
        "discover": stages[0].id,
        "buy": stages[1].id,
        "use": stages[2].id,
        "web": web.id,
        "pains": pains.id,
        "ann": ann.id,
        "csat": csat.id,
        "home": home.id,
        "search": search.id,
        "cart": cart.id,
        "slow": slow.id,
    }
