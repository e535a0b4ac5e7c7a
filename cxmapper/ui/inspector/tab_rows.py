"""The touchpoint inspector's tab titles in as many rows as the dock's width needs.

Eight titles ("KPIs 12", "Comments 2", "Cronologia", ...) do not fit one row of the side
column (about 390 px at 1366×768): a QTabBar scrolled them with arrows and elided them
("Voic…"), so a facilitator could not see what the card has without clicking through. Here the
titles are buttons that wrap into rows (two at the default width, in English and Italian),
each row spread over the whole width, every title whole. The QTabWidget stays (its pages,
`tabText`, `setCurrentIndex`, Ctrl+Tab); only its own bar is hidden and followed.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import (
    QLayout,
    QLayoutItem,
    QSizePolicy,
    QTabWidget,
    QToolButton,
    QWidget,
)

SPACING = 2  # px between the buttons, across and down
SIDE = 4  # px left and right of the rows
STYLE = (
    "QToolButton#inspectorTab { border: 1px solid palette(mid); border-radius: 3px;"
    " padding: 4px 6px; background: palette(button); }"
    " QToolButton#inspectorTab:checked { background: palette(base);"
    " border-bottom: 2px solid palette(highlight); }"
)


class RowsLayout(QLayout):
    """Items left to right, wrapped into the fewest rows the width allows and evened out
    (8 titles as 4 + 4 rather than 6 + 2); each row stretched to the full width."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.setContentsMargins(SIDE, 4, SIDE, 0)  # off the dock's edges, like the pages

    # -- QLayout's bookkeeping -------------------------------------------------------------------

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation.Horizontal

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        m = self.contentsMargins()
        rows = self.rows(width - m.left() - m.right())
        tall = max((i.sizeHint().height() for i in self._items), default=0)
        return len(rows) * tall + max(len(rows) - 1, 0) * SPACING + m.top() + m.bottom()

    def sizeHint(self) -> QSize:
        m = self.contentsMargins()
        wide = sum(i.sizeHint().width() for i in self._items) + SPACING * max(self.count() - 1, 0)
        wide += m.left() + m.right()
        return QSize(wide, self.heightForWidth(wide))

    def minimumSize(self) -> QSize:
        """The widest title: narrower than that, a title would be cut."""
        m = self.contentsMargins()
        wide = max((i.sizeHint().width() for i in self._items), default=0) + m.left() + m.right()
        return QSize(wide, self.heightForWidth(wide))

    # -- placing ---------------------------------------------------------------------------------

    def _greedy(self, widths: list[int], room: float) -> list[list[int]]:
        rows: list[list[int]] = [[]]
        used = 0
        for i, w in enumerate(widths):
            if rows[-1] and used + SPACING + w > room:
                rows.append([])
                used = 0
            used += (SPACING if rows[-1] else 0) + w
            rows[-1].append(i)
        return rows

    def rows(self, width: int) -> list[list[int]]:
        """Item indexes per row: as few rows as `width` allows, evened out."""
        widths = [i.sizeHint().width() for i in self._items]
        if not widths:
            return []
        wanted = len(self._greedy(widths, width))
        low, high = float(max(widths)), float(max(width, max(widths)))
        for _ in range(20):  # the narrowest row width that needs no more rows
            mid = (low + high) / 2
            if len(self._greedy(widths, mid)) <= wanted:
                high = mid
            else:
                low = mid
        return self._greedy(widths, high)

    def setGeometry(self, outer: QRect) -> None:
        super().setGeometry(outer)
        rect = outer.marginsRemoved(self.contentsMargins())
        tall = max((i.sizeHint().height() for i in self._items), default=0)
        y = rect.y()
        for row in self.rows(rect.width()):
            hints = [self._items[i].sizeHint().width() for i in row]
            spare = rect.width() - sum(hints) - SPACING * (len(row) - 1)
            x = rect.x()
            for n, (i, w) in enumerate(zip(row, hints, strict=True)):
                extra = spare // len(row) + (1 if n < spare % len(row) else 0)
                width = w + max(extra, 0)
                self._items[i].setGeometry(QRect(QPoint(x, y), QSize(width, tall)))
                x += width + SPACING
            y += tall + SPACING


class TabRows(QWidget):
    """Follows `tabs`: a button per tab, the current one checked; a click shows its page."""

    def __init__(self, tabs: QTabWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tabs = tabs
        self.setObjectName("inspectorTabRows")
        self.setStyleSheet(STYLE)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.rows_layout = RowsLayout(self)
        # checked by `_follow`, in no QButtonGroup: Qt takes Tab focus from the unchecked
        # buttons of a group, and every title must be reachable with Tab
        self.buttons: list[QToolButton] = []
        for i in range(tabs.count()):
            button = QToolButton()
            button.setObjectName("inspectorTab")
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
            button.clicked.connect(lambda _=False, i=i: self._clicked(i))
            self.rows_layout.addWidget(button)
            self.buttons.append(button)
        tabs.tabBar().hide()
        tabs.currentChanged.connect(self._follow)
        self.sync()

    def sync(self) -> None:
        """Take the tabs' current titles ("KPIs 12"): call after `setTabText`."""
        for i, button in enumerate(self.buttons):
            text = self.tabs.tabText(i)
            if button.text() != text:
                button.setText(text)
                button.setToolTip(self.tabs.tabToolTip(i) or text.replace("&", ""))
        self._follow(self.tabs.currentIndex())
        self.rows_layout.invalidate()
        self.updateGeometry()

    def _clicked(self, index: int) -> None:
        self.tabs.setCurrentIndex(index)
        self._follow(index)  # a click on the current title unchecked it

    def _follow(self, index: int) -> None:
        for i, button in enumerate(self.buttons):
            button.setChecked(i == index)


__all__ = ["RowsLayout", "TabRows"]
