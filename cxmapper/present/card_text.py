"""The text of a KPI reading on a card, shared by the canvas badges and the workbook's Map
sheet (and the pictures, which draw the canvas): number formats, the reading against its
target, and the status word from the label catalogue.

A KPI is anything with the fields below (`model.entities.Kpi`): this package sits below the
model and does not import it.
"""

from __future__ import annotations

from typing import Protocol

from cxmapper.present.labels import _, status_label
from cxmapper.present.locale_format import localise
from cxmapper.present.value_labels import DIRECTIONS, value_label


class KpiLike(Protocol):
    @property
    def name(self) -> str: ...
    @property
    def unit(self) -> str: ...
    @property
    def target(self) -> float | None: ...
    @property
    def direction(self) -> str: ...


def format_badge_value(value: float) -> str:
    """Short badge figures: 4.4, 12.3, 420, 1,234 (4,4 and 1.234 in Italian)."""
    return localise(f"{value:,.0f}" if abs(value) >= 100 else f"{value:.3g}")


def format_number(value: float | None) -> str:
    """'1,234', '3.9', '0.25': whole numbers without decimals, others without trailing zeros."""
    if value is None:
        return ""
    text = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0").rstrip(".")
    return localise(text)  # '3,38' and '1.234' in Italian


def format_reading(kpi: KpiLike, value: float) -> str:
    """'CSAT 3.9 (target ≥ 4.2)'; short word units are kept ('%', 'min'), others ('score',
    '1-5') dropped to keep cards short."""
    u = kpi.unit.strip()
    unit = u if u == "%" else (f" {u}" if u.isalpha() and len(u) <= 4 else "")
    text = f"{kpi.name} {format_number(value)}{unit}"
    if kpi.target is not None:
        arrow = "≥" if kpi.direction == "higher" else "≤"
        target = _("target {arrow} {value}").format(arrow=arrow, value=format_number(kpi.target))
        text += f" ({target}{unit})"
    return text


def reading_line(kpi: KpiLike, value: float, state: str) -> str:
    """The key KPI line of a workbook card: the reading and, with a target, its status word."""
    text = format_reading(kpi, value)
    return text + (f" · {status_label(state)}" if state != "none" else "")


def badge_tooltip(kpi: KpiLike, value: float, state: str) -> str:
    """What hovering a canvas badge shows: 'CSAT: 3.9 score (target 4.2, higher is better) ·
    off target'."""
    tip = f"{kpi.name}: {format_badge_value(value)} {kpi.unit}".rstrip()
    if kpi.target is not None:
        direction = value_label(DIRECTIONS, kpi.direction)
        tip += " (" + _("target {value}, {direction}").format(
            value=f"{kpi.target:g}", direction=direction) + ")"  # fmt: skip
    return tip + f" · {status_label(state)}"
