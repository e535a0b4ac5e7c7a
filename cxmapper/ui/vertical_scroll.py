"""A scroll area that scrolls up and down only and asks its dock for the width its content
needs: long Italian labels then widen the dock instead of being cut on the right behind a
horizontal scroll bar (what the inspector did in the Italian gallery)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget


class VerticalScrollArea(QScrollArea):
    def __init__(self, inner: QWidget, resizable: bool = True) -> None:
        super().__init__()
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidget(inner)
        self.setWidgetResizable(resizable)

    def _width(self, inner: int) -> int:
        return inner + self.verticalScrollBar().sizeHint().width()

    def minimumSizeHint(self) -> QSize:
        inner = self.widget()
        base = super().minimumSizeHint()
        if inner is None:
            return base
        return QSize(self._width(inner.minimumSizeHint().width()), base.height())

    def sizeHint(self) -> QSize:
        inner = self.widget()
        base = super().sizeHint()
        if inner is None:
            return base
        return QSize(self._width(inner.sizeHint().width()), base.height())
