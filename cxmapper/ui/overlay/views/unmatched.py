"""Unmatched events view: event names no card matches, with the card each one reads like.

The suggestion is shown by the card's title and stage (the analysis suggests ids); mapping the
selected names to their suggested cards is one undo step, done by the panel.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from cxmapper.ui.locale_format import number
from cxmapper.ui.overlay.views.names import CardNames
from cxmapper.ui.overlay.views.table import ROLE_ID, ResultTable, number_cell, text_cell

if TYPE_CHECKING:
    from cxmapper.analysis.report import JourneyReport

HEADERS = [
    str(QT_TRANSLATE_NOOP("OverlayViewsUnmatched", "Event name")),
    str(QT_TRANSLATE_NOOP("OverlayViewsUnmatched", "Events")),
    str(QT_TRANSLATE_NOOP("OverlayViewsUnmatched", "Suggested touchpoint")),
    str(QT_TRANSLATE_NOOP("OverlayViewsUnmatched", "Stage")),
]
NAME_COL, COUNT_COL, SUGGESTED_COL, STAGE_COL = range(4)


class UnmatchedView(QWidget):
    touchpoint_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = ResultTable(
            [QCoreApplication.translate("OverlayViewsUnmatched", h) for h in HEADERS],
            tips=[
                "",
                "",
                QCoreApplication.translate(
                    "OverlayViewsUnmatched",
                    "The card whose title or event names read like this event",
                ),
                "",
            ],
            sort=(COUNT_COL, Qt.SortOrder.DescendingOrder),
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.touchpoint_clicked.connect(self.touchpoint_clicked)
        self.map_button = QPushButton(
            QCoreApplication.translate("OverlayViewsUnmatched", "Map to suggested cards")
        )
        self.map_button.setToolTip(
            QCoreApplication.translate(
                "OverlayViewsUnmatched",
                "Add the selected event names (all, if none is selected) to the suggested cards",
            )
        )
        self.bootstrap_button = QPushButton(
            QCoreApplication.translate("OverlayViewsUnmatched", "Cards from top events…")
        )
        self.bootstrap_button.setToolTip(
            QCoreApplication.translate(
                "OverlayViewsUnmatched", "Create one card per frequent event name (one undo step)"
            )
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.map_button)
        buttons.addWidget(self.bootstrap_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

    def clear(self) -> None:
        self.table.set_rows([])

    def fill(self, report: JourneyReport, names: CardNames) -> None:
        rows = []
        for name, count in report.unmatched.items():
            suggested = next(iter(report.suggestions.get(name, [])), None)
            title = names.title(suggested) if suggested else ""
            stage = names.stage(suggested) if suggested else ""
            suggestion = text_cell(title, suggested)
            rows.append(
                [
                    text_cell(name),
                    number_cell(count, number(count)),
                    suggestion,
                    text_cell(stage, suggested),
                ]
            )
        self.table.set_rows(rows)

    def suggested(self, rows: list[int] | None = None) -> dict[str, list[str]]:
        """{card id: [event names]} for `rows` (None: the selected rows, else every row)."""
        if rows is None:
            rows = sorted({i.row() for i in self.table.selectedIndexes()}) or list(
                range(self.table.rowCount())
            )
        out: dict[str, list[str]] = {}
        for row in rows:
            target = self.table.cell(row, SUGGESTED_COL).data(ROLE_ID)
            if target:
                out.setdefault(str(target), []).append(self.table.cell(row, NAME_COL).text())
        return out


__all__ = ["UnmatchedView"]
