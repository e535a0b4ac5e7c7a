"""Cell backgrounds, stage and lane headers: the grid the cards sit in.

Headers are pinned by the scene (repositioned on scroll), so they stay readable on a big map.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QLinearGradient, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from cxmapper.present.choice_labels import LANE_KINDS, choice_label
from cxmapper.ui.canvas import style

Z_CELL = 0.0
Z_LANE_HEADER = 60.0
Z_STAGE_HEADER = 70.0
Z_CORNER = 80.0
EDGE = 6.0  # grab zone for resizing, in scene units
# the emotion lane's wash, top (delight) to bottom (pain): green and red at 11 % over white
EMOTION_BAND = (QColor("#e5f5eb"), QColor("#ffffff"), QColor("#fbe7e7"))


def stage_subtitle(cards: int) -> str:
    """'5 touchpoints' under a stage's name, in the user's language."""
    if cards == 1:
        return QCoreApplication.translate("CanvasGrid", "1 touchpoint")
    return QCoreApplication.translate("CanvasGrid", "{n} touchpoints").format(n=cards)


def lane_subtitle(kind: str, name: str = "") -> str:
    """The lane's kind ('Channel') under its name: the stored key's word; '' when the name
    already is that word, in the current language or the kind's English default name
    (an Italian map read "Pensieri / Pensieri")."""
    label = choice_label(LANE_KINDS, kind)
    same = {" ".join(w.split()).casefold() for w in (label, LANE_KINDS.get(kind, kind))}
    return "" if " ".join(name.split()).casefold() in same else label


class LaneCellsItem(QGraphicsItem):
    """The backgrounds of one lane's cells (stage x lane), drawn by one item. Not
    mouse-accepting, so a press on it starts a rubber band; the scene marks the current cell
    and the drop target through `set_current` and `set_drop_line`, by stage id.

    One item per lane, not one per cell (issue 18): a growing lane changes one item, and the
    lanes below move one item each instead of ~20 (190 fewer items on the 2,000-card map,
    set_journey ~10 ms faster). The first frame after an edit barely moved (add card ~0.3 ms,
    undo none; benchmarks/bench_canvas.py): its cost was the repaint, not the cell items. Not
    cached: a lane is as cheap to paint as its pixmap is to draw, and a growing lane would
    re-allocate that pixmap.
    """

    def __init__(self, lane_id: str) -> None:
        super().__init__()
        self.lane_id = lane_id
        self._rect = QRectF()
        self._columns: list[tuple[str, float, float]] = []  # stage id, local x, width
        self._shade = 0
        self._emotion = False
        self._current: str | None = None
        self._drop: tuple[str, float] | None = None
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(Z_CELL)

    def set_geometry(
        self,
        columns: list[tuple[str, float, float]],
        top: float,
        height: float,
        shade: int,
        emotion: bool,
    ) -> None:
        """Place the lane: `columns` are (stage id, scene x, width), left to right."""
        left = columns[0][1] if columns else 0.0
        local = [(s, x - left, w) for s, x, w in columns]
        width = sum(w for _, _, w in columns)
        rect = QRectF(0, 0, width, height)
        if (rect, local, shade, emotion) != (self._rect, self._columns, self._shade, self._emotion):
            self.prepareGeometryChange()
            self._rect, self._columns = rect, local
            self._shade, self._emotion = shade, emotion
            self.update()
        self.setPos(left, top)

    def cell_rect(self, stage_id: str) -> QRectF | None:
        """A cell's rectangle in scene coordinates (None if the stage is not in this lane)."""
        for s, x, w in self._columns:
            if s == stage_id:
                return QRectF(self.pos().x() + x, self.pos().y(), w, self._rect.height())
        return None

    def stage_at(self, local: QPointF) -> str | None:
        """The stage whose cell holds `local` (item coordinates), or None."""
        if not 0 <= local.y() < self._rect.height():
            return None
        for s, x, w in self._columns:
            if x <= local.x() < x + w:
                return s
        return None

    @property
    def current_stage(self) -> str | None:
        """The stage whose cell in this lane is marked current, if any."""
        return self._current

    @property
    def drop_stage(self) -> str | None:
        """The stage whose cell in this lane shows the drop line, if any."""
        return None if self._drop is None else self._drop[0]

    def set_current(self, stage_id: str | None) -> None:
        if stage_id != self._current:
            self._current = stage_id
            self.update()

    def set_drop_line(self, stage_id: str | None, y: float | None = None) -> None:
        """Show where a dragged card would land (a stage's cell, a y in lane coordinates), or
        hide it (None)."""
        drop = None if stage_id is None or y is None else (stage_id, y)
        if drop != self._drop:
            self._drop = drop
            self.update()

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-1, -1, 1, 1)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        h = self._rect.height()
        if self._emotion:  # opaque stops: PDF drops a gradient's alpha (a saturated block)
            g = QLinearGradient(0, 0, 0, h)
            g.setColorAt(0.0, EMOTION_BAND[0])
            g.setColorAt(0.5, EMOTION_BAND[1])
            g.setColorAt(1.0, EMOTION_BAND[2])
            fill = QBrush(g)
        else:
            fill = QBrush(style.LANE_BG[self._shade % 2])
        for _, x, w in self._columns:  # fills first: a cell's fill never covers a line
            painter.fillRect(QRectF(x, 0, w, h), fill)
        painter.setPen(QPen(style.GRID, 0))
        for _, x, w in self._columns:
            painter.drawLine(QPointF(x + w, 0), QPointF(x + w, h))
        painter.drawLine(QPointF(0, h), QPointF(self._rect.width(), h))
        for s, x, w in self._columns:
            r = QRectF(x, 0, w, h)
            if s == self._current:
                painter.setPen(QPen(style.ACCENT, 2, Qt.PenStyle.DashLine))
                painter.setBrush(QColor(37, 99, 235, 14))
                painter.drawRect(r.adjusted(2, 2, -2, -2))
            if self._drop is not None and self._drop[0] == s:
                y = self._drop[1]
                painter.fillRect(r, QColor(37, 99, 235, 22))
                painter.setPen(QPen(style.ACCENT, 1.5))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(r.adjusted(1, 1, -1, -1))
                painter.setPen(QPen(style.ACCENT, 3))
                painter.drawLine(QPointF(x + 8, y), QPointF(x + w - 8, y))
                painter.setBrush(style.ACCENT)
                painter.drawEllipse(QPointF(x + 8, y), 4, 4)


