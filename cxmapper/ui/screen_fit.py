"""Window sizes that fit the screen: at 150 % scale a 1366x768 laptop has 911x512 logical
pixels, less than a dialog's roomy default, and a window larger than its screen cuts off its
bottom (the buttons). One place so every dialog asks the same question."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget


def resize_within_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize to `width` x `height`, or to the available screen where that is smaller."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        available = screen.availableGeometry()
        width, height = min(width, available.width()), min(height, available.height())
    widget.resize(width, height)
