"""What the three Voice views share: a sortable table of the journey's rows, a line for the
empty state, a detail pane for the selected row and, where a row can become an action, a
"Follow up…" button.

Rows come from the cached feedback report (`ui.voice_cache.journey_voice`), so the views show
the figures the CLI prints and the workbook holds; numbers go through `ui.locale_format`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cxmapper.ui.locale_format import number
from cxmapper.ui.overlay.views.table import MIN_NAME_W, MIN_TEXT_W, ResultTable

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoCommand

    from cxmapper.model.workspace import Workspace
    from cxmapper.ui.voice_cache import JourneyVoice

GREY = QColor("#6b6b6b")  # indicative rows: greyed, and the word says why (not colour only)
Push = Callable[["QUndoCommand"], bool]


def signed(value: float | None, decimals: int = 1) -> str:
    """'+12,5', '−3,0', '0': a difference reads with its sign."""
    if value is None or value != value:
        return "–"
    text = number(abs(value), decimals)
    if round(value, decimals) == 0:
        return text
    return ("+" if value > 0 else "−") + text


def p_text(p: float | None) -> str:
    """A p-value as people read it: '0,012', '< 0,001'."""
    if p is None or p != p:
        return "–"
    return f"< {number(0.001, 3)}" if p < 0.001 else number(p, 3)


def no_survey() -> str:
    """The empty state of every Voice view: what to do, in one line."""
    return QCoreApplication.translate(
        "VoiceViews",
        "No survey for this journey yet: import one with Analysis ▸ Import Survey… "
        "(or cxmapper import-survey WORKSPACE FILE).",
    )


def grey_row(cells: Sequence[QTableWidgetItem]) -> None:
    for cell in cells:
        cell.setForeground(QBrush(GREY))


class VoiceTable(ResultTable):
    """A results table that gives up its `optional` columns before it shortens any text: a
    Voice row is read by its card, behaviour, topic or verdict and by the word "indicative",
    which must never be cut to "indic…" while a rank or a p-value column takes the room."""

    def fit_columns(self) -> None:
        every = list(range(self.columnCount()))
        if not every:
            return
        for c in every:  # a hidden column measures nothing: shown while measured
            self.setColumnHidden(c, False)
        width = self._natural_widths(every)
        room = self.viewport().width()
        cols = list(every)
        for c in self.optional:  # the least useful first, until the rest reads in full
            if sum(width[k] for k in cols) <= room:
                break
            cols.remove(c)
        for c in every:
            self.setColumnHidden(c, c not in cols)
        text = [c for c in cols if not self._is_numeric(c)]
        names = [c for c in text if self.names is None or c in self.names]
        over = sum(width[c] for c in cols) - room
        if over > 0 and text:  # still too wide: the longest texts shorten first
            least = {c: min(width[c], MIN_NAME_W if c in names else MIN_TEXT_W) for c in text}
            cap = _cap({c: width[c] for c in text}, least, sum(width[c] for c in text) - over)
            for c in text:
                width[c] = max(least[c], min(width[c], cap))
        elif over < 0 and names:
            width[names[0]] -= over  # room left: the first name column takes it
        header = self.horizontalHeader()
        for c in cols:
            header.resizeSection(c, width[c])


def _cap(width: dict[int, int], least: dict[int, int], room: int) -> int:
    """The largest width T such that the columns, each cut to T (never below its least),
    take at most `room`: a short verdict stays whole while a long title gives way."""
    lo, hi = 0, max(width.values())
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if sum(max(least[c], min(w, mid)) for c, w in width.items()) <= room:
            lo = mid
        else:
            hi = mid - 1
    return lo


class VoicePane(QWidget):
    """A table with an empty-state line above and a detail pane and buttons below."""

    touchpoint_clicked = Signal(str)

    def __init__(self, headers: Sequence[str], name: str, *, optional: Sequence[int] = (),
                 names: Sequence[int] | None = None, parent: QWidget | None = None,
                 sort: tuple[int, Qt.SortOrder] = (0, Qt.SortOrder.AscendingOrder)) -> None:  # fmt: skip
        super().__init__(parent)
        self.ws: Workspace | None = None
        self.journey_id: str | None = None
        self.push: Push | None = None
        self.setObjectName(name)  # "voiceView.drivers": the gallery names its picture by it
        layout = self.box = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.header = QHBoxLayout()  # views add their own controls here
        layout.addLayout(self.header)
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.empty.setObjectName(f"{name}.empty")
        layout.addWidget(self.empty)
        # the empty state's way out (the dock connects it to Analysis ▸ Import Survey…)
        self.import_button = QPushButton(QCoreApplication.translate("VoiceViews", "Import Survey…"))
        self.import_button.setObjectName(f"{name}.import-survey")
        self.import_button.hide()
        import_row = QHBoxLayout()
        import_row.addWidget(self.import_button)
        import_row.addStretch(1)
        layout.addLayout(import_row)
        self.table = VoiceTable(headers, optional=optional, names=names, sort=sort)
        self.table.setObjectName(f"{name}.table")
        self.table.setAccessibleName(name)
        self.table.touchpoint_clicked.connect(self.touchpoint_clicked)
        self.table.itemSelectionChanged.connect(self._selected)
        layout.addWidget(self.table, 1)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setObjectName(f"{name}.detail")
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.detail)
        self.buttons = QHBoxLayout()
        layout.addLayout(self.buttons)
        self.follow_up_button: QPushButton | None = None

    def add_follow_up(self, tip: str) -> QPushButton:
        button = QPushButton(QCoreApplication.translate("VoiceViews", "Follow up…"))
        button.setObjectName(f"{self.table.objectName()}.follow-up")
        button.setToolTip(tip)
        button.setAccessibleName(button.text().replace("…", ""))
        button.setAccessibleDescription(tip)
        button.clicked.connect(self.follow_up_selected)
        self.buttons.addWidget(button)
        self.buttons.addStretch(1)
        self.follow_up_button = button
        return button

    def wanted_width(self) -> int:
        """The width at which every column reads in full (the dock caps it)."""
        t = self.table
        need = sum(t._natural_widths(range(t.columnCount())).values())
        margins = self.box.contentsMargins()
        bar = t.verticalScrollBar().sizeHint().width()
        return need + bar + 2 * t.frameWidth() + margins.left() + margins.right()

    def set_context(self, ws: Workspace | None, journey_id: str | None, push: Push | None) -> None:
        self.ws, self.journey_id, self.push = ws, journey_id, push

    def show_voice(self, voice: JourneyVoice | None) -> None:
        """Fill the rows from the journey's feedback (None: no survey is stored)."""
        raise NotImplementedError

    def show_rows(
        self, rows: Sequence[Sequence[QTableWidgetItem]], voice: JourneyVoice | None, nothing: str
    ) -> None:
        """Fill the table; the empty state says why there is nothing to list: no survey yet,
        or `nothing` (the view's own reason)."""
        self.table.set_rows(tag_rows(rows))
        self.show_empty(no_survey() if voice is None else "" if rows else nothing)

    def show_empty(self, text: str) -> None:
        self.empty.setText(text)
        self.empty.setVisible(bool(text))
        self.import_button.setVisible(text == no_survey())

    def selected_row(self) -> int | None:
        """The selected row's index into the rows as filled (the sort moves rows, not data)."""
        items = self.table.selectedItems()
        if not items:
            return None
        first = self.table.item(items[0].row(), 0)
        data = first.data(Qt.ItemDataRole.UserRole + 2) if first is not None else None
        return int(data) if data is not None else None

    def _selected(self) -> None:
        row = self.selected_row()
        self.detail.setText(self.detail_text(row) if row is not None else "")
        if self.follow_up_button is not None:
            self.follow_up_button.setEnabled(row is not None and self.can_follow_up(row))

    def detail_text(self, row: int) -> str:
        return ""

    def can_follow_up(self, row: int) -> bool:
        return False

    def follow_up_selected(self) -> bool:
        return False


def tag_rows(
    rows: Sequence[Sequence[QTableWidgetItem]],
) -> Sequence[Sequence[QTableWidgetItem]]:
    """Remember each row's index in its first cell, so a sorted table still finds its data."""
    for i, cells in enumerate(rows):
        cells[0].setData(Qt.ItemDataRole.UserRole + 2, i)
    return rows
