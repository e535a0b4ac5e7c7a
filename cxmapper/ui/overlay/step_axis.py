"""The funnel's bottom axis: one readable label per step, never overlapping its neighbours.

pyqtgraph draws each tick label at its full width centred on its tick, so stage names wider
than a bar's slot ("Discover", "Research" at 1366×768 with the analysis beside the map) run
into each other. Here every label gets the stretch of axis half-way to its neighbours (minus a
gap) and is laid out with real font metrics: wrapped onto up to two lines when every word
fits, otherwise the labels alternate between two rows (each then has two slots of room) and
are elided only if even that is too narrow. Hovering a label shows its full name.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QApplication

LINES = 2  # rows of text under the axis
GAP = 6.0  # px between neighbouring labels


@dataclass(frozen=True)
class PlacedLabel:
    """Where one step's label is drawn (axis coordinates) and what it says."""

    rect: QRectF
    text: str  # as drawn: wrapped with "\n" or elided
    full: str


def _wrap(text: str, width: float, fm: QFontMetricsF, lines: int) -> list[str] | None:
    """`text` word-wrapped into at most `lines` lines of at most `width`; None when a word
    is wider than `width` or more lines are needed."""
    out: list[str] = []
    for word in text.split():
        if fm.horizontalAdvance(word) > width:
            return None
        if out and fm.horizontalAdvance(f"{out[-1]} {word}") <= width:
            out[-1] = f"{out[-1]} {word}"
        else:
            out.append(word)
    return out if 0 < len(out) <= lines else None


def _room(xs: Sequence[float], i: int, step: int, left: float, right: float) -> tuple[float, float]:
    """The stretch of axis label `i` may use: half-way to its neighbours `step` away on the
    same row, less half the gap on each side, within the axis."""
    lo = left if i - step < 0 else (xs[i - step] + xs[i]) / 2 + GAP / 2
    hi = right if i + step >= len(xs) else (xs[i] + xs[i + step]) / 2 - GAP / 2
    return lo, max(lo, hi)


def _centred(x: float, width: float, lo: float, hi: float) -> float:
    """The left edge of a `width` box centred on `x` but kept inside [lo, hi]."""
    return min(max(x - width / 2, lo), hi - width)


def place_labels(
    labels: Sequence[str], xs: Sequence[float], top: float, left: float, right: float,
    font: QFont,
) -> list[PlacedLabel]:  # fmt: skip
    """Lay out `labels` centred on `xs` (ascending) between `left` and `right`, starting at
    `top`: wrapped in place when every word fits, else alternating between two rows."""
    fm = QFontMetricsF(font)
    line = fm.lineSpacing()
    rooms = [_room(xs, i, 1, left, right) for i in range(len(xs))]
    wrapped = [_wrap(t, hi - lo, fm, LINES) for t, (lo, hi) in zip(labels, rooms, strict=True)]
    placed = []
    if all(w is not None for w in wrapped):
        for x, full, lines, (lo, hi) in zip(xs, labels, wrapped, rooms, strict=True):
            assert lines is not None
            width = max(fm.horizontalAdvance(s) for s in lines)
            rect = QRectF(_centred(x, width, lo, hi), top, width, line * len(lines))
            placed.append(PlacedLabel(rect, "\n".join(lines), full))
        return placed
    for i, (x, full) in enumerate(zip(xs, labels, strict=True)):
        lo, hi = _room(xs, i, 2, left, right)  # the neighbour on the same row is two steps away
        text = fm.elidedText(" ".join(full.split()), Qt.TextElideMode.ElideRight, hi - lo)
        width = fm.horizontalAdvance(text)
        placed.append(PlacedLabel(QRectF(_centred(x, width, lo, hi), top + line * (i % 2),
                                         width, line), text, full))  # fmt: skip
    return placed


class StepAxis(pg.AxisItem):  # type: ignore[misc]  # pyqtgraph is untyped (Any)
    """A bottom axis whose tick labels are the funnel's step names at 0, 1, 2, ..."""

    def __init__(self) -> None:
        super().__init__("bottom")
        self.full: list[str] = []
        self.placed: list[PlacedLabel] = []
        font = QFont(QApplication.font())  # measured and drawn with one font
        self.setStyle(tickFont=font)
        offset = max(0, self.style["tickLength"]) + self.style["tickTextOffset"][1]
        self.setHeight(int(offset + LINES * QFontMetricsF(font).lineSpacing() + 3))
        self.setAcceptHoverEvents(True)

    def set_labels(self, labels: Sequence[str]) -> None:
        self.full = list(labels)
        self.setTicks([[(i, t) for i, t in enumerate(self.full)]])

    def generateDrawSpecs(self, p: Any) -> tuple[Any, Any, Any]:
        axis_spec, tick_specs, _ = super().generateDrawSpecs(p)
        bounds = self.mapRectFromParent(self.geometry())
        lo, hi = self.range
        if not self.full or hi == lo:
            self.placed = []
            return axis_spec, tick_specs, []
        scale = bounds.width() / (hi - lo)
        xs = [(i - lo) * scale for i in range(len(self.full))]
        top = max(0, self.style["tickLength"]) + self.style["tickTextOffset"][1]
        self.placed = place_labels(self.full, xs, top, 0.0, bounds.width(), self.style["tickFont"])
        flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
        return axis_spec, tick_specs, [(s.rect, flags, s.text) for s in self.placed]

    def label_at(self, x: float) -> str | None:
        """The full name of the step whose label is under axis x coordinate `x`."""
        for placed in self.placed:
            if placed.rect.left() <= x <= placed.rect.right():
                return placed.full
        return None

    def hoverEvent(self, event: object) -> None:  # pyqtgraph's hover protocol
        if getattr(event, "isExit", lambda: True)():
            return
        name = self.label_at(event.pos().x())  # type: ignore[attr-defined]
        self.setToolTip(name or "")


__all__ = ["PlacedLabel", "StepAxis", "place_labels"]
