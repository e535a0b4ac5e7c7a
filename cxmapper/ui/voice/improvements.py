"""The Improvements view: every improvement action of the journey and whether it worked.

One row per action: title, card, owner, status, due (or done) date and, for a done action with
a date, the verdict of its card before and after (improved / no detectable change / worse /
not enough data, worded by `present.voice_sheet_labels` as the CLI and the workbook word them)
with the deciding measure's effect and p-value. The detail pane lists every measure compared:
before, after, effect and p-value of its scipy test (feedback.verdicts).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QWidget

from cxmapper.model import entities as e
from cxmapper.present import choice_labels as cl
from cxmapper.present.locale_format import format_date
from cxmapper.present.voice_sheet_labels import measure_label, unit_label, verdict_label
from cxmapper.ui.locale_format import number
from cxmapper.ui.overlay.views.table import number_cell, text_cell
from cxmapper.ui.voice.common import VoicePane, p_text, signed
from cxmapper.ui.voice.names import card_names, party_names

if TYPE_CHECKING:
    from cxmapper.feedback.report import ActionVerdict
    from cxmapper.feedback.verdicts import MeasureResult
    from cxmapper.ui.voice_cache import JourneyVoice

ACTION, CARD, OWNER, STATUS, DATE, VERDICT, EFFECT, P = range(8)


HEADERS = (
    QT_TRANSLATE_NOOP("VoiceImprovements", "Action"),
    QT_TRANSLATE_NOOP("VoiceImprovements", "Card"),
    QT_TRANSLATE_NOOP("VoiceImprovements", "Owner"),
    QT_TRANSLATE_NOOP("VoiceImprovements", "Status"),
    QT_TRANSLATE_NOOP("VoiceImprovements", "Due / done"),
    QT_TRANSLATE_NOOP("VoiceImprovements", "Verdict"),
    QT_TRANSLATE_NOOP("VoiceImprovements", "Effect"),
    QT_TRANSLATE_NOOP("VoiceImprovements", "p-value"),
)


def _headers() -> list[str]:
    return [QCoreApplication.translate("VoiceImprovements", str(h)) for h in HEADERS]


def _date(text: str) -> tuple[float | None, str]:
    """(sort key, shown text) of an ISO due date; an unset or odd date as it is written."""
    try:
        day = dt.date.fromisoformat(text.strip()[:10])
    except ValueError:
        return None, text
    return float(day.toordinal()), format_date(day)


def value(v: float | None) -> str:
    return "–" if v is None else number(v, 1)


def span(window: tuple[str, str]) -> str:
    """A verdict window's first and last day (its end is exclusive), as the language writes them."""
    start, end = (dt.date.fromisoformat(d) for d in window)
    return f"{format_date(start)} – {format_date(end - dt.timedelta(days=1))}"


def measure_line(m: MeasureResult) -> str:
    """'drop-off (%): 25,3 before, 10,0 after, effect −15,3, p < 0,001: improved'."""
    from cxmapper.io.xlsx_sheets.improvements import unit_of

    c = m.comparison
    return QCoreApplication.translate(
        "VoiceImprovements",
        "{measure} ({unit}): {before} before (n {n_before}), {after} after (n {n_after}), "
        "effect {effect}, p {p}: {verdict}",
    ).format(measure=measure_label(m.measure), unit=unit_label(unit_of(m.measure)),
             before=value(c.value_a), n_before=number(c.n_a), after=value(c.value_b),
             n_after=number(c.n_b), effect=signed(c.effect), p=p_text(c.p_value),
             verdict=verdict_label(m.verdict))  # fmt: skip


class ImprovementsView(VoicePane):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_headers(), "voiceView.improvements", parent=parent,
                         optional=(OWNER, P, CARD, EFFECT, DATE), names=(ACTION, VERDICT))  # fmt: skip
        self.improvement_actions: list[e.Action] = []
        self.verdicts: dict[str, ActionVerdict] = {}

    def show_voice(self, voice: JourneyVoice | None) -> None:
        ws = self.ws
        names = card_names(ws, self.journey_id) if ws is not None and self.journey_id else {}
        people = party_names(ws) if ws is not None else {}
        self.improvement_actions = (
            [a for a in ws.actions() if a.touchpoint_id in names] if ws else []
        )
        report = voice.report if voice is not None else None
        self.verdicts = {v.action_id: v for v in report.verdicts} if report is not None else {}
        rows = []
        for a in self.improvement_actions:
            tp, found = a.touchpoint_id, self.verdicts.get(a.id)
            when, shown = _date(found.done_on if found is not None else a.due_date)
            v = found.verdict if found is not None else None
            deciding = measure_label(v.measure) if v is not None and v.measure else ""
            cells = [
                text_cell(a.title, tp), text_cell(names[tp].title, tp),
                text_cell(people.get(a.owner_id or "", ""), tp),
                text_cell(cl.choice_label(cl.ACTION_STATUSES, a.status), tp),
                number_cell(when, shown, tp),
                text_cell(verdict_label(v.verdict) if v is not None else "", tp),
                number_cell(v.effect if v else None, signed(v.effect) if v else "", tp),
                number_cell(v.p_value if v else None, p_text(v.p_value) if v else "", tp),
            ]  # fmt: skip
            if deciding:
                for cell in cells[EFFECT:]:
                    cell.setToolTip(deciding)
            rows.append(cells)
        self.show_rows(rows, voice, QCoreApplication.translate("VoiceImprovements",
            "No improvement actions yet: add one on a card, or follow up a driver or topic."))  # fmt: skip
        self._selected()

    def detail_text(self, row: int) -> str:
        a = self.improvement_actions[row]
        names = card_names(self.ws, self.journey_id) if self.ws and self.journey_id else {}
        owner = party_names(self.ws).get(a.owner_id or "", "") if self.ws else ""
        card = names[a.touchpoint_id].title if a.touchpoint_id in names else ""
        who = QCoreApplication.translate("VoiceImprovements", "{card}; owner: {owner}").format(
            card=card, owner=owner or "–"
        )
        return "\n".join([who, self._verdict_text(a, self.verdicts.get(a.id))])

    def _verdict_text(self, a: e.Action, found: ActionVerdict | None) -> str:
        if found is None:
            if a.status == "done":
                return QCoreApplication.translate("VoiceImprovements",
                    "Done, without a verdict: it needs a due date and the journey's event log.")  # fmt: skip
            return QCoreApplication.translate(
                "VoiceImprovements", "Not done yet: the verdict comes when it is marked done."
            )
        v = found.verdict
        head = QCoreApplication.translate(
            "VoiceImprovements", "{verdict}: before {before}, after {after}"
        ).format(verdict=verdict_label(v.verdict), before=span(v.before), after=span(v.after))
        return "\n".join([head, *(measure_line(m) for m in v.measures)])
