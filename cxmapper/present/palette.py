"""The channel palette: one glyph, colour and label per channel key, for canvas and workbook.

Touchpoints store the channel as typed ("E-mail", "mail", "website"); `channel_key` maps the
usual spellings to one key, so "mail" is e-mail on the canvas, in pictures and in Excel alike.
The canvas draws the strong `colour`; the workbook fills cards with its `tint` (the same hue,
pale enough for black text). Unknown channels get a neutral dot on the canvas and a stable
spare tint in the workbook, so different unknown channels stay apart there.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cache

from cxmapper.present.labels import channel_label

OTHER = "other"
TINT_SHARE = 0.82  # how far the workbook's fill moves from the colour towards white


@dataclass(frozen=True)
class Channel:
    key: str
    glyph: str
    colour: str  # '#rrggbb'

    @property
    def letter(self) -> str:  # the canvas item's name for the glyph
        return self.glyph

    @property
    def label(self) -> str:
        return channel_label(self.key) if self.key != OTHER else ""

    @property
    def tint(self) -> str:
        """The pale fill of a workbook card, 'RRGGBB'."""
        return tint_of(self.colour)


CHANNELS: dict[str, Channel] = {
    c.key: c
    for c in (
        Channel("web", "W", "#2563eb"),
        Channel("app", "A", "#7c3aed"),
        Channel("email", "@", "#0e7490"),
        Channel("store", "S", "#b45309"),
        Channel("call centre", "☎", "#be123c"),
        Channel("chat", "C", "#0f766e"),
        Channel("social", "#", "#db2777"),
        Channel("letter", "L", "#4d7c0f"),
        Channel("sms", "T", "#0369a1"),
        Channel("in person", "P", "#a16207"),
    )
}
ALIASES: dict[str, str] = {
    "e-mail": "email", "mail": "email", "website": "web", "online": "web", "mobile": "app",
    "mobile app": "app", "shop": "store", "branch": "store", "phone": "call centre",
    "call": "call centre", "call center": "call centre", "callcenter": "call centre",
    "telephone": "call centre", "live chat": "chat", "chatbot": "chat",
    "social media": "social", "post": "letter", "text": "sms", "face to face": "in person",
}  # fmt: skip
OTHER_CHANNEL = Channel(OTHER, "•", "#64748b")
_SPARE = ("E0F2FE", "FAE8FF", "FEF9C3", "D1FAE5", "FFE4E6", "EDE9FE", "F5F5F4", "CCFBF1")


@cache
def tint_of(colour: str) -> str:
    rgb = [int(colour.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4)]
    return "".join(f"{round(c + (255 - c) * TINT_SHARE):02X}" for c in rgb)


def channel_key(name: str) -> str | None:
    """The channel key of a typed channel name; OTHER when unknown, None when empty."""
    key = name.strip().lower()
    if not key:
        return None
    key = ALIASES.get(key, key)
    return key if key in CHANNELS else OTHER


def channel_style(name: str) -> Channel | None:
    """Glyph and colour of a typed channel; unknown names get a neutral dot, empty gets None."""
    key = channel_key(name)
    if key is None:
        return None
    return CHANNELS.get(key, OTHER_CHANNEL)


def channel_tint(name: str) -> str | None:
    """The workbook fill of a typed channel, 'RRGGBB'; None when empty."""
    chan = channel_style(name)
    if chan is None:
        return None
    if chan.key != OTHER:
        return chan.tint
    digest = hashlib.sha1(name.strip().lower().encode("utf-8")).digest()  # stable across runs
    return _SPARE[digest[0] % len(_SPARE)]
