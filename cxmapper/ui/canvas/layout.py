"""Pure geometry of the journey grid: where columns, rows, cells and cards are.

No Qt here, so the rules (cards stack down a cell, a lane grows to fit its fullest cell) are
unit-testable and cheap to recompute on every structural change.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

STAGE_HEADER_H = 46.0
LANE_HEADER_W = 160.0
CARD_H = 84.0
CARD_GAP = 8.0
CELL_PAD = 10.0
MIN_EMOTION_H = 150.0


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    def contains(self, x: float, y: float) -> bool:
        return self.x <= x < self.right and self.y <= y < self.bottom


@dataclass(frozen=True)
class Band:
    """One column (stage) or row (lane): its id, start and extent along its axis."""

    id: str
    start: float
    size: float

    @property
    def end(self) -> float:
        return self.start + self.size

    @property
    def centre(self) -> float:
        return self.start + self.size / 2


def stack_height(n_cards: int) -> float:
    """Height a cell needs to show `n_cards` stacked cards."""
    if n_cards <= 0:
        return 0.0
    return 2 * CELL_PAD + n_cards * CARD_H + (n_cards - 1) * CARD_GAP


@dataclass(frozen=True)
class Grid:
    columns: tuple[Band, ...]
    rows: tuple[Band, ...]

    @property
    def width(self) -> float:
        return self.columns[-1].end if self.columns else LANE_HEADER_W

    @property
    def height(self) -> float:
        return self.rows[-1].end if self.rows else STAGE_HEADER_H

    def column(self, stage_id: str) -> Band:
        return next(c for c in self.columns if c.id == stage_id)

    def row(self, lane_id: str) -> Band:
        return next(r for r in self.rows if r.id == lane_id)

    def cell_box(self, stage_id: str, lane_id: str) -> Box:
        c, r = self.column(stage_id), self.row(lane_id)
        return Box(c.start, r.start, c.size, r.size)

    def card_box(self, stage_id: str, lane_id: str, index: int) -> Box:
        c, r = self.column(stage_id), self.row(lane_id)
        return card_box_in(c, r, index)

    def column_at(self, x: float) -> Band | None:
        return _band_at(self.columns, x)

    def row_at(self, y: float) -> Band | None:
        return _band_at(self.rows, y)

    def cell_at(self, x: float, y: float) -> tuple[str, str] | None:
        c, r = self.column_at(x), self.row_at(y)
        return None if c is None or r is None else (c.id, r.id)

    def insert_index(self, lane_id: str, y: float, n_cards: int) -> int:
        """Where a card dropped at height `y` goes in a cell holding `n_cards`."""
        r = self.row(lane_id)
        slot = (y - r.start - CELL_PAD + CARD_GAP / 2) / (CARD_H + CARD_GAP)
        return max(0, min(n_cards, round(slot)))

    def same_shape(self, other: Grid | None) -> bool:
        return other is not None and self.columns == other.columns and self.rows == other.rows


def card_box_in(column: Band, row: Band, index: int) -> Box:
    return Box(
        column.start + CELL_PAD,
        row.start + CELL_PAD + index * (CARD_H + CARD_GAP),
        max(column.size - 2 * CELL_PAD, 20.0),
        CARD_H,
    )


def _band_at(bands: Sequence[Band], pos: float) -> Band | None:
    starts = [b.start for b in bands]
    i = bisect_right(starts, pos) - 1
    if i < 0 or pos >= bands[i].end:
        return None
    return bands[i]


def compute_grid(
    stages: Sequence[tuple[str, float]],
    lanes: Sequence[tuple[str, float, bool]],
    fullest: Mapping[str, int],
) -> Grid:
    """Columns from stage widths; rows from lane heights, each grown to fit its fullest cell.

    `lanes` holds (id, stored height, is_emotion_lane); `fullest` the largest card count of a
    cell per lane. Emotion lanes keep room for their curve.
    """
    columns: list[Band] = []
    x = LANE_HEADER_W
    for stage_id, width in stages:
        columns.append(Band(stage_id, x, float(width)))
        x += width
    rows: list[Band] = []
    y = STAGE_HEADER_H
    for lane_id, height, is_emotion in lanes:
        h = max(float(height), stack_height(fullest.get(lane_id, 0)))
        if is_emotion:
            h = max(h, MIN_EMOTION_H)
        rows.append(Band(lane_id, y, h))
        y += h
    return Grid(tuple(columns), tuple(rows))


SCENE_STEP = 512.0


def stepped_extent(needed: float, current: float) -> float:
    """The scene's extent along one axis: `needed` rounded up to a SCENE_STEP multiple, or the
    `current` extent while that still holds `needed` with less than one step to spare.

    Every change of a QGraphicsScene's scene rect makes its BSP index re-file all items (5,000
    on a 2,000-card map, ~40 ms); growing a lane by one card must not do that each time.
    """
    if needed <= current < needed + SCENE_STEP:
        return current
    return max(SCENE_STEP, -(-needed // SCENE_STEP) * SCENE_STEP)


def rows_shifted(old: Grid, new: Grid) -> list[Band] | None:
    """The rows of `new` whose place or size differs from `old`, when only rows did (same
    columns, same lanes in the same order); None when the grid changed in any other way."""
    if old.columns != new.columns or [r.id for r in old.rows] != [r.id for r in new.rows]:
        return None
    return [r for r, o in zip(new.rows, old.rows, strict=True) if r != o]
