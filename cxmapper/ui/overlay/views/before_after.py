"""Before/after view: per card, reach and drop-off in two periods and the change, sortable.

It sits beside the map in a panel about 370 px wide at 1366×768: seven columns ("Reach
before", "Reach after", ...) needed twice that and scrolled. One cell says "before → after"
(sorted by the after value), the change has its own column, Stage hides when the names need
its room (the name's tooltip says it), and every header has a tooltip.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from cxmapper.analysis.units import format_share
from cxmapper.ui.locale_format import number
from cxmapper.ui.overlay.views.names import CardNames, has_goal
from cxmapper.ui.overlay.views.table import ResultTable, number_cell, text_cell

if TYPE_CHECKING:
    import pandas as pd

    from cxmapper.analysis.report import JourneyReport

DELTA_COL = 4
STAGE_COL = 1
ARROW = " → "
EMPTY = QT_TRANSLATE_NOOP(
    "OverlayViewsBeforeAfter",
    "Tick “Compare with”, choose the two periods and press Analyse to compare them.",
)


def headers(goal: bool) -> list[str]:
    word = (
        QCoreApplication.translate("OverlayViewsBeforeAfter", "Drop-off")
        if goal
        else QCoreApplication.translate("OverlayViewsBeforeAfter", "Exits")
    )  # as leave_word says it
    return [
        QCoreApplication.translate("OverlayViewsBeforeAfter", "Touchpoint"),
        QCoreApplication.translate("OverlayViewsBeforeAfter", "Stage"),
        QCoreApplication.translate("OverlayViewsBeforeAfter", "Reach"),
        word,
        "Δ",
    ]


def header_tips(goal: bool) -> list[str]:
    share = (
        QCoreApplication.translate(
            "OverlayViewsBeforeAfter",
            "Share of cases that leave at this card without reaching a goal: before → after",
        )
        if goal
        else QCoreApplication.translate(
            "OverlayViewsBeforeAfter",
            "Share of cases whose last step is this card (no goal card): before → after",
        )
    )
    return [
        QCoreApplication.translate(
            "OverlayViewsBeforeAfter", "Click a card's name to select it on the map"
        ),
        "",
        QCoreApplication.translate(
            "OverlayViewsBeforeAfter", "Cases that reached the card: before → after"
        ),
        share,
        QCoreApplication.translate(
            "OverlayViewsBeforeAfter", "After minus before, in percentage points"
        ),
    ]


class BeforeAfterView(QWidget):
    touchpoint_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.note = QLabel(_empty())
        self.note.setWordWrap(True)
        self.table = ResultTable(
            headers(True),
            tips=header_tips(True),
            sort=(DELTA_COL, Qt.SortOrder.DescendingOrder),
            optional=(STAGE_COL,),  # the stage is in the name's tooltip
        )
        self.table.touchpoint_clicked.connect(self.touchpoint_clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)

    def clear(self) -> None:
        self.table.set_rows([])
        self.note.setText(_empty())
        self.note.show()

    def fill(
        self, comparison: pd.DataFrame | None, report: JourneyReport, names: CardNames
    ) -> None:
        goal = has_goal(report)
        self.table.setHorizontalHeaderLabels(headers(goal))
        for col, tip in enumerate(header_tips(goal)):
            self.table.header_cell(col).setToolTip(tip)
        if comparison is None:
            self.clear()
            return
        self.note.hide()
        reached = (comparison["reach_before"].fillna(0) + comparison["reach_after"].fillna(0)) > 0
        rows = []
        for tp_id, r in comparison[reached].iterrows():
            tp = str(tp_id)
            stage = names.stage(tp)
            tip = (
                QCoreApplication.translate("OverlayViewsBeforeAfter", "Stage: {stage}").format(
                    stage=stage
                )
                if stage
                else ""
            )
            click = QCoreApplication.translate(
                "OverlayViewsBeforeAfter", "Click to select this card on the map"
            )
            before, after = r["dropoff_rate_before"], r["dropoff_rate_after"]
            rows.append(
                [
                    text_cell(str(r["title"]), tp, f"{tip}\n{click}" if tip else click),
                    text_cell(stage, tp),
                    number_cell(
                        r["reach_after"],
                        _int(r["reach_before"]) + ARROW + _int(r["reach_after"]),
                        tp,
                    ),
                    number_cell(after, format_share(before) + ARROW + format_share(after), tp),
                    number_cell(r["dropoff_rate_delta"], _signed_pts(r["dropoff_rate_delta"]), tp),
                ]
            )
        self.table.set_rows(rows)


def _empty() -> str:
    return QCoreApplication.translate("OverlayViewsBeforeAfter", str(EMPTY))


def _int(value: Any) -> str:
    return "–" if value is None or value != value else number(value)


def _signed_pts(value: Any) -> str:
    return (
        "–"
        if value is None or value != value
        else QCoreApplication.translate("OverlayViewsBeforeAfter", "{delta} pts").format(
            delta=f"{value * 100:+.0f}"
        )
    )


__all__ = ["BeforeAfterView"]
