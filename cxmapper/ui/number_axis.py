"""A pyqtgraph value axis whose tick labels are written as the app's language writes numbers.

Why: pyqtgraph formats ticks with `"%g"` / `"%0.Nf"`, so an Italian funnel read "10200" and
"0.5" where an Italian reader expects "10.200" and "0,5". The tick positions pyqtgraph picks
are kept; only their text goes through `ui.locale_format.number` (QLocale's grouping and
decimal mark). Every analysis chart with counts or rates uses this axis.
"""

from __future__ import annotations

from math import ceil, isfinite, log10
from typing import Any

import pyqtgraph as pg

from cxmapper.ui.locale_format import number


def tick_text(value: float, spacing: float) -> str:
    """`value` with as many decimals as the tick `spacing` needs (none for 1, 10, 1000...)."""
    if not isfinite(value):
        return ""
    places = max(0, ceil(-log10(spacing))) if spacing > 0 and isfinite(spacing) else 0
    if abs(value) < 10 ** (-places) / 2:  # -0.0 and rounding noise read "0"
        value = 0.0
    return number(value, places)


class LocaleNumberAxis(pg.AxisItem):  # type: ignore[misc]  # pyqtgraph is untyped (Any)
    """`AxisItem` for counts and rates: locale grouping and decimal mark, no SI prefixes
    (a "k" or "x1e+06" beside the axis is neither Italian nor English prose)."""

    def __init__(self, orientation: str = "left", **kwargs: Any) -> None:
        super().__init__(orientation, **kwargs)
        self.enableAutoSIPrefix(False)

    def tickStrings(self, values: Any, scale: Any, spacing: Any) -> list[str]:
        if self.logMode:
            return list(super().tickStrings(values, scale, spacing))
        return [tick_text(float(v) * scale, float(spacing) * scale) for v in values]


def value_axes(*sides: str) -> dict[str, LocaleNumberAxis]:
    """Number axes on `sides` (default the left one) for `pg.PlotWidget(axisItems=...)`.
    Only the sides a chart shows: pyqtgraph shows every axis it is given."""
    return {side: LocaleNumberAxis(side) for side in sides or ("left",)}


__all__ = ["LocaleNumberAxis", "tick_text", "value_axes"]
