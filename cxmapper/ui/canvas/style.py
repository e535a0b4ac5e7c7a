"""Colours, fonts and channel glyphs of the canvas, in one place so cards, exports and the
legend agree, and presentation mode can scale them."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont

INK = QColor("#1f2933")
MUTED = QColor("#616e7c")
GRID = QColor("#d9dee4")
CANVAS_BG = QColor("#f4f6f8")
LANE_BG = (QColor("#ffffff"), QColor("#f8fafc"))
HEADER_BG = QColor("#2f3e4e")
HEADER_INK = QColor("#ffffff")
LANE_HEADER_BG = QColor("#e6eaef")
ACCENT = QColor("#2563eb")
HIGHLIGHT = QColor("#f59e0b")
CONNECTOR = QColor("#3e4c59")
UNEXPECTED = QColor("#c2410c")
CARD_BG = QColor("#ffffff")
CARD_BORDER = QColor("#c5ccd5")
STATUS_COLOURS = {
    "green": QColor("#16a34a"),
    "amber": QColor("#d97706"),
    "red": QColor("#dc2626"),
    "none": QColor("#94a3b8"),
}
EMOTION_COLOURS = {
    -2: QColor("#dc2626"),
    -1: QColor("#f97316"),
    0: QColor("#94a3b8"),
    1: QColor("#65a30d"),
    2: QColor("#16a34a"),
}


@dataclass(frozen=True)
class Channel:
    letter: str
    colour: QColor


CHANNELS: dict[str, Channel] = {
    "web": Channel("W", QColor("#2563eb")),
    "app": Channel("A", QColor("#7c3aed")),
    "email": Channel("@", QColor("#0891b2")),
    "store": Channel("S", QColor("#b45309")),
    "call centre": Channel("☎", QColor("#be123c")),
    "chat": Channel("C", QColor("#0d9488")),
    "social": Channel("#", QColor("#db2777")),
    "letter": Channel("L", QColor("#4d7c0f")),
    "sms": Channel("T", QColor("#0369a1")),
}
_ALIASES = {
    "e-mail": "email", "mail": "email", "website": "web", "online": "web", "mobile": "app",
    "mobile app": "app", "shop": "store", "branch": "store", "phone": "call centre",
    "call center": "call centre", "callcenter": "call centre", "telephone": "call centre",
    "live chat": "chat", "chatbot": "chat", "social media": "social", "post": "letter",
    "text": "sms",
}  # fmt: skip
OTHER_CHANNEL = Channel("•", QColor("#64748b"))


def channel_style(name: str) -> Channel | None:
    """The glyph and colour of a channel; unknown names get a neutral dot, empty gets None."""
    key = name.strip().lower()
    if not key:
        return None
    key = _ALIASES.get(key, key)
    return CHANNELS.get(key, OTHER_CHANNEL)


def heat_colour(fraction: float) -> QColor:
    """White -> yellow -> red, the overlay heat scale (0..1)."""
    f = min(max(fraction, 0.0), 1.0)
    if f <= 0.5:
        t = f / 0.5
        return QColor.fromRgbF(1.0, 1.0, 1.0 - 0.65 * t)
    t = (f - 0.5) / 0.5
    return QColor.fromRgbF(1.0, 1.0 - 0.6 * t, 0.35 - 0.2 * t)


def font(point_size: float, bold: bool = False) -> QFont:
    f = QFont()
    f.setPointSizeF(point_size)
    f.setBold(bold)
    return f
