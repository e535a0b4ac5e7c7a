"""Top friction view: the worst cards as a sortable table; a click selects the card.

Without a goal card the drop-off component counts every exit, so the column says "Exits" and
a note asks for a goal (docs/metrics.md, *Per touchpoint*); the scores themselves are the
analysis' own numbers, shown with the one score formatter.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from cxmapper.analysis.units import format_score, format_share
from cxmapper.ui.overlay.views.names import NO_GOAL_HINT, CardNames, has_goal, leave_word
from cxmapper.ui.overlay.views.table import ResultTable, number_cell, text_cell

if TYPE_CHECKING:
    from cxmapper.analysis.report import JourneyReport

HEADERS = [
    "#",
    str(QT_TRANSLATE_NOOP("OverlayViewsFriction", "Touchpoint")),
    str(QT_TRANSLATE_NOOP("OverlayViewsFriction", "Stage")),
    str(QT_TRANSLATE_NOOP("OverlayViewsFriction", "Friction")),
    str(QT_TRANSLATE_NOOP("OverlayViewsFriction", "Drop-off")),
    str(QT_TRANSLATE_NOOP("OverlayViewsFriction", "Repeat")),
    str(QT_TRANSLATE_NOOP("OverlayViewsFriction", "Why")),
]
TIPS = [
    str(QT_TRANSLATE_NOOP("OverlayViewsFriction", "Rank: the worst friction first")),
    str(QT_TRANSLATE_NOOP("OverlayViewsFriction", "Click a card's name to select it on the map")),
    "",
    str(QT_TRANSLATE_NOOP("OverlayViewsFriction", "Friction score 0–100 (docs/metrics.md)")),
    str(
        QT_TRANSLATE_NOOP(
            "OverlayViewsFriction",
            "Share of the card's cases that leave here without reaching a goal",
        )
    ),
    str(
        QT_TRANSLATE_NOOP(
            "OverlayViewsFriction", "Share of the card's cases with two or more events here"
        )
    ),
    "",
]


def _tr(texts: list[str]) -> list[str]:
    return [QCoreApplication.translate("OverlayViewsFriction", t) if t else t for t in texts]


LEAVE_COL, WHY_COL = 4, 6


class FrictionView(QWidget):
    touchpoint_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.note = QLabel(QCoreApplication.translate("OverlayViewsNames", NO_GOAL_HINT))
        self.note.setWordWrap(True)
        self.note.setObjectName("noGoalNote")
        self.note.hide()
        self.table = ResultTable(_tr(HEADERS), tips=_tr(TIPS))
        self.table.horizontalHeader().setStretchLastSection(True)  # the reasons take the rest
        self.table.touchpoint_clicked.connect(self.touchpoint_clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)

    def clear(self) -> None:
        self.table.set_rows([])

    def fill(self, report: JourneyReport, names: CardNames) -> None:
        goal = has_goal(report)
        self.note.setVisible(not goal)
        header = self.table.header_cell(LEAVE_COL)
        header.setText(leave_word(goal))
        header.setToolTip(
            _tr(TIPS)[LEAVE_COL]
            if goal
            else QCoreApplication.translate(
                "OverlayViewsFriction",
                "Share of the card's cases whose last step is here (no goal card is marked)",
            )
        )
        rows = []
        for rank, f in enumerate(report.friction, 1):
            tp = f.touchpoint_id
            why = "; ".join(f.reasons) or QCoreApplication.translate(
                "OverlayViewsFriction", "no single strong cause"
            )
            rows.append(
                [
                    number_cell(rank, str(rank), tp),
                    text_cell(
                        f.title,
                        tp,
                        QCoreApplication.translate(
                            "OverlayViewsFriction", "Click to select this card on the map"
                        ),
                    ),
                    text_cell(names.stage(tp), tp),
                    number_cell(f.score, format_score(f.score), tp),
                    number_cell(f.components["dropoff"], format_share(f.components["dropoff"]), tp),
                    number_cell(f.components["repeat"], format_share(f.components["repeat"]), tp),
                    text_cell(why, tp, why),
                ]
            )
        self.table.set_rows(rows)
        title_font = self.table.font()
        title_font.setBold(True)
        for r in range(self.table.rowCount()):
            self.table.cell(r, 1).setFont(title_font)


__all__ = ["FrictionView"]
