"""Before/after view: per card, reach and drop-off in two periods and the change, sortable."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from cxmapper.analysis.units import format_share
from cxmapper.ui.locale_format import number
from cxmapper.ui.overlay.views.names import CardNames, has_goal, leave_word
from cxmapper.ui.overlay.views.table import ResultTable, number_cell, text_cell

DELTA_COL = 6
EMPTY = str(
    QT_TRANSLATE_NOOP(
        "OverlayViewsBeforeAfter",
        "Tick “Compare with”, choose the two periods and press Analyse to compare them.",
    )
)


def headers(goal: bool) -> list[str]:
    word = leave_word(goal)
    return [
        QCoreApplication.translate("OverlayViewsBeforeAfter", "Touchpoint"),
        QCoreApplication.translate("OverlayViewsBeforeAfter", "Stage"),
        QCoreApplication.translate("OverlayViewsBeforeAfter", "Reach before"),
        QCoreApplication.translate("OverlayViewsBeforeAfter", "Reach after"),
        QCoreApplication.translate("OverlayViewsBeforeAfter", "{word} before").format(word=word),
        QCoreApplication.translate("OverlayViewsBeforeAfter", "{word} after").format(word=word),
        f"Δ {word.lower()}",
    ]


class BeforeAfterView(QWidget):
    touchpoint_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.note = QLabel(QCoreApplication.translate("OverlayViewsBeforeAfter", EMPTY))
        self.note.setWordWrap(True)
        self.table = ResultTable(headers(True), sort=(DELTA_COL, Qt.SortOrder.DescendingOrder))
        self.table.horizontalHeaderItem(DELTA_COL).setToolTip(
            QCoreApplication.translate(
                "OverlayViewsBeforeAfter", "After minus before, in percentage points"
            )
        )
        self.table.touchpoint_clicked.connect(self.touchpoint_clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)

    def clear(self) -> None:
        self.table.set_rows([])
        self.note.setText(QCoreApplication.translate("OverlayViewsBeforeAfter", EMPTY))
        self.note.show()

    def fill(self, comparison: Any, report: Any, names: CardNames) -> None:
        self.table.setHorizontalHeaderLabels(headers(has_goal(report)))
        if comparison is None:
            self.clear()
            return
        self.note.hide()
        reached = (comparison["reach_before"].fillna(0) + comparison["reach_after"].fillna(0)) > 0
        rows = []
        for tp_id, r in comparison[reached].iterrows():
            tp = str(tp_id)
            rows.append(
                [
                    text_cell(
                        str(r["title"]),
                        tp,
                        QCoreApplication.translate(
                            "OverlayViewsBeforeAfter", "Click to select this card on the map"
                        ),
                    ),
                    text_cell(names.stage(tp), tp),
                    number_cell(r["reach_before"], _int(r["reach_before"]), tp),
                    number_cell(r["reach_after"], _int(r["reach_after"]), tp),
                    number_cell(
                        r["dropoff_rate_before"], format_share(r["dropoff_rate_before"]), tp
                    ),
                    number_cell(r["dropoff_rate_after"], format_share(r["dropoff_rate_after"]), tp),
                    number_cell(r["dropoff_rate_delta"], _signed_pts(r["dropoff_rate_delta"]), tp),
                ]
            )
        self.table.set_rows(rows)


def _int(value: Any) -> str:
    return "–" if value is None or value != value else number(value)


def _signed_pts(value: Any) -> str:
    return "–" if value is None or value != value else f"{value * 100:+.0f} pts"


__all__ = ["BeforeAfterView"]
