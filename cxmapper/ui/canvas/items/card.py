"""A touchpoint card: paints what the workshop needs at a glance, nothing else.

The card holds a `CardContent` snapshot prepared by the scene (title, channel, owner name, KPI
statuses, counts), so painting never reads the workspace. Cards use DeviceCoordinateCache:
a frame at a fixed zoom is a blit per card instead of a Python paint call.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFocusEvent,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
)
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem, QStyleOptionGraphicsItem, QWidget

from cxmapper.present.labels import emotion_short
from cxmapper.ui.canvas import style
from cxmapper.ui.canvas.items.text import wrap_elide

HANDLE_R = 5.5
FOCUS_GAP = 4.0  # the keyboard focus ring sits this far outside the card
Z_CARD = 10.0
Z_CARD_DRAGGED = 40.0


@dataclass(frozen=True)
class Badge:
    text: str
    status: str  # green / amber / red / none
    tooltip: str = ""


@dataclass(frozen=True)
class CardContent:
    title: str
    channel: str = ""
    owner: str = ""
    badges: tuple[Badge, ...] = ()
    emotion: int | None = None  # None: not scored, no face
    comments: int = 0
    actions: int = 0
    is_goal: bool = False
    tags: tuple[str, ...] = field(default_factory=tuple)


_NO_PEN = QPen(Qt.PenStyle.NoPen)  # the rect only carries the bounds; nothing strokes it


@cache
def _fonts(scale: float) -> tuple[QFont, QFont, QFont]:
    return style.font(9.0 * scale, bold=True), style.font(7.5 * scale), style.font(7.0, bold=True)


class CardItem(QGraphicsRectItem):
    """One touchpoint. Selection and focus are Qt's; gestures are interpreted by the scene.

    A QGraphicsRectItem (no pen, no brush: `paint` draws everything) whose rect is the card's
    bounding rect, so Qt reads the bounds in C++: it asks for them for every card whose place
    changes (index and repaint bookkeeping, ~1,500 calls in the first frame after a lane of the
    2,000-card map grows) and for every card a frame draws, and a Python override costs a call
    into the interpreter each time.
    """

    def __init__(self, tp_id: str, content: CardContent, w: float, h: float) -> None:
        super().__init__()
        self.tp_id = tp_id
        self._w = w
        self._h = h
        self._content = content
        self._lines: list[str] | None = None
        self._tip_ready = False
        self._hover = False
        self._highlight = False
        self._link_target = False
        self._presentation = False
        self._heat: QColor | None = None
        self._ink: QColor | None = None
        self._overlay_label = ""
        self._overlay_tip = ""
        self._owner_room = 0.0  # kept free at the owner row's right (a channel badge is there)
        self.setFlags(
            QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
            | QGraphicsItem.GraphicsItemFlag.ItemIsFocusable
        )
        self.setAcceptHoverEvents(True)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setZValue(Z_CARD)
        self.setPen(_NO_PEN)
        self._bounds()
        self._refit()

    # -- state set by the scene -------------------------------------------------------------

    @property
    def content(self) -> CardContent:
        return self._content

    def set_content(self, content: CardContent) -> None:
        if content != self._content:
            self._content = content
            self._refit()
            self.update()

    def set_size(self, w: float, h: float) -> None:
        if (w, h) != (self._w, self._h):
            self._w, self._h = w, h
            self._bounds()  # setRect prepares Qt for the geometry change
            self._refit()
            for child in self.childItems():  # badges that sit relative to the right edge
                follow = getattr(child, "follow_card", None)
                if follow is not None:
                    follow()

    def set_owner_room(self, room: float) -> None:
        """Leave `room` free at the right of the owner row (the owner's name is shortened)."""
        if room != self._owner_room:
            self._owner_room = room
            self.update()

    def set_highlight(self, on: bool) -> None:
        if on != self._highlight:
            self._highlight = on
            self.update()

    def set_link_target(self, on: bool) -> None:
        if on != self._link_target:
            self._link_target = on
            self.update()

    def title_area(self) -> tuple[QRectF, float]:
        """Where the title is drawn (scene coordinates, two lines) and its point size: the
        in-place rename box sits exactly there, so the old title never shows around it."""
        scale = 1.15 if self._presentation else 1.0
        left = 34.0 if style.channel_style(self._content.channel) is not None else 12.0
        height = 2 * QFontMetricsF(_fonts(scale)[0]).height() + 6
        local = QRectF(left - 3, 5, self._w - left - 4, height)
        return self.mapRectToScene(local), 9.0 * scale

    def set_presentation(self, on: bool) -> None:
        if on != self._presentation:
            self._presentation = on
            self._refit()
            self.update()

    def set_overlay(
        self, heat: QColor | None, label: str, tooltip: str, ink: QColor | None = None
    ) -> None:
        """`heat` tints the card; `ink` is the text colour that contrasts with it."""
        self._heat, self._overlay_label, self._overlay_tip = heat, label, tooltip
        self._ink = ink
        self._refit()
        self.update()

    def _refit(self) -> None:
        """Forget the laid-out title and tooltip; they are rebuilt when next needed (painting
        or hovering), so building 2,000 cards does not lay out 2,000 titles."""
        self._lines = None
        self._tip_ready = False

    def _title_lines(self, title_font: QFont) -> list[str]:
        if self._lines is None:
            left = 34.0 if style.channel_style(self._content.channel) else 12.0
            width = self._w - left - (26.0 if self._content.is_goal else 10.0)
            self._lines = wrap_elide(self._content.title, QFontMetricsF(title_font), width, 2)
        return self._lines

    def tooltip_text(self) -> str:
        """What hovering shows: title, channel, owner, KPIs, counts and overlay figures."""
        c = self._content
        parts = [f"<b>{_esc(c.title)}</b>"]
        if c.channel:
            parts.append(f"Channel: {_esc(c.channel)}")
        if c.owner:
            parts.append(f"Owner: {_esc(c.owner)}")
        parts += [_esc(b.tooltip or b.text) for b in c.badges]
        parts.append(
            f"Emotion: {emotion_short(c.emotion)} · comments {c.comments} · actions {c.actions}"
        )
        if self._overlay_tip:
            parts.append(f"<hr>{self._overlay_tip}")
        return "<br>".join(parts)

    # -- geometry ----------------------------------------------------------------------------

    @property
    def size(self) -> tuple[float, float]:
        return self._w, self._h

    def _bounds(self) -> None:
        """What the card may paint: the focus ring, the handle and the overlay badge stick out."""
        self.setRect(QRectF(-FOCUS_GAP - 2, -10, self._w + HANDLE_R + FOCUS_GAP + 6, self._h + 16))

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRect(QRectF(0, 0, self._w, self._h))
        path.addEllipse(self.handle_centre(), HANDLE_R + 2, HANDLE_R + 2)
        return path

    def handle_centre(self) -> QPointF:
        return QPointF(self._w, self._h / 2)

    def on_handle(self, local: QPointF) -> bool:
        if self._presentation:
            return False
        d = local - self.handle_centre()
        return d.x() * d.x() + d.y() * d.y() <= (HANDLE_R + 3) ** 2

    # -- events ------------------------------------------------------------------------------

    def hoverEnterEvent(self, event: object) -> None:
        if not self._tip_ready:
            self.setToolTip(self.tooltip_text())
            self._tip_ready = True
        self._hover = True
        self.update()

    def hoverLeaveEvent(self, event: object) -> None:
        self._hover = False
        self.update()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()  # the focus ring (the cache keeps the old picture otherwise)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    # -- painting ----------------------------------------------------------------------------

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        c = self._content
        chan = style.channel_style(c.channel)
        rect = QRectF(0, 0, self._w, self._h)
        selected = self.isSelected()
        border = (
            QPen(style.ACCENT, 3.0)
            if self._link_target
            else QPen(style.ACCENT, 2.0)
            if selected
            else QPen(style.HIGHLIGHT, 3.0)
            if self._highlight
            else QPen(style.CARD_BORDER, 1.0)
        )
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, lod > 0.3)
        if self.hasFocus() and not self._presentation:
            # where the keyboard is: a dark dashed ring outside the border, so it shows on
            # every tint and besides the blue of selection (WCAG 2.4.7, focus visible)
            painter.setPen(QPen(style.INK, 1.5, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            g = FOCUS_GAP - 1
            painter.drawRoundedRect(rect.adjusted(-g, -g, g, g), 8, 8)
        painter.setPen(border)
        painter.setBrush(QBrush(self._heat or style.CARD_BG))
        painter.drawRoundedRect(rect, 6, 6)
        if chan is not None:
            strip = QPainterPath()
            strip.addRoundedRect(QRectF(0.5, 0.5, 5, self._h - 1), 3, 3)
            painter.fillPath(strip, chan.colour)
        if lod < 0.35:  # zoomed far out: a coloured block with a title bar reads better
            painter.fillRect(QRectF(10, 10, self._w * 0.7, 12), style.MUTED)
            return
        title_font, small_font, badge_font = _fonts(1.15 if self._presentation else 1.0)
        left = 12.0
        if chan is not None:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(chan.colour)
            painter.drawEllipse(QRectF(11, 8, 18, 18))
            painter.setPen(style.HEADER_INK)
            painter.setFont(badge_font)
            painter.drawText(QRectF(11, 8, 18, 18), Qt.AlignmentFlag.AlignCenter, chan.letter)
            left = 34.0
        painter.setPen(self._ink or style.INK)
        painter.setFont(title_font)
        line_h = QFontMetricsF(title_font).height()
        for i, line in enumerate(self._title_lines(title_font)):
            painter.drawText(
                QPointF(left, 8 + QFontMetricsF(title_font).ascent() + i * line_h), line
            )
        if c.is_goal:
            _draw_star(painter, QPointF(self._w - 13, 15), 7)
        painter.setFont(small_font)
        if c.owner:
            painter.setPen(self._ink or style.MUTED)
            owner_rect = QRectF(12, self._h - 42, self._w - 24 - self._owner_room, 16)
            painter.drawText(
                owner_rect,
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                QFontMetricsF(small_font).elidedText(
                    f"● {c.owner}", Qt.TextElideMode.ElideRight, owner_rect.width()
                ),
            )
        right = self._draw_indicators(painter, small_font)
        self._draw_badges(painter, badge_font, right)
        if self._overlay_label:
            self._draw_overlay_badge(painter, badge_font)
        if (self._hover or selected) and not self._presentation:
            painter.setPen(QPen(style.ACCENT, 1.5))
            painter.setBrush(style.CARD_BG)
            painter.drawEllipse(self.handle_centre(), HANDLE_R, HANDLE_R)

    def _draw_indicators(self, painter: QPainter, font: QFont) -> float:
        """Emotion face, comment and action counts along the bottom right; returns free x."""
        c = self._content
        fm = QFontMetricsF(font)
        y = self._h - 20
        x = self._w - 10
        for count, kind in ((c.actions, "action"), (c.comments, "comment")):
            if not count:
                continue
            text = str(count)
            tw = fm.horizontalAdvance(text)
            x -= tw
            painter.setPen(style.MUTED)
            painter.drawText(QRectF(x, y, tw + 1, 14), Qt.AlignmentFlag.AlignVCenter, text)
            x -= 13
            _draw_icon(painter, kind, QRectF(x, y + 2, 11, 10))
            x -= 6
        if c.emotion is None:  # not scored: no face, so it is not read as "neutral"
            return x - 4
        x -= 15
        _draw_face(painter, QRectF(x, y, 14, 14), c.emotion)
        return x - 4

    def _draw_badges(self, painter: QPainter, font: QFont, right: float) -> None:
        painter.setFont(font)  # the pills are measured with it (presentation enlarges the rest)
        fm = QFontMetricsF(font)
        x = 12.0
        y = self._h - 21
        badges = list(self._content.badges)
        for i, b in enumerate(badges):
            text = b.text
            w = fm.horizontalAdvance(text) + 10
            rest = len(badges) - i - 1
            if x + w > right - (22 if rest else 0):
                text, w = f"+{len(badges) - i}", fm.horizontalAdvance(f"+{len(badges) - i}") + 10
                if x + w > right:
                    break
                b = Badge(text, "none")
                rest = 0
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(style.STATUS_COLOURS.get(b.status, style.STATUS_COLOURS["none"]))
            painter.drawRoundedRect(QRectF(x, y, w, 15), 7, 7)
            painter.setPen(style.HEADER_INK)
            painter.drawText(QRectF(x, y, w, 15), Qt.AlignmentFlag.AlignCenter, text)
            x += w + 4
            if text.startswith("+") and b.status == "none" and not rest:
                break

    def overlay_badge_rect(self) -> QRectF | None:
        """Where the overlay's number badge is drawn (item coordinates; it sticks out above
        the card into the gap the dashed paths run in, which are kept off it); None without."""
        if not self._overlay_label:
            return None
        w = QFontMetricsF(_fonts(1.0)[2]).horizontalAdvance(self._overlay_label) + 12
        return QRectF(self._w - w - 6, -8, w, 16)

    def _draw_overlay_badge(self, painter: QPainter, font: QFont) -> None:
        r = self.overlay_badge_rect()
        if r is None:
            return
        painter.setPen(QPen(style.CARD_BG, 1.5))
        painter.setBrush(style.INK)
        painter.drawRoundedRect(r, 8, 8)
        painter.setPen(style.HEADER_INK)
        painter.setFont(font)
        painter.drawText(r, Qt.AlignmentFlag.AlignCenter, self._overlay_label)


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _draw_face(painter: QPainter, r: QRectF, score: int) -> None:
    """A small face: colour and mouth curvature follow the emotion score."""
    colour = style.EMOTION_COLOURS.get(score, style.EMOTION_COLOURS[0])
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawEllipse(r)
    painter.setBrush(style.HEADER_INK)
    eye = r.width() * 0.09
    painter.drawEllipse(QPointF(r.x() + r.width() * 0.33, r.y() + r.height() * 0.38), eye, eye)
    painter.drawEllipse(QPointF(r.x() + r.width() * 0.67, r.y() + r.height() * 0.38), eye, eye)
    mouth = QPainterPath()
    y = r.y() + r.height() * 0.66
    mouth.moveTo(r.x() + r.width() * 0.28, y)
    mouth.quadTo(
        QPointF(r.center().x(), y + score * r.height() * 0.09), QPointF(r.x() + r.width() * 0.72, y)
    )
    pen = QPen(style.HEADER_INK, 1.2)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(mouth)


def _draw_icon(painter: QPainter, kind: str, r: QRectF) -> None:
    painter.setPen(QPen(style.MUTED, 1.1))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    if kind == "comment":
        bubble = QPainterPath()
        bubble.addRoundedRect(QRectF(r.x(), r.y(), r.width(), r.height() * 0.75), 2, 2)
        bubble.moveTo(r.x() + 3, r.y() + r.height() * 0.75)
        bubble.lineTo(r.x() + 2, r.bottom())
        bubble.lineTo(r.x() + 6, r.y() + r.height() * 0.75)
        painter.drawPath(bubble)
    else:
        painter.drawRoundedRect(r, 2, 2)
        tick = QPainterPath()
        tick.moveTo(r.x() + 2.5, r.center().y())
        tick.lineTo(r.x() + 4.5, r.bottom() - 2.5)
        tick.lineTo(r.right() - 2, r.y() + 2.5)
        painter.drawPath(tick)


def _draw_star(painter: QPainter, c: QPointF, r: float) -> None:
    import math

    path = QPainterPath()
    for i in range(10):
        radius = r if i % 2 == 0 else r * 0.45
        a = -math.pi / 2 + i * math.pi / 5
        p = QPointF(c.x() + radius * math.cos(a), c.y() + radius * math.sin(a))
        if i == 0:
            path.moveTo(p)
        else:
            path.lineTo(p)
    path.closeSubpath()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.fillPath(path, style.HIGHLIGHT)
