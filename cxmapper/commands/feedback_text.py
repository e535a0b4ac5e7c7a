"""The plain-text form of `cxmapper feedback` (the JSON form is `feedback.report_json`)."""

from __future__ import annotations

import sys
from typing import Any

BEHAVIOUR_LABELS = {
    "went": "went through",
    "repeated": "repeated",
    "stepped_back": "stepped back",
    "waited": "waited over p90",
    "dropped_off": "dropped off",
}


def _fmt(value: float | None, pattern: str = "{:.0f}") -> str:
    return "-" if value is None else pattern.format(value)


def print_feedback(data: dict[str, Any], journey: str, top_drivers: int = 10) -> None:
    out = sys.stdout
    j = data["journey"]
    out.write(
        f"{journey}: {data['n_responses']:,} responses, {data['share_linked']:.0%} linked to a "
        f"card, {data['share_linked_case']:.0%} to a case\n"
    )
    out.write(
        f"NPS {_fmt(j['nps'])} [{_fmt(j['nps_low'])}, {_fmt(j['nps_high'])}] (n={j['nps_n']:,})"
        f"  CSAT {_fmt(j['csat_pct'], '{:.0f}%')}  CES {_fmt(j['ces_mean'], '{:.1f}')}\n"
    )
    for note in data["notes"]:
        out.write(f"note: {note}\n")
    for miss in data["not_linked"]:
        shown = ", ".join(miss["examples"][:3])
        out.write(f"not linked: {miss['responses']:,} ({miss['reason']}; e.g. {shown})\n")
    out.write(f"\n{'touchpoint':<32} {'n':>6} {'NPS':>5} {'95% interval':>13} {'CSAT':>5} "
              f"{'CES':>4}  top topics\n")  # fmt: skip
    for c in data["touchpoints"]:
        mark = "~" if c["indicative"] else " "
        interval = f"[{_fmt(c['nps_low'])}, {_fmt(c['nps_high'])}]"
        topics = ", ".join(f"{t['topic']} {t['count']}" for t in c["topics"][:3])
        out.write(
            f"{c['title'][:31]:<31}{mark} {c['n']:>6,} {_fmt(c['nps']):>5} {interval:>13} "
            f"{_fmt(c['csat_pct'], '{:.0f}%'):>5} {_fmt(c['ces_mean'], '{:.1f}'):>4}  {topics}\n"
        )
    out.write("(~ fewer than 30 responses: indicative)\n")
    if data["drivers"]:
        out.write("\ndrivers (difference in score points x share of respondents)\n")
        for d in data["drivers"][:top_drivers]:
            out.write(
                f"  {d['impact']:7.1f}  {d['title']}: {BEHAVIOUR_LABELS[d['behaviour']]} "
                f"{d['difference']:+.0f} [{d['low']:+.0f}, {d['high']:+.0f}] "
                f"n={d['n_did']:,}/{d['n_not']:,} ({d['share']:.0%})\n"
            )
    if data["actions"]:
        out.write("\ndone actions, before/after\n")
        for a in data["actions"]:
            detail = ""
            if a["measure"]:
                detail = f" ({a['measure']} {a['effect']:+.3g}, p={a['p_value']:.2g})"
            out.write(f"  {a['title']} [{a['touchpoint']}, {a['done_on']}]: {a['verdict']}"
                      f"{detail}\n")  # fmt: skip
