"""Rigs shared by the UI tests: a canvas, an inspector and a main window driven like a user would.

The fixtures that build them live in conftest.py; the classes and helpers live here so test
modules import them by name.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from cxmapper.model.workspace import Workspace
from cxmapper.ui.canvas import JourneyScene, JourneyView
from cxmapper.ui.inspector import InspectorPanel
from cxmapper.ui.inspector.touchpoint import TouchpointPage
from cxmapper.ui.main_window import MainWindow
from cxmapper.ui.model_bridge import ModelBridge
from cxmapper.ui.settings import AppSettings

LEFT = Qt.MouseButton.LeftButton
CTRL = Qt.KeyboardModifier.ControlModifier
NOMOD = Qt.KeyboardModifier.NoModifier


@dataclass
class Canvas:
    ws: Workspace
    ids: dict[str, str]
    scene: JourneyScene
    view: JourneyView
    stack: QUndoStack
    bridge: ModelBridge
    path: Path
    qtbot: object

    # -- geometry ------------------------------------------------------------------------
    def vp(self, p: QPointF) -> QPoint:
        return self.view.mapFromScene(p)

    def card_centre(self, key: str) -> QPointF:
        return self.scene.card_rect(self.ids.get(key, key)).center()

    def cell_centre(self, stage: str, lane: str) -> QPointF:
        return self.scene.cell_rect((self.ids[stage], self.ids[lane])).center()

    # -- gestures ------------------------------------------------------------------------
    def click(self, p: QPointF, mod: Qt.KeyboardModifier = NOMOD) -> None:
        self.qtbot.mouseClick(self.view.viewport(), LEFT, mod, self.vp(p))  # type: ignore[attr-defined]

    def dclick(self, p: QPointF) -> None:
        self.qtbot.mouseDClick(self.view.viewport(), LEFT, NOMOD, self.vp(p))  # type: ignore[attr-defined]

    def drag(
        self, a: QPointF, b: QPointF, mod: Qt.KeyboardModifier = NOMOD, steps: int = 6
    ) -> None:
        vp, bot = self.view.viewport(), self.qtbot
        bot.mousePress(vp, LEFT, mod, self.vp(a))  # type: ignore[attr-defined]
        for i in range(1, steps + 1):
            p = a + (b - a) * (i / steps)
            bot.mouseMove(vp, self.vp(p))  # type: ignore[attr-defined]
        bot.mouseRelease(vp, LEFT, mod, self.vp(b))  # type: ignore[attr-defined]

    def type(self, text: str, enter: bool = True) -> None:
        self.qtbot.keyClicks(self.view, text)  # type: ignore[attr-defined]
        if enter:
            self.qtbot.keyClick(self.view, Qt.Key.Key_Return)  # type: ignore[attr-defined]

    def key(self, key: Qt.Key, mod: Qt.KeyboardModifier = NOMOD) -> None:
        self.qtbot.keyClick(self.view, key, mod)  # type: ignore[attr-defined]

    def act(self, name: str) -> None:
        self.view.action(f"canvas.{name}").trigger()

    def reopen(self) -> Workspace:
        """Close everything and open the file again: what was saved."""
        self.scene.clear_scene()
        self.bridge.detach()
        self.ws.close()
        ws = Workspace.open(self.path)
        self._reopened = ws
        return ws


def undo_redo(c: Canvas, check_before, check_after) -> None:  # type: ignore[no-untyped-def]
    """Undo restores the state before the action, redo the state after it."""
    c.stack.undo()
    check_before()
    c.stack.redo()
    check_after()


@dataclass
class Rig:
    ws: Workspace
    stack: QUndoStack
    panel: InspectorPanel
    errors: list[str]
    path: Path
    ids: dict[str, str]

    @property
    def tp(self) -> TouchpointPage:
        return self.panel.touchpoint_page

    def flush(self) -> None:
        self.panel.flush()

    def reopen(self) -> Workspace:
        """Close the window's workspace and read the file fresh, as another user would."""
        self.panel.set_context(None)
        self.stack.clear()
        self.ws.close()
        return Workspace.open(self.path)


def type_into(qtbot: QtBot, edit: object, text: str) -> None:
    edit.selectAll()  # type: ignore[attr-defined]
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def commit_text(edit: object, text: str) -> None:
    """What typing then Enter does, without keystrokes (for fields with a completer popup)."""
    edit.setText(text)  # type: ignore[attr-defined]
    edit.setModified(True)  # type: ignore[attr-defined]
    edit.editingFinished.emit()  # type: ignore[attr-defined]


def choose(combo: object, value: object) -> None:
    """Pick a value the way a user does: only `activated` commits."""
    index = combo.findData(value)  # type: ignore[attr-defined]
    assert index >= 0, value
    combo.setCurrentIndex(index)  # type: ignore[attr-defined]
    combo.activated.emit(index)  # type: ignore[attr-defined]


def make_window(qtbot: QtBot) -> MainWindow:
    window = MainWindow(AppSettings(), poll_ms=0)
    qtbot.addWidget(window)
    window.show()
    return window


def settle(window: MainWindow) -> None:
    """Run the coalesced refreshes the panels schedule after model changes."""
    QApplication.processEvents()
    window.journey_panel.refresh()
    window.inspector.flush()


def journey_names(path: Path) -> list[str]:
    with Workspace.open(path) as ws:
        return [j.name for j in ws.journeys()]


def show_wide_journey(window: MainWindow, file_ws: Workspace, ws_path: Path) -> str:
    """Write a 12-stage journey (one card per stage, wider than any screen) into the test
    workspace, open it in `window` and show it; returns its id."""
    file_ws.close()
    with Workspace.open(ws_path) as ws:
        j = ws.add_journey("Wide")
        stages = [ws.add_stage(j.id, f"Stage {i}") for i in range(12)]
        lane = ws.add_lane(j.id, "Actions", "actions")
        for s in stages:
            ws.add_touchpoint(s.id, lane.id, f"Card in {s.name}")
    assert window.open_path(ws_path)
    window.show_journey(j.id)
    return j.id
