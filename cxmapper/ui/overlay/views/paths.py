"""Paths view: walked steps the map does not draw, and drawn connectors nobody walks.

Each end of a path is its own cell, so clicking either card's name selects that card. In the
narrow panel beside the map (about 370 px at 1366×768) the Path column hides so both names and
both counts fit without scrolling; an unwalked arrow is the row with 0 times, and each name's
tooltip says which kind of path its row is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from cxmapper.ui.locale_format import number
from cxmapper.ui.overlay.views.names import CardNames
from cxmapper.ui.overlay.views.table import ResultTable, number_cell, text_cell

if TYPE_CHECKING:
    from cxmapper.analysis.report import JourneyReport

HEADERS = [
    str(QT_TRANSLATE_NOOP("OverlayViewsPaths", "From")),
    str(QT_TRANSLATE_NOOP("OverlayViewsPaths", "To")),
    str(QT_TRANSLATE_NOOP("OverlayViewsPaths", "Times")),
    str(QT_TRANSLATE_NOOP("OverlayViewsPaths", "Cases")),
    str(QT_TRANSLATE_NOOP("OverlayViewsPaths", "Path")),
]
NOT_DRAWN = str(QT_TRANSLATE_NOOP("OverlayViewsPaths", "not drawn"))
UNWALKED = str(QT_TRANSLATE_NOOP("OverlayViewsPaths", "unwalked"))
TIMES_COL = 2
PATH_COL = 4
TIPS = {
    NOT_DRAWN: "Not drawn: customers go this way but the map has no arrow for it",
    UNWALKED: "Unwalked: the map has an arrow nobody follows",
}


class PathsView(QWidget):
    touchpoint_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = ResultTable(
            [QCoreApplication.translate("OverlayViewsPaths", h) for h in HEADERS],
            tips=[
                QCoreApplication.translate(
                    "OverlayViewsPaths", "Click a card's name to select it on the map"
                ),
                QCoreApplication.translate(
                    "OverlayViewsPaths", "Click a card's name to select it on the map"
                ),
                QCoreApplication.translate("OverlayViewsPaths", "How often the step happens"),
                QCoreApplication.translate(
                    "OverlayViewsPaths", "Cases that take the step at least once"
                ),
                QCoreApplication.translate(
                    "OverlayViewsPaths",
                    "Not drawn: customers go this way but the map has no arrow for it; "
                    "unwalked: the map has an arrow nobody follows",
                ),
            ],
            sort=(TIMES_COL, Qt.SortOrder.DescendingOrder),
            names=(0, 1),  # both ends of a path stay readable in a narrow panel
            optional=(PATH_COL,),  # the names' tooltips say it
        )
        self.table.touchpoint_clicked.connect(self.touchpoint_clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)

    def clear(self) -> None:
        self.table.set_rows([])

    def fill(self, report: JourneyReport, names: CardNames) -> None:
        rows = []
        unexpected = report.paths.unexpected
        for a, b, count, cases in unexpected[["from", "to", "count", "cases"]].itertuples(
            index=False
        ):
            rows.append(
                [
                    text_cell(names.title(str(a)), str(a), _tip(NOT_DRAWN)),
                    text_cell(names.title(str(b)), str(b), _tip(NOT_DRAWN)),
                    number_cell(int(count), number(count), str(a)),
                    number_cell(int(cases), number(cases), str(a)),
                    text_cell(QCoreApplication.translate("OverlayViewsPaths", NOT_DRAWN), str(a)),
                ]
            )
        for a, b in report.paths.unwalked:
            rows.append(
                [
                    text_cell(names.title(str(a)), str(a), _tip(UNWALKED)),
                    text_cell(names.title(str(b)), str(b), _tip(UNWALKED)),
                    number_cell(0, "0", str(a)),
                    number_cell(0, "0", str(a)),
                    text_cell(QCoreApplication.translate("OverlayViewsPaths", UNWALKED), str(a)),
                ]
            )
        self.table.set_rows(rows)


def _tip(kind: str) -> str:
    return QCoreApplication.translate("OverlayViewsPaths", TIPS[kind])


__all__ = ["PathsView"]
