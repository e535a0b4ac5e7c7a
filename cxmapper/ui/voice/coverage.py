"""The line above the Voice views: how many responses the figures stand on and how many are
linked to a card and to a case, with why the others are not (issue 12: "report the share
linked, and list what could not be"; the CLI's `feedback` and the workbook say the same)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from cxmapper.present.labels import _
from cxmapper.ui.locale_format import number, percent

if TYPE_CHECKING:
    from cxmapper.feedback.report import FeedbackReport


def coverage_text(report: FeedbackReport) -> tuple[str, str]:
    """(the line, its tooltip listing each reason a response is not linked with a count)."""
    linked = report.linked
    text = QCoreApplication.translate(
        "VoiceDock", "{n} responses about this journey: {card} linked to a card, {case} to a case."
    ).format(
        n=number(len(report.responses)),
        card=percent(linked.share_linked()),
        case=percent(linked.share_case()),
    )
    lines = [
        QCoreApplication.translate(
            "VoiceDock", "Not linked: {n} ({reason}; e.g. {examples})"
        ).format(
            n=number(n),
            reason=_(why),  # the feedback package's reasons, worded by the headless catalogue
            examples=", ".join(linked.examples.get(why, [])[:3]),
        )
        for why, n in linked.reasons.items()
    ]
    return text, "\n".join(lines)
