"""How numbers read to people: one format for friction reasons, the CLI, the overlay and the
workbook. Pure presentation, so it lives with the labels in `cxmapper.present`."""

from __future__ import annotations

import math

from cxmapper.present.labels import _
from cxmapper.present.locale_format import localise


def format_duration(seconds: float | None) -> str:
    """'45 s', '12 min', '3.5 h', '2.1 days'; a dash when there is no value."""
    if seconds is None or math.isnan(seconds):
        return "–"
    if seconds < 120:
        return f"{seconds:.0f} s"
    if seconds < 7200:
        return f"{seconds / 60:.0f} min"
    if seconds < 172800:
        return localise(f"{seconds / 3600:.1f}") + " h"
    return _("{n} days").format(n=localise(f"{seconds / 86400:.1f}"))


def format_share(value: float | None) -> str:
    """'23%'; a dash when there is no value (no visitors, so no rate)."""
    return "–" if value is None or math.isnan(value) else f"{value:.0%}"


def format_ratio(ratio: float) -> str:
    """'3.4x', '27x', 'over 100x': beyond two digits the exact factor only distracts."""
    if ratio >= 100:
        return _("over 100x")
    return f"{ratio:.0f}x" if ratio >= 10 else localise(f"{ratio:.1f}") + "x"


def format_score(score: float | None) -> str:
    """A friction score as every surface shows it: one decimal, as computed ('28.4'), so the
    card, the list, the CLI and the workbook agree to the digit; a dash when there is none."""
    return "–" if score is None or math.isnan(score) else localise(f"{score:.1f}")
