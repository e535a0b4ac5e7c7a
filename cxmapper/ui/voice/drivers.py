"""The Drivers view: which moments cost score. One row per card and behaviour the report
found (went through, repeated, stepped back, waited over p90, dropped off), with the score of
respondents whose case did it and did not, the difference and its 95 % interval, n, the share
affected and the rank (difference x share, most costly first), as `cxmapper feedback` and the
workbook's Drivers sheet rank them.

Rows with fewer than 30 respondents on a side are greyed and say "indicative". A driver becomes
an improvement action in one step: "Follow up…" opens the Voice tab's dialog (owner = the card's
Responsible, due date) with the figures as evidence and pushes one undoable command.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QDialog, QWidget

from cxmapper.present import voice_labels as vl
from cxmapper.present.voice_sheet_labels import behaviour_label, indicative_mark
from cxmapper.ui.locale_format import number, percent
from cxmapper.ui.overlay.views.table import number_cell, text_cell
from cxmapper.ui.voice.common import VoicePane, grey_row, p_text, signed
from cxmapper.ui.voice.names import card_names

if TYPE_CHECKING:
    from cxmapper.feedback.drivers import Driver
    from cxmapper.ui.voice_cache import JourneyVoice

RANK, CARD, STAGE, BEHAVIOUR, WITH, WITHOUT, DIFF, INTERVAL, N, SHARE, NOTE = range(11)


HEADERS = (
    QT_TRANSLATE_NOOP("VoiceDrivers", "Rank"),
    QT_TRANSLATE_NOOP("VoiceDrivers", "Card"),
    QT_TRANSLATE_NOOP("VoiceDrivers", "Stage"),
    QT_TRANSLATE_NOOP("VoiceDrivers", "Behaviour"),
    QT_TRANSLATE_NOOP("VoiceDrivers", "Score with"),
    QT_TRANSLATE_NOOP("VoiceDrivers", "Score without"),
    QT_TRANSLATE_NOOP("VoiceDrivers", "Difference"),
    QT_TRANSLATE_NOOP("VoiceDrivers", "95 % interval"),
    QT_TRANSLATE_NOOP("VoiceDrivers", "n did it"),
    QT_TRANSLATE_NOOP("VoiceDrivers", "Affected"),
    QT_TRANSLATE_NOOP("VoiceDrivers", "Data"),
)


def _headers() -> list[str]:
    return [QCoreApplication.translate("VoiceDrivers", str(h)) for h in HEADERS]


def interval_text(d: Driver) -> str:
    return QCoreApplication.translate("VoiceDrivers", "{low} to {high}").format(
        low=signed(d.low), high=signed(d.high)
    )


def driver_evidence(d: Driver, scale: str | None) -> list[str]:
    """The figures a follow-up carries: what the behaviour costs, with its interval and n."""
    name = vl.scale_name(scale) if scale else ""
    return [
        QCoreApplication.translate(
            "VoiceDrivers",
            "Driver {card}, {behaviour}: {scale} points {did} for those who did it against "
            "{not_} for those who did not, difference {diff} (95 % interval {interval}), "
            "p {p}",
        ).format(
            card=d.title,
            behaviour=behaviour_label(d.behaviour),
            scale=name,
            did=signed(d.score_did),
            not_=signed(d.score_not),
            diff=signed(d.difference),
            interval=interval_text(d),
            p=p_text(d.p_value),
        ),
        QCoreApplication.translate(
            "VoiceDrivers", "n = {n_did} who did it, {n_not} who did not ({share} affected)"
        ).format(n_did=number(d.n_did), n_not=number(d.n_not), share=percent(d.share)),
    ]


class DriversView(VoicePane):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_headers(), "voiceView.drivers", parent=parent,
                         optional=(STAGE, WITHOUT, WITH, INTERVAL, N, RANK), names=(CARD, BEHAVIOUR))  # fmt: skip
        self.drivers: list[Driver] = []
        self.scale: str | None = None
        self.add_follow_up(QCoreApplication.translate(
            "VoiceDrivers", "Make the selected driver an action: owner, due date, evidence"))  # fmt: skip

    def show_voice(self, voice: JourneyVoice | None) -> None:
        names = card_names(self.ws, self.journey_id) if self.ws and self.journey_id else {}
        report = voice.report if voice is not None else None
        self.drivers = [d for d in report.drivers if d.touchpoint_id in names] if report else []
        self.scale = report.scale if report is not None else None
        rows = []
        for rank, d in enumerate(self.drivers, start=1):
            card = names[d.touchpoint_id]
            tip = QCoreApplication.translate(
                "VoiceDrivers", "{n_did} respondents did it, {n_not} did not; p {p}"
            ).format(n_did=number(d.n_did), n_not=number(d.n_not), p=p_text(d.p_value))
            cells = [
                number_cell(rank, number(rank), d.touchpoint_id),
                text_cell(card.title, d.touchpoint_id, tip),
                text_cell(card.stage, d.touchpoint_id),
                text_cell(behaviour_label(d.behaviour), d.touchpoint_id, tip),
                number_cell(d.score_did, signed(d.score_did), d.touchpoint_id),
                number_cell(d.score_not, signed(d.score_not), d.touchpoint_id),
                number_cell(d.difference, signed(d.difference), d.touchpoint_id),
                text_cell(interval_text(d), d.touchpoint_id),
                number_cell(d.n_did, number(d.n_did), d.touchpoint_id),
                number_cell(d.share, percent(d.share), d.touchpoint_id),
                text_cell(
                    indicative_mark(d.indicative),
                    d.touchpoint_id,
                    vl.indicative() if d.indicative else "",
                ),
            ]
            if d.indicative:
                grey_row(cells)
            rows.append(cells)
        self.show_rows(rows, voice, QCoreApplication.translate("VoiceDrivers",
            "No drivers: the survey's answers need cases in the journey's event log."))  # fmt: skip
        self._selected()

    def detail_text(self, row: int) -> str:
        return "\n".join(driver_evidence(self.drivers[row], self.scale))

    def can_follow_up(self, row: int) -> bool:
        return self.ws is not None and self.push is not None

    def follow_up_selected(self) -> bool:
        """Owner (the card's Responsible by default) and due date, then one undoable step."""
        row = self.selected_row()
        if row is None or self.ws is None or self.push is None:
            return False
        from cxmapper.ui.inspector.touchpoint_actions import valid_due_date
        from cxmapper.ui.inspector.voice_follow_up import (
            FollowUpDialog,
            FollowUpRequest,
            follow_up_command,
        )

        d = self.drivers[row]
        evidence = driver_evidence(d, self.scale)
        title = f"{d.title}: {behaviour_label(d.behaviour)}"
        dialog = FollowUpDialog(self.ws, d.touchpoint_id, title, evidence, self)
        dialog.setWindowTitle(QCoreApplication.translate("VoiceDrivers", "Follow up a driver"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        request = FollowUpRequest(d.touchpoint_id, dialog.title.text().strip(), tuple(evidence),
                                  (), dialog.owner.value(), valid_due_date(dialog.due.text()) or "")  # fmt: skip
        return self.push(follow_up_command(self.ws, request))
