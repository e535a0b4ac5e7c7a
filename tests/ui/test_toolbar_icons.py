"""The toolbar shows the app's own icons, loaded from the package (the same on every platform)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QToolButton

from cxmapper.ui import icons
from cxmapper.ui.main_window import MainWindow


def test_every_toolbar_button_has_a_bundled_icon(window: MainWindow) -> None:
    actions = [a for a in window.toolbar.actions() if not a.isSeparator()]
    assert len(actions) >= 10
    for action in actions:
        assert not action.icon().isNull(), action.text()
        assert not action.icon().pixmap(20, 20).isNull(), action.text()
        button = window.toolbar.widgetForAction(action)
        assert isinstance(button, QToolButton)
        assert button.toolTip()  # icon-only buttons still say what they do


def test_every_icon_file_is_used_and_valid_svg() -> None:
    folder = Path(icons.icon_path("find")).parent
    names = {p.stem for p in folder.glob("*.svg")}
    assert names >= {"new-card", "connect", "add-stage", "add-lane", "zoom-in", "zoom-out", "fit",
                     "find", "presentation", "people", "undo", "redo"}  # fmt: skip
    for name in names:
        assert not icons.icon(name).isNull(), name
        assert (folder / f"{name}.svg").read_text().startswith("<svg")
