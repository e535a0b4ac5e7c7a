"""The one heat scale of every overlay: canvas cards and legend, PNG/SVG/PDF and the workbook.

Colour-blind safe: the stops are the light part of matplotlib's perceptually uniform 'magma'
map (viridis family), so lightness falls steadily from the palest to the darkest end and the
order reads the same with any colour vision, and in grey print. The dark end stops where
dark text still has WCAG AA contrast (4.5:1); `heat_ink` picks the text colour per step anyway,
so a darker scale later cannot make text unreadable.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

# magma(1.0), (0.93), (0.86), (0.79), (0.72): palest (0) to darkest (1)
HEAT_STOPS: tuple[tuple[int, int, int], ...] = (
    (0xFC, 0xFD, 0xBF),
    (0xFD, 0xDE, 0xA0),
    (0xFE, 0xBD, 0x82),
    (0xFD, 0x9B, 0x6B),
    (0xF9, 0x79, 0x5D),
)
DARK_INK = (0x1F, 0x29, 0x33)  # the canvas's and workbook's text colour
LIGHT_INK = (0xFF, 0xFF, 0xFF)
NO_VALUE = (0xF3, 0xF4, 0xF6)  # a card without a value: neutral grey, not the scale's start


def heat_rgb(fraction: float | None) -> tuple[int, int, int]:
    """The colour for `fraction` (0 palest .. 1 darkest, clamped), linear between the stops;
    None (no value) is neutral grey."""
    if fraction is None or fraction != fraction:  # NaN
        return NO_VALUE
    f = min(max(float(fraction), 0.0), 1.0) * (len(HEAT_STOPS) - 1)
    i = min(int(f), len(HEAT_STOPS) - 2)
    t = f - i
    a, b = HEAT_STOPS[i], HEAT_STOPS[i + 1]
    return (
        round(a[0] + (b[0] - a[0]) * t),
        round(a[1] + (b[1] - a[1]) * t),
        round(a[2] + (b[2] - a[2]) * t),
    )


def hex_of(rgb: tuple[int, int, int]) -> str:
    """'F9795D': the form openpyxl takes (prefix '#' for Qt)."""
    return "".join(f"{c:02X}" for c in rgb)


def heat_hex(fraction: float | None) -> str:
    return hex_of(heat_rgb(fraction))


def luminance(rgb: tuple[int, int, int]) -> float:
    """WCAG relative luminance."""

    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    """WCAG contrast ratio, 1 (none) to 21."""
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def heat_ink(fraction: float | None) -> tuple[int, int, int]:
    """The text colour on `heat_rgb(fraction)`: dark or white, whichever contrasts more."""
    bg = heat_rgb(fraction)
    return DARK_INK if contrast(bg, DARK_INK) >= contrast(bg, LIGHT_INK) else LIGHT_INK


@dataclass(frozen=True)
class HeatRange:
    """The values one journey's heat spans: the palest tint is its lowest shown value, the
    darkest its highest. Friction scores of one dataset often sit in a narrow low band (the
    demo's worst is 28/100): on the absolute 0..100 scale every card would get the same pale
    tint, so the canvas, the pictures and the workbook all colour relative to this range."""

    low: float
    high: float

    def fraction(self, value: float | None) -> float | None:
        """Where `value` sits on the scale, 0 (lowest shown) .. 1 (highest); None for no value.
        When every shown value is the same, a non-zero value is the darkest (it is the worst
        there is) and zero the palest (nothing to worry about)."""
        if value is None or value != value:  # NaN
            return None
        span = self.high - self.low
        if span <= 1e-12:
            return 1.0 if value > 0 else 0.0
        return min(max((float(value) - self.low) / span, 0.0), 1.0)


def heat_range(values: Iterable[float | None]) -> HeatRange | None:
    """The one range normalisation of every heat overlay: min..max of the values that are
    shown (None and NaN skipped); None when there is no value at all."""
    shown = [float(v) for v in values if v is not None and v == v]
    return HeatRange(min(shown), max(shown)) if shown else None
