"""The plain-text form of `cxmapper feedback` (the JSON form is `feedback.report_json`)."""

from __future__ import annotations

import sys
from typing import Any

from cxmapper.present.labels import N_, _
from cxmapper.present.locale_format import format_number
from cxmapper.present.topic_labels import topic_label
from cxmapper.present.voice_sheet_labels import measure_label

BEHAVIOUR_LABELS = {
    "went": N_("went through"),
    "repeated": N_("repeated"),
    "stepped_back": N_("stepped back"),
    "waited": N_("waited over p90"),
    "dropped_off": N_("dropped off"),
}
# what the survey import masks in comments (feedback.privacy.MASKS): '17 email, 3 phone no.'
MASK_LABELS = {
    "email": N_("email"),
    "iban": N_("IBAN"),
    "card": N_("card no."),
    "phone": N_("phone no."),
}
# the feedback package's verdicts and not-linked reasons, worded for the reader
WORDS = {
    "improved": N_("improved"),
    "no detectable change": N_("no detectable change"),
    "worse": N_("worse"),
    "mixed": N_("mixed"),
    "not enough data": N_("not enough data"),
    "case id not in the event log": N_("case id not in the event log"),
    "no mapped event of the case within the window before the response": N_(
        "no mapped event of the case within the window before the response"
    ),
    "touchpoint column matches no card": N_("touchpoint column matches no card"),
    "no event dataset for the journey to find the case in": N_(
        "no event dataset for the journey to find the case in"
    ),
}


def _word(text: str) -> str:
    return _(WORDS[text]) if text in WORDS else text


def _fmt(value: float | None, pattern: str = "{:.0f}") -> str:
    return "-" if value is None else pattern.format(value)


def print_feedback(data: dict[str, Any], journey: str, top_drivers: int = 10) -> None:
    out = sys.stdout
    j = data["journey"]
    out.write(_("{journey}: {n} responses, {card} linked to a card, {case} to a case").format(
        journey=journey, n=format_number(data["n_responses"]), card=f"{data['share_linked']:.0%}",
        case=f"{data['share_linked_case']:.0%}") + "\n")  # fmt: skip
    out.write(
        f"NPS {_fmt(j['nps'])} [{_fmt(j['nps_low'])}, {_fmt(j['nps_high'])}] (n={j['nps_n']:,})"
        f"  CSAT {_fmt(j['csat_pct'], '{:.0f}%')}  CES {_fmt(j['ces_mean'], '{:.1f}')}\n"
    )
    for note in data["notes"]:
        out.write(_("note: {text}").format(text=note) + "\n")
    for miss in data["not_linked"]:
        shown = ", ".join(miss["examples"][:3])
        out.write(
            _("not linked: {n} ({reason}; e.g. {examples})").format(
                n=format_number(miss["responses"]), reason=_word(miss["reason"]), examples=shown
            )
            + "\n"
        )
    out.write(f"\n{_('touchpoint'):<32} {'n':>6} {'NPS':>5} {_('95% interval'):>13} {'CSAT':>5} "
              f"{'CES':>4}  {_('top topics')}\n")  # fmt: skip
    for c in data["touchpoints"]:
        mark = "~" if c["indicative"] else " "
        interval = f"[{_fmt(c['nps_low'])}, {_fmt(c['nps_high'])}]"
        topics = ", ".join(f"{topic_label(t['topic'])} {t['count']}" for t in c["topics"][:3])
        out.write(
            f"{c['title'][:31]:<31}{mark} {c['n']:>6,} {_fmt(c['nps']):>5} {interval:>13} "
            f"{_fmt(c['csat_pct'], '{:.0f}%'):>5} {_fmt(c['ces_mean'], '{:.1f}'):>4}  {topics}\n"
        )
    out.write(_("(~ fewer than 30 responses: indicative)") + "\n")
    if data["drivers"]:
        out.write("\n" + _("drivers (difference in score points x share of respondents)") + "\n")
        for d in data["drivers"][:top_drivers]:
            out.write(
                f"  {d['impact']:7.1f}  {d['title']}: {_(BEHAVIOUR_LABELS[d['behaviour']])} "
                f"{d['difference']:+.0f} [{d['low']:+.0f}, {d['high']:+.0f}] "
                f"n={d['n_did']:,}/{d['n_not']:,} ({d['share']:.0%})\n"
            )
    if data["actions"]:
        out.write("\n" + _("done actions, before/after") + "\n")
        for a in data["actions"]:
            detail = ""
            if a["measure"]:
                detail = (
                    f" ({measure_label(a['measure'])} {a['effect']:+.3g}, p={a['p_value']:.2g})"
                )
            out.write(f"  {a['title']} [{a['touchpoint']}, {a['done_on']}]: {_word(a['verdict'])}"
                      f"{detail}\n")  # fmt: skip
