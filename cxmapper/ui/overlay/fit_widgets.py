"""Widgets of the analysis panel that fit its width (about 370 px beside the map at 1366×768).

- `ElidedCombo`: a dataset's name with its size ("demo-events (57,661 events, 10,200 cases)")
  was cut mid-word at the combo's edge; it now ends in "…" and the tooltip holds all of it.
- `ViewTabs`: seven result tabs need about 520 px; the tab bar scrolled, showing half a
  title at each end. When the titles do not fit, a drop-down listing every view takes the
  tab bar's place; in a wider panel the tabs come back.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QHelpEvent, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QTabWidget,
    QToolTip,
    QWidget,
)


class ElidedCombo(QComboBox):
    """A combo box that never widens its panel and elides its current text, whole in the
    tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(8)

    def tip_text(self) -> str:
        """The tooltip shown: the whole current text when it is elided, then the own tip."""
        own = self.toolTip()
        if self.shown_text() == self.currentText():
            return own
        return f"{self.currentText()}\n{own}" if own else self.currentText()

    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ToolTip and isinstance(e, QHelpEvent):
            tip = self.tip_text()
            if tip:
                QToolTip.showText(e.globalPos(), tip, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(e)

    def _text_rect_width(self, option: QStyleOptionComboBox) -> int:
        rect = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option,
            QStyle.SubControl.SC_ComboBoxEditField, self,
        )  # fmt: skip
        return rect.width()

    def shown_text(self) -> str:
        """The current text as painted: elided to the text field's width."""
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        return self.fontMetrics().elidedText(
            self.currentText(), Qt.TextElideMode.ElideRight, self._text_rect_width(option)
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.isEditable():
            super().paintEvent(event)
            return
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        option.currentText = self.shown_text()
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)


class ViewTabs(QTabWidget):
    """Result views as tabs while their titles fit, else picked from `picker` (which the
    owner lays out above this widget)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.picker = ElidedCombo()
        self.picker.setObjectName("analysisViewPicker")
        self.picker.hide()
        self.picker.activated.connect(self.setCurrentIndex)
        self.currentChanged.connect(self._follow)
        self.setUsesScrollButtons(True)  # only while the picker is being set up
        self.setDocumentMode(True)

    def _follow(self, index: int) -> None:
        if self.picker.currentIndex() != index:
            self.picker.setCurrentIndex(index)

    def _refill(self) -> None:
        self.picker.blockSignals(True)
        self.picker.clear()
        for i in range(self.count()):
            self.picker.addItem(self.tabText(i).replace("&", ""))
            self.picker.setItemData(i, self.tabToolTip(i), Qt.ItemDataRole.ToolTipRole)
        self.picker.setCurrentIndex(self.currentIndex())
        self.picker.blockSignals(False)
        self.fit()

    def tabInserted(self, index: int) -> None:
        super().tabInserted(index)
        self._refill()

    def tabRemoved(self, index: int) -> None:
        super().tabRemoved(index)
        self._refill()

    def tabs_fit(self) -> bool:
        """Whether every tab title shows whole in this widget's width."""
        bar = self.tabBar()
        need = sum(bar.tabSizeHint(i).width() for i in range(self.count()))
        return need <= self.width()

    def fit(self) -> None:
        fits = self.tabs_fit()
        self.tabBar().setVisible(fits)
        if self.picker.parent() is not None:  # laid out by the owner
            self.picker.setVisible(not fits)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()
