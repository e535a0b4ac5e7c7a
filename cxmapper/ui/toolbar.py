"""The main toolbar: the few things a workshop does all the time, one click away.

Each button has the app's own icon; the actions people look for by name keep their text beside
the icon, the zoom buttons are icons with tooltips (their meaning is universal).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QToolBar, QToolButton

from cxmapper.ui.icons import icon

ICON_ONLY = {"canvas.zoom-out", "canvas.zoom-in", "canvas.fit"}
GROUPS = (
    ("canvas.new-card", "canvas.connect"),
    ("canvas.add-stage", "canvas.add-lane"),
    ("canvas.zoom-out", "canvas.zoom-in", "canvas.fit"),
)


def icon_name(action: QAction) -> str:
    """The icon file of an action: the last part of its object name (canvas.new-card ->
    new-card, view.find -> find, journey.people -> people)."""
    return action.objectName().rsplit(".", 1)[-1]


def build_toolbar(
    window: QMainWindow, canvas: dict[str, QAction], tail: list[list[QAction]]
) -> QToolBar:
    bar = window.addToolBar(QCoreApplication.translate("Toolbar", "Main toolbar"))
    bar.setObjectName("mainToolbar")
    bar.setMovable(False)
    bar.setIconSize(QSize(20, 20))
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    groups = [[canvas[n] for n in names if n in canvas] for names in GROUPS]
    for actions in [*groups, *tail]:
        if not actions:
            continue
        for action in actions:
            action.setIcon(icon(icon_name(action)))
            bar.addAction(action)
            if action.objectName() in ICON_ONLY:
                button = bar.widgetForAction(action)
                if isinstance(button, QToolButton):
                    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        bar.addSeparator()
    return bar
