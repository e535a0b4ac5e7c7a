"""A lane named as its kind shows the name once: the Italian demo's lane headers read
"Pensieri / Pensieri" and "Punti critici / Punti critici"; a lane with its own name keeps
its kind underneath."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from cxmapper.model.demo import write_demo
from cxmapper.model.workspace import Workspace
from cxmapper.ui import translations
from cxmapper.ui.canvas import JourneyScene, JourneyView
from cxmapper.ui.canvas.items.grid import lane_subtitle
from cxmapper.ui.model_bridge import ModelBridge
from cxmapper.ui.undo_stack import GuardedUndoStack


@pytest.fixture
def italian(qapp: QCoreApplication) -> Iterator[None]:
    assert translations.install_language(qapp, "it") == "it"
    yield
    translations.install_language(qapp, "en")


def headers(qtbot: QtBot, path: Path) -> dict[str, str]:
    """Lane name -> the subtitle its header draws, for the demo's first journey."""
    ws = Workspace.open(path)
    try:
        journey = ws.journeys()[0]
        scene = JourneyScene()
        view = JourneyView(scene)
        scene.setParent(view)
        qtbot.addWidget(view)
        bridge = ModelBridge(ws, poll_ms=0)
        scene.set_journey(ws, journey.id, GuardedUndoStack(), bridge)
        out = {h.name: h.subtitle for h in scene.lane_headers.values()}
        scene.clear_scene()
        bridge.detach()
        return out
    finally:
        ws.close()


def test_italian_demo_lanes_name_their_kind_once(
    italian: None, qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "demo.cxmap"
    write_demo(path, lang="it")
    drawn = headers(qtbot, path)
    for name in ("Pensieri", "Emozioni", "Punti critici", "Opportunità"):
        assert drawn[name] == "", name
    assert drawn["Negozio"] == "Canale"  # a channel lane keeps its kind underneath
    assert drawn["Retroscena"] == ""


def test_english_default_name_or_another_name(italian: None) -> None:
    assert lane_subtitle("pain points", "Pain points") == ""  # the English default name
    assert lane_subtitle("pain points", "  punti  CRITICI ") == ""
    assert lane_subtitle("pain points", "Attriti") == "Punti critici"


def test_english_app(qapp: QCoreApplication) -> None:
    translations.install_language(qapp, "en")
    assert lane_subtitle("thoughts", "Thoughts") == ""
    assert lane_subtitle("thoughts", "Pensieri") == "Thoughts"