class HeaderItem(QGraphicsItem):
    """Base of stage and lane headers: a named band that can be selected, dragged, resized."""

    kind = ""

    def __init__(self, entity_id: str, name: str) -> None:
        super().__init__()
        self.entity_id = entity_id
        self.name = name
        self.subtitle = ""
        self._rect = QRectF()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setAcceptHoverEvents(True)

    def set_text(self, name: str, subtitle: str) -> None:
        if (name, subtitle) != (self.name, self.subtitle):
            self.name, self.subtitle = name, subtitle
            self.update()

    def set_size(self, w: float, h: float) -> None:
        if (w, h) != (self._rect.width(), self._rect.height()):
            self.prepareGeometryChange()
            self._rect = QRectF(0, 0, w, h)

    def rect(self) -> QRectF:
        return self._rect

    def boundingRect(self) -> QRectF:
        return self._rect

    def on_edge(self, local: QPointF) -> bool:
        raise NotImplementedError

    def hoverMoveEvent(self, event: object) -> None:
        pos = event.pos()  # type: ignore[attr-defined]
        if self.on_edge(pos):
            cursor = (
                Qt.CursorShape.SizeHorCursor
                if self.kind == "stage"
                else Qt.CursorShape.SizeVerCursor
            )
            self.setCursor(cursor)
        else:
            self.unsetCursor()


class StageHeaderItem(HeaderItem):
    kind = "stage"

    def __init__(self, entity_id: str, name: str) -> None:
        super().__init__(entity_id, name)
        self.setZValue(Z_STAGE_HEADER)

    def set_count(self, name: str, cards: int) -> None:
        self.set_text(name, stage_subtitle(cards))

    def on_edge(self, local: QPointF) -> bool:
        return local.x() >= self._rect.width() - EDGE

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        r = self._rect
        painter.fillRect(r, style.ACCENT.darker(150) if self.isSelected() else style.HEADER_BG)
        painter.setPen(QPen(QColor("#4a5b6d"), 0))
        painter.drawLine(r.topRight(), r.bottomRight())
        f = style.font(10.0, bold=True)
        painter.setFont(f)
        painter.setPen(style.HEADER_INK)
        text_rect = r.adjusted(12, 4, -12, -16 if self.subtitle else -4)
        painter.drawText(
            text_rect,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            QFontMetricsF(f).elidedText(self.name, Qt.TextElideMode.ElideRight, text_rect.width()),
        )
        if self.subtitle:
            painter.setFont(style.font(7.5))
            painter.setPen(QColor("#b8c4d0"))
            painter.drawText(
                r.adjusted(12, r.height() - 20, -12, -4),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                self.subtitle,
            )


class LaneHeaderItem(HeaderItem):
    kind = "lane"

    def __init__(self, entity_id: str, name: str) -> None:
        super().__init__(entity_id, name)
        self.setZValue(Z_LANE_HEADER)

    def set_kind(self, name: str, kind: str) -> None:
        self.set_text(name, lane_subtitle(kind, name))

    def on_edge(self, local: QPointF) -> bool:
        return local.y() >= self._rect.height() - EDGE

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        r = self._rect
        painter.fillRect(r, QColor("#dbe6f7") if self.isSelected() else style.LANE_HEADER_BG)
        painter.setPen(QPen(style.GRID, 0))
        painter.drawLine(r.bottomLeft(), r.bottomRight())
        painter.setPen(QPen(QColor("#c0c8d2"), 0))
        painter.drawLine(r.topRight(), r.bottomRight())
        f = style.font(9.5, bold=True)
        painter.setFont(f)
        painter.setPen(style.INK)
        fm = QFontMetricsF(f)
        painter.drawText(
            QRectF(12, 10, r.width() - 20, fm.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            fm.elidedText(self.name, Qt.TextElideMode.ElideRight, r.width() - 20),
        )
        if self.subtitle:
            painter.setFont(style.font(7.5))
            painter.setPen(style.MUTED)
            painter.drawText(
                QRectF(12, 12 + fm.height(), r.width() - 20, 16),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                self.subtitle,
            )


class CornerItem(QGraphicsItem):
    """Covers the top-left corner where the pinned header bands cross; shows the journey."""

    def __init__(self) -> None:
        super().__init__()
        self.title = ""
        self._rect = QRectF()
        self.setZValue(Z_CORNER)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def set_geometry(self, w: float, h: float, title: str) -> None:
        self.prepareGeometryChange()
        self._rect = QRectF(0, 0, w, h)
        self.title = title
        self.update()

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        r = self._rect
        painter.fillRect(r, style.HEADER_BG.darker(115))
        f = style.font(8.5, bold=True)
        painter.setFont(f)
        painter.setPen(QColor("#dbe3ec"))
        painter.drawText(
            r.adjusted(12, 4, -8, -4),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            QFontMetricsF(f).elidedText(self.title, Qt.TextElideMode.ElideRight, r.width() - 20),
        )
