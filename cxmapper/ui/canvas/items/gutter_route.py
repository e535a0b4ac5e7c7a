"""Routes for the dashed unexpected paths that keep off the cards' titles.

A smooth curve from card to card (as model connectors are drawn) cuts straight through the
cards in between, and a dozen dashed curves over the titles make the map unreadable. These
routes leave the source card at its bottom edge, run in the gap below it (every card row of
a lane starts at the same height in every column, so that gap is a gap in every column of the
lane) to the gutter beside the target's stage column, along that gutter (which no card ever
occupies), and enter the target from the side, below its title.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainterPath

from cxmapper.ui.canvas import layout

CORNER = 8.0  # radius of the rounded bends
HEAD = 9.0  # arrow head length, as the model connectors'
ENTER_ABOVE_BOTTOM = 22.0  # the arrow enters the target's side this far above its bottom edge,
# below the two title lines (which end about 40 px below the card's top)
SPREAD = 4.0  # px between paths sharing a gutter or a card edge (offset -1, 0, +1 steps)


def gutter_points(src: QRectF, dst: QRectF, offset: int = 0) -> list[QPointF]:
    """The bends of the route from `src` to `dst` (card rectangles, scene coordinates);
    `offset` (-1, 0 or 1) shifts it sideways so paths sharing a gutter stay apart."""
    shift = offset * SPREAD
    sx = src.center().x() + 2 * shift
    below_src = src.bottom() + layout.CARD_GAP / 2 + shift / 2
    enter_y = dst.bottom() - ENTER_ABOVE_BOTTOM + shift
    if dst.center().x() > src.center().x() + 1:  # further right: enter on the left side
        side, gutter = dst.left(), dst.left() - layout.CELL_PAD + shift
    else:  # further left or the same column: enter on the right side
        side, gutter = dst.right(), dst.right() + layout.CELL_PAD + shift
    raw = [
        QPointF(sx, src.bottom()),
        QPointF(sx, below_src),
        QPointF(gutter, below_src),
        QPointF(gutter, enter_y),
        QPointF(side, enter_y),
    ]
    points = [raw[0]]
    for p in raw[1:]:
        if math.hypot(p.x() - points[-1].x(), p.y() - points[-1].y()) > 0.5:
            points.append(p)
    return points


def gutter_route(src: QRectF, dst: QRectF, offset: int = 0) -> QPainterPath:
    """The route of `gutter_points` with rounded bends and an open arrow head into `dst`."""
    points = gutter_points(src, dst, offset)
    path = QPainterPath(points[0])
    for i in range(1, len(points) - 1):
        prev, here, nxt = points[i - 1], points[i], points[i + 1]
        d_in = math.hypot(here.x() - prev.x(), here.y() - prev.y())
        d_out = math.hypot(nxt.x() - here.x(), nxt.y() - here.y())
        r = min(CORNER, d_in / 2, d_out / 2)
        a = here + (prev - here) * (r / d_in)
        b = here + (nxt - here) * (r / d_out)
        path.lineTo(a)
        path.quadTo(here, b)
    end = points[-1]
    path.lineTo(end)
    # the last leg runs sideways into the card, below its title: an open head along it
    back = HEAD if points[-2].x() < end.x() else -HEAD
    path.moveTo(end.x() - back, end.y() - HEAD * 0.5)
    path.lineTo(end)
    path.lineTo(end.x() - back, end.y() + HEAD * 0.5)
    return path
