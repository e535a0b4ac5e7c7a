"""Words for survey figures (NPS, CSAT, CES with n and interval), made in this one place.

Takes plain numbers so it stays independent of the feedback package; the inspector, the canvas
badge and the "Voice of the customer" sheet all read these texts.
"""

from __future__ import annotations

from cxmapper.present.labels import N_, _
from cxmapper.present.locale_format import format_number, localise

SCALE_NAMES = {"nps": N_("NPS"), "csat": N_("CSAT"), "ces": N_("CES")}
INDICATIVE = N_("indicative: fewer than 30 responses")
NO_RESPONSES = N_("no survey responses linked to this card")


def signed(value: float) -> str:
    """An NPS as people write it: +12, -5, 0."""
    rounded = round(value)
    return f"{rounded:+d}" if rounded else "0"


def nps_text(value: float, low: float, high: float, n: int) -> str:
    return _("{value} (95 % interval {low} to {high}), n={n}").format(
        value=signed(value), low=signed(low), high=signed(high), n=n
    )


def csat_text(pct: float, mean: float, n: int) -> str:
    """Figures with the language's decimal mark: an Italian card read "media 4.27"."""
    return _("{pct} % satisfied (4–5), mean {mean}, n={n}").format(
        pct=format_number(pct), mean=format_number(mean, 2), n=n
    )


def ces_text(mean: float, easy_pct: float, n: int) -> str:
    return _("mean {mean}, {pct} % easy (5–7), n={n}").format(
        mean=format_number(mean, 2), pct=format_number(easy_pct), n=n
    )


def badge_text(scale: str, value: float, n: int) -> str:
    """The canvas badge: 'NPS +12 (n=40)', 'CSAT 85 % (n=40)', 'CES 5.1 (n=40)'."""
    name = _(SCALE_NAMES[scale])
    shown = {"nps": signed(value), "csat": f"{value:.0f} %", "ces": localise(f"{value:.1f}")}[scale]
    return f"{name} {shown} (n={n})"


def scale_name(scale: str) -> str:
    return _(SCALE_NAMES[scale])


def indicative() -> str:
    return _(INDICATIVE)


def no_responses() -> str:
    return _(NO_RESPONSES)
