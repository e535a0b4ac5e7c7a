"""The demo's survey responses (`PATH-survey.csv`), simulated from the demo's own cases.

Post-purchase (NPS, CES) and post-contact (NPS, CSAT) surveys, in Italian and English, and
short pulses tied to each front-stage card of the purchase (`demo_pulse`). Scores
follow what the case went through: payment retries and a long wait for the shipping notice
cost several points, so the drivers find them. A few responses carry ids the log does not
know, and a few comments hold contact details, so linking and masking have something to show.
"""

from __future__ import annotations

import csv
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cxmapper.model import demo_content as content
from cxmapper.model.demo_it import say
from cxmapper.model.demo_pulse import pulse_rows
from cxmapper.tempfiles import temp_path

LONG_WAIT = timedelta(days=2.5)  # order e-mail to shipping notice longer than this hurts
HEADER = ("case_id", "date", "nps", "csat", "ces", "comment", "lang", "touchpoint", "segment",
          "channel")  # fmt: skip


def _score(rng: random.Random, base: float, penalty: float, low: int, high: int) -> int:
    return max(low, min(high, round(rng.gauss(base - penalty, 1.2))))


def _comment(rng: random.Random, situation: str, lang: str, out: str) -> str:
    """A verbatim drawn as in English (same random draws in every language), written in `out`
    when that is Italian."""
    text = say(rng.choice(content.VERBATIMS[situation][lang]), out)
    if rng.random() < 0.03:
        text += say(rng.choice(content.CONTACT_TAILS), out)
    return text


def write_survey(
    path: Path,
    rows: list[tuple[datetime, int, str, str, str, str, str]],
    seed: int = 7,
    out_lang: str = "en",
) -> int:
    """Write responses for the cases in `rows` (the simulated log); returns how many.

    `out_lang` "it": every comment in Italian (the English ones translated), with the same
    scores, dates and cases as the mixed-language English demo."""
    rng = random.Random(seed * 104729)
    cases: dict[str, list[tuple[datetime, str]]] = {}
    info: dict[str, tuple[str, str]] = {}
    for ts, _seq, case, event, channel, _journey, segment in rows:
        cases.setdefault(case, []).append((ts, event))
        info.setdefault(case, (channel, segment))  # the case's own channel: its first event's
    out: list[tuple[object, ...]] = []
    for case, events in cases.items():  # rows are in time order, so each case's events too
        names = [e for _, e in events]
        channel, segment = info[case]
        lang = "it" if rng.random() < 0.5 else "en"
        if case.startswith("P"):
            if "order_confirmed" not in names or rng.random() > 0.85:
                continue
            when = dict((e, t) for t, e in reversed(events))  # first time of each event
            retries = names.count("checkout_payment") >= 2
            ship = when.get("shipping_email")
            late = ship is not None and ship - when["order_email"] > LONG_WAIT
            penalty = 4.5 * retries + 4.5 * late
            situation = "payment" if retries else "delivery" if late else None
            answered = when["order_confirmed"] + timedelta(days=rng.uniform(2, 6))
            nps = _score(rng, 9.0, penalty, 0, 10)
            ces: int | str = _score(rng, 6.2, 3.5 * retries, 1, 7)
            csat: int | str = ""
            touchpoint = "order_confirmed" if rng.random() < 0.3 else ""
        else:
            if rng.random() > 0.78:
                continue
            loops = names.count("ivr") >= 2 or "escalation" in names
            penalty = 3.0 * loops
            situation = "support"
            answered = events[-1][0] + timedelta(hours=rng.uniform(2, 48))
            nps = _score(rng, 7.5, penalty, 0, 10)
            csat = _score(rng, 4.3, 1.5 * loops, 1, 5)
            ces = ""
            touchpoint = ""
        if situation is None:
            situation = "happy" if nps >= 8 else "neutral"
        comment = _comment(rng, situation, lang, out_lang) if rng.random() < 0.7 else ""
        lang = "it" if out_lang == "it" else lang
        out.append((case, answered, nps, csat, ces, comment, lang, touchpoint, segment, channel))
    for n in range(60):  # respondents the event log does not know (e.g. in-store customers)
        at = datetime(2026, 2, 1, tzinfo=UTC) + timedelta(days=rng.uniform(0, 120))
        out.append((f"X{n:04d}", at, _score(rng, 8, 0, 0, 10), "", "",
                    "", "it" if out_lang == "it" else "en", "", "new", "web"))  # fmt: skip
    out.extend(pulse_rows(cases, info, seed, out_lang, LONG_WAIT))  # the front-stage cards' own
    out.sort(key=lambda r: (r[1], r[0]))
    tmp = temp_path(path)
    with tmp.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(HEADER)
        for r in out:
            w.writerow([r[0], r[1].strftime("%Y-%m-%dT%H:%M:%SZ"), *r[2:]])  # type: ignore[attr-defined]
    tmp.replace(path)
    return len(out)
