"""Where the window's panels sit by default: one tab group on the right, so the map keeps the
room.

On a 1366×768 laptop a bottom panel (comments, history, the analysis) leaves the map a strip
about 300 px tall, and a left column beside a right one leaves it two thirds of the width; the
analysis panel and the journey list are too tall to share one column. So journeys, inspector,
analysis, comments and history are tabs of one group on the right: opening the analysis or
hiding it never changes the map's size, and at 1366×768 over 60 % of the window is map. The user may rearrange the panels; `LAYOUT_VERSION` marks the saved
state, so a state saved by an older layout is not restored over this one.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QTabWidget

LAYOUT_VERSION = 2  # bump when the default arrangement changes; older saved states are ignored
SIDE_FRACTION = 0.29  # of the window's width for the right column
SIDE_MIN, SIDE_MAX = 360, 520


def side_width(window_width: int) -> int:
    """The right column's width for a window `window_width` wide (about 400 px at 1366)."""
    return max(SIDE_MIN, min(SIDE_MAX, int(window_width * SIDE_FRACTION)))


def arrange(window: QMainWindow, tabbed: list[QDockWidget], front: QDockWidget) -> None:
    """`tabbed` as tabs (in that order) of one group on the right, `front` the shown tab;
    the tabs sit on top, where their titles read in full."""
    right = Qt.DockWidgetArea.RightDockWidgetArea
    window.setTabPosition(right, QTabWidget.TabPosition.North)
    window.addDockWidget(right, tabbed[0])
    for before, dock in itertools.pairwise(tabbed):
        window.tabifyDockWidget(before, dock)
    front.raise_()
    size_side(window, front)


def size_side(window: QMainWindow, dock: QDockWidget) -> None:
    """Give the right column its default width for the window's current width."""
    window.resizeDocks([dock], [side_width(window.width())], Qt.Orientation.Horizontal)


__all__ = ["LAYOUT_VERSION", "arrange", "side_width", "size_side"]
