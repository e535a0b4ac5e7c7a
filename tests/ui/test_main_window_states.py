"""What the window offers depends on what is open: no canvas action without a journey."""

from __future__ import annotations

from pathlib import Path

from cxmapper.model.workspace import Workspace
from cxmapper.ui.main_window import MainWindow


def canvas_actions(window: MainWindow) -> list:
    return [a for group in window._canvas_actions().values() for a in group]


def test_canvas_actions_are_disabled_while_nothing_is_open(
    window: MainWindow, file_ws: Workspace, small_journey: dict[str, str], ws_path: Path
) -> None:
    actions = canvas_actions(window)
    assert actions and not any(a.isEnabled() for a in actions)
    assert not window.presentation_action.isEnabled()
    file_ws.close()
    assert window.open_path(ws_path)
    assert window.journey_id is not None
    assert all(a.isEnabled() for a in actions)
    assert window.presentation_action.isEnabled()
    window.close_workspace()
    assert not any(a.isEnabled() for a in actions)
