"""The band a card's survey figure falls in (good / middling / poor), made in this one place.

The canvas badge colours by it and the "Voice of the customer" sheet can too; cut-offs are in
docs/metrics.md ("Feedback badges"). A figure with fewer than 30 answers has no band: it is
indicative only, so it is shown grey rather than green or red.
"""

from __future__ import annotations

INDICATIVE_BELOW = 30  # as feedback.measures.INDICATIVE_BELOW (kept headless: no pandas here)

# scale -> (poor below, good from): NPS in points, CSAT in % satisfied (4-5), CES mean on 1-7
CUT_OFFS: dict[str, tuple[float, float]] = {
    "nps": (0.0, 30.0),
    "csat": (60.0, 80.0),
    "ces": (4.0, 5.0),
}


def band(scale: str, value: float, n: int) -> str:
    """'green' (good), 'amber' (middling), 'red' (poor) or 'none' (indicative, n < 30)."""
    if n < INDICATIVE_BELOW:
        return "none"
    poor_below, good_from = CUT_OFFS[scale]
    if value < poor_below:
        return "red"
    return "green" if value >= good_from else "amber"
